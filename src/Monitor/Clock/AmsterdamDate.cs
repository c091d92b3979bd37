namespace Monitor.Clock;

/// <summary>
/// "Today" everywhere in the Monitor: the calendar date in Europe/Amsterdam, whatever the server's own time zone. A
/// container usually runs in UTC, where 00:30 Dutch time is still yesterday.
/// </summary>
public static class AmsterdamDate
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today(TimeProvider? clock = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime((clock ?? TimeProvider.System).GetUtcNow(), Zone).DateTime);
}
