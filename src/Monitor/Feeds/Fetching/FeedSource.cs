namespace Monitor.Feeds.Fetching;

/// <summary>
/// The one entry point for getting a feed's new deliveries, chosen by its Location: an http(s) URL is downloaded, a
/// directory is a drop folder, a file is read as it is.
/// </summary>
public sealed class FeedSource(HttpFeedFetcher http, DropFolderOptions dropFolders, TimeProvider? time = null)
{
    /// <summary>New deliveries, oldest first; empty when there is nothing new (HTTP 304, empty drop folder).
    /// Throws <see cref="FeedFetchException"/> when the feed cannot be fetched.</summary>
    public async Task<IReadOnlyList<FetchedFile>> FetchAsync(FeedOptions feed, FetchState state, CancellationToken ct = default)
    {
        if (LooksLikeUrl(feed.Location))
        {
            // Non-http(s) schemes go here too, so the fetcher refuses them with its own clear message.
            var result = await http.FetchAsync(feed, state, ct);
            return result switch
            {
                FetchResult.Fetched f => [FetchedFile.Downloaded(f)],
                FetchResult.NotModified => [],
                FetchResult.Failed f => throw new FeedFetchException(f.Reason, f.Retryable),
                _ => throw new InvalidOperationException($"Onbekend resultaat {result.GetType().Name}."),
            };
        }
        if (Directory.Exists(feed.Location))
        {
            var folder = new DropFolder(feed.Location, dropFolders, time);
            return folder.ListNew().Select(f => FetchedFile.InDropFolder(folder, f)).ToList();
        }
        if (File.Exists(feed.Location)) return [FetchedFile.Local(new FileInfo(feed.Location))];
        // Retryable: a network share that is briefly unmounted looks exactly like this.
        throw new FeedFetchException($"Feed {feed.Name}: de locatie '{Redaction.Redact(feed.Location)}' bestaat niet of is niet bereikbaar.", retryable: true);
    }

    /// <summary>"scheme://…" with a scheme longer than one letter (so "C:\data" stays a path), "file:" excepted.</summary>
    private static bool LooksLikeUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Scheme.Length > 1 && location.Contains("://");
}
