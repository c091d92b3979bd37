using Monitor.Clock;
using Hangfire;
using Monitor.Feeds;
using Monitor.Digests;
using Monitor.Digests.College;
using Monitor.Outbox;

namespace Monitor.Scheduling;

/// <summary>Registers every recurring job at start-up: one per scheduled feed, the nightly full computation, the daily alerts, the weekly digest and the outbox.</summary>
public sealed class Schedule(FeedCatalog catalog, IRecurringJobManager recurring, ScheduleOptions times)
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
            times.Compute, options);
        // Outputs (issue 5): alerts daily after the nightly computation, the digest on Monday morning, the outbox often.
        recurring.AddOrUpdate<Alerts.AlertJob>("alerts:daily", "c-output", j => j.RunAsync(CancellationToken.None),
            times.Alerts, options);
        recurring.AddOrUpdate<DigestJob>("digest:weekly", "c-output", j => j.RunAsync(CancellationToken.None),
            times.Digest, options);
        // Issue 13: each college's own overview, monthly unless Schedule:CollegeDigest says otherwise.
        recurring.AddOrUpdate<CollegeJob>("digest:college", "c-output", j => j.RunAsync(CancellationToken.None),
            times.CollegeDigest, options);
        recurring.AddOrUpdate<OutboxJob>("outbox:send", "c-output", j => j.RunAsync(CancellationToken.None),
            times.Outbox, options);
    }
}
