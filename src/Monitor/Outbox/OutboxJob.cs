using Hangfire;
using Microsoft.Extensions.Logging;

namespace Monitor.Outbox;

/// <summary>Hangfire: sends the outbox's due messages (every few minutes, and right after alerts and digests are composed).</summary>
public sealed class OutboxJob(OutboxSender sender, ILogger<OutboxJob> log)
{
    [Queue("c-output")]
    [JobDisplayName("Outbox versturen")]
    [DisableConcurrentExecution(600)]
    [AutomaticRetry(Attempts = 0)] // the outbox has its own retries and backoff per message; the next run is the retry
    public async Task RunAsync(CancellationToken ct)
    {
        var r = await sender.SendDueAsync(DateTimeOffset.UtcNow, ct);
        if (r.Sent + r.Retrying + r.Failed > 0)
            log.LogInformation("Outbox: {Sent} verzonden, {Retrying} later opnieuw, {Failed} mislukt, {Pending} wachtend.", r.Sent, r.Retrying, r.Failed, r.StillPending);
        // A message that fails is a signal: the job fails so Hangfire shows it, but nothing is lost or resent early.
        if (r.Failed > 0 || r.Retrying > 0) throw new InvalidOperationException($"Outbox: {r.Retrying} berichten wachten op een nieuwe poging, {r.Failed} zijn opgegeven.");
    }
}
