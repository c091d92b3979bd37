using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class GapsTests
{
    [Fact]
    public void Gemeente_GapShortfallAndPercentage()
    {
        Assert.Equal(new GapFigures(100, 40, 60, 60, 40.0), Gaps.ForGemeente(100, 40));
        Assert.Equal(new GapFigures(100, 150, -50, 0, 150.0), Gaps.ForGemeente(100, 150));
        Assert.Equal(new GapFigures(0, 5, -5, 0, null), Gaps.ForGemeente(0, 5));           // no percentage of nothing
        Assert.Equal(new GapFigures(null, 5, null, null, null), Gaps.ForGemeente(null, 5)); // unknown stays unknown
    }

    [Fact]
    public void Provincie_NetGapLetsASurplusCoverAShortfall_GrossShortfallDoesNot()
    {
        // opgave 100 / 50 / 80, realised 150 / 20 / 60 → gaps −50, 30, 20
        // net gap = 230 − 230 = 0; gross shortfall = 0 + 30 + 20 = 50
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = [Gm("GM0001"), Gm("GM0002"), Gm("GM0003")],
            Figures =
            [
                Fig(Opgave.Asiel, "2024-2025", "GM0001", 100, "2024-12-31"), Fig(Opgave.Asiel, "2024-2025", "GM0002", 50, "2024-12-31"),
                Fig(Opgave.Asiel, "2024-2025", "GM0003", 80, "2024-12-31"),
            ],
            Places = [Place("2025-01-01", "GM0001", "a", 150), Place("2025-01-01", "GM0002", "b", 20), Place("2025-01-01", "GM0003", "c", 60)],
        });
        var rows = DailySeries.Build(m, [Areas.Resolve(m, "PV26"), Areas.Resolve(m, "GM0001")], D("2025-02-01"), D("2025-02-01"))
            .Where(r => r.Opgave == Opgave.Asiel).ToList();
        var pv = rows.Single(r => r.Niveau == AreaLevel.Provincie);
        Assert.Equal((230, 230, 0, 50, 100.0), (pv.OpgaveAantal, pv.Gerealiseerd, pv.Gap, pv.Tekort, pv.RealisatiePct));
        var gm = rows.Single(r => r.Niveau == AreaLevel.Gemeente);
        Assert.Equal((-50, 0, 150.0), (gm.Gap, gm.Tekort, gm.RealisatiePct));
    }

    [Fact]
    public void Area_WithAnUnknownMember_FallsBackToTheProvincialFigure_AndHasNoGrossShortfall()
    {
        var members = new[] { Gaps.ForGemeente(100, 40), Gaps.ForGemeente(null, 10) };
        Assert.Equal(500, Gaps.SumOrFallback(members.Select(x => x.Opgave), 500));
        Assert.Null(Gaps.SumOrFallback(members.Select(x => x.Opgave), null));
        var area = Gaps.ForArea(500, members);
        Assert.Equal((50, 450, (int?)null), (area.Realised, area.Gap, area.Shortfall));
    }
}
