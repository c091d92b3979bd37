using Monitor.Clock;
using Monitor.Feeds.Values;

namespace Monitor.Cli;

/// <summary>Dates on the command line (--datum, --tot): calendar dates in Europe/Amsterdam, written as in feeds (JJJJ-MM-DD or D-M-JJJJ).</summary>
public static class CliDates
{
    /// <summary>The same date forms a feed may use (2025-05-13, 13-5-2025, 13-05-2025): people type what they read.</summary>
    public static DateOnly Parse(string text, string option) =>
        ValueParser.TryDate(text, out var d, out var error) ? d : throw new ArgumentException($"{option}: {error}");

    public static DateOnly? ParseOptional(string? text, string option) => text is null ? null : Parse(text, option);

    /// <summary>The instant a replayed day is judged at: the end of that day in Amsterdam (now, for today).</summary>
    public static DateTimeOffset EndOf(DateOnly date)
    {
        return date >= AmsterdamDate.Today() ? DateTimeOffset.UtcNow : AmsterdamDate.EndOfDay(date);
    }
}
