using System.Globalization;

namespace Monitor.Formatting;

/// <summary>
/// Numbers, dates and name order as Dutch readers expect them ("1.328", "3 december 2026", "'s-Hertogenbosch" among
/// the s). One place, so that a digest, a mail and the command line never disagree on how a figure is written.
/// </summary>
public static class Dutch
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Gemeente and area names in Dutch alphabetical order, ignoring case.</summary>
    public static readonly StringComparer NameOrder = StringComparer.Create(Culture, true);

    /// <summary>"1.328"; <paramref name="unknown"/> when there is no figure.</summary>
    public static string Number(int? n, string unknown = "?") => n?.ToString("N0", Culture) ?? unknown;

    /// <summary>"3 december 2026".</summary>
    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", Culture);

    /// <summary>"12,5%" with the given format; <paramref name="unknown"/> when there is no figure.</summary>
    public static string Percent(decimal? p, string format = "0.#", string unknown = "–") =>
        p is { } v ? v.ToString(format, Culture) + "%" : unknown;
}
