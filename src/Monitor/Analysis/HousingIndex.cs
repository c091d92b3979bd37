namespace Monitor.Analysis;

/// <summary>One huisvesting count: gehuisvest within its periode as of peildatum.</summary>
public readonly record struct HousingObservation(DateOnly Peildatum, int Gehuisvest);

/// <summary>huisvesting rows by (gemeente, half year), in peildatum order.</summary>
internal sealed class HousingIndex
{
    private static readonly HousingObservation[] None = [];
    private readonly Dictionary<(string, Periode), HousingObservation[]> rows = new();

    public HousingIndex(IReadOnlyList<HousingRow> housing, Geography geo, List<DataQualityFinding> findings)
    {
        var parsed = new List<(string G, Periode P, HousingObservation O)>();
        foreach (var r in housing)
        {
            if (!Periode.TryParse(r.Periode, out var p) || p.Kind != PeriodeKind.HalfYear)
                findings.Add(new(FindingKind.OngeldigePeriode, Opgave.Taakstelling, r.Periode, r.Gemeentecode,
                    $"Huisvesting {r.Gemeentecode}: periode '{r.Periode}' is geen halfjaar; genegeerd."));
            else if (!geo.ByCode.ContainsKey(r.Gemeentecode))
                findings.Add(new(FindingKind.OnbekendGebied, Opgave.Taakstelling, r.Periode, r.Gemeentecode,
                    $"Huisvesting {r.Periode}: gemeente {r.Gemeentecode} is onbekend; niet meegeteld."));
            else if (r.Gehuisvest < 0)
                findings.Add(new(FindingKind.OngeldigeRij, Opgave.Taakstelling, r.Periode, r.Gemeentecode,
                    $"Huisvesting {r.Periode} {r.Gemeentecode}: negatief aantal; genegeerd."));
            else parsed.Add((r.Gemeentecode, p, new HousingObservation(r.Peildatum, r.Gehuisvest)));
        }
        foreach (var g in parsed.GroupBy(x => (x.G, x.P)))
        {
            var obs = rows[g.Key] = g.Select(x => x.O).OrderBy(o => o.Peildatum).ToArray();
            for (var i = 1; i < obs.Length; i++)
                if (obs[i].Gehuisvest < obs[i - 1].Gehuisvest)
                    findings.Add(new(FindingKind.GehuisvestGecorrigeerd, Opgave.Taakstelling, g.Key.P.ToString(), g.Key.G,
                        $"Huisvesting {g.Key.P} {g.Key.G}: gehuisvest daalt van {obs[i - 1].Gehuisvest} ({obs[i - 1].Peildatum:yyyy-MM-dd}) naar " +
                        $"{obs[i].Gehuisvest} ({obs[i].Peildatum:yyyy-MM-dd}), terwijl het binnen een halfjaar optelt; geteld als correctie van de eerdere telling."));
        }
        LatePeildata = parsed.Where(x => x.O.Peildatum > x.P.End).Select(x => x.O.Peildatum).Distinct().Order().ToList();
    }

    /// <summary>Peildata of counts dated after their half year's end (final counts reported late): the only housing
    /// dates on which a completed half year's count, and so the carry-over into later half years, can change.</summary>
    public IReadOnlyList<DateOnly> LatePeildata { get; }

    /// <summary>Observations of the half year with peildatum ≤ t (a count dated after the half year's end is its
    /// final count and belongs to it).</summary>
    public ReadOnlySpan<HousingObservation> Until(string gemeente, Periode halfYear, DateOnly t)
    {
        var obs = rows.TryGetValue((gemeente, halfYear), out var o) ? o : None;
        // The count of observations with peildatum ≤ t (they are in peildatum order): a binary search, because the
        // daily series asks this for every gemeente on every day.
        int lo = 0, hi = obs.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (obs[mid].Peildatum <= t) lo = mid + 1; else hi = mid;
        }
        return obs.AsSpan(0, lo);
    }

    /// <summary>Housed in the half year as of the latest peildatum ≤ t; 0 (and no peildatum) when none yet.</summary>
    public (int Housed, DateOnly? Peildatum) HousedAsOf(string gemeente, Periode halfYear, DateOnly t)
    {
        var obs = Until(gemeente, halfYear, t);
        return obs.Length == 0 ? (0, null) : (obs[^1].Gehuisvest, obs[^1].Peildatum);
    }
}
