using Monitor.Clock;
using Monitor.Analysis;
using Monitor.Tests.Support;

namespace Monitor.Tests.Analysis;

public class AmsterdamDateTests
{
    [Theory]
    [InlineData("2025-06-30T21:59:59Z", "2025-06-30")]   // summer time: midnight in Amsterdam is 22:00 UTC
    [InlineData("2025-06-30T22:00:00Z", "2025-07-01")]
    [InlineData("2026-11-23T22:59:59Z", "2026-11-23")]   // winter time: 23:00 UTC
    [InlineData("2026-11-23T23:00:00Z", "2026-11-24")]
    [InlineData("2025-03-30T00:59:59Z", "2025-03-30")]   // the night the clocks go forward
    public void Today_IsTheCalendarDateInAmsterdam_NotTheServersZone(string utc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), AmsterdamDate.Today(new FixedUtcClock(utc)));
}
