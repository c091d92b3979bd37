namespace Monitor.Analysis;

/// <summary>Rule 5, places. Pipeline: what the snapshot in force on t promises for the deadline d (realised places
/// still open on d plus places in preparation expected by d; see <see cref="PlaceRules.InPipeline"/>).
/// Trend: least squares over the daily realised values of the last TrendDays (never before the first data),
/// evaluated at d and floored at 0 — a falling trend is a real warning, but below zero means nothing.
/// Range: midden = pipeline (concrete plans are the better evidence over a horizon of months); laag = the
/// pessimistic pipeline or the trend, whichever is lower; hoog = pipeline or trend, whichever is higher.</summary>
public static class PlaceProjection
{
    public static Projection Combine(DateOnly deadline, int pipeline, int pessimistic, int? trend) => trend is { } tr
        ? new(deadline, Math.Min(pessimistic, tr), pipeline, Math.Max(pipeline, tr), ProjectionMethods.PijplijnTrend, pipeline, pessimistic, Trend: tr)
        : new(deadline, pessimistic, pipeline, pipeline, ProjectionMethods.Pijplijn, pipeline, pessimistic);

    /// <summary>The projection to the next deadline on or after t; null when the data hold no next deadline.</summary>
    public static Projection? For(AnalysisModel m, string gemeente, Opgave o, DateOnly t)
    {
        if (!o.IsPlaces() || m.Calendar.NextDeadline(o, t) is not { } d) return null;
        int pipeline = 0, pessimistic = 0;
        foreach (var r in PlacesRealised.RowsOf(m, gemeente, o, t))
        {
            if (PlaceRules.InPipeline(r, d)) pipeline += r.Capaciteit;
            if (PlaceRules.InPessimisticPipeline(r, t, d, m.Options.PessimisticMarginDays)) pessimistic += r.Capaciteit;
        }
        return Combine(d, pipeline, pessimistic, Trend(m, gemeente, o, t, d));
    }

    /// <summary>The trend value at d, or null when there is too little history.</summary>
    public static int? Trend(AnalysisModel m, string gemeente, Opgave o, DateOnly t, DateOnly d)
    {
        if (TrendWindowStart(m, o, t) is not { } start) return null;
        var fit = new LeastSquares();
        for (var day = start; day <= t; day = day.AddDays(1))
            fit = fit.Add(day.DayNumber - t.DayNumber, PlacesRealised.For(m, gemeente, o, day).Beschikbaar);
        return TrendValue(fit, d.DayNumber - t.DayNumber);
    }

    /// <summary>First day of the trend window ending on t, or null when the window is shorter than TrendMinDays.</summary>
    internal static DateOnly? TrendWindowStart(AnalysisModel m, Opgave o, DateOnly t)
    {
        if (m.Places.HistoryStart(o) is not { } first) return null;
        var start = t.AddDays(1 - m.Options.TrendDays);
        if (start < first) start = first;
        return t.DayNumber - start.DayNumber + 1 >= m.Options.TrendMinDays ? start : null;
    }

    internal static int? TrendValue(LeastSquares fit, long x) =>
        fit.Predict(x) is { } v ? Math.Max(0, LeastSquares.Round(v)) : null;
}
