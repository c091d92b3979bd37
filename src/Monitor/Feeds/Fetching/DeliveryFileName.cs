using System.Net.Http.Headers;

namespace Monitor.Feeds.Fetching;

/// <summary>
/// The name a download is known by: it picks the format reader (by extension) and appears in every problem report,
/// so it should be what the publisher called the file.
/// </summary>
internal static class DeliveryFileName
{
    private static readonly Dictionary<string, string> ExtensionByMediaType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/csv"] = ".csv",
        ["application/csv"] = ".csv",
        ["application/json"] = ".json",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
    };

    /// <summary>Content-Disposition's file name, else the URL's last path segment, else the feed name; an extension
    /// from the media type when the name has none.</summary>
    public static string For(HttpContentHeaders headers, Uri finalUri, string feedName)
    {
        var name = Clean(headers.ContentDisposition?.FileNameStar)
                   ?? Clean(headers.ContentDisposition?.FileName)
                   ?? Clean(Uri.UnescapeDataString(finalUri.Segments.LastOrDefault() ?? ""))
                   ?? Clean(feedName)
                   ?? "levering";
        if (Path.HasExtension(name)) return name;
        var mediaType = headers.ContentType?.MediaType;
        return mediaType is not null && ExtensionByMediaType.TryGetValue(mediaType, out var ext) ? name + ext : name;
    }

    /// <summary>A bare, harmless file name: a server must not be able to name a path ("../../etc/x").</summary>
    private static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var name = Path.GetFileName(raw.Trim().Trim('"').Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && Array.IndexOf(Path.GetInvalidFileNameChars(), c) < 0).ToArray()).Trim();
        if (name.Length > 150) name = name[..150];
        return name is "" or "." or ".." ? null : name;
    }
}
