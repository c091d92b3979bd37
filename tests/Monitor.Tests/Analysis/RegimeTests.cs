using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

/// <summary>Tasks that end (feed kind regimes): after geldig_tot no new periods, no rows, and the words "beëindigd per".</summary>
public sealed class RegimeTests
{
    private const string G = "GM0001";
    private static readonly Regime TaakstellingTot2027 = new(Opgave.Taakstelling, D("2024-01-01"), D("2027-01-01"), "Huisvestingswet art. 28");

    [Fact]
    public void WithoutRegimes_EveryOpgaveIsMonitored()
    {
        Assert.True(RegimeStatus.None.IsMonitored(Opgave.Taakstelling, D("2030-01-01")));
        Assert.Null(RegimeStatus.None.EndedOn(Opgave.Asiel, D("2030-01-01")));
    }

    [Fact]
    public void GeldigTot_IsTheDayTheTaskEnds()
    {
        var s = new RegimeStatus([TaakstellingTot2027, new Regime(Opgave.Asiel, D("2024-02-01"), null, "Spreidingswet")]);
        Assert.True(s.IsMonitored(Opgave.Taakstelling, D("2026-12-31")));
        Assert.False(s.IsMonitored(Opgave.Taakstelling, D("2027-01-01")));
        Assert.Equal(D("2027-01-01"), s.EndedOn(Opgave.Taakstelling, D("2027-03-01")));
        Assert.Null(s.EndedOn(Opgave.Taakstelling, D("2026-12-31")));
        Assert.Equal("taakstelling beëindigd per 1-1-2027", s.EndedText("taakstelling", D("2027-03-01")));
        Assert.Null(s.EndedText("taakstelling", D("2026-06-01")));
        // Before its regime starts an opgave is not monitored, but it has not ended either.
        Assert.False(s.IsMonitored(Opgave.Asiel, D("2024-01-31")));
        Assert.Null(s.EndedOn(Opgave.Asiel, D("2024-01-31")));
        Assert.True(s.IsMonitored(Opgave.Oekraine, D("2027-03-01")));   // no regime of its own: monitored
        // A later regime takes the opgave up again.
        var again = new RegimeStatus([TaakstellingTot2027, new Regime(Opgave.Taakstelling, D("2028-01-01"), null, "nieuwe wet")]);
        Assert.True(again.IsMonitored(Opgave.Taakstelling, D("2028-01-01")));
        Assert.Equal(D("2027-01-01"), again.EndedOn(Opgave.Taakstelling, D("2027-06-01")));
    }

    [Fact]
    public void AfterTheEnd_NoRowsNoNewHalfYears_HistoryUnchanged()
    {
        AnalysisInputs Inputs(IReadOnlyList<Regime> regimes) => new()
        {
            Gemeenten = [Gm(G)],
            Figures = [.. Taakstelling(G, 20, "2026-H1", "2027-H2"), Fig(Opgave.Asiel, "2024-2025", G, 100, "2024-12-31")],
            Housing = [Housed("2026-H1", G, "2026-07-01", 12), Housed("2026-H2", G, "2027-01-01", 15)],
            Regimes = regimes,
        };
        var ended = new AnalysisModel(Inputs([TaakstellingTot2027]));
        var always = new AnalysisModel(Inputs([]));
        var area = Areas.Resolve(ended, G);
        var rows = DailySeries.Build(ended, [area], D("2026-12-30"), D("2027-01-02")).ToList();
        Assert.Equal([D("2026-12-30"), D("2026-12-31")], rows.Where(r => r.Opgave == Opgave.Taakstelling).Select(r => r.Datum));
        Assert.Equal(4, rows.Count(r => r.Opgave == Opgave.Asiel));      // other opgaven go on
        // History before the end is what it would have been without a regimes delivery.
        Assert.Equal(DailySeries.Build(always, [area], D("2026-06-01"), D("2026-12-31")),
                     DailySeries.Build(ended, [area], D("2026-06-01"), D("2026-12-31")));
        // The chain stops at the last half year that began before the end: 2027-H1 is never opened.
        var chain = CarryOver.For(ended, G, D("2027-03-01"));
        Assert.Equal(["2026-H1", "2026-H2"], chain.HalfYears.Select(h => h.Periode.ToString()));
        Assert.Null(chain.Running);
        Assert.Equal("2027-H1", CarryOver.For(always, G, D("2027-03-01")).Running!.Periode.ToString());
    }
}
