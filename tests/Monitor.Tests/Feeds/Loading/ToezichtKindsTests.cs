using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>Issue 14's kinds on a real warehouse: koppelingen and the toezicht register, accepted, rejected and repeated.</summary>
public sealed class ToezichtKindsTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    private const string Koppelingen = "peildatum,periode,gemeentecode,gekoppeld,waarvan_amv\n";
    private const string Register = "gemeentecode,opgave,besluitdatum,stap,regime,oordeel,termijn,toelichting\n";

    [Fact]
    public async Task Koppelingen_LoadWithLineage_ARetiredCodeMaps_AndARevisionIsKept()
    {
        // GM0007 (Bellingwedde) was merged into GM1950 (Westerwolde).
        var r = await Db.IngestTextAsync("koppelingen", Koppelingen + "2026-03-31,2026-H1,GM0014,40,3\n2026-03-31,2026-H1,7,12,\n");
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        var (gekoppeld, lines) = (await Db.QueryAsync<(int, int[])>(
            "SELECT gekoppeld, source_lines FROM monitor.koppelingen WHERE gemeentecode = 'GM0014'")).Single();
        Assert.Equal(40, gekoppeld);
        Assert.Equal([2], lines);
        Assert.Equal(12, await Db.ScalarAsync<int>("SELECT gekoppeld FROM monitor.koppelingen WHERE gemeentecode = 'GM1950'"));

        var revised = await Db.IngestTextAsync("koppelingen", Koppelingen + "2026-03-31,2026-H1,GM0014,44,3\n", "correctie.csv");
        Assert.Equal(IngestOutcome.Accepted, revised.Outcome);
        Assert.Equal(44, await Db.ScalarAsync<int>("SELECT gekoppeld FROM monitor.koppelingen WHERE gemeentecode = 'GM0014'"));
        Assert.Equal("{\"gekoppeld\": 40, \"waarvan_amv\": 3}", await Db.ScalarAsync<string>(
            "SELECT old_value::text FROM monitor.fact_revisions WHERE kind = 'koppelingen' AND new_delivery_id = @id", new { id = revised.DeliveryId }));
    }

    [Fact]
    public async Task Koppelingen_Rejected_NameFileLineAndColumn_AndChangeNothing()
    {
        var r = await Db.IngestTextAsync("koppelingen", Koppelingen + "2026-03-31,2026-H1,GM0014,40,3\n2026-03-31,2026-H1,GM0034,-2,\n2026-03-31,2025-2026,GM0037,5,\n", "coa-koppelingen.csv");
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Contains(r.Problems, p => p is { File: "coa-koppelingen.csv", Line: 4, Column: "periode" } && p.Message.Contains("geen halfjaar"));
        Assert.Contains(r.Problems, p => p is { Line: 3, Column: "gekoppeld" });
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.koppelingen"));
    }

    [Fact]
    public async Task Toezicht_LaterRowsSupersede_HistoryIsKept_AndTheSameBytesTwiceAreANoOp()
    {
        var first = Register + "GM0014,taakstelling,2026-01-20,hoor_en_wederhoor,,verwijtbaar,,eerste keer gemist\n";
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestTextAsync("toezicht", first)).Outcome);
        var again = await Db.IngestTextAsync("toezicht", first);
        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);

        // The whole register again with a new decision, delivered as JSON: the old row stays, the new one is in force.
        var json = """
            {"rows": [
              {"gemeentecode": "GM0014", "opgave": "taakstelling", "besluitdatum": "2026-01-20", "stap": "hoor_en_wederhoor", "oordeel": "verwijtbaar", "toelichting": "eerste keer gemist"},
              {"gemeentecode": "GM0014", "opgave": "taakstelling", "besluitdatum": "2026-07-21", "stap": "plan_van_aanpak", "oordeel": "verwijtbaar", "termijn": "2026-10-21"}
            ]}
            """;
        var second = await Db.IngestTextAsync("toezicht", json, "register.json");
        Assert.True(second.Outcome == IngestOutcome.Accepted, string.Join("\n", second.Problems));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.toezicht_besluiten WHERE gemeentecode = 'GM0014'"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.fact_revisions WHERE kind = 'toezicht'"));

        await using var conn = await Db.OpenConnectionAsync();
        var groningen = (await ToezichtQuery.ReadAsync(conn, ["PV20"], new DateOnly(2026, 8, 1))).Single(g => g.Gemeentecode == "GM0014");
        Assert.Equal(("plan_van_aanpak", (DateOnly?)new DateOnly(2026, 10, 21)), (groningen.Latest("taakstelling")!.Stap, groningen.Latest("taakstelling")!.Termijn));
        // On a date before the second decision, the register as it stood then.
        var before = (await ToezichtQuery.ReadAsync(conn, ["PV20"], new DateOnly(2026, 3, 1))).Single(g => g.Gemeentecode == "GM0014");
        Assert.Equal("hoor_en_wederhoor", before.Latest("taakstelling")!.Stap);

        // A correction of a stored decision is a revision, not a second decision.
        var corrected = await Db.IngestTextAsync("toezicht", Register + "GM0014,taakstelling,2026-01-20,hoor_en_wederhoor,,verschoonbaar,,herzien\n");
        Assert.Equal(IngestOutcome.Accepted, corrected.Outcome);
        Assert.Equal("verschoonbaar", await Db.ScalarAsync<string>(
            "SELECT oordeel FROM monitor.toezicht_besluiten WHERE gemeentecode = 'GM0014' AND besluitdatum = '2026-01-20'"));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.fact_revisions WHERE kind = 'toezicht'"));
    }

    [Fact]
    public async Task Toezicht_Rejected_NameFileLineAndColumn_AndChangeNothing()
    {
        var r = await Db.IngestTextAsync("toezicht", Register +
            "GM0014,taakstelling,2026-01-20,hoor_en_wederhoor,,verwijtbaar,,\n" +
            "GM0034,taakstelling,2026-01-20,plan_van_aanpak,paars,verwijtbaar,,\n" +
            "GM0037,taakstelling,2026-01-20,plan_van_aanpak,,verwijtbaar,2025-12-01,\n" +
            "GM0788,taakstelling,2026-01-20,informeren,,,,\n", "register.csv");
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Contains(r.Problems, p => p is { File: "register.csv", Line: 3, Column: "regime" } && p.Message.Contains("'paars' is geen toegestane waarde"));
        Assert.Contains(r.Problems, p => p is { Line: 4, Column: "termijn" } && p.Message.Contains("ligt vóór de besluitdatum"));
        // GM0788 was split in 2021: a decision about one gemeente cannot be apportioned.
        Assert.Contains(r.Problems, p => p is { Line: 5, Column: "gemeentecode" } && p.Message.Contains("gesplitst"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.toezicht_besluiten"));
    }
}
