using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

/// <summary>The rules DOMAIN.md settled since the first release, each with its worked example.</summary>
public sealed class SettledRulesTests
{
    private const string G = "GM0001";

    private static PlaceRow Loc(string code, int capaciteit, string? vanaf, string? tot, bool? duurzaam = null) =>
        Place("2025-01-01", G, code, capaciteit, vanaf: vanaf, tot: tot) with { DuurzaamVolgensFeed = duurzaam };

    [Fact]
    public void Duurzaam_OnlyWhenTheFeedSaysSo_OrBothDatesSpanFiveYears()
    {
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm(G)],
            Places =
            [
                Loc("open-einde", 100, "2025-01-01", null),                    // no closing date: unknown duration, not duurzaam
                Loc("geen-begin", 5, null, "2031-12-31"),                      // start unknown: not duurzaam
                Loc("vijf-jaar", 40, "2025-01-01", "2029-12-31"),              // exactly 5 years, tot inclusive
                Loc("dag-te-kort", 7, "2025-01-01", "2029-12-30"),
                Loc("feed-ja", 30, "2025-01-01", null, duurzaam: true),        // the feed's word counts
                Loc("feed-nee", 11, "2020-01-01", "2035-12-31", duurzaam: false), // and wins over the dates
            ],
        });
        var c = PlacesRealised.For(m, G, Opgave.Asiel, D("2025-02-01"));
        Assert.Equal((193, 70), (c.Beschikbaar, c.Duurzaam));
        // The series (difference arrays) applies the same rule.
        var row = DailySeries.Build(m, [Areas.Resolve(m, G)], D("2025-02-01"), D("2025-02-01")).Single(r => r.Opgave == Opgave.Asiel);
        Assert.Equal((193, 70), (row.Gerealiseerd, row.Duurzaam!.Value));
    }

    [Fact]
    public void BeschikbaarTot_IsTheLastDayThePlacesCount_InTheSeriesAndThePipeline()
    {
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm(G)],
            Calendar = Given.Cycle1,
            Figures = [Fig(Opgave.Asiel, "2024-2025", G, 100, "2024-12-31")],
            Places = [Place("2025-01-01", G, "L1", 60, vanaf: "2025-01-01", tot: "2025-07-01"), Place("2025-01-01", G, "L2", 10, vanaf: "2025-01-01", tot: "2025-06-30")],
        });
        var rows = DailySeries.Build(m, [Areas.Resolve(m, G)], D("2025-06-30"), D("2025-07-02"))
            .Where(r => r.Opgave == Opgave.Asiel).ToDictionary(r => r.Datum);
        Assert.Equal(70, rows[D("2025-06-30")].Gerealiseerd);   // both on L2's last day
        Assert.Equal(60, rows[D("2025-07-01")].Gerealiseerd);   // L1's last day is the deadline itself: it counts
        Assert.Equal(0, rows[D("2025-07-02")].Gerealiseerd);
        // Projected to the 1 July deadline from June: L1 (open through 1 July) counts, L2 (closes the day before) does not.
        Assert.Equal(60, rows[D("2025-06-30")].PrognoseMidden);
    }

    [Fact]
    public void MissedInARow_AHalfYearWithoutAFigure_IsSkipped_NotAReset()
    {
        HalfYearInput H(string p, int? taak, int housed) => new(Periode.Parse(p), taak, housed, true);
        var chain = CarryOver.Chain([H("2024-H1", 20, 10), H("2024-H2", 20, 10), H("2025-H1", null, 5)], carryIn: 0);
        Assert.Equal([true, true, false], chain.Select(h => h.Missed));
        Assert.Equal(2, CarryOver.ConsecutiveMissed(chain));        // before the rule: 0 (the empty half year reset it)
        Assert.Equal([1, 2, 2], CarryOver.MissedInARow(chain));

        // The same through the model: 2025-H1 has no taakstelling figure.
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm(G)],
            Figures = [.. Taakstelling(G, 20, "2024-H1", "2024-H2")],
            Housing = [Housed("2024-H1", G, "2024-07-01", 10), Housed("2024-H2", G, "2025-01-01", 10)],
        });
        Assert.Equal(2, CarryOver.For(m, G, D("2025-08-01")).ConsecutiveMissed);
        // A met half year still resets it.
        var met = CarryOver.Chain([H("2024-H1", 20, 10), H("2024-H2", 20, 40), H("2025-H1", null, 5)], carryIn: 0);
        Assert.Equal(0, CarryOver.ConsecutiveMissed(met));
    }

    [Fact]
    public void Oekraine_OwnFigureIsSubtractedFromTheVrFigure_TheRestByTheKeyWithLargestRemainder()
    {
        // VR09: 101 places; GM0003 has its own 25 → 76 over GM0001 and GM0002 by inwoners only (3 : 1) → 57 + 19.
        Gemeente[] vr = [Gm("GM0001", inwoners: 30_000), Gm("GM0002", inwoners: 10_000), Gm("GM0003", inwoners: 10_000)];
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = vr,
            Figures =
            [
                Fig(Opgave.Oekraine, "2025-H1", "VR09", 101, "2024-12-15", Versie.Vastgesteld),
                Fig(Opgave.Oekraine, "2025-H1", "GM0003", 25, "2024-12-15", Versie.Vastgesteld),
                Fig(Opgave.Oekraine, "2025-H2", "VR09", 40, "2025-06-15", Versie.Vastgesteld),
                Fig(Opgave.Oekraine, "2025-H2", "GM0003", 45, "2025-06-15", Versie.Vastgesteld),
            ],
            Options = AnalysisOptions.Default with { OekraineWeightInwoners = 1m, OekraineWeightOppervlakte = 0m },
        });
        var h1 = EffectiveOpgave.On(m, D("2025-03-01"));
        Assert.Equal([57, 19, 25], vr.Select(g => h1.Effectief(g.Code, Opgave.Oekraine)));
        Assert.Equal(OpgaveBron.Gemeente, h1.Get("GM0003", Opgave.Oekraine).Bron);
        Assert.Empty(h1.Findings);
        // Own figure above the VR figure: the rest get 0, and it is a finding.
        var h2 = EffectiveOpgave.On(m, D("2025-08-01"));
        Assert.Equal([0, 0, 45], vr.Select(g => h2.Effectief(g.Code, Opgave.Oekraine)));
        Assert.Contains(h2.Findings, f => f.Kind == FindingKind.SleutelOverschreden && f.Gebiedcode == "VR09");
    }

    [Fact]
    public void UnknownAggregate_ExplainsItselfInWords_WithTheKnownPartLabelled()
    {
        Assert.Null(UnknownAggregate.Of([1, 2, 3]));
        var u = UnknownAggregate.Of([.. Enumerable.Repeat<int?>(null, 45), .. Enumerable.Repeat<int?>(273, 10), 278])!;
        Assert.Equal("onbekend: 45 van 56 gemeenten zonder opgave; bekend deel: 3.008", u.Text);
        Assert.Equal("onbekend: 2 van 2 gemeenten zonder opgave", UnknownAggregate.Of([null, null])!.Text);
        Assert.Equal("bruto tekort onbekend: 1 van 3 gemeenten zonder opgave", UnknownAggregate.Of([1, null, 2])!.ShortfallText);
    }

    [Fact]
    public void UnknownAggregate_IsWhatTheSeriesLeavesBlank()
    {
        // A regio of two gemeenten, one without an asiel figure: the regio's opgave is unknown, never the partial sum.
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm(G), Gm("GM0002")],
            Regios = [new Regio("R1", "Regio", [G, "GM0002"])],
            Figures = [Fig(Opgave.Asiel, "2024-2025", G, 3_008, "2024-12-31")],
        });
        var rows = DailySeries.Build(m, Areas.All(m), D("2025-03-01"), D("2025-03-01")).Where(r => r.Opgave == Opgave.Asiel).ToList();
        Assert.Null(rows.Single(r => r.Gebiedcode == "R1").OpgaveAantal);
        var members = rows.Where(r => r.Niveau == AreaLevel.Gemeente).Select(r => r.OpgaveAantal);
        Assert.Equal("onbekend: 1 van 2 gemeenten zonder opgave; bekend deel: 3.008", UnknownAggregate.Of(members)!.Text);
    }

    [Fact]
    public void Cycle2_TheProvincialFigureBinds_AlsoOnceIndicativeGemeenteFiguresFollow_AndExistingPlacesKeepCounting()
    {
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm(G, pv: "PV20"), Gm("GM0002", pv: "PV20")],
            Figures =
            [
                Fig(Opgave.Asiel, "2024-2025", G, 100, "2024-12-31"), Fig(Opgave.Asiel, "2024-2025", "GM0002", 50, "2024-12-31"),
                Fig(Opgave.Asiel, "2024-2025", "PV20", 150, "2024-12-31"),
                Fig(Opgave.Asiel, "2026-2027", "PV20", 500, "2026-02-05", Versie.Indicatief),
                // Indicative gemeente figures later in 2026 that do not (yet) add up to the provincial figure.
                Fig(Opgave.Asiel, "2026-2027", G, 200, "2026-09-01", Versie.Indicatief),
                Fig(Opgave.Asiel, "2026-2027", "GM0002", 250, "2026-09-01", Versie.Indicatief),
            ],
            Places = [Place("2024-06-01", G, "L1", 120, vanaf: "2024-06-01")],
        });
        var pv = Areas.Resolve(m, "PV20");
        SeriesRow On(string d, Area a) => DailySeries.Build(m, [a], D(d), D(d)).Single(r => r.Opgave == Opgave.Asiel && r.Gebiedcode == a.Code);

        Assert.Equal(150, On("2026-02-04", pv).OpgaveAantal);        // cycle 1 carried forward until cycle 2 is published
        var published = On("2026-02-05", pv);
        Assert.Equal((500, 120, 380), (published.OpgaveAantal, published.Gerealiseerd, published.Gap!.Value)); // places that exist keep counting
        Assert.Null(On("2026-02-05", Areas.Resolve(m, G)).OpgaveAantal);  // no gemeente figure yet: unknown, never divided
        var indicative = On("2026-12-03", pv);
        Assert.Equal(500, indicative.OpgaveAantal);                    // the PV figure binds, not Σ 450 of the indicative figures
        Assert.Equal(200, On("2026-12-03", Areas.Resolve(m, G)).OpgaveAantal);
        Assert.Contains(EffectiveOpgave.On(m, D("2026-12-03")).Findings, f => f.Kind == FindingKind.SomGemeentenWijktAfVanProvincie);
        Assert.Equal(500, On("2026-12-03", Area.Land).OpgaveAantal);
    }
}
