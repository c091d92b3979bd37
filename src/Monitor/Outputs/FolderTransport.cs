namespace Monitor.Outputs;

/// <summary>
/// No SMTP configured: every message becomes an .eml file (named by its outbox id, so a retry overwrites rather than
/// duplicates), and a digest also becomes an .html page with its charts beside it, to open in a browser.
/// </summary>
public sealed class FolderTransport(string folder) : IMailTransport
{
    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var mime = OutboxStore.Parse(message.Mime);
        var stamp = (mime.Date == default ? DateTimeOffset.UtcNow : mime.Date).ToString("yyyyMMdd");
        var baseName = $"{stamp}-{message.Soort}-{message.Id:D6}";
        var path = Path.Combine(folder, baseName + ".eml");
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, message.Mime, ct);
        File.Move(temp, path, overwrite: true);
        if (message.Soort == "digest") await HtmlExport.WriteAsync(mime, folder, baseName, ct);
        return path;
    }

    public bool IsMessageSpecific(Exception error) => false;
    public bool IsPermanent(Exception error) => error is UnauthorizedAccessException;
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
