using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class DeadlineOutcomeTests
{
    private const string G = "GM0001";

    // Opgave 200 from the verdeelbesluit; 150 places on the deadline 2025-07-01. Afterwards the opgave is revised to
    // 180 and 70 more places open: the deadline's figures must stay 200 / 150 / gap 50.
    private static AnalysisInputs Inputs() => new()
    {
        Calendar = Cycle1,
        Gemeenten = [Gm(G), Gm("GM0002")],
        Figures =
        [
            Fig(Opgave.Asiel, "2024-2025", G, 200, "2024-12-31"), Fig(Opgave.Asiel, "2024-2025", "GM0002", 10, "2024-12-31"),
            Fig(Opgave.Asiel, "2024-2025", G, 180, "2025-08-01", Versie.Bijstelling),
            .. Taakstelling(G, 20, "2025-H1", "2025-H2"), .. Taakstelling("GM0002", 5, "2025-H1", "2025-H2"),
        ],
        Places =
        [
            Place("2025-06-01", G, "L1", 150),
            Place("2025-08-01", G, "L1", 150), Place("2025-08-01", G, "L2", 70, vanaf: "2025-08-01"),
        ],
        Housing = [Housed("2025-H1", G, "2025-07-01", 12), Housed("2025-H1", "GM0002", "2025-07-01", 6)],
    };

    [Fact]
    public void PassedDeadline_KeepsTheFiguresOnTheDeadline()
    {
        var m = new AnalysisModel(Inputs());
        var outcomes = DeadlineOutcomes.For(m, [Areas.Resolve(m, G), Areas.Resolve(m, "PV26")], D("2025-09-01"));

        var gm = outcomes.Single(o => o.Gebiedcode == G && o.Opgave == Opgave.Asiel);
        Assert.Equal(("2024-2025", D("2025-07-01"), 200, 150, 50), (gm.Periode, gm.Deadline, gm.OpgaveAantal, gm.Gerealiseerd, gm.NetGap));
        var pv = outcomes.Single(o => o.Gebiedcode == "PV26" && o.Opgave == Opgave.Asiel);
        Assert.Equal((210, 150, 60), (pv.OpgaveAantal, pv.Gerealiseerd, pv.NetGap));
        // taakstelling 2025-H1 completed: due 20, housed 12 (G); 25 and 18 for the provincie
        var h1 = DeadlineOutcomes.HalfYears(m, [Areas.Resolve(m, "PV26")], D("2025-09-01")).Single();
        Assert.Equal(("2025-H1", D("2025-06-30"), 25, 18, 7), (h1.Periode, h1.Deadline, h1.OpgaveAantal, h1.Gerealiseerd, h1.Gap));
    }

    // The outcomes an incremental run keeps (deadline 2025-07-01): only when no deadline day can have changed.
    [Theory]
    [InlineData("2025-09-01", "2025-09-02", "2025-09-02", false, true)]  // a new day's facts, after the deadline
    [InlineData("2025-09-01", "2025-09-02", null, false, true)]          // a new day, no fact touched
    [InlineData("2025-09-01", "2025-09-01", "2025-07-02", false, true)]  // a fact the day after the deadline
    [InlineData("2025-09-01", "2025-09-02", "2025-07-01", false, false)] // a fact of the deadline day itself
    [InlineData("2025-09-01", "2025-09-02", "2025-06-15", false, false)] // a fact before it
    [InlineData("2025-09-01", "2025-09-02", "2025-09-02", true, false)]  // opgave figures: a binding one may end the obligation
    [InlineData("2025-07-01", "2025-07-02", "2025-07-02", false, false)] // the deadline passes between the two runs
    [InlineData("2025-09-01", "2025-06-01", "2025-06-01", false, false)] // a run as of a date before the deadline
    [InlineData("2025-05-01", "2025-06-01", "2025-05-15", false, true)]  // before any deadline: there are no outcomes
    public void StoredOutcomes_StillHold_OnlyWhenNoDeadlineDayCanHaveChanged(string previous, string t, string? touchedFrom, bool figures, bool hold)
    {
        var m = new AnalysisModel(Inputs());
        Assert.Equal(hold, DeadlineOutcomes.StillHold(m, D(previous), D(t), touchedFrom is null ? null : D(touchedFrom), figures));
    }

    [Fact]
    public void OnTheDeadlineDay_ItHasNotPassedYet()
    {
        var m = new AnalysisModel(Inputs());
        Assert.DoesNotContain(DeadlineOutcomes.For(m, [Areas.Resolve(m, G)], D("2025-07-01")), o => o.Opgave == Opgave.Asiel);
    }

    [Fact]
    public void AfterTheLastDeadline_TheSeriesTracksTheGap_WithoutDeadlineOrProjection()
    {
        var m = new AnalysisModel(Inputs());
        var row = DailySeries.Build(m, [Areas.Resolve(m, G)], D("2025-09-01"), D("2025-09-01")).Single(r => r.Opgave == Opgave.Asiel);
        Assert.Equal((180, 220, -40, (DateOnly?)null, (int?)null, (string?)null), (row.OpgaveAantal, row.Gerealiseerd, row.Gap, row.Deadline, row.PrognoseMidden, row.Methode));
    }

    [Fact]
    public void AnExtendedDeadlineInTheData_BecomesTheNextDeadline()
    {
        var inputs = Inputs() with
        {
            Calendar = Cycle1 with
            {
                Deadlines = [.. Cycle1.Deadlines, new Deadline(Opgave.Asiel, "2024-2025", D("2026-01-01"))],
            },
        };
        var m = new AnalysisModel(inputs);
        var row = DailySeries.Build(m, [Areas.Resolve(m, G)], D("2025-09-01"), D("2025-09-01")).Single(r => r.Opgave == Opgave.Asiel);
        // 93 days of history: the trend (150 → 220 in August) joins the pipeline and lifts the high end.
        Assert.Equal((D("2026-01-01"), 220, "pijplijn+trend"), (row.Deadline, row.PrognoseMidden, row.Methode));
        Assert.True(row.PrognoseHoog > 220);
        var original = Assert.Single(DeadlineOutcomes.For(m, [Areas.Resolve(m, G)], D("2025-09-01")), o => o.Opgave == Opgave.Asiel);
        // The original deadline was extended: its outcome stays readable, but it is not a missed deadline.
        Assert.False(original.LastOfPeriode);
        Assert.Equal(D("2026-01-01"), original.NextDeadline);
        Assert.False(original.StillMissedOn(D("2025-09-01"), 150));
    }

    [Fact]
    public void PassedDeadline_NamesTheGemeentenThatMissedIt_LargestShortfallFirst()
    {
        var m = new AnalysisModel(Inputs());
        var pv = DeadlineOutcomes.For(m, [Areas.Resolve(m, "PV26")], D("2025-09-01")).Single(o => o.Opgave == Opgave.Asiel);
        // G: 200 − 150 = 50 short; GM0002: 10 − 0 = 10 short.
        Assert.Equal([G, "GM0002"], pv.Missed);
        Assert.Equal((60, 0, 2, true, (DateOnly?)null), (pv.GrossShortfall, pv.Unknown, pv.Members, pv.LastOfPeriode, pv.NextDeadline));
    }

    [Fact]
    public void DeadlineGemist_HoldsUntilTheOpgaveOfTheDeadlineIsReached()
    {
        var m = new AnalysisModel(Inputs());
        var gm = DeadlineOutcomes.For(m, [Areas.Resolve(m, G)], D("2025-09-01")).Single(o => o.Opgave == Opgave.Asiel);
        Assert.True(gm.WasMissed);
        Assert.True(gm.StillMissedOn(D("2025-07-02"), 150));
        Assert.True(gm.StillMissedOn(D("2025-09-01"), 199));
        Assert.False(gm.StillMissedOn(D("2025-09-01"), 200));
        Assert.False(gm.StillMissedOn(D("2025-07-01"), 150));   // on the day itself it has not passed
    }

    [Fact]
    public void ANewCyclesBindingFigure_TakesOver_AnIndicativeOneDoesNot()
    {
        var inputs = Inputs() with
        {
            Figures =
            [
                .. Inputs().Figures,
                Fig(Opgave.Asiel, "2026-2027", G, 90, "2026-03-01", Versie.Indicatief),
                Fig(Opgave.Asiel, "2026-2027", "PV26", 300, "2026-02-05", Versie.Vastgesteld),
                Fig(Opgave.Asiel, "2026-2027", G, 95, "2026-12-18", Versie.Verdeelbesluit),
            ],
        };
        var m = new AnalysisModel(inputs);
        var outcomes = DeadlineOutcomes.For(m, [Areas.Resolve(m, G), Areas.Resolve(m, "GM0002"), Areas.Resolve(m, "PV26")], D("2026-12-03"));
        var gm = outcomes.Single(o => o.Gebiedcode == G && o.Opgave == Opgave.Asiel);
        Assert.Equal(D("2026-12-18"), gm.ReplacedOn);
        Assert.True(gm.StillMissedOn(D("2026-12-17"), 150));
        Assert.False(gm.StillMissedOn(D("2026-12-18"), 150));
        // GM0002 has no figure of its own in cycle 2; its provincie's takes over with G's verdeelbesluit.
        Assert.Null(outcomes.Single(o => o.Gebiedcode == "GM0002" && o.Opgave == Opgave.Asiel).ReplacedOn);
        Assert.Equal(D("2026-12-18"), outcomes.Single(o => o.Gebiedcode == "PV26" && o.Opgave == Opgave.Asiel).ReplacedOn);
    }

    [Fact]
    public void WithoutCycleDeadlines_NothingHasPassed()
    {
        var m = new AnalysisModel(Inputs() with { Calendar = AnalysisCalendar.WithoutDeadlines });
        Assert.Empty(DeadlineOutcomes.For(m, [Areas.Resolve(m, G)], D("2026-12-03")));
        var row = DailySeries.Build(m, [Areas.Resolve(m, G)], D("2025-05-01"), D("2025-05-01")).Single(r => r.Opgave == Opgave.Asiel);
        Assert.Equal(((DateOnly?)null, (int?)null), (row.Deadline, row.PrognoseMidden));
    }
}
