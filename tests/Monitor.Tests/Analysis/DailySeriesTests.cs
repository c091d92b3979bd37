using System.Diagnostics;
using Monitor.Analysis;
using Xunit.Abstractions;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class DailySeriesTests(ITestOutputHelper output)
{
    [Fact]
    public void Series_EqualsTheSingleDateRules_OnEveryDay()
    {
        var (from, to) = (D("2024-01-01"), D("2025-12-31"));
        var m = new AnalysisModel(SyntheticInputs.Create(gemeenten: 9, provincies: 2, seed: 42, from, to, snapshotEveryDays: 17));
        var areas = Areas.All(m);
        var series = DailySeries.Build(m, areas, from, to).ToLookup(r => r.Datum);
        Assert.NotEmpty(m.AgreementProblems);   // the synthetic rejected code is there, so rejection is exercised

        var checkedRows = 0;
        for (var t = from; t <= to; t = t.AddDays(1))
        {
            var expected = Oracle(m, areas, t);
            var actual = series[t].ToList();
            Assert.Equal(expected.Count, actual.Count);
            foreach (var row in actual)
                Assert.Equal(expected[(row.Gebiedcode, row.Opgave)], row);
            checkedRows += actual.Count;
        }
        Assert.Equal(731 * 4 * (9 + 2 + 1 + 1), checkedRows);

        // The comparison covered the interesting paths, not just empty rows.
        var rows = series.SelectMany(g => g).ToList();
        Assert.Equal([ProjectionMethods.Pijplijn, ProjectionMethods.PijplijnTrend, ProjectionMethods.Tempo, ProjectionMethods.TempoTrend],
            rows.Select(r => r.Methode).OfType<string>().Distinct().Order());
        Assert.Contains(rows, r => r is { Gebiedcode: "PV20", Opgave: Opgave.Amv, OpgaveAantal: not null, Tekort: null }); // PV fallback
        Assert.Contains(rows, r => r is { Niveau: AreaLevel.Gemeente, Opgave: Opgave.Oekraine, OpgaveAantal: > 0 });
        Assert.Contains(rows, r => r is { Niveau: AreaLevel.Provincie, Duurzaam: > 0 } && r.Duurzaam < r.Gerealiseerd);
        Assert.Contains(rows, r => r is { Niveau: AreaLevel.Gemeente, Opgave: Opgave.Taakstelling, Gap: < 0 });
        Assert.Contains(rows, r => r is { Opgave: Opgave.Asiel, PrognoseMidden: not null } && r.Deadline == D("2026-01-01"));
        Assert.Contains(rows, r => r is { Opgave: Opgave.Amv, Deadline: null, PrognoseMidden: null } && r.Datum > D("2025-07-01"));
    }

    [Fact]
    public void Series_CanBeEnumeratedTwice()
    {
        var m = new AnalysisModel(SyntheticInputs.Create(8, 2, 3, D("2024-06-01"), D("2025-06-01"), 20));
        var series = DailySeries.Build(m, Areas.All(m), D("2024-06-01"), D("2025-06-01"));
        Assert.Equal(series.ToList(), series.ToList());
    }

    [Fact]
    public void Herindeling_AMappedSeriesContinuesThroughTheMerger()
    {
        // GM1966 replaced two old gemeenten on 2025-01-01; their snapshots before the merger arrive mapped to GM1966.
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm("GM1966", pv: "PV20")],
            Figures = [Fig(Opgave.Asiel, "2024-2025", "GM1966", 200, "2024-12-31")],
            Places =
            [
                Place("2024-11-01", "GM1966", "oud-a", 100), Place("2024-11-01", "GM1966", "oud-b", 60),
                Place("2025-01-10", "GM1966", "oud-a", 100), Place("2025-01-10", "GM1966", "oud-b", 60),
            ],
        });
        var realised = DailySeries.Build(m, [Areas.Resolve(m, "GM1966"), Areas.Resolve(m, "PV20")], D("2024-12-25"), D("2025-01-15"))
            .Where(r => r.Opgave == Opgave.Asiel).Select(r => r.Gerealiseerd).Distinct();
        Assert.Equal([160], realised);
    }

    [Fact]
    public void Series_342GemeentenFourOpgavenThousandDays_HasEveryRow()
    {
        var (from, to) = (D("2023-04-01"), D("2025-12-26"));   // 1,001 days
        var m = new AnalysisModel(SyntheticInputs.Create(342, 12, 1, from, to, snapshotEveryDays: 14));
        var areas = Areas.All(m);
        var clock = Stopwatch.StartNew();
        long rows = 0, withProjection = 0;
        foreach (var r in DailySeries.Build(m, areas, from, to))
        {
            rows++;
            if (r.PrognoseMidden is not null) withProjection++;
        }
        clock.Stop();
        output.WriteLine($"{rows:N0} rows ({withProjection:N0} with a projection) in {clock.ElapsedMilliseconds} ms; {m.Inputs.Places.Count:N0} place rows");
        Assert.Equal(1_001L * 4 * (342 + 12 + 1 + 1), rows);
        // Speed is a benchmark figure (monitor bench), never a unit-test assertion: the time is only reported.
    }

    [Fact]
    public void DailyCountsAndALateFinalCount_TheSeriesStillEqualsTheSingleDateRules()
    {
        // Counts every day (as the benchmark delivers them), and 2025-H1's final count reported on 20 July: from that day
        // the carry-over into 2025-H2 changes, while the daily counts within a half year change only what is housed.
        var housing = new List<HousingRow>();
        for (var d = D("2025-01-01"); d <= D("2025-12-31"); d = d.AddDays(1))
            foreach (var g in new[] { "GM0001", "GM0002" })
                housing.Add(Housed(Periode.HalfYearOf(d).ToString(), g, d.ToString("yyyy-MM-dd"), (d.DayOfYear % 183) / (g == "GM0001" ? 4 : 9)));
        housing.Add(Housed("2025-H1", "GM0001", "2025-07-20", 70));
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm("GM0001", pv: "PV20"), Gm("GM0002", pv: "PV20")],
            Figures = [.. Taakstelling("GM0001", 50, "2025-H1", "2025-H2"), .. Taakstelling("GM0002", 20, "2025-H1", "2025-H2")],
            Housing = housing,
        });
        var areas = Areas.All(m);
        var (from, to) = (D("2025-06-25"), D("2025-08-10"));
        var series = DailySeries.Build(m, areas, from, to).ToLookup(r => r.Datum);
        for (var t = from; t <= to; t = t.AddDays(1))
        {
            var expected = Oracle(m, areas, t);
            foreach (var row in series[t]) Assert.Equal(expected[(row.Gebiedcode, row.Opgave)], row);
        }
        var due = series.SelectMany(g => g).Where(r => r is { Gebiedcode: "GM0001", Opgave: Opgave.Taakstelling })
            .ToDictionary(r => r.Datum, r => r.OpgaveAantal);
        Assert.NotEqual(due[D("2025-07-19")], due[D("2025-07-20")]);
    }

    [Fact]
    public void ByArea_GivesTheSameRowsAsTheDateOrderedSeries()
    {
        var (from, to) = (D("2024-01-01"), D("2025-12-31"));
        var m = new AnalysisModel(SyntheticInputs.Create(gemeenten: 9, provincies: 2, seed: 7, from, to, snapshotEveryDays: 11));
        var areas = Areas.All(m);
        var byArea = DailySeries.ByArea(m, areas, from, to);
        var rows = areas.SelectMany(byArea.RowsOf).ToList();
        Assert.Equal(DailySeries.Build(m, areas, from, to).OrderBy(Key).ToList(), rows.OrderBy(Key).ToList());
        Assert.All(areas, a => Assert.All(byArea.RowsOf(a), r => Assert.Equal(a.Code, r.Gebiedcode)));

        static string Key(SeriesRow r) => $"{r.Gebiedcode}|{r.Opgave}|{r.Datum:yyyy-MM-dd}";
    }

    /// <summary>The rows of one date from the single-date rules alone.</summary>
    private static Dictionary<(string, Opgave), SeriesRow> Oracle(AnalysisModel m, IReadOnlyList<Area> areas, DateOnly t)
    {
        var stand = EffectiveOpgave.On(m, t);
        var chains = CarryOver.ForAll(m, t);
        var gemeenten = new Dictionary<(string, Opgave), SeriesRow>();
        foreach (var g in m.Gemeenten)
            foreach (var o in AnalysisCodes.AllOpgaven)
            {
                var deadline = m.Calendar.NextDeadline(o, t);
                gemeenten[(g.Code, o)] = o == Opgave.Taakstelling
                    ? SeriesRow.ForGemeente(g.Code, o, t, chains[g.Code].Running?.Due, HousingRealised.On(m, g.Code, t).Housed, null,
                        deadline, HousingProjection.For(m, g.Code, t))
                    : SeriesRow.ForGemeente(g.Code, o, t, stand.Effectief(g.Code, o), PlacesRealised.For(m, g.Code, o, t).Beschikbaar,
                        PlacesRealised.For(m, g.Code, o, t).Duurzaam, deadline, PlaceProjection.For(m, g.Code, o, t));
            }

        var result = new Dictionary<(string, Opgave), SeriesRow>();
        foreach (var area in areas)
            foreach (var o in AnalysisCodes.AllOpgaven)
            {
                if (area.Level == AreaLevel.Gemeente) { result[(area.Code, o)] = gemeenten[(area.Code, o)]; continue; }
                var members = Areas.Members(m, area).Select(g => gemeenten[(g.Code, o)]).ToList();
                int? opgave = area.Level switch
                {
                    AreaLevel.Provincie => ProvincieOpgave(m, stand, area.Code, o, gemeenten),
                    AreaLevel.Land => Gaps.SumOrFallback(m.Gemeenten.Select(g => g.Provinciecode).Distinct()
                        .Select(pv => ProvincieOpgave(m, stand, pv, o, gemeenten)), null),
                    _ => Gaps.SumOrFallback(members.Select(r => r.OpgaveAantal), null),
                };
                var gaps = Gaps.ForArea(opgave, members.Select(r => new GapFigures(r.OpgaveAantal, r.Gerealiseerd, r.Gap, r.Tekort, r.RealisatiePct)));
                var all = members.All(r => r.PrognoseMidden is not null) && members.Count > 0;
                result[(area.Code, o)] = new SeriesRow(area.Code, area.Level, o, t, opgave, gaps.Realised, gaps.Gap, gaps.Shortfall, gaps.RealisationPct,
                    o.IsPlaces() ? members.Sum(r => r.Duurzaam ?? 0) : null, m.Calendar.NextDeadline(o, t),
                    all ? members.Sum(r => r.PrognoseLaag) : null, all ? members.Sum(r => r.PrognoseMidden) : null,
                    all ? members.Sum(r => r.PrognoseHoog) : null,
                    all ? members.Select(r => r.Methode!).Aggregate(ProjectionMethods.Combine) : null);
            }
        return result;
    }

    // For places the provincial figure binds when one is in force; otherwise Σ of the members when all are known.
    private static int? ProvincieOpgave(AnalysisModel m, OpgaveStand stand, string pv, Opgave o, Dictionary<(string, Opgave), SeriesRow> gemeenten) =>
        (o.IsPlaces() ? stand.Provincie(pv, o) : null)
        ?? Gaps.SumOrFallback(m.Gemeenten.Where(g => g.Provinciecode == pv).Select(g => gemeenten[(g.Code, o)].OpgaveAantal), null);
}
