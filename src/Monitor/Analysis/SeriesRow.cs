namespace Monitor.Analysis;

/// <summary>One day of one opgave in one area: what the dashboard plots. Names follow the warehouse columns
/// (opgave_aantal, gerealiseerd, …). For an area Gap is the net gap and Tekort the gross shortfall; for the
/// taakstelling OpgaveAantal is the gecorrigeerde taakstelling and Gerealiseerd the housed so far in the half year.</summary>
public sealed record SeriesRow(
    string Gebiedcode, AreaLevel Niveau, Opgave Opgave, DateOnly Datum,
    int? OpgaveAantal, int Gerealiseerd, int? Gap, int? Tekort, double? RealisatiePct, int? Duurzaam,
    DateOnly? Deadline, int? PrognoseLaag, int? PrognoseMidden, int? PrognoseHoog, string? Methode)
{
    internal static SeriesRow ForGemeente(string gemeente, Opgave o, DateOnly t, int? opgave, int realised, int? duurzaam,
        DateOnly? deadline, Projection? p)
    {
        var gap = Gaps.ForGemeente(opgave, realised);
        return new(gemeente, AreaLevel.Gemeente, o, t, opgave, realised, gap.Gap, gap.Shortfall, gap.RealisationPct, duurzaam,
            deadline, p?.Laag, p?.Midden, p?.Hoog, p?.Methode);
    }
}

/// <summary>Adds up member gemeente rows into an area row (rule 4's aggregates; projections add up when every
/// member has one).</summary>
internal sealed class AreaAccumulator
{
    private readonly List<GapFigures> members = [];
    private readonly List<int?> opgaven = [];
    private int? duurzaam;
    private int low, mid, high;
    private string? method;
    private bool projectionComplete = true;

    public void Add(SeriesRow r)
    {
        members.Add(new GapFigures(r.OpgaveAantal, r.Gerealiseerd, r.Gap, r.Tekort, r.RealisatiePct));
        opgaven.Add(r.OpgaveAantal);
        if (r.Duurzaam is { } d) duurzaam = (duurzaam ?? 0) + d;
        if (r.PrognoseMidden is null) projectionComplete = false;
        else
        {
            (low, mid, high) = (low + r.PrognoseLaag!.Value, mid + r.PrognoseMidden.Value, high + r.PrognoseHoog!.Value);
            method = method is null ? r.Methode : ProjectionMethods.Combine(method, r.Methode!);
        }
    }

    /// <summary>Σ member opgaven when all are known, else the fallback (a provincial figure).</summary>
    public int? SumOfOpgaven(int? fallback) => Gaps.SumOrFallback(opgaven, fallback);

    public SeriesRow ToRow(Area area, Opgave o, DateOnly t, int? opgave, DateOnly? deadline)
    {
        var gap = Gaps.ForArea(opgave, members);
        var hasProjection = projectionComplete && method is not null;
        return new(area.Code, area.Level, o, t, opgave, gap.Realised, gap.Gap, gap.Shortfall, gap.RealisationPct,
            o.IsPlaces() ? duurzaam ?? 0 : null, deadline,
            hasProjection ? low : null, hasProjection ? mid : null, hasProjection ? high : null, hasProjection ? method : null);
    }
}
