using System.Text.RegularExpressions;

namespace Monitor.Feeds.Kinds;

/// <summary>Periode texts as FEEDS.md writes them: a Spreidingswet cycle "2024-2025" or a half year "2025-H1".</summary>
public static partial class Periods
{
    [GeneratedRegex("^(\\d{4})-(\\d{4})$")] private static partial Regex CycleForm();
    [GeneratedRegex("^(\\d{4})-H([12])$")] private static partial Regex HalfYearForm();

    public static bool IsCycle(string p) => CycleForm().Match(p) is { Success: true } m && int.Parse(m.Groups[2].Value) == int.Parse(m.Groups[1].Value) + 1;
    public static bool IsHalfYear(string p) => HalfYearForm().IsMatch(p);

    /// <summary>Whether an opgave is counted per cycle (asiel, amv) or per half year (taakstelling, oekraine).</summary>
    public static bool UsesCycles(string opgave) => opgave is "asiel" or "amv";

    public static bool FitsOpgave(string opgave, string periode) => UsesCycles(opgave) ? IsCycle(periode) : IsHalfYear(periode);

    public static string ExpectedForm(string opgave) => UsesCycles(opgave) ? "een cyclus zoals 2024-2025" : "een halfjaar zoals 2025-H1";

    public static (DateOnly Start, DateOnly End) Span(string p)
    {
        if (HalfYearForm().Match(p) is { Success: true } h)
        {
            var year = int.Parse(h.Groups[1].Value);
            return h.Groups[2].Value == "1" ? (new(year, 1, 1), new(year, 6, 30)) : (new(year, 7, 1), new(year, 12, 31));
        }
        if (CycleForm().Match(p) is { Success: true } c)
            return (new(int.Parse(c.Groups[1].Value), 1, 1), new(int.Parse(c.Groups[2].Value), 12, 31));
        throw new FormatException($"Geen periode: {p}");
    }
}
