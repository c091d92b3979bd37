using MimeKit;
using MimeKit.Utils;
using Monitor.Outbox;

namespace Monitor.Digests;

/// <summary>Composes the digest message: text + HTML alternative, charts as inline CID PNGs, the table as CSV attachment.</summary>
public static class DigestMail
{
    public static MimeMessage Compose(DigestModel m, DigestOptions o, MailboxAddress from, IReadOnlyList<MailboxAddress> to, DateTimeOffset now)
    {
        var visuals = DigestCharts.Render(m, o);
        var message = Mail.New(from, to.Count > 0 ? to[0] : new MailboxAddress("", "voorbeeld@monitor.invalid"), Subject(m), now);
        foreach (var extra in to.Skip(1)) message.To.Add(extra);
        var body = new BodyBuilder { TextBody = DigestText.Render(m, o) };
        var cids = new Dictionary<string, string>();
        foreach (var c in visuals.All)
        {
            var image = body.LinkedResources.Add(c.FileName, c.Png, new ContentType("image", "png"));
            image.ContentId = MimeUtils.GenerateMessageId(from.Domain is { Length: > 0 } d ? d : "monitor.local");
            cids[c.FileName] = image.ContentId;
        }
        body.HtmlBody = DigestHtml.Render(m, cids, visuals, o);
        var csv = (MimePart)body.Attachments.Add($"{BaseName(m)}.csv", DigestCsv.Render(m),
            new ContentType("text", "csv") { Charset = "utf-8" });
        csv.ContentTransferEncoding = ContentEncoding.Base64; // byte-exact (BOM, CRLF) through any relay
        body.Attachments.Add($"{BaseName(m)}.xlsx", DigestXlsx.Render(m.Headlines.Concat(m.Gemeenten).ToList(), m.Name),
            new ContentType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The name of the digest's files, in the outbox and as attachments: area and date, e.g. weekoverzicht-PV30-2026-12-07.</summary>
    public static string BaseName(DigestModel m) => m.ToezichtSectie
        ? $"weekoverzicht-toezicht-{m.Provincie}-{m.Date:yyyy-MM-dd}" : $"weekoverzicht-{m.Provincie}-{m.Date:yyyy-MM-dd}";

    /// <summary>Built from the provincie's name as stored (reference data), encoded by MimeKit like any header text.</summary>
    public static string Subject(DigestModel m) =>
        $"Weekoverzicht {m.ProvincieNaam} {m.Date:yyyy-MM-dd}{(m.ToezichtSectie ? ", met toezicht op de taakstelling" : "")}";
}
