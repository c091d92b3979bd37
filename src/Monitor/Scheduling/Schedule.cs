using Hangfire;
using Microsoft.Extensions.Configuration;
using Monitor.Feeds;

namespace Monitor.Scheduling;

/// <summary>Registers every recurring job at start-up: one per scheduled feed, the nightly full computation, the weekly digest.</summary>
public sealed class Schedule(FeedCatalog catalog, IRecurringJobManager recurring, IConfiguration config)
{
    public void Register()
    {
        var options = new RecurringJobOptions { TimeZone = HangfireSetup.Amsterdam, MisfireHandling = MisfireHandlingMode.Relaxed };
        foreach (var feed in catalog.Feeds)
        {
            if (string.IsNullOrWhiteSpace(feed.Schedule)) { recurring.RemoveIfExists($"feed:{feed.Name}"); continue; }
            recurring.AddOrUpdate<FeedJob>($"feed:{feed.Name}", "a-ingest", j => j.RunAsync(feed.Name, CancellationToken.None), feed.Schedule, options);
        }
        recurring.AddOrUpdate<ComputeJob>("compute:nightly", "b-compute", j => j.RunNightlyAsync(CancellationToken.None),
            config["Schedule:Compute"] ?? "30 2 * * *", options);
    }
}
