using Monitor.Alerts;
using Monitor.Analysis;
using Monitor.Tests.Support;

namespace Monitor.Tests.Alerts;

public sealed class AlertRulesTests
{
    private static readonly DateOnly Day = new(2025, 5, 12);
    private static readonly DateOnly Deadline = new(2025, 7, 1);
    private static readonly AlertOptions Defaults = new();

    private static SeriesRow Row(string code, string opgave, int? opgaveAantal, int real, int? laag = null, int? mid = null, int? hoog = null,
        string niveau = "gemeente", DateOnly? datum = null, DateOnly? deadline = null, decimal? pct = null, int? tekort = null) =>
        TestSeries.Row(code, niveau, opgave, datum ?? Day, opgaveAantal, real, opgaveAantal - real, tekort, pct, deadline ?? Deadline, laag, mid, hoog);

    private static IReadOnlyList<AlertCondition> Eval(IEnumerable<SeriesRow>? series = null, IEnumerable<HalfYearRow>? halfYears = null,
        IEnumerable<FeedStatus>? feeds = null, AlertOptions? o = null, DateOnly? date = null, DateTimeOffset? at = null,
        IEnumerable<DeadlineOutcome>? deadlines = null) =>
        AlertRules.Evaluate(new AlertInput(date ?? Day, at ?? new DateTimeOffset(2025, 5, 12, 22, 0, 0, TimeSpan.Zero), (series ?? []).ToList(),
            (halfYears ?? []).ToList(), (feeds ?? []).ToList(), new Dictionary<string, string> { ["GM0363"] = "Amsterdam", ["PV27"] = "Noord-Holland" })
            { Deadlines = (deadlines ?? []).ToList() }, o ?? Defaults);

    /// <summary>The stored outcome of 1 July 2025 for an area: its opgave and realised on the day, and who missed it.</summary>
    private static DeadlineOutcome Outcome(string code, int opgave, int realised, AreaLevel niveau = AreaLevel.Gemeente, int? gross = null,
        IReadOnlyList<string>? missed = null, DateOnly? replacedOn = null) =>
        new(code, niveau, Opgave.Asiel, "2024-2025", Deadline, true, opgave, realised, opgave - realised, gross ?? Math.Max(opgave - realised, 0),
            missed ?? (realised < opgave ? [code] : []), 0, 1, null, replacedOn);

    [Fact]
    public void Asiel_MidProjectionBelowOpgave_WarnsTheCollege()
    {
        var c = Assert.Single(Eval([Row("GM0363", "asiel", 1000, 600, laag: 700, mid: 900, hoog: 1050)]));
        Assert.Equal(new AlertKey("prognose_tekort", "GM0363", "asiel"), c.Key);
        Assert.Equal(Severity.Waarschuwing, c.Severity);
        Assert.Equal([Roles.College], c.Roles);
        Assert.Contains("Amsterdam (GM0363)", c.Summary);
        Assert.Contains("verwacht 900 van 1.000 plekken op 1 juli 2025", c.Summary);
        Assert.Contains("tekort 100", c.Summary);
    }

    [Fact]
    public void Asiel_EvenHighProjectionShort_IsCritical_AndOnlyLowShort_IsQuiet()
    {
        Assert.Equal(Severity.Kritiek, Assert.Single(Eval([Row("GM0363", "amv", 50, 10, laag: 20, mid: 30, hoog: 40)])).Severity);
        Assert.Empty(Eval([Row("GM0363", "asiel", 1000, 600, laag: 800, mid: 1000, hoog: 1100)]));
        // The projection used is configurable: with "laag" the pessimistic projection triggers.
        Assert.Single(Eval([Row("GM0363", "asiel", 1000, 600, laag: 800, mid: 1000, hoog: 1100)], o: new AlertOptions { Projection = "laag" }));
    }

