using Monitor.Alerts;
using Monitor.Analysis;
using Monitor.Compute;

namespace Monitor.Tests.Alerts;

public sealed class ToezichtRulesTests
{
    private static readonly DateOnly Day = new(2026, 7, 20);

    private static ToezichtGemeente Gemeente(string code, string provincie, IReadOnlyList<ToezichtHalfYear> chain, params RegisterEntry[] register) =>
        new(code, code, provincie, chain, register);

    private static ToezichtHalfYear H(string periode, int due, int housed, int inARow, int? linked) => new(Periode.Parse(periode), due, due, housed, inARow, linked);

    private static RegisterEntry R(string code, string stap, string besluit, string? oordeel = null, string? termijn = null, string opgave = "taakstelling") =>
        new(code, opgave, DateOnly.Parse(besluit), stap, null, oordeel, termijn is null ? null : DateOnly.Parse(termijn), null);

    private static List<AlertCondition> Eval(params ToezichtGemeente[] gemeenten) =>
        ToezichtRules.Evaluate(ToezichtQuery.Propose(gemeenten, new ToezichtOptions(), Day), Day, c => $"Gemeente {c}").ToList();

    [Fact]
    public void APassedTermijn_WithoutALaterStep_WarnsTheToezichthouder()
    {
        var c = Assert.Single(Eval(Gemeente("GM0001", "PV30", [H("2025-H2", 20, 15, 1, 25), H("2026-H1", 25, 20, 2, 30)],
            R("GM0001", "plan_van_aanpak", "2026-03-01", "verwijtbaar", "2026-06-01"))), x => x.Key.Rule == ToezichtRules.TermijnVerstreken);
        Assert.Equal(new AlertKey(ToezichtRules.TermijnVerstreken, "GM0001", "taakstelling"), c.Key);
        Assert.Equal([Roles.Toezicht], c.Roles);
        Assert.Equal("Gemeente GM0001: de termijn van plan van aanpak (taakstelling, besluit 1 maart 2026) is op 1 juni 2026 verstreken zonder latere stap in het register.", c.Summary);
    }

    [Fact]
    public void ALaterStep_OrAClosedFile_EndsTheTermijnWarning()
    {
        var chain = new[] { H("2025-H2", 20, 15, 1, 25), H("2026-H1", 25, 20, 2, 30) };
        Assert.DoesNotContain(Eval(Gemeente("GM0001", "PV30", chain, R("GM0001", "aanwijzing", "2026-07-01", "verwijtbaar"))),
            x => x.Key.Rule == ToezichtRules.TermijnVerstreken);
        Assert.Empty(Eval(Gemeente("GM0001", "PV30", [H("2026-H1", 25, 26, 0, 30)], R("GM0001", "afgesloten", "2026-07-10", termijn: "2026-07-15"))));
    }

    [Fact]
    public void AHeavierProposal_IsAWarning_WithTheKoppelingenSentence()
    {
        var c = Assert.Single(Eval(Gemeente("GM0001", "PV30", [H("2025-H2", 20, 15, 1, 25), H("2026-H1", 30, 12, 2, 18)],
            R("GM0001", "hoor_en_wederhoor", "2026-01-15", "verwijtbaar"))));
        Assert.Equal(ToezichtRules.ZwaardereStap, c.Key.Rule);
        Assert.Equal("Gemeente GM0001: de ladder stelt plan van aanpak voor; vastgelegd is hoor en wederhoor (15 januari 2026). 2 halfja(a)r(en) op rij gemist " +
                     "(2026-H1: achterstand 18, waarvan 12 doordat er te weinig gekoppeld is; 18 gekoppeld, 12 gehuisvest).", c.Summary);
    }

    [Fact]
    public void NoRegisterInTheProvincie_NoComparisonWarnings()
    {
        // PV31 keeps no register in the Monitor: its gemeente is proposed a step (monitor toezicht shows it) but not warned about.
        var warnings = Eval(Gemeente("GM0002", "PV31", [H("2026-H1", 25, 20, 1, 30)]),
            Gemeente("GM0001", "PV30", [H("2026-H1", 25, 25, 0, 30)], R("GM0001", "afgesloten", "2026-01-15")));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Verschoonbaar_ThatNoLongerHolds_IsAWarning()
    {
        var c = Assert.Single(Eval(Gemeente("GM0001", "PV30", [H("2025-H2", 20, 10, 1, 10), H("2026-H1", 30, 12, 2, 30)],
            R("GM0001", "plan_van_aanpak", "2026-01-20", "verschoonbaar", "2026-09-01"))));
        Assert.Equal(ToezichtRules.VerschoonbaarVervallen, c.Key.Rule);
        Assert.Contains("beoordeeld als verschoonbaar (20 januari 2026), maar te weinig koppelingen verklaart de achterstand niet meer", c.Summary);
    }

    [Fact]
    public void TheWeeklyCadence_MutesToezichtRulesOnOtherDays_Only()
    {
        var key = new AlertKey(ToezichtRules.ZwaardereStap, "GM0001", "taakstelling");
        Assert.False(ToezichtCadence.Mutes(key, new DateOnly(2026, 7, 20), DayOfWeek.Monday)); // a Monday
        Assert.True(ToezichtCadence.Mutes(key, new DateOnly(2026, 7, 21), DayOfWeek.Monday));
        Assert.False(ToezichtCadence.Mutes(key with { Rule = AlertRules.TaakstellingAchter }, new DateOnly(2026, 7, 21), DayOfWeek.Monday));
    }

    [Fact]
    public void TaakstellingAlert_SaysHowMuchOfTheCarriedAchterstandKoppelingenExplain()
    {
        var input = new AlertInput(new DateOnly(2025, 8, 12), new DateTimeOffset(2025, 8, 12, 22, 0, 0, TimeSpan.Zero), [],
            [new HalfYearRow("GM0363", "2025-H2", 60, 18, 78, 60, 1)], [], new Dictionary<string, string> { ["GM0363"] = "Amsterdam" })
        {
            Koppelingen = new Dictionary<string, KoppelingStand> { ["GM0363"] = KoppelingShare.Of(due: 30, housed: 12, gekoppeld: 18) },
        };
        var c = Assert.Single(AlertRules.Evaluate(input, new AlertOptions()));
        Assert.Contains("achterstand van 18 meegenomen uit het vorige halfjaar, waarvan 12 doordat er te weinig gekoppeld is", c.Summary);
    }
}
