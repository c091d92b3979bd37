using System.Globalization;

namespace Monitor.Tests.Support;

/// <summary>A clock stopped at one UTC instant, on a server whose own zone is UTC (as in a container).</summary>
public sealed class FixedUtcClock(string utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
