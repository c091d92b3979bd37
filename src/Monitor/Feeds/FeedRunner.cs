using Dapper;
using Monitor.Feeds.Fetching;
using Monitor.Feeds.Loading;
using Npgsql;

namespace Monitor.Feeds;

/// <summary>
/// Fetches a feed's new deliveries and loads each one: the glue between fetching and loading that the CLI,
/// <c>feeds run</c> and the scheduled job share.
/// </summary>
public sealed class FeedRunner(NpgsqlDataSource db, FeedSource source)
{
    /// <summary>Shows progress while a file of the given size loads; the default loads silently.</summary>
    public delegate Task<IngestResult> ProgressHook(long size, Func<IProgress<long>?, Task<IngestResult>> load);

    public async Task<IReadOnlyList<IngestResult>> RunAsync(FeedOptions feed, CancellationToken ct, ProgressHook? progress = null)
    {
        var files = await source.FetchAsync(feed, await LastStateAsync(feed.Name, ct), ct);
        var results = new List<IngestResult>();
        foreach (var file in files)
        {
            await using (file)
            {
                // HTTP downloads are limited while streaming; local files are checked here, before anything is read.
                if (file.Bytes > feed.MaxBytes)
                    throw new FeedFetchException($"Feed {feed.Name}: {file.FileName} is {file.Bytes / (1 << 20)} MB, meer dan de limiet van {feed.MaxBytes / (1 << 20)} MB.", retryable: false);
                var request = IngestRequest.ForFeed(feed, file.Path, file.Source, file.State.ETag, file.State.LastModified);
                var loader = new DeliveryLoader(db);
                var result = progress is null
                    ? await loader.IngestAsync(request, null, ct)
                    : await progress(file.Bytes, p => loader.IngestAsync(request, p, ct));
                file.Complete(result);
                results.Add(result);
            }
        }
        return results;
    }

    /// <summary>The validators of the feed's last good fetch, for a conditional GET.</summary>
    private async Task<FetchState> LastStateAsync(string feed, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var last = await conn.QueryFirstOrDefaultAsync<(string? ETag, string? LastModified)>("""
            SELECT etag, last_modified FROM monitor.deliveries
            WHERE feed = @feed AND outcome IN ('accepted', 'duplicate') ORDER BY id DESC LIMIT 1
            """, new { feed });
        return new FetchState(last.ETag, last.LastModified);
    }
}
