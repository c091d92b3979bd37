using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

/// <summary>A small regio in the spirit of Hart van Brabant (realisation from 10% to 450%, streefpercentage 60%).</summary>
public sealed class HartVanBrabantTests
{
    //          combined opgave (asiel+amv+oekraine)  realised   %     tekort to 60%
    // GM0001   150 + 20 + 30 = 200                    20        10%   120 − 20 = 100
    // GM0002    80 + 10 + 10 = 100                    30        30%    60 − 30 =  30
    // GM0003   120 + 10 + 20 = 150                    90        60%    at 60%: 0
    // GM0004    80 + 10 + 10 = 100                   450       450%    0
    // GM0005   200 + 20 + 30 = 250                   100        40%   150 − 100 = 50
    // Σ opgave 800, Σ realised 690: the regio still has to add 110 (net); ignoring surpluses it would be 460.
    // 110 over tekorten 100 : 30 : 50 (Σ 180) → 61.1, 18.3, 30.6 → 61 + 18 + 30 = 109, the 1 left to .6 → 61, 18, 31.
    private static readonly (string Code, int Asiel, int Amv, int Oekraine, int Realised)[] Rows =
    [
        ("GM0001", 150, 20, 30, 20), ("GM0002", 80, 10, 10, 30), ("GM0003", 120, 10, 20, 90),
        ("GM0004", 80, 10, 10, 450), ("GM0005", 200, 20, 30, 100),
    ];

    private static AnalysisModel Model(bool withoutOekraineFor5 = false) => new(new AnalysisInputs
    {
        Gemeenten = [.. Rows.Select(r => Gm(r.Code)), Gm("GM0009")],
        Regios = [new Regio("HVB", "Hart van Brabant", Rows.Select(r => r.Code).ToList())],
        Figures = Rows.SelectMany(r => new[]
        {
            Fig(Opgave.Asiel, "2024-2025", r.Code, r.Asiel, "2024-12-31"),
            Fig(Opgave.Amv, "2024-2025", r.Code, r.Amv, "2024-12-31"),
            Fig(Opgave.Oekraine, "2025-H1", r.Code, r.Oekraine, "2024-12-15"),
        }).Where(f => !(withoutOekraineFor5 && f.Gebiedcode == "GM0005" && f.Opgave == Opgave.Oekraine)).ToList(),
        // realised split over the three kinds of places, to show they are combined
        Places = Rows.SelectMany(r => new[]
        {
            Place("2025-01-01", r.Code, "azc", r.Realised / 2),
            Place("2025-01-01", r.Code, "goo", r.Realised - r.Realised / 2, o: Opgave.Oekraine, feed: "vr"),
        }).ToList(),
    });

    [Fact]
    public void Sixty_Percent_GivesTheRegiosNetNeedToTheGemeentenBelowIt_InProportionToTheirTekort()
    {
        var view = HartVanBrabant.For(Model(), "HVB", D("2025-02-01"), 60m);

        Assert.Equal((800, 690, 110, 460), (view.Opgave, view.Gerealiseerd, view.RestNetto, view.RestBruto));
        Assert.Equal([10.0, 30.0, 60.0, 450.0, 40.0], view.Gemeenten.Select(g => g.Pct!.Value));
        Assert.Equal([100m, 30m, 0m, 0m, 50m], view.Gemeenten.Select(g => g.Tekort));
        Assert.Equal([61, 18, 0, 0, 31], view.Gemeenten.Select(g => g.Extra));
        Assert.Equal((110, 110), (view.TeVerdelen, view.Verdeeld));
        Assert.Equal(40.5, view.Gemeenten[0].PctNa);   // (20 + 61) / 200
        Assert.Empty(view.Onvolledig);
    }

    [Fact]
    public void AnAgreedNumber_IsDividedTheSameWay_AndAddsUpExactly()
    {
        // 250 × (100, 30, 50) / 180 = 138.9, 41.7, 69.4 → 138 + 41 + 69 = 248; the 2 left to .9 and .7
        var view = HartVanBrabant.For(Model(), "HVB", D("2025-02-01"), 60m, teVerdelen: 250);
        Assert.Equal([139, 42, 0, 0, 69], view.Gemeenten.Select(g => g.Extra));
        Assert.Equal(250, view.Verdeeld);
    }

    [Fact]
    public void Allocation_IsProportionalToTheTekort_ForAnyPercentage()
    {
        var gemeenten = Rows.Select(r => (r.Code, r.Asiel + r.Amv + r.Oekraine, r.Realised)).ToList();
        foreach (var p in new[] { 25m, 45m, 60m, 80m, 100m, 150m })
        foreach (var total in new[] { 1, 17, 110, 999 })
        {
            var (tekort, extra) = HartVanBrabant.Allocate(gemeenten, p, total);
            var sum = tekort.Sum();
            Assert.Equal(sum == 0 ? 0 : total, extra.Sum());
            for (var i = 0; i < extra.Length; i++)
            {
                if (tekort[i] == 0) Assert.Equal(0, extra[i]);           // at or above p: nothing extra
                else Assert.InRange(extra[i], (int)decimal.Floor(total * tekort[i] / sum), (int)decimal.Ceiling(total * tekort[i] / sum));
            }
        }
    }

    [Fact]
    public void NobodyBelowThePercentage_NothingCanBeDivided()
    {
        var view = HartVanBrabant.For(Model(), "HVB", D("2025-02-01"), 5m);
        Assert.Equal((110, 0), (view.TeVerdelen, view.Verdeeld));
        Assert.All(view.Gemeenten, g => Assert.Equal(0, g.Extra));
    }

    [Fact]
    public void AGemeenteWithAnUnknownOpgave_IsLeftOut_AndTheNeedIsUnknown()
    {
        var view = HartVanBrabant.For(Model(withoutOekraineFor5: true), "HVB", D("2025-02-01"), 60m);
        Assert.Equal(["GM0005"], view.Onvolledig);
        Assert.Equal(((int?)null, (int?)null, 0), (view.Opgave, view.RestNetto, view.TeVerdelen));
        Assert.Equal(100m, view.Gemeenten[0].Tekort);
    }
}
