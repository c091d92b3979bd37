namespace Monitor.Scheduling;
// TEMPORARY (not committed): replaced when the analysis engine is wired in.
public sealed class ComputeJob
{
    public Task RunAfterDeliveryAsync(long[] deliveries, CancellationToken ct) => throw new NotImplementedException();
    public Task RunNightlyAsync(CancellationToken ct) => throw new NotImplementedException();
}
