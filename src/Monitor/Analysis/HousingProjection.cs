namespace Monitor.Analysis;

/// <summary>Rule 5, taakstelling: housed at the half year's end. Tempo (pace): housed so far ÷ days elapsed up to
/// its peildatum × days in the half year. Trend: least squares over the half year's counts of the last TrendDays
/// (at least two). Both are floored at the count already reached (housing is cumulative). Midden = tempo.
/// Null before the half year's first count: a pace from nothing would flag every gemeente on 1 January.</summary>
public static class HousingProjection
{
    public static Projection? For(AnalysisModel m, string gemeente, DateOnly t)
    {
        var h = Periode.HalfYearOf(t);
        return FromObservations(h, t, m.Housing.Until(gemeente, h, t), m.Options.TrendDays);
    }

    public static Projection? FromObservations(Periode halfYear, DateOnly t, ReadOnlySpan<HousingObservation> observations, int trendDays)
    {
        if (observations.Length == 0) return null;
        var last = observations[^1];
        var elapsed = Math.Clamp(last.Peildatum.DayNumber - halfYear.Start.DayNumber + 1, 1, halfYear.Days);
        var tempo = LeastSquares.Round((double)last.Gehuisvest * halfYear.Days / elapsed);

        var fit = new LeastSquares();
        var windowStart = t.AddDays(1 - trendDays);
        foreach (var o in observations)
            if (o.Peildatum >= windowStart) fit = fit.Add(o.Peildatum.DayNumber - t.DayNumber, o.Gehuisvest);
        int? trend = fit.Predict(halfYear.End.DayNumber - t.DayNumber) is { } v ? Math.Max(last.Gehuisvest, LeastSquares.Round(v)) : null;

        return trend is { } tr
            ? new(halfYear.End, Math.Min(tempo, tr), tempo, Math.Max(tempo, tr), ProjectionMethods.TempoTrend, Tempo: tempo, Trend: tr)
            : new(halfYear.End, tempo, tempo, tempo, ProjectionMethods.Tempo, Tempo: tempo);
    }
}
