using Monitor.Clock;
using Hangfire;
using Microsoft.Extensions.Logging;
using Monitor.Outbox;

namespace Monitor.Alerts;

/// <summary>Hangfire: evaluate the alerts for today (after each computation and daily), then send what the outbox holds.</summary>
public sealed class AlertJob(AlertRunner runner, IBackgroundJobClient jobs, ILogger<AlertJob> log)
{
    [Queue("c-output")]
    [JobDisplayName("Meldingen beoordelen")]
    [DisableConcurrentExecution(600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var today = AmsterdamDate.Today();
        var r = await runner.RunAsync(today, DateTimeOffset.UtcNow, ct);
        log.LogInformation("Meldingen {Date}: {Open} open ({Firing} actief), {Notices} meldingen in {Messages} berichten.",
            r.Date, r.Open, r.Firing, r.Notices, r.Messages);
        foreach (var u in r.Unaddressed) log.LogWarning("Melding zonder ontvanger (geen contact): {Alert}", u);
        foreach (var u in r.Unaddressable ?? []) log.LogWarning("Niet verstuurd, adres onbruikbaar (gemeld aan de operators): {Recipient}", u.ToString());
        if (r.WithoutData > 0) log.LogWarning("{Count} open meldingen zonder actuele cijfers; ongewijzigd gelaten.", r.WithoutData);
        if (r.Messages > 0) jobs.Enqueue<OutboxJob>(j => j.RunAsync(CancellationToken.None));
    }
}
