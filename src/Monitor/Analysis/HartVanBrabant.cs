namespace Monitor.Analysis;

/// <summary>A gemeente in the Hart van Brabant view. Opgave and Gerealiseerd are asiel + amv + oekraine combined.
/// Tekort = streefpercentage × opgave − gerealiseerd when below the streefpercentage, else 0.</summary>
public sealed record HvbGemeente(
    string Gemeentecode, int? Opgave, int Gerealiseerd, double? Pct, decimal Tekort, int Extra, double? PctNa);

/// <param name="RestNetto">max(0, Σopgave − Σgerealiseerd): what the regio as a whole still has to add; surpluses
/// count (the method's step 2, "als ware één gemeente"). Null when a gemeente's opgave is unknown.</param>
/// <param name="RestBruto">Σ max(0, opgave − gerealiseerd): the same ignoring surpluses; shown, not used.</param>
/// <param name="TeVerdelen">The places divided: RestNetto unless the regio agreed another number.</param>
/// <param name="Onvolledig">Gemeenten left out because one of their three opgaven is unknown.</param>
public sealed record HvbView(
    string Regiocode, DateOnly Datum, decimal Streefpercentage, int? Opgave, int Gerealiseerd, int? RestNetto,
    int? RestBruto, int TeVerdelen, int Verdeeld, IReadOnlyList<HvbGemeente> Gemeenten, IReadOnlyList<string> Onvolledig);

/// <summary>Rule 7, the Hart van Brabant method (handreiking ch. 5): treat asiel, amv and oekraine places as one
/// opgave; the regio's remaining need goes to the gemeenten below the streefpercentage p in proportion to their
/// tekort to p (p × opgave − realised), by largest remainder so the parts add up exactly. Gemeenten at or above p
/// add nothing. If nobody is below p nothing can be divided (Verdeeld &lt; TeVerdelen shows it).</summary>
public static class HartVanBrabant
{
    public static HvbView For(AnalysisModel m, string regiocode, DateOnly t, decimal streefpercentage, int? teVerdelen = null)
    {
        if (!m.Geography.Regios.TryGetValue(regiocode, out var members))
            throw new ArgumentException($"Onbekende regio {regiocode}.", nameof(regiocode));
        var stand = EffectiveOpgave.On(m, t);
        var places = PlacesRealised.On(m, t);
        var rows = members.Select(g =>
        {
            var parts = AnalysisCodes.PlaceOpgaven.Select(o => stand.Effectief(g.Code, o)).ToList();
            var realised = AnalysisCodes.PlaceOpgaven.Sum(o => places.TryGetValue((g.Code, o), out var c) ? c.Beschikbaar : 0);
            return (g.Code, Opgave: parts.Any(p => p is null) ? null : parts.Sum(), Realised: realised);
        }).ToList();

        var complete = rows.Where(r => r.Opgave is not null).Select(r => (r.Code, r.Opgave!.Value, r.Realised)).ToList();
        var incomplete = rows.Where(r => r.Opgave is null).Select(r => r.Code).ToList();
        int? total = incomplete.Count == 0 ? complete.Sum(r => r.Item2) : null;
        var realisedTotal = rows.Sum(r => r.Realised);
        int? restNet = total is { } tot ? Math.Max(0, tot - realisedTotal) : null;
        int? restGross = incomplete.Count == 0 ? complete.Sum(r => Math.Max(0, r.Item2 - r.Realised)) : null;

        var amount = teVerdelen ?? restNet ?? 0;
        var (deficits, extra) = Allocate(complete, streefpercentage, amount);
        var byCode = complete.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var gemeenten = rows.Select(r => byCode.TryGetValue(r.Code, out var i)
            ? new HvbGemeente(r.Code, r.Opgave, r.Realised, Gaps.Pct(r.Opgave, r.Realised), deficits[i], extra[i],
                Gaps.Pct(r.Opgave, r.Realised + extra[i]))
            : new HvbGemeente(r.Code, null, r.Realised, null, 0, 0, null)).ToList();
        return new HvbView(regiocode, t, streefpercentage, total, realisedTotal, restNet, restGross, amount, extra.Sum(), gemeenten, incomplete);
    }

    /// <summary>The pure core: tekort to p per gemeente, and the extra places by largest remainder over them.</summary>
    public static (decimal[] Tekort, int[] Extra) Allocate(
        IReadOnlyList<(string Code, int Opgave, int Realised)> gemeenten, decimal streefpercentage, int total)
    {
        if (streefpercentage < 0) throw new ArgumentOutOfRangeException(nameof(streefpercentage));
        var deficits = gemeenten.Select(g => Math.Max(0m, streefpercentage / 100m * g.Opgave - g.Realised)).ToArray();
        return (deficits, LargestRemainder.Allocate(Math.Max(0, total), deficits));
    }
}
