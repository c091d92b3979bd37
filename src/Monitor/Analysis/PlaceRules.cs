namespace Monitor.Analysis;

/// <summary>When one location row counts, in one place so the single-date rules and the series agree.</summary>
internal static class PlaceRules
{
    /// <summary>Realised on t: available, started, and not past its planned closing date (inclusive).</summary>
    public static bool Counts(PlaceRow r, DateOnly t) =>
        r.Status == PlaceStatus.Beschikbaar && (r.BeschikbaarVanaf is not { } v || v <= t) && (r.BeschikbaarTot is not { } e || e >= t);

    /// <summary>Duurzaam: the availability span is at least <paramref name="years"/> years; no closing date = open
    /// ended = duurzaam. Without beschikbaar_vanaf the span is taken to start at the snapshot's peildatum (the
    /// earliest the data vouch for), which can only understate.</summary>
    public static bool Duurzaam(PlaceRow r, int years)
    {
        if (r.BeschikbaarTot is not { } end) return true;
        var start = r.BeschikbaarVanaf ?? r.Peildatum;
        return end >= start.AddYears(years).AddDays(-1);
    }

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
