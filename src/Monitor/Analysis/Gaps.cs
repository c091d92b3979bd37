namespace Monitor.Analysis;

/// <summary>Rule 4. For a gemeente Gap = opgave − realised and Shortfall = max(Gap, 0). For an area Gap is the net
/// gap Σopgave − Σrealised (a surplus covers a shortfall elsewhere, as the provincial asiel total binds) and
/// Shortfall the gross shortfall Σ max(gap, 0) over member gemeenten. Unknown opgave ⇒ unknown gap; a percentage
/// only for a positive opgave.</summary>
public sealed record GapFigures(int? Opgave, int Realised, int? Gap, int? Shortfall, double? RealisationPct);

public static class Gaps
{
    public static GapFigures ForGemeente(int? opgave, int realised)
    {
        int? gap = opgave - realised;
        return new(opgave, realised, gap, gap is { } g ? Math.Max(g, 0) : null, Pct(opgave, realised));
    }

    /// <summary>An area from its members. <paramref name="opgave"/> is the area's opgave (Σ members when all are
    /// known, or the provincial figure); the gross shortfall needs every member's opgave.</summary>
    public static GapFigures ForArea(int? opgave, IEnumerable<GapFigures> members)
    {
        int realised = 0, gross = 0;
        var grossKnown = true;
        foreach (var member in members)
        {
            realised += member.Realised;
            if (member.Shortfall is { } s) gross += s; else grossKnown = false;
        }
        return new(opgave, realised, opgave - realised, grossKnown ? gross : null, Pct(opgave, realised));
    }

    /// <summary>Σ of the members' opgaven when every one is known; otherwise the fallback (a provincial figure) or
    /// unknown — a partial sum would read as a smaller opgave.</summary>
    public static int? SumOrFallback(IEnumerable<int?> members, int? fallback)
    {
        var sum = 0;
        foreach (var m in members)
        {
            if (m is not { } v) return fallback;
            sum += v;
        }
        return sum;
    }

    /// <summary>realised / opgave in percent; null when the opgave is unknown or not positive.</summary>
    public static double? Pct(int? opgave, int realised) => opgave is > 0 ? 100.0 * realised / opgave.Value : null;
}