    // Issue 11: a passed deadline is no longer the projection rule's (which compared a row that, after the last deadline,
    // has no deadline at all and so never fired); it is deadline_gemist, against the opgave of the deadline day.
    [Fact]
    public void Asiel_DeadlinePassed_IsDeadlineGemist_AgainstTheOpgaveOfTheDeadline()
    {
        var after = new DateOnly(2025, 7, 10);
        var now = Row("GM0363", "asiel", 145, 85, datum: after) with { Deadline = null };
        var c = Assert.Single(Eval([now], date: after, deadlines: [Outcome("GM0363", 145, 70)]));
        Assert.Equal(new AlertKey("deadline_gemist", "GM0363", "asiel"), c.Key);
        Assert.Equal(Severity.Kritiek, c.Severity);
        Assert.Equal([Roles.College], c.Roles);
        Assert.Equal("Amsterdam (GM0363): asiel deadline 1-7-2025 verstreken: 85 van 145 plekken; nog 60 te gaan (op de deadline 70).", c.Summary);
        // A stale row that still names the passed deadline does not add a projection alert.
        Assert.Single(Eval([Row("GM0363", "asiel", 145, 85, mid: 100, hoog: 110, datum: after)], date: after, deadlines: [Outcome("GM0363", 145, 70)]));
        // Reached since: quiet.
        Assert.Empty(Eval([now with { Gerealiseerd = 145 }], date: after, deadlines: [Outcome("GM0363", 145, 70)]));
    }

    [Fact]
    public void DeadlineGemist_NotOnTheDayItself_NotWhenMet_NotOnceANewCyclesFigureCounts()
    {
        var now = Row("GM0363", "asiel", 145, 85) with { Deadline = null };
        Assert.Empty(Eval([now with { Datum = Deadline }], date: Deadline, deadlines: [Outcome("GM0363", 145, 70)]));
        Assert.Empty(Eval([now with { Datum = Deadline.AddDays(3) }], date: Deadline.AddDays(3), deadlines: [Outcome("GM0363", 145, 150)]));
        var later = new DateOnly(2026, 12, 18);
        Assert.Single(Eval([now with { Datum = later.AddDays(-1) }], date: later.AddDays(-1), deadlines: [Outcome("GM0363", 145, 70, replacedOn: later)]));
        Assert.Empty(Eval([now with { Datum = later }], date: later, deadlines: [Outcome("GM0363", 145, 70, replacedOn: later)]));
        // Without fresh figures for the area there is nothing to compare: no condition (an open alert keeps its state).
        Assert.Empty(Eval([now with { Datum = later.AddDays(-20) }], date: later.AddDays(-1), deadlines: [Outcome("GM0363", 145, 70)]));
    }

    [Fact]
    public void DeadlineGemist_ProvincieWithNetShortfall_GoesToThePrt_WithTheOutcomeOfTheDay()
    {
        var after = new DateOnly(2026, 12, 3);
        var missed = Enumerable.Range(1, 23).Select(i => $"GM{i:0000}").ToList();
        var outcome = Outcome("PV27", 10_000, 8_672, AreaLevel.Provincie, gross: 1_378, missed: missed);
        var now = Row("PV27", "asiel", 10_000, 9_252, niveau: "provincie", datum: after) with { Deadline = new DateOnly(2027, 7, 1) };
        var c = Assert.Single(Eval([now], date: after, deadlines: [outcome]), x => x.Key.Rule == "deadline_gemist");
        Assert.Equal([Roles.Prt], c.Roles);
        Assert.Equal(Severity.Kritiek, c.Severity);
        Assert.Equal("Noord-Holland (PV27): asiel deadline 1-7-2025 verstreken: 9.252 van 10.000 plekken; nog 748 te gaan (netto). " +
                     "Op de deadline: 1.328 plekken tekort netto, 1.378 bruto; 23 gemeenten haalden hun opgave niet.", c.Summary);
        // A net surplus on the day is not a missed deadline for the provincie, even with gemeenten short.
        Assert.DoesNotContain(Eval([now], date: after, deadlines: [Outcome("PV27", 10_000, 10_100, AreaLevel.Provincie, gross: 300, missed: missed)]),
            x => x.Key.Rule == "deadline_gemist");
    }

