using System.Text.RegularExpressions;
using MimeKit;

namespace Monitor.Outbox;

/// <summary>Writes a message's HTML part as a page with its inline (cid:) images as files beside it, linked relatively.</summary>
public static partial class HtmlExport
{
    [GeneratedRegex("[^A-Za-z0-9._-]")] private static partial Regex Unsafe();

    /// <returns>The path of the .html file.</returns>
    public static async Task<string> WriteAsync(MimeMessage message, string folder, string baseName, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var html = message.HtmlBody ?? throw new InvalidOperationException("Het bericht heeft geen HTML-deel.");
        var n = 0;
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(p => p.ContentId is not null && p.Content is not null && p.ContentType.MediaType == "image"))
        {
            var name = $"{baseName}-{Unsafe().Replace(part.FileName ?? $"afbeelding{++n}.{part.ContentType.MediaSubtype}", "_")}";
            await using (var file = File.Create(Path.Combine(folder, name)))
                await part.Content!.DecodeToAsync(file, ct);
            html = html.Replace($"cid:{part.ContentId}", Uri.EscapeDataString(name));
        }
        var path = Path.Combine(folder, baseName + ".html");
        await File.WriteAllTextAsync(path, html, ct);
        return path;
    }
}
