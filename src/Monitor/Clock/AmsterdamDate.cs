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

    /// <summary>The last instant of a date in Europe/Amsterdam: what was fetched that day counts as known on it.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date)
    {
        var local = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).AddTicks(-1);
    }
}
