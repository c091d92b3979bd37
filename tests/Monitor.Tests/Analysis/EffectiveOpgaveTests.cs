using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class EffectiveOpgaveTests
{
    private static AnalysisModel Model(params OpgaveFigure[] figures) => new(new AnalysisInputs
    {
        Gemeenten = [Gm("GM0001"), Gm("GM0002"), Gm("GM0003", pv: "PV27")],
        Figures = figures,
    });

    [Fact]
    public void Verdeelbesluit_PublishedOn31December2024_ReplacesTheIndicativeFigureFromThatDay()
    {
        var m = Model(
            Fig(Opgave.Asiel, "2024-2025", "GM0001", 100, "2024-01-24", Versie.Indicatief),
            Fig(Opgave.Asiel, "2024-2025", "GM0001", 120, "2024-12-31", Versie.Verdeelbesluit));

        var before = EffectiveOpgave.On(m, D("2024-12-30")).Get("GM0001", Opgave.Asiel);
        var after = EffectiveOpgave.On(m, D("2024-12-31")).Get("GM0001", Opgave.Asiel);

        Assert.Equal((100, Versie.Indicatief), (before.Effectief, before.Bronversie!.Versie));
        Assert.Equal((120, Versie.Verdeelbesluit, D("2024-12-31")), (after.Effectief, after.Bronversie!.Versie, after.Bronversie.Publicatiedatum));
        Assert.Null(EffectiveOpgave.On(m, D("2024-01-23")).Get("GM0001", Opgave.Asiel).Effectief);
    }

    [Fact]
    public void SamePublicationDate_TheLaterVersieWins()
    {
        var m = Model(
            Fig(Opgave.Asiel, "2024-2025", "GM0001", 130, "2024-12-31", Versie.Vastgesteld),
            Fig(Opgave.Asiel, "2024-2025", "GM0001", 110, "2024-12-31", Versie.Verslag),
            Fig(Opgave.Asiel, "2024-2025", "GM0001", 120, "2024-12-31", Versie.Verdeelbesluit));
        Assert.Equal(130, EffectiveOpgave.On(m, D("2025-01-01")).Effectief("GM0001", Opgave.Asiel));
    }

    [Fact]
    public void OnlyAProvincialFigure_LeavesGemeenteUnknown_AndIsNoFinding()
    {
        var m = Model(Fig(Opgave.Asiel, "2024-2025", "PV26", 500, "2024-01-24", Versie.Indicatief));
        var stand = EffectiveOpgave.On(m, D("2024-06-01"));
        Assert.Equal((OpgaveBron.Onbekend, (int?)null), (stand.Get("GM0001", Opgave.Asiel).Bron, stand.Get("GM0001", Opgave.Asiel).Effectief));
        Assert.Equal(500, stand.Provincie("PV26", Opgave.Asiel));
        Assert.Empty(stand.Findings);
    }

    [Fact]
    public void GemeenteFiguresNotAddingUpToTheProvincialFigure_AreReported()
    {
        var m = Model(
            Fig(Opgave.Asiel, "2024-2025", "PV26", 100, "2024-01-24"),
            Fig(Opgave.Asiel, "2024-2025", "GM0001", 60, "2024-01-24"),
            Fig(Opgave.Asiel, "2024-2025", "GM0002", 50, "2024-01-24"));
        var finding = Assert.Single(EffectiveOpgave.On(m, D("2024-06-01")).Findings);
        Assert.Equal((FindingKind.SomGemeentenWijktAfVanProvincie, "PV26"), (finding.Kind, finding.Gebiedcode));
        Assert.Contains("110", finding.Message);
    }

    [Fact]
    public void SomeGemeentenWithoutFigure_AreReported()
    {
        var m = Model(Fig(Opgave.Amv, "2024-2025", "GM0001", 6, "2024-01-24"));
        var finding = Assert.Single(EffectiveOpgave.On(m, D("2024-06-01")).Findings);
        Assert.Equal((FindingKind.GemeentecijferOntbreekt, Opgave.Amv), (finding.Kind, finding.Opgave));
        Assert.Null(EffectiveOpgave.On(m, D("2024-06-01")).Effectief("GM0002", Opgave.Amv));
    }

    [Fact]
    public void Cycle1_StaysInForceAfterItsDeadline_UntilCycle2HasFigures()
    {
        var m = Model(
            Fig(Opgave.Asiel, "2024-2025", "GM0001", 120, "2024-12-31"),
            Fig(Opgave.Asiel, "2026-2027", "GM0001", 90, "2025-10-01", Versie.Indicatief));

        Assert.Equal("2024-2025", EffectiveOpgave.On(m, D("2025-11-01")).Periods[Opgave.Asiel].ToString()); // cycle 1 still contains t
        Assert.Equal(120, EffectiveOpgave.On(m, D("2025-12-31")).Effectief("GM0001", Opgave.Asiel));
        Assert.Equal(90, EffectiveOpgave.On(m, D("2026-01-01")).Effectief("GM0001", Opgave.Asiel));

        var noCycle2 = Model(Fig(Opgave.Asiel, "2024-2025", "GM0001", 120, "2024-12-31"));
        var stand = EffectiveOpgave.On(noCycle2, D("2026-08-01"));
        Assert.Equal(("2024-2025", 120), (stand.Periods[Opgave.Asiel].ToString(), stand.Effectief("GM0001", Opgave.Asiel)));
    }

    [Fact]
    public void Taakstelling_IsTheHalfYearContainingT_WithoutCarryForward()
    {
        var m = Model(Fig(Opgave.Taakstelling, "2025-H1", "GM0001", 30, "2024-09-30"));
        Assert.Equal(30, EffectiveOpgave.On(m, D("2025-06-30")).Effectief("GM0001", Opgave.Taakstelling));
        Assert.Null(EffectiveOpgave.On(m, D("2025-07-01")).Effectief("GM0001", Opgave.Taakstelling));
        Assert.Null(EffectiveOpgave.On(m, D("2024-12-31")).Effectief("GM0001", Opgave.Taakstelling));
    }

    [Fact]
    public void UnreadableRows_AreIgnoredAndReported()
    {
        var m = Model(
            Fig(Opgave.Asiel, "2024/2025", "GM0001", 10, "2024-01-24"),
            Fig(Opgave.Asiel, "2024-2025", "GM9999", 10, "2024-01-24"));
        Assert.Equal([FindingKind.OngeldigePeriode, FindingKind.OnbekendGebied], m.InputFindings.Select(f => f.Kind));
        Assert.Null(EffectiveOpgave.On(m, D("2024-06-01")).Effectief("GM0001", Opgave.Asiel));
    }
}
