using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

/// <summary>The Utrechtse Heuvelrug uitruil (handreiking ch. 5): A adds 100 asylum places for three years; B, C and D
/// take over 60 statushouders over those three years, i.e. 10 per half year off A's taakstelling.</summary>
public sealed class AgreementTests
{
    private const string A = "GM0339", B = "GM0345", C = "GM0351", D_ = "GM0356", Arnhem = "GM0202";

    internal static AnalysisInputs Utrecht(params Agreement[] agreements) => new()
    {
        Gemeenten = [Gm(A), Gm(B), Gm(C), Gm(D_), Gm(Arnhem, pv: "PV25", vr: "VR07")],
        Figures =
        [
            Fig(Opgave.Asiel, "2024-2025", A, 200, "2024-12-31"), Fig(Opgave.Asiel, "2024-2025", B, 150, "2024-12-31"),
            Fig(Opgave.Asiel, "2024-2025", C, 50, "2024-12-31"), Fig(Opgave.Asiel, "2024-2025", D_, 100, "2024-12-31"),
            Fig(Opgave.Asiel, "2024-2025", Arnhem, 300, "2024-12-31"),
            .. Taakstelling(A, 40, "2025-H1", "2028-H1"), .. Taakstelling(B, 30, "2025-H1", "2028-H1"),
            .. Taakstelling(C, 20, "2025-H1", "2028-H1"), .. Taakstelling(D_, 25, "2025-H1", "2028-H1"),
            .. Taakstelling(Arnhem, 60, "2025-H1", "2028-H1"),
        ],
        Agreements = agreements,
    };

    internal static Agreement[] Uitruil(string code = "UHR-2025") =>
    [
        Deal(code, Opgave.Asiel, B, A, 34, "2025-H1", "2027-H2", "2024-12-15"),
        Deal(code, Opgave.Asiel, C, A, 33, "2025-H1", "2027-H2", "2024-12-15"),
        Deal(code, Opgave.Asiel, D_, A, 33, "2025-H1", "2027-H2", "2024-12-15"),
        Deal(code, Opgave.Taakstelling, A, B, 4, "2025-H1", "2027-H2", "2024-12-15"),
        Deal(code, Opgave.Taakstelling, A, C, 3, "2025-H1", "2027-H2", "2024-12-15"),
        Deal(code, Opgave.Taakstelling, A, D_, 3, "2025-H1", "2027-H2", "2024-12-15"),
    ];

    private static int?[] Opgaven(AnalysisModel m, string date, Opgave o)
    {
        var stand = EffectiveOpgave.On(m, D(date));
        return [stand.Effectief(A, o), stand.Effectief(B, o), stand.Effectief(C, o), stand.Effectief(D_, o)];
    }

    [Fact]
    public void Uitruil_MovesAsielToA_AndTenPerHalfYearOfTaakstellingAway_ZeroSumInTheProvincie()
    {
        var m = new AnalysisModel(Utrecht(Uitruil()));
        Assert.Empty(m.AgreementProblems);
        // asiel: A 200+100, B 150−34, C 50−33, D 100−33; Σ stays 500
        Assert.Equal([300, 116, 17, 67], Opgaven(m, "2025-03-01", Opgave.Asiel));
        // taakstelling: A 40−10, B 30+4, C 20+3, D 25+3; Σ stays 115
        Assert.Equal([30, 34, 23, 28], Opgaven(m, "2025-03-01", Opgave.Taakstelling));
        Assert.Equal([30, 34, 23, 28], Opgaven(m, "2027-12-31", Opgave.Taakstelling));
        Assert.Equal(["UHR-2025"], EffectiveOpgave.On(m, D("2025-03-01")).Get(A, Opgave.Asiel).Afspraakcodes);
        // after the three years everything is back to the figures
        Assert.Equal([200, 150, 50, 100], Opgaven(m, "2028-01-01", Opgave.Asiel));
        Assert.Equal([40, 30, 20, 25], Opgaven(m, "2028-01-01", Opgave.Taakstelling));
    }

    [Fact]
    public void Uitruil_OverSixHalfYears_TakesSixtyStatushoudersOffA()
    {
        var m = new AnalysisModel(Utrecht(Uitruil()));
        var a = CarryOver.For(m, A, D("2028-01-15"));
        var sixHalfYears = a.HalfYears.Where(h => h.Periode < Periode.Parse("2028-H1")).ToList();
        Assert.Equal(6, sixHalfYears.Count);
        Assert.Equal(6 * 40 - 60, sixHalfYears.Sum(h => h.Taakstelling));
        Assert.Equal(40, a.Running!.Taakstelling);
        var others = new[] { B, C, D_ }.Sum(g => CarryOver.For(m, g, D("2028-01-15")).HalfYears.Take(6).Sum(h => h.Taakstelling));
        Assert.Equal(6 * (30 + 20 + 25) + 60, others);
    }

    [Fact]
    public void Agreement_CountsFromItsBesluitdatum_ForTheWholeHalfYear()
    {
        var m = new AnalysisModel(Utrecht(Deal("H-1", Opgave.Taakstelling, B, C, 5, "2025-H1", "2025-H1", "2025-03-01", AgreementKind.Herverdeling)));
        Assert.Equal([40, 30, 20, 25], Opgaven(m, "2025-02-28", Opgave.Taakstelling));
        Assert.Equal([40, 25, 25, 25], Opgaven(m, "2025-03-01", Opgave.Taakstelling));
        // The carry-over sees the same: 2025-H1 of C is 20 before the besluit and 25 from it.
        Assert.Equal(20, CarryOver.For(m, C, D("2025-02-28")).Running!.Taakstelling);
        Assert.Equal(25, CarryOver.For(m, C, D("2025-03-01")).Running!.Taakstelling);
    }

