using System.ComponentModel.DataAnnotations;
using Monitor.Analysis;

namespace Monitor.Tests.Analysis;

/// <summary>The interventieladder on worked histories. Evaluated on 15 July 2026: 2026-H1 is the latest tested half year.</summary>
public sealed class LadderRuleTests
{
    private const string G = "GM0001";
    private static readonly DateOnly Date = new(2026, 7, 15);

    /// <summary>A history as (periode, taakstelling, due, housed, linked); the missed-in-a-row count as the chain keeps it.</summary>
    private static List<ToezichtHalfYear> History(params (string Periode, int? Taakstelling, int? Due, int Housed, int? Linked)[] rows)
    {
        var result = new List<ToezichtHalfYear>();
        var inARow = 0;
        foreach (var r in rows)
        {
            var missed = r.Due - r.Housed > 0;
            // As DOMAIN.md settles it: a half year without a figure neither counts nor resets the count.
            inARow = missed ? inARow + 1 : r.Taakstelling is null ? inARow : 0;
            result.Add(new(Periode.Parse(r.Periode), r.Taakstelling, r.Due, r.Housed, inARow, r.Linked));
        }
        return result;
    }

    private static RegisterEntry Besluit(string stap, string besluit, string? oordeel = null, string? termijn = null) =>
        new(G, "taakstelling", DateOnly.Parse(besluit), stap, null, oordeel, termijn is null ? null : DateOnly.Parse(termijn), null);

    private static LadderProposal Brabant(List<ToezichtHalfYear> h, RegisterEntry? r = null) => LadderRule.Propose(Ladder.Brabant, G, h, r, Date);

    [Fact]
    public void Met_ProposesNothing()
    {
        var p = Brabant(History(("2025-H2", 20, 20, 22, 25), ("2026-H1", 20, 18, 18, 20), ("2026-H2", 20, 20, 3, 10)));
        Assert.Equal((0, (string?)null, Vergelijking.Gelijk), (p.GemistOpRij, p.Stap, p.Vergelijking));
        Assert.Equal(Periode.Parse("2026-H1"), p.LaatstePeriode); // the running half year is not tested yet
    }

    [Fact]
    public void MissedOnce_ProposesHoorEnWederhoor()
    {
        var p = Brabant(History(("2025-H2", 20, 20, 20, 25), ("2026-H1", 20, 20, 14, 25)));
        Assert.Equal((1, 0, "hoor_en_wederhoor", (DateOnly?)null), (p.GemistOpRij, p.VerklaardOpRij, p.Stap, p.Termijn));
        Assert.Equal(Vergelijking.VoorstelZwaarder, p.Vergelijking);
        Assert.Equal("achterstand 6, niet verklaard door koppelingen", KoppelingShare.Zin(p.Laatste!));
    }

    [Fact]
    public void MissedTwice_ProposesAPlanVanAanpakWithATermijnOfThreeMonths()
    {
        var p = Brabant(History(("2025-H2", 20, 20, 15, 25), ("2026-H1", 20, 25, 20, 30)));
        Assert.Equal((2, "plan_van_aanpak", (DateOnly?)new DateOnly(2026, 10, 15)), (p.GemistOpRij, p.Stap, p.Termijn));
    }

    [Fact]
    public void MissedFourTimes_ProposesIndeplaatsstelling_AndZuidHollandIntervenesOnlyNow()
    {
        var h = History(("2024-H2", 20, 20, 10, 25), ("2025-H1", 20, 30, 20, 35), ("2025-H2", 20, 30, 25, 35), ("2026-H1", 20, 25, 20, 30));
        Assert.Equal((4, "indeplaatsstelling"), (Brabant(h).GemistOpRij, Brabant(h).Stap));
        Assert.Equal("aanwijzing", LadderRule.Propose(Ladder.ZuidHolland, G, h, null, Date).Stap);
        Assert.Equal("informeren", LadderRule.Propose(Ladder.ZuidHolland, G, h.Take(3).ToList(), null, Date).Stap);
    }

    [Fact]
    public void MissedButExplainedByKoppelingen_DoesNotCount()
    {
        // 2026-H1: due 25, COA linked 15, all 15 housed: the whole achterstand of 10 is COA's linking, not the gemeente's.
        var explainedLast = Brabant(History(("2025-H2", 20, 20, 15, 25), ("2026-H1", 20, 25, 15, 15)));
        Assert.Equal((2, 1, 1), (explainedLast.GemistOpRij, explainedLast.VerklaardOpRij, explainedLast.TellendOpRij));
        Assert.Equal("hoor_en_wederhoor", explainedLast.Stap);
        Assert.True(explainedLast.Laatste!.GeheelVerklaard);

        var allExplained = Brabant(History(("2025-H2", 20, 20, 12, 12), ("2026-H1", 20, 28, 15, 15)));
        Assert.Equal((2, 2, (string?)null), (allExplained.GemistOpRij, allExplained.VerklaardOpRij, allExplained.Stap));
    }

    [Fact]
    public void PartlyExplained_StillCounts()
    {
        var p = Brabant(History(("2025-H2", 20, 20, 20, 25), ("2026-H1", 30, 30, 12, 18)));
        Assert.Equal((1, 0, "hoor_en_wederhoor"), (p.GemistOpRij, p.VerklaardOpRij, p.Stap));
        Assert.Equal("achterstand 18, waarvan 12 doordat er te weinig gekoppeld is", KoppelingShare.Zin(p.Laatste!));
    }

    [Fact]
    public void AHalfYearWithoutAFigure_IsSkipped_NotAReset()
    {
        var p = Brabant(History(("2025-H1", 20, 20, 10, 30), ("2025-H2", null, null, 4, 5), ("2026-H1", 20, 30, 20, 35)));
        Assert.Equal((2, "plan_van_aanpak"), (p.GemistOpRij, p.Stap));
    }

