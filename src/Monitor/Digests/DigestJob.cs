using Monitor.Clock;
using Hangfire;
using Microsoft.Extensions.Logging;
using Monitor.Outbox;

namespace Monitor.Digests;

/// <summary>Hangfire, weekly (Schedule:Digest, default Monday 08:00 Europe/Amsterdam): one digest per PRT into the outbox, then send.</summary>
public sealed class DigestJob(DigestRunner runner, IBackgroundJobClient jobs, ILogger<DigestJob> log)
{
    [Queue("c-output")]
    [JobDisplayName("Weekoverzichten")]
    [DisableConcurrentExecution(1800)]
    public async Task RunAsync(CancellationToken ct)
    {
        var today = AmsterdamDate.Today();
        var queued = 0;
        foreach (var provincie in await runner.ProvinciesAsync(null, send: true, ct))
        {
            var r = await runner.QueueAsync(provincie, today, DateTimeOffset.UtcNow, ct);
            if (r.Note is not null) log.LogWarning("Weekoverzicht {Provincie}: {Note}", provincie, r.Note);
            if (r.OutboxId is not null) queued++;
        }
        log.LogInformation("Weekoverzichten {Date}: {Count} in de outbox.", today, queued);
        if (queued > 0) jobs.Enqueue<OutboxJob>(j => j.RunAsync(CancellationToken.None));
    }
}
