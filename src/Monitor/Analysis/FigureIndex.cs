namespace Monitor.Analysis;

/// <summary>One published version of a figure: what is shown with it (versie, publicatiedatum) and its aantal.</summary>
public sealed record FigureVersion(Versie Versie, DateOnly Publicatiedatum, int Aantal)
{
    /// <summary>From this date on the figure no longer counts (withdrawn: ingetrokken); null: it does not lapse.</summary>
    public DateOnly? VervaltOp { get; init; }
}

/// <summary>Every published figure by (opgave, periode, gebied), versions in publication order.</summary>
internal sealed class FigureIndex
{
    private readonly Dictionary<(Opgave, Periode, string), FigureVersion[]> versions = new();
    // Per opgave: each periode with the first date any gebied's figure for it was published, by periode start.
    private readonly Dictionary<Opgave, (Periode Periode, DateOnly FirstPublished)[]> periods = new();

    public FigureIndex(IReadOnlyList<OpgaveFigure> figures, Geography geo, List<DataQualityFinding> findings)
    {
        var parsed = new List<(Opgave O, Periode P, string Gebied, FigureVersion V)>();
        foreach (var f in figures)
        {
            if (!Periode.TryParse(f.Periode, out var p))
            {
                findings.Add(new(FindingKind.OngeldigePeriode, f.Opgave, f.Periode, f.Gebiedcode,
                    $"Opgave {f.Opgave.Code()} {f.Gebiedcode}: periode '{f.Periode}' is geen cyclus of halfjaar; genegeerd."));
                continue;
            }
            if (!KnownGebied(f.Gebiedcode, geo))
                findings.Add(new(FindingKind.OnbekendGebied, f.Opgave, f.Periode, f.Gebiedcode,
                    $"Opgave {f.Opgave.Code()} {f.Periode}: gebied {f.Gebiedcode} is onbekend; het cijfer telt nergens mee."));
            if (f.Aantal < 0)
            {
                findings.Add(new(FindingKind.OngeldigeRij, f.Opgave, f.Periode, f.Gebiedcode,
                    $"Opgave {f.Opgave.Code()} {f.Periode} {f.Gebiedcode}: negatief aantal {f.Aantal}; genegeerd."));
                continue;
            }
            parsed.Add((f.Opgave, p, f.Gebiedcode, new FigureVersion(f.Versie, f.Publicatiedatum, f.Aantal) { VervaltOp = f.VervaltOp }));
        }
        foreach (var g in parsed.GroupBy(x => (x.O, x.P, x.Gebied)))
            versions[g.Key] = g.Select(x => x.V).OrderBy(v => v.Publicatiedatum).ThenBy(v => v.Versie).ToArray();
        foreach (var g in parsed.GroupBy(x => x.O))
            periods[g.Key] = g.GroupBy(x => x.P)
                .Select(pg => (pg.Key, pg.Min(x => x.V.Publicatiedatum))).OrderBy(x => x.Key).ToArray();
        // A withdrawal changes the figure in force as much as a publication does.
        PublicationDates = parsed.Select(x => x.V.Publicatiedatum)
            .Concat(parsed.Where(x => x.V.VervaltOp is not null).Select(x => x.V.VervaltOp!.Value)).Distinct().Order().ToList();
    }

    public IReadOnlyList<DateOnly> PublicationDates { get; }

    /// <summary>The version in force on t: latest publicatiedatum ≤ t; on a tie the later versie. A version withdrawn by
    /// t does not count: the one before it is in force again.</summary>
    public FigureVersion? InForce(Opgave o, Periode p, string gebied, DateOnly t)
    {
        if (!versions.TryGetValue((o, p, gebied), out var vs)) return null;
        int lo = 0, hi = vs.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (vs[mid].Publicatiedatum <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        while (found >= 0 && vs[found].VervaltOp <= t) found--;
        return found < 0 ? null : vs[found];
    }

    /// <summary>The periode that applies on t: the latest one that has started by t and has any figure published by
    /// t; without carry-forward it must also contain t. Null: nothing in force.</summary>
    public Periode? Applicable(Opgave o, DateOnly t, bool carryForward)
    {
        if (!periods.TryGetValue(o, out var ps)) return null;
        Periode? best = null;
        foreach (var (p, first) in ps)
            if (p.Start <= t && first <= t && (carryForward || p.Contains(t))) best = p;
        return best;
    }

    /// <summary>Every periode an opgave has figures for, in order.</summary>
    public IEnumerable<Periode> Periods(Opgave o) => periods.TryGetValue(o, out var ps) ? ps.Select(x => x.Periode) : [];

    private static bool KnownGebied(string code, Geography geo) =>
        geo.ByCode.ContainsKey(code) || geo.Provincies.ContainsKey(code) || geo.Veiligheidsregios.ContainsKey(code);
}
