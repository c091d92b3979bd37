using MimeKit;

namespace Monitor.Outbox;

/// <summary>
/// No SMTP configured: every message becomes an .eml file (named by its outbox id, so a retry overwrites rather than
/// duplicates), and a digest also becomes an .html page with its charts beside it, to open in a browser.
/// </summary>
public sealed partial class FolderTransport(string folder) : IMailTransport
{
    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var mime = OutboxStore.Parse(message.Mime);
        var stamp = (mime.Date == default ? DateTimeOffset.UtcNow : mime.Date).ToString("yyyyMMdd");
        // An overview is named after what it covers (its attachments carry area and date: weekoverzicht-PV30-2026-12-07),
        // so the folder can be browsed; the CSV and XLSX are written beside the HTML.
        var attachments = mime.Attachments.OfType<MimePart>().Where(a => a.FileName is { Length: > 0 } n && SafeName().IsMatch(n)).ToList();
        var overview = attachments.Select(a => Path.GetFileNameWithoutExtension(a.FileName!)).FirstOrDefault();
        var baseName = overview ?? $"{stamp}-{message.Soort}-{message.Id:D6}";
        var path = Path.Combine(folder, baseName + ".eml");
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, message.Mime, ct);
        File.Move(temp, path, overwrite: true);
        if (overview is not null && mime.HtmlBody is not null)
        {
            await HtmlExport.WriteAsync(mime, folder, baseName, ct);
            foreach (var a in attachments)
            {
                await using var file = File.Create(Path.Combine(folder, a.FileName!));
                await a.Content!.DecodeToAsync(file, ct);
            }
        }
        return path;
    }

    /// <summary>Only names the Monitor itself gives its overviews (letters, digits, dashes, one extension): nothing can leave the folder.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(weekoverzicht|collegeoverzicht)-[A-Za-z0-9-]+\.(csv|xlsx)$")]
    private static partial System.Text.RegularExpressions.Regex SafeName();

    public bool IsMessageSpecific(Exception error) => false;
    public bool IsPermanent(Exception error) => error is UnauthorizedAccessException;
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
