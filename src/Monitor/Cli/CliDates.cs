using System.Globalization;
using Monitor.Analysis;

namespace Monitor.Cli;

/// <summary>Dates on the command line (--now, --until, --datum, --tot): calendar dates in Europe/Amsterdam, written JJJJ-MM-DD.</summary>
public static class CliDates
{
    public static DateOnly Parse(string text, string option) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ArgumentException($"{option} '{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-05-12.");

    public static DateOnly? ParseOptional(string? text, string option) => text is null ? null : Parse(text, option);

    /// <summary>The instant a replayed day is judged at: the end of that day in Amsterdam (now, for today).</summary>
    public static DateTimeOffset EndOf(DateOnly date)
    {
        if (date >= AmsterdamDate.Today()) return DateTimeOffset.UtcNow;
        var local = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, AmsterdamDate.Zone.GetUtcOffset(local)).AddTicks(-1);
    }
}