    [Fact]
    public void AsielAcrossAProvincialBorder_IsNotZeroSumInScope_SoTheWholeCodeIsRejected()
    {
        var m = new AnalysisModel(Utrecht(
            Deal("X-1", Opgave.Asiel, Arnhem, A, 50, "2024-2025", "2024-2025", "2024-12-01"),
            Deal("X-1", Opgave.Taakstelling, A, Arnhem, 8, "2025-H1", "2025-H2", "2024-12-01")));

        var problem = Assert.Single(m.AgreementProblems);
        Assert.Equal((AgreementProblemKind.BuitenProvincie, "X-1", true), (problem.Kind, problem.Afspraakcode, problem.Rejected));
        // neither row applied, not even the taakstelling row that on its own would be fine
        Assert.Equal([200, 150, 50, 100], Opgaven(m, "2025-03-01", Opgave.Asiel));
        Assert.Equal([40, 30, 20, 25], Opgaven(m, "2025-03-01", Opgave.Taakstelling));
        Assert.Equal(300, EffectiveOpgave.On(m, D("2025-03-01")).Effectief(Arnhem, Opgave.Asiel));
    }

    [Theory]
    [InlineData(B, B, 5, "2025-H1", "2025-H2", AgreementProblemKind.ZelfdeGemeente)]
    [InlineData(B, "GM9999", 5, "2025-H1", "2025-H2", AgreementProblemKind.OnbekendeGemeente)]
    [InlineData(B, C, -5, "2025-H1", "2025-H2", AgreementProblemKind.NegatiefAantal)]
    [InlineData(B, C, 5, "2025-H2", "2025-H1", AgreementProblemKind.OngeldigePeriode)]
    [InlineData(B, C, 5, "2025-H1", "2025-2026", AgreementProblemKind.OngeldigePeriode)]
    [InlineData(B, C, 5, "2024-2025", "2024-2025", AgreementProblemKind.OngeldigePeriode)] // taakstelling goes per half year
    [InlineData(B, C, 5, "2025-1", "2025-H2", AgreementProblemKind.OngeldigePeriode)]
    public void InvalidTaakstellingAgreement_IsReportedAndNotApplied(string van, string naar, int aantal, string from, string to,
        AgreementProblemKind kind)
    {
        var m = new AnalysisModel(Utrecht(Deal("BAD", Opgave.Taakstelling, van, naar, aantal, from, to, "2024-12-01")));
        Assert.Contains(m.AgreementProblems, p => p.Kind == kind && p.Rejected && p.Afspraakcode == "BAD");
        Assert.Equal([40, 30, 20, 25], Opgaven(m, "2025-03-01", Opgave.Taakstelling));
    }

    [Fact]
    public void MovingMoreThanAGemeenteHas_IsNeverAppliedAndReported()
    {
        // Issue 12.4: an agreement that would leave the giving gemeente below zero (here 20 − 25) is not applied at all.
        var m = new AnalysisModel(Utrecht(Deal("H-2", Opgave.Taakstelling, C, D_, 25, "2025-H1", "2025-H1", "2024-12-01")));
        var stand = EffectiveOpgave.On(m, D("2025-03-01"));
        Assert.Equal((20, 25), (stand.Effectief(C, Opgave.Taakstelling), stand.Effectief(D_, Opgave.Taakstelling)));
        var problem = Assert.Single(stand.AgreementProblems);
        Assert.Equal((AgreementProblemKind.NegatieveOpgave, C, true, "H-2"), (problem.Kind, problem.Gemeentecode, problem.Rejected, problem.Afspraakcode));
        Assert.Contains("zou -5 worden", problem.Message);
    }

    [Fact]
    public void AnAgreementWithinTheOpgave_StaysAppliedBesideOneThatIsLeftOut()
    {
        var m = new AnalysisModel(Utrecht(
            Deal("H-2", Opgave.Taakstelling, C, D_, 25, "2025-H1", "2025-H1", "2024-12-01"),
            Deal("H-3", Opgave.Taakstelling, B, D_, 10, "2025-H1", "2025-H1", "2024-12-01")));
        var stand = EffectiveOpgave.On(m, D("2025-03-01"));
        Assert.Equal((20, 20, 35), (stand.Effectief(B, Opgave.Taakstelling), stand.Effectief(C, Opgave.Taakstelling), stand.Effectief(D_, Opgave.Taakstelling)));
        Assert.Equal("H-2", Assert.Single(stand.AgreementProblems).Afspraakcode);
    }

    [Fact]
    public void AgreementOnAnOpgaveWithoutFigure_IsReported()
    {
        var m = new AnalysisModel(Utrecht(Deal("V-1", Opgave.Amv, B, C, 4, "2024-2025", "2024-2025", "2024-12-01", AgreementKind.Verdeling)));
        var problems = EffectiveOpgave.On(m, D("2025-03-01")).AgreementProblems;
        Assert.Empty(problems); // no amv figures at all: no applicable periode, nothing moved
        var withAmv = new AnalysisModel(Utrecht(Deal("V-1", Opgave.Amv, B, C, 4, "2024-2025", "2024-2025", "2024-12-01")) with
        {
            Figures = [Fig(Opgave.Amv, "2024-2025", B, 12, "2024-12-31")],
        });
        var problem = Assert.Single(EffectiveOpgave.On(withAmv, D("2025-03-01")).AgreementProblems);
        Assert.Equal((AgreementProblemKind.OpgaveOnbekend, C), (problem.Kind, problem.Gemeentecode));
        Assert.Equal(8, EffectiveOpgave.On(withAmv, D("2025-03-01")).Effectief(B, Opgave.Amv));
    }
}
