using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Monitor.Outputs;

/// <summary>What every message of the Monitor shares: addressing that feed text cannot break, ids, automated-mail headers.</summary>
public static class Mail
{
    /// <summary>HTML-escapes feed text: &lt; &gt; &amp; " and '.</summary>
    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A mailbox from feed text. Ingestion already refuses line breaks in contacten; this is the second wall: control
    /// characters become spaces, and MimeKit encodes the display name (RFC 2047) so it can never end a header.
    /// </summary>
    public static MailboxAddress Mailbox(string? name, string address)
    {
        var clean = NoControl(name);
        if (address.IndexOfAny(['\r', '\n', '\0', '<', '>', ',', ';', ' ', '"']) >= 0 || !address.Contains('@'))
            throw new ArgumentException($"Ongeldig e-mailadres: {address.ReplaceLineEndings(" ")}");
        try { return new MailboxAddress(clean.Trim(), address); }
        catch (ParseException e) { throw new ArgumentException($"Ongeldig e-mailadres: {address} ({e.Message})", e); }
    }

    /// <summary>Control characters (CR, LF, NUL, tab …) become spaces: header text from feeds stays on its line.</summary>
    public static string NoControl(string? text)
    {
        var clean = new StringBuilder(text?.Length ?? 0);
        foreach (var ch in text ?? "") clean.Append(char.IsControl(ch) ? ' ' : ch);
        return clean.ToString();
    }

    public static MimeMessage New(MailboxAddress from, MailboxAddress to, string subject, DateTimeOffset date)
    {
        var m = new MimeMessage();
        m.From.Add(from);
        m.To.Add(to);
        m.Subject = NoControl(subject);
        m.Date = date;
        m.MessageId = MimeUtils.GenerateMessageId(from.Domain is { Length: > 0 } d ? d : "monitor.local");
        m.Headers.Add("Auto-Submitted", "auto-generated");
        m.Headers.Add("X-Auto-Response-Suppress", "All");
        return m;
    }
}
