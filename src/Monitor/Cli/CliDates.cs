using System.Globalization;

namespace Monitor.Cli;

public static class CliDates
{
    public static DateOnly? ParseOptional(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ArgumentException($"{option} verwacht een datum als 2025-07-01, niet '{text}'.");
}
