using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class ScenarioTests
{
    [Fact]
    public void ProposedUitruil_ShowsGapsBeforeAndAfter_WithoutStoringAnything()
    {
        // A has 250 asylum places against 200; after the uitruil its opgave is 300, so a surplus of 50 becomes a gap of 50.
        var today = AgreementTests.Utrecht() with { Places = [Place("2025-01-01", "GM0339", "azc", 250)] };
        var result = Scenario.Evaluate(today, AgreementTests.Uitruil("PROPOSAL"), D("2025-03-01"));

        Assert.Empty(result.Problems);
        var a = result.Rows.Single(r => r.Gemeentecode == "GM0339" && r.Opgave == Opgave.Asiel);
        Assert.Equal((200, -50, 300, 50), (a.Voor.Opgave, a.Voor.Gap, a.Na.Opgave, a.Na.Gap));
        var c = result.Rows.Single(r => r.Gemeentecode == "GM0351" && r.Opgave == Opgave.Taakstelling);
        Assert.Equal((20, 23), (c.Voor.Opgave, c.Na.Opgave));
        Assert.Equal(["GM0339", "GM0345", "GM0351", "GM0356"], result.Rows.Select(r => r.Gemeentecode).Distinct());
        Assert.Empty(new AnalysisModel(today).AgreementProblems); // today's inputs untouched
    }

    [Fact]
    public void ProposalDecidedLater_CountsAsDecidedOnTheScenarioDate()
    {
        var proposal = AgreementTests.Uitruil("LATER").Select(a => a with { Besluitdatum = D("2025-06-01") }).ToList();
        var result = Scenario.Evaluate(AgreementTests.Utrecht(), proposal, D("2025-03-01"));
        Assert.Equal(300, result.Rows.Single(r => r.Gemeentecode == "GM0339" && r.Opgave == Opgave.Asiel).Na.Opgave);
    }

    [Fact]
    public void InvalidProposal_IsReported_AndChangesNothing()
    {
        var proposal = new[] { Deal("CROSS", Opgave.Asiel, "GM0202", "GM0339", 50, "2024-2025", "2024-2025", "2025-01-01") };
        var result = Scenario.Evaluate(AgreementTests.Utrecht(), proposal, D("2025-03-01"));
        Assert.Equal(AgreementProblemKind.BuitenProvincie, Assert.Single(result.Problems).Kind);
        Assert.All(result.Rows, r => Assert.Equal(r.Voor, r.Na));
    }

    [Fact]
    public void ProposalWithAnExistingCode_ReplacesThatAgreement()
    {
        var today = AgreementTests.Utrecht(AgreementTests.Uitruil("UHR"));
        var smaller = new[] { Deal("UHR", Opgave.Asiel, "GM0345", "GM0339", 10, "2025-H1", "2027-H2", "2024-12-15") };
        var a = Scenario.Evaluate(today, smaller, D("2025-03-01")).Rows.Single(r => r.Gemeentecode == "GM0339" && r.Opgave == Opgave.Asiel);
        Assert.Equal((300, 210), (a.Voor.Opgave, a.Na.Opgave));
    }
}
