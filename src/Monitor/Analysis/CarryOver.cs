namespace Monitor.Analysis;

/// <summary>One half year of a gemeente's taakstelling as input to the chain. Taakstelling is the effective one
/// (after agreements); null = no figure.</summary>
public sealed record HalfYearInput(Periode Periode, int? Taakstelling, int Housed, bool Completed, DateOnly? Peildatum = null);

/// <summary>Due = taakstelling + carry-in (COA's gecorrigeerde taakstelling); Achterstand = Due − Housed
/// (negative: voorsprong). Missed: a completed half year with Achterstand &gt; 0.</summary>
public sealed record HalfYearResult(
    Periode Periode, int? Taakstelling, int? CarryIn, int? Due, int Housed, DateOnly? Peildatum, int? Achterstand,
    bool Completed, bool Missed);

public sealed record CarryOverResult(
    string Gemeentecode, IReadOnlyList<HalfYearResult> HalfYears, int ConsecutiveMissed, SchedulePace? Pace)
{
    /// <summary>The half year containing the evaluation date, when the chain reaches it.</summary>
    public HalfYearResult? Running => HalfYears.Count > 0 && !HalfYears[^1].Completed ? HalfYears[^1] : null;
}

/// <summary>Rule 6: due(h) = taakstelling(h) + achterstand(h−1); achterstand(h) = due(h) − housed(h), a voorsprong
/// carried the same way. The chain starts at a gemeente's first half year with a figure (carry-in 0) or at its
/// CarryIn. A half year without a figure breaks the chain: from there on due is unknown, never guessed.
/// Agreements count for a half year when decided by its end (and by the evaluation date).</summary>
public static class CarryOver
{
    public static IReadOnlyList<HalfYearResult> Chain(IReadOnlyList<HalfYearInput> halfYears, int carryIn)
    {
        var results = new List<HalfYearResult>(halfYears.Count);
        int? carry = carryIn;
        foreach (var h in halfYears)
        {
            int? due = h.Taakstelling + carry;
            int? achterstand = due - h.Housed;
            results.Add(new(h.Periode, h.Taakstelling, carry, due, h.Housed, h.Peildatum, achterstand, h.Completed,
                Missed: h.Completed && achterstand > 0));
            if (h.Completed) carry = achterstand;
        }
        return results;
    }

    /// <summary>Completed half years missed in a row, counting back from the latest completed one. A half year without
    /// a due (no taakstelling figure, or the chain broken before it) is skipped: neither met nor missed, so it does not
    /// reset the count (DOMAIN.md, settled rule).</summary>
    public static int ConsecutiveMissed(IReadOnlyList<HalfYearResult> chain) => MissedInARow(chain) is [.., var last] ? last : 0;

    /// <summary>For each half year of the chain, the missed-in-a-row count as it stands after it (the running half year
    /// and half years without a due carry the count on unchanged).</summary>
    public static IReadOnlyList<int> MissedInARow(IReadOnlyList<HalfYearResult> chain)
    {
        var counts = new int[chain.Count];
        var n = 0;
        for (var i = 0; i < chain.Count; i++)
        {
            var h = chain[i];
            if (h.Completed && h.Due is not null) n = h.Missed ? n + 1 : 0;
            counts[i] = n;
        }
        return counts;
    }

    public static CarryOverResult For(AnalysisModel m, string gemeente, DateOnly t) => ForAll(m, t)[gemeente];

    public static IReadOnlyDictionary<string, CarryOverResult> ForAll(AnalysisModel m, DateOnly t)
    {
        var current = Periode.HalfYearOf(t);
        // A taakstelling that ended gets no new half years: its chain stops at the half year of its last day.
        if (m.Regimes.EndedOn(Opgave.Taakstelling, t) is { } ended) current = Periode.HalfYearOf(ended.AddDays(-1));
        var halfYears = m.Figures.Periods(Opgave.Taakstelling).Where(p => p.Kind == PeriodeKind.HalfYear)
            .Concat(m.CarryIns.Values.Select(c => c.Periode)).Where(p => p <= current).Distinct().Order().ToList();
        var first = halfYears.Count > 0 ? halfYears[0] : current;
        var net = new Dictionary<Periode, Dictionary<string, (int Net, List<string> Codes)>>();
        for (var h = first; h <= current; h = h.NextHalfYear)
            net[h] = AgreementEffect.Net(m.Agreements, Opgave.Taakstelling, h, h.End < t ? h.End : t);

        var result = new Dictionary<string, CarryOverResult>(StringComparer.Ordinal);
        foreach (var g in m.Gemeenten)
        {
            (Periode start, int carryIn) = m.CarryIns.TryGetValue(g.Code, out var c) && c.Periode <= current ? c
                : (halfYears.FirstOrDefault(h => m.Figures.InForce(Opgave.Taakstelling, h, g.Code, t) is not null), 0);
            var inputs = new List<HalfYearInput>();
            if (start != default)
                for (var h = start; h <= current; h = h.NextHalfYear)
                {
                    int? basis = m.Figures.InForce(Opgave.Taakstelling, h, g.Code, t)?.Aantal;
                    net[h].TryGetValue(g.Code, out var moved);
                    var (housed, peil) = m.Housing.HousedAsOf(g.Code, h, t);
                    inputs.Add(new(h, basis + moved.Net, housed, h.End < t, peil));
                }
            var chain = Chain(inputs, carryIn);
            var running = chain.Count > 0 && !chain[^1].Completed ? chain[^1] : null;
            result[g.Code] = new(g.Code, chain, ConsecutiveMissed(chain),
                running is null ? null : SchedulePace.Of(running.Periode, running.Peildatum ?? t, running.Due, running.Housed));
        }
        return result;
    }
}
