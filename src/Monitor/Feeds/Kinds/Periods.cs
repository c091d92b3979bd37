using Monitor.Analysis;

namespace Monitor.Feeds.Kinds;

/// <summary>Which <see cref="Periode"/> an opgave is counted in, as FEEDS.md sets it: asiel and amv per Spreidingswet
/// cycle of two years ("2024-2025"), taakstelling and oekraine per half year ("2025-H1").</summary>
public static class Periods
{
    public static bool IsCycle(string p) => Periode.TryParse(p, out var periode) && periode.IsTwoYearCycle;
    public static bool IsHalfYear(string p) => Periode.TryParse(p, out var periode) && periode.Kind == PeriodeKind.HalfYear;

    public static bool UsesCycles(string opgave) => opgave is "asiel" or "amv";

    public static bool FitsOpgave(string opgave, string periode) => UsesCycles(opgave) ? IsCycle(periode) : IsHalfYear(periode);

    public static string ExpectedForm(string opgave) => UsesCycles(opgave) ? "een cyclus zoals 2024-2025" : "een halfjaar zoals 2025-H1";
}
