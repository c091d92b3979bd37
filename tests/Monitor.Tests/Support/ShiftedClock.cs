namespace Monitor.Tests.Support;

/// <summary>
/// The system clock moved forward on demand. Only the wall clock shifts (what a circuit breaker reads to know whether
/// its break is over); timers still run in real time, so retries and attempt timeouts behave as they do in production.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
