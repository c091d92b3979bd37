namespace Monitor.Analysis;

/// <summary>When one location row counts, in one place so the single-date rules and the series agree.</summary>
internal static class PlaceRules
{
    /// <summary>Realised on t: available, started, and not past its planned closing date (inclusive).</summary>
    public static bool Counts(PlaceRow r, DateOnly t) =>
        r.Status == PlaceStatus.Beschikbaar && (r.BeschikbaarVanaf is not { } v || v <= t) && (r.BeschikbaarTot is not { } e || e >= t);

    /// <summary>Duurzaam (DOMAIN.md, settled rule): the feed says so (duurzaam = ja), or beschikbaar_vanaf and
    /// beschikbaar_tot are both known and span at least <paramref name="years"/> years (beschikbaar_tot inclusive, so
    /// 1-1-2025 to 31-12-2029 is five years). An open end or an unknown start is not duurzaam: the figure drives a bonus
    /// and must never be overstated. A feed's explicit nee wins over the dates.</summary>
    public static bool Duurzaam(PlaceRow r, int years) => r.DuurzaamVolgensFeed ?? (
        r.BeschikbaarVanaf is { } start && r.BeschikbaarTot is { } end && end >= start.AddYears(years).AddDays(-1));

    /// <summary>Projection, pipeline: counts on deadline d if the snapshot of t holds. An available row counts when it
    /// has started by d; a row in preparation needs a known expected date ≤ d (no date: no promise). Either way no
    /// planned closing before d.</summary>
    public static bool InPipeline(PlaceRow r, DateOnly d) =>
        StillOpenOn(r, d) && r.Status switch
        {
            PlaceStatus.Beschikbaar => r.BeschikbaarVanaf is not { } v || v <= d,
            PlaceStatus.InVoorbereiding => r.BeschikbaarVanaf is { } v && v <= d,
            _ => false,
        };

    /// <summary>Pessimistic pipeline: whatever is not available on t must be expected at least
    /// <paramref name="marginDays"/> before d (plans slip). Already available rows count as in the pipeline.</summary>
    public static bool InPessimisticPipeline(PlaceRow r, DateOnly t, DateOnly d, int marginDays) =>
        StillOpenOn(r, d) && r.Status switch
        {
            PlaceStatus.Beschikbaar => r.BeschikbaarVanaf is not { } v || v <= t || v <= d.AddDays(-marginDays),
            PlaceStatus.InVoorbereiding => r.BeschikbaarVanaf is { } v && v <= d.AddDays(-marginDays),
            _ => false,
        };

    private static bool StillOpenOn(PlaceRow r, DateOnly d) => r.BeschikbaarTot is not { } e || e >= d;
}
