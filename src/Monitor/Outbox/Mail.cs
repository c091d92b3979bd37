using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Utils;
using Monitor.Feeds.Values;

namespace Monitor.Outbox;

/// <summary>What every message of the Monitor shares: addressing that feed text cannot break, ids, automated-mail headers.</summary>
public static class Mail
{
    /// <summary>HTML-escapes feed text: &lt; &gt; &amp; " and '.</summary>
    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A mailbox from feed text. Ingestion already refuses line breaks in contacten; this is the second wall: control
    /// characters become spaces, and MimeKit encodes the display name (RFC 2047) so it can never end a header. The
    /// address must pass <see cref="EmailAddress.Problem"/>, the rule ingest holds too; callers that send to many check
    /// it first (<see cref="AddressProblem"/>) so one bad contact fails alone.
    /// </summary>
    public static MailboxAddress Mailbox(string? name, string address)
    {
        if (AddressProblem(address) is { } problem)
            throw new ArgumentException($"Ongeldig e-mailadres {Shown(address)}: {problem}.");
        try { return new MailboxAddress(NoControl(name).Trim(), address); }
        catch (ParseException e) { throw new ArgumentException($"Ongeldig e-mailadres {Shown(address)} ({e.Message})", e); }
    }

    /// <summary>Why the sender cannot address <paramref name="address"/>, in Dutch; null when it can.</summary>
    public static string? AddressProblem(string address) => EmailAddress.Problem(address);

    /// <summary>An address as text for a message: quoted, control characters as spaces.</summary>
    public static string Shown(string address) => $"'{NoControl(address)}'";

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
