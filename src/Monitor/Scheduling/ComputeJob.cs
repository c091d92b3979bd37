using Hangfire;
using Microsoft.Extensions.Logging;
using Monitor.Compute;

namespace Monitor.Scheduling;

/// <summary>Runs the computation after accepted deliveries (incremental) and every night (full).</summary>
public sealed class ComputeJob(ComputeService compute, ILogger<ComputeJob> log)
{
    [Queue("b-compute")]
    [JobDisplayName("Doorrekenen na leveringen {0}")]
    public async Task RunAfterDeliveryAsync(long[] deliveries, CancellationToken ct)
    {
        var summary = await compute.RunAsync(full: false, deliveries, ct: ct);
        if (summary is not null) log.LogInformation("Doorgerekend ({Mode}) vanaf {From}: {Written} rijen, {Revised} herzien.", summary.Mode, summary.From, summary.Written, summary.Revised);
    }

    [Queue("b-compute")]
    [JobDisplayName("Nachtelijke volledige doorrekening")]
    public async Task RunNightlyAsync(CancellationToken ct)
    {
        var summary = await compute.RunAsync(full: true, [], ct: ct);
        if (summary is not null) log.LogInformation("Volledig doorgerekend: {Written} rijen, {Revised} herzien.", summary.Written, summary.Revised);
    }
}
