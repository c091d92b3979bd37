using Monitor.Analysis;
using static Monitor.Tests.Analysis.Given;

namespace Monitor.Tests.Analysis;

public sealed class PlacesRealisedTests
{
    private const string G = "GM0001";

    private static AnalysisModel Model(IReadOnlyList<PlaceRow> rows, params PlaceSnapshot[] snapshots) =>
        new(new AnalysisInputs { Gemeenten = [Gm(G), Gm("GM0002")], Places = rows, Snapshots = snapshots });

    // Feed coa. Snapshot 2025-01-01: L1 100 open-ended, L2 50 until 2025-05-31, L3 80 in preparation, L4 20 amv.
    // Snapshot 2025-03-01: L1, L2, L3 — L4 is missing, so closed from 2025-03-01.
    private static readonly PlaceRow[] Coa =
    [
        Place("2025-01-01", G, "L1", 100, vanaf: "2024-06-01"),
        Place("2025-01-01", G, "L2", 50, vanaf: "2025-01-01", tot: "2025-05-31"),
        Place("2025-01-01", G, "L3", 80, status: PlaceStatus.InVoorbereiding, vanaf: "2025-04-01"),
        Place("2025-01-01", G, "L4", 20, o: Opgave.Amv),
        Place("2025-03-01", G, "L1", 100, vanaf: "2024-06-01"),
        Place("2025-03-01", G, "L2", 50, vanaf: "2025-01-01", tot: "2025-05-31"),
        Place("2025-03-01", G, "L3", 80, status: PlaceStatus.InVoorbereiding, vanaf: "2025-04-01"),
    ];

    [Theory]
    [InlineData("2024-12-31", 0, 0)]   // before the first snapshot
    [InlineData("2025-02-28", 150, 20)]
    [InlineData("2025-03-01", 150, 0)] // L4 missing from the later snapshot: closed
    [InlineData("2025-05-31", 150, 0)] // last day of L2 still counts (inclusive)
    [InlineData("2025-06-01", 100, 0)] // planned closing date passed; L3 still in preparation never counts
    public void Realised_UsesEachFeedsLatestSnapshot_AndTheAvailabilityDates(string date, int asiel, int amv)
    {
        var m = Model(Coa);
        Assert.Equal(asiel, PlacesRealised.For(m, G, Opgave.Asiel, D(date)).Beschikbaar);
        Assert.Equal(amv, PlacesRealised.For(m, G, Opgave.Amv, D(date)).Beschikbaar);
        var all = PlacesRealised.On(m, D(date));
        Assert.Equal(asiel, all.TryGetValue((G, Opgave.Asiel), out var c) ? c.Beschikbaar : 0);
    }

    [Fact]
    public void EmptySnapshot_ClosesEverythingOfThatFeed_ButNotOfOtherFeeds()
    {
        var rows = new[]
        {
            Place("2025-01-01", G, "O1", 30, o: Opgave.Oekraine, feed: "vr09"),
            Place("2025-01-01", G, "L1", 100, feed: "coa"),
        };
        var m = Model(rows, new PlaceSnapshot("vr09", D("2025-04-01")));
        Assert.Equal(30, PlacesRealised.For(m, G, Opgave.Oekraine, D("2025-03-31")).Beschikbaar);
        Assert.Equal(0, PlacesRealised.For(m, G, Opgave.Oekraine, D("2025-04-01")).Beschikbaar);
        Assert.Equal(100, PlacesRealised.For(m, G, Opgave.Asiel, D("2025-04-01")).Beschikbaar);
    }

    [Fact]
    public void Duurzaam_IsAtLeastFiveYearsOfKnownAvailability_OpenEndedDoesNotCount()
    {
        // DOMAIN.md settled rule: an unknown duration (no closing date, or no start) is not duurzaam.
        var m = Model(
        [
            Place("2025-01-01", G, "open", 100, vanaf: "2025-01-01"),
            Place("2025-01-01", G, "five-years", 40, vanaf: "2025-01-01", tot: "2029-12-31"),   // exactly 5 years
            Place("2025-01-01", G, "one-day-short", 7, vanaf: "2025-01-01", tot: "2029-12-30"),
            Place("2025-01-01", G, "no-start", 5, tot: "2029-12-31"),
        ]);
        var c = PlacesRealised.For(m, G, Opgave.Asiel, D("2025-02-01"));
        Assert.Equal((152, 40), (c.Beschikbaar, c.Duurzaam));
    }

    [Fact]
    public void Herindeling_MappedRowsOfTwoOldGemeenten_AddUpUnderTheNewCode()
    {
        // GM0001 absorbed two old gemeenten on 2025-01-01; the warehouse mapped the 2024 rows (delivered under the
        // old codes) to GM0001 already, so the snapshots before and after the merger read the same way.
        var m = Model(
        [
            Place("2024-12-01", G, "OLD-A-1", 100), Place("2024-12-01", G, "OLD-B-1", 50),
            Place("2025-01-15", G, "OLD-A-1", 100), Place("2025-01-15", G, "OLD-B-1", 50), Place("2025-01-15", G, "NEW-1", 25),
        ]);
        Assert.Equal(150, PlacesRealised.For(m, G, Opgave.Asiel, D("2024-12-31")).Beschikbaar);
        Assert.Equal(150, PlacesRealised.For(m, G, Opgave.Asiel, D("2025-01-01")).Beschikbaar);
        Assert.Equal(175, PlacesRealised.For(m, G, Opgave.Asiel, D("2025-01-15")).Beschikbaar);
    }

    [Fact]
    public void RowsThatCannotCount_AreReportedAndIgnored()
    {
        var m = Model([Place("2025-01-01", "GM9999", "X", 10), Place("2025-01-01", G, "Y", 10, o: Opgave.Taakstelling)]);
        Assert.Equal([FindingKind.OnbekendGebied, FindingKind.OngeldigeRij], m.InputFindings.Select(f => f.Kind));
        Assert.Empty(PlacesRealised.On(m, D("2025-02-01")));
    }
}
