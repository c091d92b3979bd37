using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>
/// Snapshots of dates a feed never had go straight into monitor.plekken; anything else (a known date, a key twice, dates
/// that come back) is staged and merged as before. Either way the warehouse ends up the same.
/// </summary>
public sealed class DirectLoadTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await Db.LoadReferenceDataAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private const string Header = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,bezetting\n";

    private static bool Staged(IngestResult r) => r.Phases.Any(p => p.Name == "stage");

    [Fact]
    public async Task NewDates_AreCopiedStraightIn_WithLineageAndSnapshots()
    {
        var r = await Db.IngestTextAsync("plekken", Header +
            "2025-03-01,asiel,GM0014,G1,beschikbaar,300,280\n2025-03-01,amv,GM0014,G1,beschikbaar,20,\n2025-03-02,asiel,GM0014,G1,beschikbaar,300,290\n",
            feed: "coa");

        Assert.Equal(IngestOutcome.Accepted, r.Outcome);
        Assert.False(Staged(r));
        Assert.Equal((3L, 3L), (r.RowsLoaded, r.RowsChanged));
        var rows = await Db.QueryAsync<(DateTime Peildatum, string Opgave, int? Bezetting, long Delivery, int[] Lines)>(
            "SELECT peildatum, opgave, bezetting, delivery_id, source_lines FROM monitor.plekken ORDER BY peildatum, opgave");
        Assert.Equal([(new DateTime(2025, 3, 1), "amv", (int?)null, r.DeliveryId, new[] { 3 }), (new DateTime(2025, 3, 1), "asiel", 280, r.DeliveryId, new[] { 2 }),
            (new DateTime(2025, 3, 2), "asiel", 290, r.DeliveryId, new[] { 4 })],
            rows.Select(x => (x.Peildatum, x.Opgave, x.Bezetting, x.Delivery, x.Lines)).ToList(), new RowComparer());
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken_snapshots WHERE feed = 'coa' AND delivery_id = @id", new { id = r.DeliveryId }));
    }

    [Fact]
    public async Task AKnownDate_IsMergedWithRevisions_AsBefore()
    {
        await Db.IngestTextAsync("plekken", Header + "2025-03-01,asiel,GM0014,G1,beschikbaar,300,\n2025-03-01,asiel,GM0014,G2,beschikbaar,100,\n", feed: "coa");
        // A new date first, then a correction of the known one: the direct attempt stops there and the whole delivery is merged.
        var r = await Db.IngestTextAsync("plekken", Header + "2025-03-02,asiel,GM0014,G1,beschikbaar,300,\n2025-03-01,asiel,GM0014,G1,beschikbaar,350,\n",
            "correctie.csv", "coa");

        Assert.Equal(IngestOutcome.Accepted, r.Outcome);
        Assert.True(Staged(r));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.fact_revisions WHERE new_delivery_id = @id", new { id = r.DeliveryId }));
        Assert.Equal(350, await Db.ScalarAsync<int>("SELECT capaciteit FROM monitor.plekken WHERE peildatum = '2025-03-01' AND locatiecode = 'G1'"));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE peildatum = '2025-03-02'"));
    }

    [Fact]
    public async Task AKeyTwiceWithDifferentFigures_IsStillRejected_AndTwiceTheSame_LoadsOnce()
    {
        var conflicting = await Db.IngestTextAsync("plekken", Header + "2025-03-01,asiel,GM0014,G1,beschikbaar,300,\n2025-03-01,asiel,GM0014,G1,beschikbaar,310,\n");
        Assert.Equal(IngestOutcome.Rejected, conflicting.Outcome);
        Assert.Contains("meer dan eens", conflicting.Problems[0].Message);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken"));

        var repeated = await Db.IngestTextAsync("plekken", Header + "2025-03-01,asiel,GM0014,G1,beschikbaar,300,\n2025-03-01,asiel,GM0014,G1,beschikbaar,300,\n");
        Assert.Equal(IngestOutcome.Accepted, repeated.Outcome);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken"));
        var lines = await Db.ScalarAsync<int[]>("SELECT source_lines FROM monitor.plekken");
        Assert.Equal(new[] { 2 }, lines);
    }

    [Fact]
    public async Task ADateThatComesBack_IsStaged_AndLoadsTheSame()
    {
        var r = await Db.IngestTextAsync("plekken", Header +
            "2025-03-01,asiel,GM0014,G1,beschikbaar,300,\n2025-03-02,asiel,GM0014,G1,beschikbaar,300,\n2025-03-01,asiel,GM0014,G2,beschikbaar,50,\n");
        Assert.Equal(IngestOutcome.Accepted, r.Outcome);
        Assert.True(Staged(r));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE peildatum = '2025-03-01'"));
    }

    [Fact]
    public async Task ASplitCode_IsApportioned_InTheDirectLoadToo()
    {
        // GM0788 (Haaren) was split in 2021 over four gemeenten.
        var r = await Db.IngestTextAsync("plekken", Header + "2025-03-01,asiel,GM0788,H1,beschikbaar,100,80\n");
        Assert.Equal(IngestOutcome.Accepted, r.Outcome);
        Assert.False(Staged(r));
        var parts = await Db.QueryAsync<(string, string, int, int)>(
            "SELECT gemeentecode, bron_gemeentecode, capaciteit, bezetting FROM monitor.plekken ORDER BY gemeentecode");
        Assert.Equal([("GM0757", "GM0788", 15, 12), ("GM0824", "GM0788", 42, 34), ("GM0855", "GM0788", 10, 8), ("GM0865", "GM0788", 33, 26)], parts);
    }

    [Fact]
    public async Task EveryPlekkenRow_CarriesItsSnapshotsDelivery_SoDeliveriesWithRowsCannotBeDeleted()
    {
        await Db.IngestTextAsync("plekken", Header + "2025-03-01,asiel,GM0014,G1,beschikbaar,300,\n", feed: "coa");
        await Db.IngestTextAsync("plekken", Header + "2025-03-01,asiel,GM0014,G1,beschikbaar,320,\n2025-03-02,asiel,GM0014,G1,beschikbaar,320,\n", feed: "coa");
        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM monitor.plekken p JOIN monitor.plekken_snapshots s USING (feed, peildatum) WHERE p.delivery_id <> s.delivery_id
            """));
        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            Db.ScalarAsync<long>("WITH d AS (DELETE FROM monitor.deliveries WHERE id = (SELECT max(delivery_id) FROM monitor.plekken) RETURNING 1) SELECT count(*) FROM d"));
        Assert.Equal(Npgsql.PostgresErrorCodes.ForeignKeyViolation, ex.SqlState);
    }

    private sealed class RowComparer : IEqualityComparer<(DateTime, string, int?, long, int[])>
    {
        public bool Equals((DateTime, string, int?, long, int[]) x, (DateTime, string, int?, long, int[]) y) =>
            (x.Item1, x.Item2, x.Item3, x.Item4) == (y.Item1, y.Item2, y.Item3, y.Item4) && x.Item5.SequenceEqual(y.Item5);

        public int GetHashCode((DateTime, string, int?, long, int[]) obj) => obj.Item1.GetHashCode();
    }
}
