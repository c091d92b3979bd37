using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Scheduling;

/// <summary>Hangfire on the warehouse's own PostgreSQL, in schema "hangfire", tuned for the traps in notes/tech-research.md §4.</summary>
public static class HangfireSetup
{
    // Polly already retries fetches; Hangfire retries the job a few times more, then leaves it failed and visible.
    // The filter list is process-wide: added once, however many apps a process builds. (Creating the attribute again
    // after an earlier app was disposed also failed: it logs through that app's disposed logger factory.)
    private static readonly Lazy<AutomaticRetryAttribute> RetryFilter = new(() =>
    {
        var retry = new AutomaticRetryAttribute { Attempts = 3, DelaysInSeconds = [30, 120, 600] };
        GlobalJobFilters.Filters.Add(retry);
        return retry;
    });

    /// <param name="invisibilityTimeout">How long a job whose server stopped sending heartbeats (killed, machine gone)
    /// stays claimed before another server takes it over; 5 minutes unless configured (Serve:InvisibilityTimeout).</param>
    public static IServiceCollection AddMonitorHangfire(this IServiceCollection services, string connectionString, int workers = 2,
        TimeSpan? invisibilityTimeout = null)
    {
        if (invisibilityTimeout is { } t && (t < TimeSpan.FromSeconds(1) || t > TimeSpan.FromDays(1)))
            throw new InvalidOperationException($"Serve:InvisibilityTimeout {t} ligt niet tussen 1 seconde en 1 dag.");
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                // A job running past the invisibility timeout would be fetched again by another server: keep it alive instead.
                // Only a job whose server died (no heartbeat for this long) is taken over by another server.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = invisibilityTimeout ?? TimeSpan.FromMinutes(5),
                // Locks have no heartbeat; keep them longer than the longest load so a second server cannot enter.
                DistributedLockTimeout = TimeSpan.FromMinutes(30),
                QueuePollInterval = TimeSpan.FromSeconds(2),
                // Fail at start when the database is unreachable, not hours later at the first job.
                AllowDegradedModeWithoutStorage = false,
            }));
        _ = RetryFilter.Value;
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = workers;
            // Queues are taken in alphabetical order: ingest before compute before outputs.
            o.Queues = ["a-ingest", "b-compute", "c-output", "default"];
            o.ServerName = $"monitor-{Environment.MachineName}-{Environment.ProcessId}";
        });
        return services;
    }
}
