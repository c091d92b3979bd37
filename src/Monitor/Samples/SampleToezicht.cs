using Monitor.Analysis;

namespace Monitor.Samples;

/// <summary>One row of the toezicht feed (the register).</summary>
public sealed record ToezichtRow(string Gemeentecode, string Opgave, DateOnly Besluitdatum, string Stap, string? Regime, string? Oordeel,
    DateOnly? Termijn, string? Toelichting);

/// <summary>
/// A register for two provincies, written the way the toezichthouder works: after each test date (1 January, 1 July)
/// every gemeente that missed gets the step its ladder gives (Noord-Brabant: Brabant's; Zuid-Holland: four in a row),
/// two to four weeks later, judged verschoonbaar when COA's koppelingen explain the whole
/// achterstand, else verwijtbaar. A gemeente back on track is closed (afgesloten). The toezichthouder stops at the aanwijzing (the
/// Monitor will propose indeplaatsstelling). A plan van aanpak is extended before its termijn ("termijn verlengd"),
/// except for one gemeente, whose termijn is left to pass.
/// </summary>
public static class SampleToezicht
{
    private static readonly DateOnly Horizon = new(2026, 12, 31);

    public static readonly IReadOnlyList<(string Provincie, Ladder Ladder)> Provincies = [("PV30", Ladder.Brabant), ("PV28", Ladder.ZuidHolland)];

    public static IEnumerable<ToezichtRow> For(SampleWorld world, KoppelingModel koppelingen, DateOnly madeOn)
    {
        var rows = new List<ToezichtRow>();
        foreach (var (provincie, ladder) in Provincies)
            foreach (var g in world.Gemeenten.Where(g => g.ProvincieCode == provincie))
                rows.AddRange(Gemeente(world, koppelingen, ladder, g, madeOn));
        // Gemeenten ask for more time before a plan van aanpak is due, as Almere did three times: every termijn that
        // would pass before the horizon is extended a week before it, except the first, which is left passed.
        var open = rows.GroupBy(r => r.Gemeentecode).Select(x => x.MaxBy(r => r.Besluitdatum)!)
            .Where(r => r.Termijn < Horizon).OrderBy(r => r.Gemeentecode, StringComparer.Ordinal).ToList();
        foreach (var last in open.Skip(1))
            for (var extension = last; extension.Termijn < Horizon && extension.Termijn!.Value.AddDays(-7) <= madeOn;)
            {
                var besluit = extension.Termijn!.Value.AddDays(-7);
                extension = extension with { Besluitdatum = besluit, Termijn = besluit.AddMonths(3), Toelichting = "termijn verlengd: plan ontvangen, uitvoering loopt" };
                rows.Add(extension);
            }
        return rows.OrderBy(r => r.Besluitdatum).ThenBy(r => r.Gemeentecode, StringComparer.Ordinal);
    }

    private static IEnumerable<ToezichtRow> Gemeente(SampleWorld world, KoppelingModel koppelingen, Ladder ladder, Gemeente g, DateOnly madeOn)
    {
        string? recorded = null;
        var counting = 0;
        foreach (var h in SampleWorld.HalfYears)
        {
            var test = h.End.AddDays(1);
            // Weeks after the test date, and never after the day the set is made.
            var besluit = test.AddDays(10 + SampleRandom.For(world.Seed, "toezicht-besluit", $"{g.Code}|{h}").Next(0, 21));
            if (besluit > madeOn) yield break;
            var (due, housed) = world.Housing.Result(g, h);
            var stand = KoppelingShare.Of(due, housed, koppelingen.Total(g, h));
            if (stand.Achterstand is not > 0)
            {
                counting = 0;
                if (recorded is not null && recorded != Stappen.Afgesloten)
                    yield return new(g.Code, "taakstelling", besluit, Stappen.Afgesloten, ladder.RegimeZonderAchterstand, null, null,
                        $"taakstelling {h} gehaald");
                recorded = recorded is null ? null : Stappen.Afgesloten;
                continue;
            }
            if (!stand.GeheelVerklaard) counting++;
            // Every missed half year gets at least the first rung (hoor en wederhoor); the judgement says whose doing it was.
            var rung = ladder.For(Math.Max(counting, 1));
            // The sample's toezichthouder stops at the last warning: indeplaatsstelling is proposed, not recorded.
            if (rung?.Stap == "indeplaatsstelling") rung = ladder.Treden.Last(t => t.Stap != "indeplaatsstelling");
            var oordeel = stand.GeheelVerklaard ? "verschoonbaar" : "verwijtbaar";
            if (rung is null || rung.Stap == recorded) continue;
            recorded = rung.Stap;
            yield return new(g.Code, "taakstelling", besluit, rung.Stap, rung.Regime, oordeel,
                rung.TermijnMaanden is { } m ? besluit.AddMonths(m) : null, $"{KoppelingShare.Zin(stand)} in {h}");
        }
    }
}
