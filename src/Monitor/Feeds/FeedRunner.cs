using Dapper;
using Monitor.Feeds.Fetching;
using Monitor.Feeds.Formats;
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
        try
        {
            RefuseOversized(feed, files);
            var results = new List<IngestResult>();
            foreach (var file in files)
            {
                var request = IngestRequest.ForFeed(feed, file.Path, file.Source, file.State.ETag, file.State.LastModified);
                var loader = new DeliveryLoader(db);
                var result = progress is null
                    ? await loader.IngestAsync(request, null, ct)
                    : await progress(file.Bytes, p => loader.IngestAsync(request, p, ct));
                file.Complete(result);
                results.Add(result);
            }
            return results;
        }
        finally
        {
            foreach (var file in files) await file.DisposeAsync();
        }
    }

    /// <summary>
    /// HTTP downloads are limited while streaming; local files are checked here, before anything is read. An oversized
    /// drop-folder file is set aside in rejected/ with its reason, so it cannot block the files after it on every run;
    /// the run itself fails (nothing of it is loaded), so the operator sees it, and the next run loads the rest.
    /// </summary>
    private static void RefuseOversized(FeedOptions feed, IReadOnlyList<FetchedFile> files)
    {
        var reasons = new List<string>();
        foreach (var file in files.Where(f => f.Bytes > feed.MaxBytes))
        {
            var reason = $"{file.FileName} is {Sizes.Describe(file.Bytes)}, groter dan de limiet van {Sizes.Describe(feed.MaxBytes)} " +
                         "voor deze feed. Lever de gegevens in kleinere bestanden aan, of laat de limiet (MaxBytes) van de feed verhogen.";
            file.Refuse(reason);
            reasons.Add(reason);
        }
        if (reasons.Count > 0) throw new FeedFetchException($"Feed {feed.Name}: {string.Join(" ", reasons)}", retryable: false);
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