    [Fact]
    public void Asiel_NoOpgaveOrStaleRow_IsNotEvaluated()
    {
        Assert.Empty(Eval([Row("GM0363", "asiel", null, 0, mid: 0), Row("GM0363", "amv", 0, 0, mid: 0)]));
        Assert.Empty(Eval([Row("GM0363", "asiel", 1000, 0, mid: 0, datum: Day.AddDays(-8))]));
        Assert.Single(Eval([Row("GM0363", "asiel", 1000, 0, mid: 0, datum: Day.AddDays(-7))]));
    }

    [Fact]
    public void Provincie_ProjectedNetGap_GoesToThePrt()
    {
        var c = Assert.Single(Eval([Row("PV27", "asiel", 10000, 8000, laag: 9000, mid: 9800, hoog: 10500, niveau: "provincie", tekort: 2500)]));
        Assert.Equal(new AlertKey("provincie_netto_tekort", "PV27", "asiel"), c.Key);
        Assert.Equal([Roles.Prt], c.Roles);
        Assert.Contains("netto tekort verwacht op 1 juli 2025: 200 plekken", c.Summary);
        Assert.Contains("brutotekort nu 2.500", c.Summary);
        Assert.Empty(Eval([Row("PV27", "asiel", 10000, 8000, mid: 10000, niveau: "provincie")]));
    }

    [Fact]
    public void Taakstelling_BehindTheElapsedShare_WarnsCollegeAndNamesEscalation()
    {
        // 12 May: 132 of 181 days of 2025-H1 elapsed (73%). 40 of 100 housed is 40%: more than 10 points behind.
        var c = Assert.Single(Eval([Row("GM0363", "taakstelling", 100, 40)], [new HalfYearRow("GM0363", "2025-H1", 100, 0, 100, 40, 0)]));
        Assert.Equal(new AlertKey("taakstelling_achter", "GM0363", "taakstelling"), c.Key);
        Assert.Equal([Roles.College], c.Roles);
        Assert.Equal([Roles.Prt, Roles.Toezicht], c.EscalationRoles);
        Assert.Contains("40 van 100 gehuisvest (40%) terwijl 73% van 2025-H1 voorbij is", c.Summary);
    }

    [Fact]
    public void Taakstelling_WithinTheMargin_IsQuiet_CarryInIsNot()
    {
        Assert.Empty(Eval([Row("GM0363", "taakstelling", 100, 64)], [new HalfYearRow("GM0363", "2025-H1", 100, 0, 100, 64, 0)]));
        // Issue 13: a carried-in achterstand raises it only when material: here 30 of a taakstelling of 100 (at least 25).
        var c = Assert.Single(Eval([Row("GM0363", "taakstelling", 130, 100)], [new HalfYearRow("GM0363", "2025-H1", 100, 30, 130, 100, 2)]));
        Assert.Contains("achterstand van 30 meegenomen", c.Summary);
        Assert.Contains("2 halfja(a)r(en) op rij gemist", c.Summary);
        Assert.Equal(Severity.Kritiek, c.Severity);
    }

    [Fact]
    public void Taakstelling_ASmallBacklog_IsNoMail_ForLargeOrSmallGemeenten()
    {
        // One person carried in used to mail the college every week (308 of 342 on the demo day).
        Assert.Empty(Eval([Row("GM0363", "taakstelling", 101, 80)], [new HalfYearRow("GM0363", "2025-H1", 100, 1, 101, 80, 1)]));
        // 24 of 100 is below a quarter of the taakstelling; 4 of 10 is below the absolute minimum of 5.
        Assert.Empty(Eval([Row("GM0363", "taakstelling", 124, 100)], [new HalfYearRow("GM0363", "2025-H1", 100, 24, 124, 100, 1)]));
        Assert.Empty(Eval([Row("GM0363", "taakstelling", 14, 11)], [new HalfYearRow("GM0363", "2025-H1", 10, 4, 14, 11, 1)]));
        // 5 of 10 is material for a small gemeente.
        Assert.Single(Eval([Row("GM0363", "taakstelling", 15, 12)], [new HalfYearRow("GM0363", "2025-H1", 10, 5, 15, 12, 1)]));
    }

