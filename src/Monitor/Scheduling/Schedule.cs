using Monitor.Clock;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Monitor.Analysis;
using Monitor.Feeds;
using Monitor.Digests;
using Monitor.Digests.College;
using Monitor.Outbox;

namespace Monitor.Scheduling;

/// <summary>Registers every recurring job at start-up: one per scheduled feed, the nightly full computation, the daily alerts, the weekly digest and the outbox.</summary>
public sealed class Schedule(FeedCatalog catalog, IRecurringJobManager recurring, IConfiguration config)
{
    public void Register()
    {
        var options = new RecurringJobOptions { TimeZone = AmsterdamDate.Zone, MisfireHandling = MisfireHandlingMode.Relaxed };
        foreach (var feed in catalog.Feeds)
        {
            if (string.IsNullOrWhiteSpace(feed.Schedule)) { recurring.RemoveIfExists($"feed:{feed.Name}"); continue; }
            recurring.AddOrUpdate<FeedJob>($"feed:{feed.Name}", "a-ingest", j => j.RunAsync(feed.Name, CancellationToken.None), feed.Schedule, options);
        }
        recurring.AddOrUpdate<ComputeJob>("compute:nightly", "b-compute", j => j.RunNightlyAsync(CancellationToken.None),
            config["Schedule:Compute"] ?? "30 2 * * *", options);
        // Outputs (issue 5): alerts daily after the nightly computation, the digest on Monday morning, the outbox often.
        recurring.AddOrUpdate<Alerts.AlertJob>("alerts:daily", "c-output", j => j.RunAsync(CancellationToken.None),
            config["Schedule:Alerts"] ?? "0 6 * * *", options);
        recurring.AddOrUpdate<DigestJob>("digest:weekly", "c-output", j => j.RunAsync(CancellationToken.None),
            config["Schedule:Digest"] ?? "0 8 * * 1", options);
        // Issue 13: each college's own overview, monthly (the 1st, 08:00) unless Schedule:CollegeDigest says otherwise.
        recurring.AddOrUpdate<CollegeJob>("digest:college", "c-output", j => j.RunAsync(CancellationToken.None),
            config["Schedule:CollegeDigest"] ?? "0 8 1 * *", options);
        recurring.AddOrUpdate<OutboxJob>("outbox:send", "c-output", j => j.RunAsync(CancellationToken.None),
            config["Schedule:Outbox"] ?? "*/5 * * * *", options);
    }
}
