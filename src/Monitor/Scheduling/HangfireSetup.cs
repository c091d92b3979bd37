using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Scheduling;

/// <summary>Hangfire on the warehouse's own PostgreSQL, in schema "hangfire", tuned for the traps in notes/tech-research.md §4.</summary>
public static class HangfireSetup
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    // Polly already retries fetches; Hangfire retries the job a few times more, then leaves it failed and visible.
    // The filter list is process-wide: added once, however many apps a process builds. (Creating the attribute again
    // after an earlier app was disposed also failed: it logs through that app's disposed logger factory.)
    private static readonly Lazy<AutomaticRetryAttribute> RetryFilter = new(() =>
    {
        var retry = new AutomaticRetryAttribute { Attempts = 3, DelaysInSeconds = [30, 120, 600] };
        GlobalJobFilters.Filters.Add(retry);
        return retry;
    });

    public static IServiceCollection AddMonitorHangfire(this IServiceCollection services, string connectionString, int workers = 2)
    {
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                // A job running past the invisibility timeout would be fetched again by another server: keep it alive instead.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
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
