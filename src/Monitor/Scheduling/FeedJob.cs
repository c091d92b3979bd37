using Dapper;
using Hangfire;
using Microsoft.Extensions.Logging;
using Monitor.Feeds;
using Npgsql;

namespace Monitor.Scheduling;

/// <summary>
/// The recurring job of one feed: fetch, load, and on an accepted delivery queue the computation.
/// A feed never runs twice at once, across every server: a session advisory lock held for the whole run (released by
/// PostgreSQL itself if the process dies, unlike Hangfire's lock rows which have no heartbeat).
/// </summary>
public sealed class FeedJob(NpgsqlDataSource db, FeedCatalog catalog, FeedRunner runner, IBackgroundJobClient jobs, ILogger<FeedJob> log)
{
    [Queue("a-ingest")]
    [JobDisplayName("Feed {0} ophalen")]
    public async Task RunAsync(string feedName, CancellationToken ct)
    {
        var feed = catalog.Get(feedName);
        await using var guard = await db.OpenConnectionAsync(ct);
        if (!await guard.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(hashtext('feed:' || @feedName))", new { feedName }))
        {
            log.LogInformation("Feed {Feed} wordt al opgehaald door een andere server; deze beurt vervalt.", feedName);
            return;
        }
        try
        {
            // A fetch that fails throws: the job fails, Hangfire shows and retries it; it is never swallowed.
            var results = await runner.RunAsync(feed, ct);
            foreach (var r in results)
            {
                log.LogInformation("Feed {Feed}: levering {Delivery} {Outcome}, {Rows} regels.", feedName, r.DeliveryId, r.Outcome, r.RowsLoaded);
                foreach (var w in r.Warnings) log.LogWarning("Feed {Feed}: levering {Delivery}: {Warning}", feedName, r.DeliveryId, w.ToString());
            }
            var accepted = results.Where(r => r.Outcome == IngestOutcome.Accepted).Select(r => r.DeliveryId).ToArray();
            if (accepted.Length > 0)
            {
                var compute = jobs.Enqueue<ComputeJob>(j => j.RunAfterDeliveryAsync(accepted, CancellationToken.None));
                // Early warnings follow every computation (issue 5).
                jobs.ContinueJobWith<Alerts.AlertJob>(compute, j => j.RunAsync(CancellationToken.None)); // default: only when compute succeeded
            }
        }
        finally
        {
            // When the database went away mid-run the session is gone, and its lock with it; the unlock's own failure
            // must not replace the run's exception, which says what happened.
            try { await guard.ExecuteAsync("SELECT pg_advisory_unlock(hashtext('feed:' || @feedName))", new { feedName }); }
            catch (NpgsqlException e) { log.LogWarning("Feed {Feed}: slot niet vrijgegeven ({Reason}); de sessie is al weg.", feedName, e.Message); }
        }
    }
}
