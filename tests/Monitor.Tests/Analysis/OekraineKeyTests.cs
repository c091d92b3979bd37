using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class OekraineKeyTests
{
    // VR with 100,000 inwoners and 100 km²:   inwoners share   area share   key 0.8/0.2
    //   GM0001  60,000  20 km²                 0.6              0.2          0.52
    //   GM0002  30,000  30 km²                 0.3              0.3          0.30
    //   GM0003  10,000  50 km²                 0.1              0.5          0.18
    private static readonly Gemeente[] Regio =
        [Gm("GM0001", inwoners: 60_000, km2: 20m), Gm("GM0002", inwoners: 30_000, km2: 30m), Gm("GM0003", inwoners: 10_000, km2: 50m)];

    [Fact]
    public void DefaultKey_DividesTheRegioFigureExactly()
    {
        // 101 × (0.52, 0.30, 0.18) = 52.52, 30.30, 18.18 → 52 + 30 + 18 = 100; the 1 left goes to .52
        var parts = OekraineKey.Allocate(101, Regio, 0.8m, 0.2m);
        Assert.Equal([53, 30, 18], Regio.Select(g => parts[g.Code]));
    }

    [Fact]
    public void InwonersOnly_IsPlainPopulationShare()
    {
        // 101 × (0.6, 0.3, 0.1) = 60.6, 30.3, 10.1 → 60 + 30 + 10, the 1 left to .6
        var parts = OekraineKey.Allocate(101, Regio, 1m, 0m);
        Assert.Equal([61, 30, 10], Regio.Select(g => parts[g.Code]));
    }

    [Fact]
    public void GemeenteFigure_OverridesTheKey_AndTheRestIsDividedOverTheOthers()
    {
        // GM0003 has its own 25: 76 left over GM0001 and GM0002 by 0.52 : 0.30 → 48.195, 27.805 → 48 + 28
        var d = OekraineKey.Distribute(101, Regio, new Dictionary<string, int> { ["GM0003"] = 25 }, 0.8m, 0.2m);
        Assert.Equal([48, 28, 25], Regio.Select(g => d.Parts[g.Code]));
        Assert.False(d.Overrun);
    }

    [Fact]
    public void ThroughTheModel_VrFigureBecomesGemeenteOpgaven_AndAnOverrunIsReported()
    {
        var m = new AnalysisModel(new AnalysisInputs
        {
            Gemeenten = Regio,
            Figures =
            [
                Fig(Opgave.Oekraine, "2025-H1", "VR09", 101, "2024-12-15", Versie.Vastgesteld),
                Fig(Opgave.Oekraine, "2025-H2", "VR09", 40, "2025-06-15", Versie.Vastgesteld),
                Fig(Opgave.Oekraine, "2025-H2", "GM0001", 45, "2025-06-15", Versie.Vastgesteld),
            ],
        });
        var h1 = EffectiveOpgave.On(m, D("2025-03-01"));
        Assert.Equal([53, 30, 18], Regio.Select(g => h1.Effectief(g.Code, Opgave.Oekraine)));
        Assert.Equal(OpgaveBron.Sleutel, h1.Get("GM0002", Opgave.Oekraine).Bron);
        Assert.Empty(h1.Findings);

        var h2 = EffectiveOpgave.On(m, D("2025-08-01"));
        Assert.Equal([45, 0, 0], Regio.Select(g => h2.Effectief(g.Code, Opgave.Oekraine)));
        Assert.Equal(FindingKind.SleutelOverschreden, Assert.Single(h2.Findings).Kind);

        // Open-ended: with no 2026 figure yet, 2025-H2 stays in force.
        Assert.Equal("2025-H2", EffectiveOpgave.On(m, D("2026-02-01")).Periods[Opgave.Oekraine].ToString());
    }

    [Fact]
    public void AnyRegio_PartsAlwaysSumToTheFigure()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var members = Enumerable.Range(1, random.Next(1, 40))
                .Select(i => Gm($"GM{i:0000}", inwoners: random.Next(900, 900_000), km2: random.Next(500, 50_000) / 100m)).ToList();
            var figure = random.Next(0, 5_000);
            Assert.Equal(figure, OekraineKey.Allocate(figure, members, 0.8m, 0.2m).Values.Sum());
        }
    }
}