    [Fact]
    public void Taakstelling_BehindPace_OnlyWhenTheProjectedShortfallIsMaterial()
    {
        // 12 May, 73% elapsed. 50 of 100 housed: 13 points behind; at this pace 100 − 50 ÷ 0.729 = 32 short at the end: material.
        var c = Assert.Single(Eval([Row("GM0363", "taakstelling", 100, 50)], [new HalfYearRow("GM0363", "2025-H1", 100, 0, 100, 50, 0)]));
        Assert.Contains("in dit tempo komen er aan het eind van het halfjaar 32 te weinig", c.Summary);
        // 3 of 8 housed is as far behind, but 8 − 3 ÷ 0.729 = 4 short at the end: below the minimum of 5.
        Assert.Empty(Eval([Row("GM0363", "taakstelling", 8, 3)], [new HalfYearRow("GM0363", "2025-H1", 8, 0, 8, 3, 0)]));
        Assert.Equal(4, TaakstellingMateriality.ShortfallAtEnd(8, 3, 132 / 181.0));
    }

    [Fact]
    public void Taakstelling_PaceIsJudgedOnThePeildatumOfTheHousedFigure()
    {
        // 4 December 2026, the latest COA count is of 31 October: 67% of 2026-H2 had passed then, 85% now.
        var day = new DateOnly(2026, 12, 4);
        IReadOnlyList<AlertCondition> On(int housed, Dictionary<string, DateOnly>? housedOn) => AlertRules.Evaluate(
            new AlertInput(day, new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero), [Row("GM0363", "taakstelling", 42, housed, datum: day)],
                [new HalfYearRow("GM0363", "2026-H2", 40, 2, 42, housed, 0)], [], new Dictionary<string, string> { ["GM0363"] = "Amsterdam" })
            { HousedOn = housedOn }, Defaults);
        var october = new Dictionary<string, DateOnly> { ["GM0363"] = new(2026, 10, 31) };
        // 26 of 42 (62%) is on pace for 31 October; against today's share it would look 23 points behind.
        Assert.Empty(On(26, october));
        Assert.Single(On(26, null));
        var c = Assert.Single(On(22, october));
        Assert.Contains("22 van 42 gehuisvest op 31 oktober 2026 (52%), toen 67% van 2026-H2 voorbij was; in dit tempo komen er aan het eind van het halfjaar 10 te weinig", c.Summary);
        // No count yet in this half year: nothing to judge the pace on.
        Assert.Empty(On(0, []));
    }

    [Fact]
    public void Oekraine_FarBelowKeyShare_InformsThePrt()
    {
        var c = Assert.Single(Eval([Row("GM0363", "oekraine", 400, 120, pct: 30m)]));
        Assert.Equal(new AlertKey("oekraine_onder_sleutel", "GM0363", "oekraine"), c.Key);
        Assert.Equal(Severity.Informatie, c.Severity);
        Assert.Equal([Roles.Prt], c.Roles);
        Assert.Empty(c.EscalationRoles);
        Assert.Empty(Eval([Row("GM0363", "oekraine", 400, 200, pct: 50m)]));
    }

    [Fact]
    public void Feeds_LateOrRejected_GoToOperators()
    {
        var at = new DateTimeOffset(2025, 5, 12, 22, 0, 0, TimeSpan.Zero);
        var result = Eval(feeds:
        [
            new FeedStatus("plekken-coa", TimeSpan.FromDays(1), at.AddDays(-2), "accepted", 5, null),
            new FeedStatus("huisvesting", TimeSpan.FromDays(7), at.AddDays(-2), "rejected", 9, "kolom gehuisvest ontbreekt"),
            new FeedStatus("opgave", TimeSpan.FromDays(7), null, null, null, null),
        ]);
        Assert.Equal(["feed_afgewezen/NL/feed:huisvesting", "feed_te_laat/NL/feed:opgave", "feed_te_laat/NL/feed:plekken-coa"],
            result.Select(c => c.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(result, c => Assert.Equal([Roles.Operator], c.Roles));
        Assert.Contains("kolom gehuisvest ontbreekt", result.Single(c => c.Key.Rule == "feed_afgewezen").Summary);
        Assert.Contains("nog nooit geleverd", result.Single(c => c.Key.Subject == "feed:opgave").Summary);
    }
}
