namespace Monitor.Analysis;

/// <summary>Rule 9's precomputation for places: per needed gemeente and place opgave, daily arrays of realised,
/// duurzaam, pipeline and pessimistic pipeline over [start, end], built with difference arrays in one pass over
/// the snapshot rows (each row adds its capaciteit to the days it counts), plus prefix sums for the trend. The
/// predicates are <see cref="PlaceRules"/>'s, so the series equals the single-date rules day by day.</summary>
internal sealed class PlaceTimelines
{
    private const int Measures = 4; // realised, duurzaam, pipeline, pessimistic
    private readonly AnalysisModel m;
    private readonly DateOnly start;
    private readonly int days;
    private readonly int[]?[] values;        // [(gi * 3 + oi) * Measures + measure][day]
    private readonly long[]?[] sumY, sumIY;  // prefix sums of realised and day·realised, per (gi, oi)

    public PlaceTimelines(AnalysisModel model, bool[] needed, DateOnly start, DateOnly end)
    {
        (m, this.start, days) = (model, start, end.DayNumber - start.DayNumber + 1);
        var slots = needed.Length * 3;
        values = new int[]?[slots * Measures];
        (sumY, sumIY) = (new long[]?[slots], new long[]?[slots]);
        for (var gi = 0; gi < needed.Length; gi++)
            if (needed[gi]) for (var k = gi * 3 * Measures; k < (gi + 1) * 3 * Measures; k++) values[k] = new int[days + 1];

        var segments = AnalysisCodes.PlaceOpgaven.Select(o => DeadlineSegments(o, start, end)).ToArray();
        foreach (var feed in m.Places.Feeds)
            for (var k = 0; k < feed.Count; k++)
            {
                var a = Max(feed[k].Peildatum, start);
                var b = Min(k + 1 < feed.Count ? feed[k + 1].Peildatum.AddDays(-1) : end, end);
                if (a > b) continue;
                foreach (var r in feed[k].Rows)
                    if (needed[m.Geography.Index[r.Gemeentecode]]) AddRow(r, a, b, segments[(int)r.Opgave]);
            }
        for (var slot = 0; slot < values.Length; slot++)
            if (values[slot] is { } v) for (var i = 1; i <= days; i++) v[i] += v[i - 1];
        for (var s = 0; s < slots; s++)
        {
            if (values[s * Measures] is not { } realised) continue;
            var (py, piy) = (new long[days + 1], new long[days + 1]);
            for (var i = 0; i < days; i++) (py[i + 1], piy[i + 1]) = (py[i] + realised[i], piy[i] + (long)i * realised[i]);
            (sumY[s], sumIY[s]) = (py, piy);
        }
    }

    public int Realised(int gi, Opgave o, DateOnly t) => Value(gi, o, 0, t);
    public int Duurzaam(int gi, Opgave o, DateOnly t) => Value(gi, o, 1, t);
    public int Pipeline(int gi, Opgave o, DateOnly t) => Value(gi, o, 2, t);
    public int Pessimistic(int gi, Opgave o, DateOnly t) => Value(gi, o, 3, t);

    /// <summary>Same window and fit as <see cref="PlaceProjection.Trend"/>, from prefix sums in O(1).</summary>
    public int? Trend(int gi, Opgave o, DateOnly t, DateOnly d)
    {
        if (PlaceProjection.TrendWindowStart(m, o, t) is not { } from) return null;
        var (slot, i, a) = (gi * 3 + (int)o, Day(t), Day(from));
        long n = i - a + 1, sy = sumY[slot]![i + 1] - sumY[slot]![a];
        var sxy = sumIY[slot]![i + 1] - sumIY[slot]![a] - i * sy;     // x relative to t: x = day − i
        var fit = new LeastSquares(n, -n * (n - 1) / 2, (n - 1) * n * (2 * n - 1) / 6, sy, sxy);
        return PlaceProjection.TrendValue(fit, d.DayNumber - t.DayNumber);
    }

    private void AddRow(PlaceRow r, DateOnly a, DateOnly b, IReadOnlyList<(DateOnly From, DateOnly To, DateOnly Deadline)> segments)
    {
        var baseSlot = (m.Geography.Index[r.Gemeentecode] * 3 + (int)r.Opgave) * Measures;
        if (r.Status == PlaceStatus.Beschikbaar)
        {
            var (lo, hi) = (Max(a, r.BeschikbaarVanaf ?? a), Min(b, r.BeschikbaarTot ?? b));
            Span(baseSlot, lo, hi, r.Capaciteit);
            if (PlaceRules.Duurzaam(r, m.Options.DuurzaamYears)) Span(baseSlot + 1, lo, hi, r.Capaciteit);
        }
        foreach (var (from, to, d) in segments)
        {
            var (lo, hi) = (Max(a, from), Min(b, to));
            if (lo > hi) continue;
            if (PlaceRules.InPipeline(r, d)) Span(baseSlot + 2, lo, hi, r.Capaciteit);
            // The pessimistic rule depends on t only through "already available by t", so it is monotone in t:
            // find the first day it holds and count from there.
            int margin = m.Options.PessimisticMarginDays, first = lo.DayNumber, last = hi.DayNumber + 1;
            while (first < last)
            {
                var mid = (first + last) / 2;
                if (PlaceRules.InPessimisticPipeline(r, DateOnly.FromDayNumber(mid), d, margin)) last = mid; else first = mid + 1;
            }
            if (first <= hi.DayNumber) Span(baseSlot + 3, DateOnly.FromDayNumber(first), hi, r.Capaciteit);
        }
    }

    /// <summary>Days with the same next deadline, as (from, to, deadline); days without one are left out.</summary>
    private List<(DateOnly, DateOnly, DateOnly)> DeadlineSegments(Opgave o, DateOnly from, DateOnly to)
    {
        var segments = new List<(DateOnly, DateOnly, DateOnly)>();
        for (var t = from; t <= to; t = t.AddDays(1))
        {
            if (m.Calendar.NextDeadline(o, t) is not { } d) continue;
            if (segments.Count > 0 && segments[^1].Item3 == d && segments[^1].Item2 == t.AddDays(-1))
                segments[^1] = (segments[^1].Item1, t, d);
            else segments.Add((t, t, d));
        }
        return segments;
    }

    private void Span(int slot, DateOnly lo, DateOnly hi, int amount)
    {
        if (lo > hi) return;
        values[slot]![Day(lo)] += amount;
        values[slot]![Day(hi) + 1] -= amount;
    }

    private int Value(int gi, Opgave o, int measure, DateOnly t) => values[(gi * 3 + (int)o) * Measures + measure]![Day(t)];
    private int Day(DateOnly t) => t.DayNumber - start.DayNumber;
    private static DateOnly Max(DateOnly x, DateOnly y) => x > y ? x : y;
    private static DateOnly Min(DateOnly x, DateOnly y) => x < y ? x : y;
}