    [Fact]
    public void RegisterAheadOfTheProposal_IsShown_NotOverruled()
    {
        var p = Brabant(History(("2026-H1", 20, 20, 14, 25)), Besluit("aanwijzing", "2026-07-02"));
        Assert.Equal(("hoor_en_wederhoor", Vergelijking.RegisterVerder), (p.Stap, p.Vergelijking));
        Assert.Equal("aanwijzing", p.Vastgelegd!.Stap);
    }

    [Fact]
    public void RegisterBehindTheProposal_ProposesTheHeavierStep()
    {
        var p = Brabant(History(("2025-H2", 20, 20, 15, 25), ("2026-H1", 20, 25, 20, 30)), Besluit("hoor_en_wederhoor", "2026-01-20", "verwijtbaar"));
        Assert.Equal(("plan_van_aanpak", Vergelijking.VoorstelZwaarder), (p.Stap, p.Vergelijking));
    }

    [Fact]
    public void RegisterInLine_IsGelijk_AndAPassedTermijnIsFlagged()
    {
        var h = History(("2025-H2", 20, 20, 15, 25), ("2026-H1", 20, 25, 20, 30));
        var onTime = Brabant(h, Besluit("plan_van_aanpak", "2026-07-03", "verwijtbaar", "2026-10-01"));
        Assert.Equal((Vergelijking.Gelijk, false), (onTime.Vergelijking, onTime.TermijnVerstreken));
        Assert.Null(onTime.Termijn); // the recorded step has its own termijn; the Monitor proposes none
        var late = Brabant(h, Besluit("plan_van_aanpak", "2026-02-01", "verwijtbaar", "2026-05-01"));
        Assert.True(late.TermijnVerstreken);
    }

    [Fact]
    public void MetAgainWithAStepOpen_ProposesToClose()
    {
        var p = Brabant(History(("2025-H2", 20, 20, 15, 25), ("2026-H1", 20, 25, 26, 30)), Besluit("hoor_en_wederhoor", "2026-01-20"));
        Assert.Equal(("afgesloten", Vergelijking.RegisterVerder), (p.Stap, p.Vergelijking));
        var closed = Brabant(History(("2026-H1", 20, 20, 26, 30)), Besluit("afgesloten", "2026-07-10"));
        Assert.Equal(((string?)null, Vergelijking.Gelijk), (closed.Stap, closed.Vergelijking));
    }

    [Fact]
    public void Verschoonbaar_LapsesWhenTheLatestHalfYearIsTheGemeentesOwnDoing()
    {
        var judged = Besluit("hoor_en_wederhoor", "2026-01-20", "verschoonbaar");
        var stillExplained = Brabant(History(("2025-H2", 20, 20, 10, 10), ("2026-H1", 20, 30, 12, 12)), judged);
        Assert.False(stillExplained.VerschoonbaarVervallen);
        var ownDoing = Brabant(History(("2025-H2", 20, 20, 10, 10), ("2026-H1", 20, 30, 12, 30)), judged);
        Assert.True(ownDoing.VerschoonbaarVervallen);
        var verwijtbaar = Brabant(History(("2025-H2", 20, 20, 10, 10), ("2026-H1", 20, 30, 12, 30)), judged with { Oordeel = "verwijtbaar" });
        Assert.False(verwijtbaar.VerschoonbaarVervallen);
    }

    [Fact]
    public void Overijssel_WorksWithRegimes()
    {
        Assert.Equal(((string?)null, "groen"), Regime(History(("2026-H1", 20, 20, 20, 20))));
        Assert.Equal(("hoor_en_wederhoor", "oranje"), Regime(History(("2026-H1", 20, 20, 10, 20))));
        Assert.Equal(("bestuurlijk_gesprek", "rood"), Regime(History(("2025-H2", 20, 20, 10, 20), ("2026-H1", 20, 30, 10, 30))));

        static (string?, string?) Regime(List<ToezichtHalfYear> h) =>
            LadderRule.Propose(Ladder.Overijssel, G, h, null, Date) is var p ? (p.Stap, p.Regime) : default;
    }

    [Fact]
    public void Options_PresetsResolve_AndAnOwnLadderIsValidated()
    {
        Assert.Same(Ladder.Brabant, new ToezichtOptions().Resolve());
        Assert.Same(Ladder.ZuidHolland, new ToezichtOptions { Ladder = "zuid-holland" }.Resolve());
        Assert.Empty(Validate(new ToezichtOptions { Ladder = "overijssel" }));
        Assert.Single(Validate(new ToezichtOptions { Ladder = "gelderland" }));

        var own = new ToezichtOptions
        {
            Ladder = "eigen",
            Treden = [new() { GemistOpRij = 2, Stap = "plan_van_aanpak", TermijnMaanden = 6 }, new() { GemistOpRij = 2, Stap = "ontslag" }],
        };
        var problems = Validate(own);
        Assert.Contains(problems, p => p.Contains("moet oplopen"));
        Assert.Contains(problems, p => p.Contains("onbekende stap 'ontslag'"));
        own.Treden.RemoveAt(1);
        Assert.Empty(Validate(own));
        Assert.Equal("plan_van_aanpak", LadderRule.Propose(own.Resolve(), G, History(("2025-H2", 20, 20, 10, 20), ("2026-H1", 20, 30, 10, 30)), null, Date).Stap);

        static List<string> Validate(ToezichtOptions o)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(o, new ValidationContext(o), results, validateAllProperties: true);
            return results.Select(r => r.ErrorMessage ?? "").ToList();
        }
    }
}
