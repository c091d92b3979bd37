namespace Monitor.Feeds.Fetching;

/// <summary>
/// The HTTP validators of a feed's last delivery. The caller keeps them on the delivery row (etag, last_modified) and
/// passes them back, so the next fetch can ask "only if changed" (If-None-Match / If-Modified-Since).
/// Stored as the raw header text: servers compare validators byte for byte.
/// </summary>
public sealed record FetchState(string? ETag, string? LastModified)
{
    /// <summary>Nothing known yet (first fetch, or a file feed): the server sends the full content.</summary>
    public static FetchState None { get; } = new(null, null);
}
