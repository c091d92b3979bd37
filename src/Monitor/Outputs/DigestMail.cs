using MimeKit;
using MimeKit.Utils;

namespace Monitor.Outputs;

/// <summary>Composes the digest message: text + HTML alternative, charts as inline CID PNGs, the table as CSV attachment.</summary>
public static class DigestMail
{
    public static MimeMessage Compose(DigestModel m, DigestOptions o, MailboxAddress from, IReadOnlyList<MailboxAddress> to, DateTimeOffset now)
    {
        var charts = DigestCharts.Render(m, o);
        var message = Mail.New(from, to.Count > 0 ? to[0] : new MailboxAddress("", "voorbeeld@monitor.invalid"), Subject(m), now);
        foreach (var extra in to.Skip(1)) message.To.Add(extra);
        var body = new BodyBuilder { TextBody = DigestText.Render(m, o) };
        var cids = new Dictionary<string, string>();
        foreach (var c in charts)
        {
            var image = body.LinkedResources.Add(c.FileName, c.Png, new ContentType("image", "png"));
            image.ContentId = MimeUtils.GenerateMessageId(from.Domain is { Length: > 0 } d ? d : "monitor.local");
            cids[c.FileName] = image.ContentId;
        }
        body.HtmlBody = DigestHtml.Render(m, cids, charts, o);
        var csv = (MimePart)body.Attachments.Add($"weekoverzicht-{m.Provincie}-{m.Date:yyyy-MM-dd}.csv", DigestCsv.Render(m),
            new ContentType("text", "csv") { Charset = "utf-8" });
        csv.ContentTransferEncoding = ContentEncoding.Base64; // byte-exact (BOM, CRLF) through any relay
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Built from the provincie's name as stored (reference data), encoded by MimeKit like any header text.</summary>
    public static string Subject(DigestModel m) => $"Weekoverzicht {m.ProvincieNaam} {m.Date:yyyy-MM-dd}";
}
