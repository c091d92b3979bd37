using Monitor.Clock;
using Hangfire;
using Microsoft.Extensions.Logging;
using Monitor.Outbox;

namespace Monitor.Digests.College;

/// <summary>Hangfire, monthly (Schedule:CollegeDigest, default the 1st at 08:00 Europe/Amsterdam): one overview per gemeente with a college contact.</summary>
public sealed class CollegeJob(CollegeRunner runner, IBackgroundJobClient jobs, ILogger<CollegeJob> log)
{
    [Queue("c-output")]
    [JobDisplayName("Collegeoverzichten")]
    [DisableConcurrentExecution(3600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var today = AmsterdamDate.Today();
        var queued = 0;
        foreach (var gemeente in await runner.GemeentenAsync(ct))
            if (await runner.QueueAsync(gemeente, today, DateTimeOffset.UtcNow, ct) is not null) queued++;
        log.LogInformation("Collegeoverzichten {Date}: {Count} in de outbox.", today, queued);
        if (queued > 0) jobs.Enqueue<OutboxJob>(j => j.RunAsync(CancellationToken.None));
    }
}
