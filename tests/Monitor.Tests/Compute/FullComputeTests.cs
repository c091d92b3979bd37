using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Compute;

/// <summary>
/// A full run compares with the stored series and writes only what changed; an empty series is written in bulk. Both
/// ways end with the same figures, and every changed figure is a revision.
/// </summary>
public sealed class FullComputeTests : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2025, 9, 15);
    private readonly SampleDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<string> SeriesAsync() => Monitor.Bench.ComputeBench.SeriesDigestAsync(Db);

    /// <summary>Series rows whose run is not a finished run in compute_runs (the series has no foreign key on run_id
    /// since migration 0008: the compute job keeps the reference by construction).</summary>
    private Task<long> RowsWithoutTheirRunAsync() => Db.ScalarAsync<long>("""
        SELECT count(*) FROM monitor.series s
        WHERE NOT EXISTS (SELECT 1 FROM monitor.compute_runs r WHERE r.id = s.run_id AND r.finished_at IS NOT NULL)
        """);

    [Fact]
    public async Task AfterACorrection_OnlyTheChangedFiguresAreWritten_AndABulkRewriteGivesTheSameSeries()
    {
        var compute = new ComputeService(Db);
        var indexes = await Db.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE schemaname = 'monitor' AND tablename = 'series'");
        var first = await compute.RunAsync(full: true, [], AsOf);
        var rows = await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series");
        Assert.Equal(rows, first!.Written);
        Assert.Contains(first.Phases, p => p.Name == "indexes");   // the empty series was written in bulk
        // Every index of the series (the migrations' and the Grafana views') is back after the bulk write.
        Assert.Equal(indexes, await Db.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE schemaname = 'monitor' AND tablename = 'series'"));

        Assert.Equal(0L, await RowsWithoutTheirRunAsync());
        var again = await compute.RunAsync(full: true, [], AsOf);
        Assert.Equal((0L, 0L), (again!.Written, again.Revised));

        // Tilburg's own feed reports 250 places from 1 September: only Tilburg, Noord-Brabant, its regio's and the land change.
        var delivery = await Db.IngestTextAsync("plekken",
            "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf\n2025-09-01,asiel,GM0855,TLB-NIEUW,beschikbaar,250,2025-08-15\n",
            "tilburg.csv", "gemeente-tilburg");
        Assert.Equal(IngestOutcome.Accepted, delivery.Outcome);
        var changed = await compute.RunAsync(full: true, [delivery.DeliveryId], AsOf);
        Assert.InRange(changed!.Written, 15, 200);
        Assert.Equal(changed.Written, changed.Revised);
        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM monitor.series_revisions WHERE run_id = @run AND NOT (gebiedcode IN ('GM0855', 'PV30', 'NL') OR gebiedcode !~ '^(GM|PV)')
            """, new { run = changed.RunId }));
        Assert.Equal(changed.Written, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series WHERE run_id = @run", new { run = changed.RunId }));
        Assert.Equal(0L, await RowsWithoutTheirRunAsync());
        var compared = await SeriesAsync();

        await Db.ScalarAsync<int>("WITH t AS (DELETE FROM monitor.series RETURNING 1) SELECT count(*) FROM t");
        var bulk = await compute.RunAsync(full: true, [], AsOf);
        Assert.Equal(rows, bulk!.Written);
        Assert.Equal(compared, await SeriesAsync());
        Assert.Equal(0L, await RowsWithoutTheirRunAsync());

        // The incremental path: a new day's delivery, and the run that follows it.
        var nextDay = await Db.IngestTextAsync("plekken",
            "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf\n2025-09-16,asiel,GM0855,TLB-NIEUW,beschikbaar,260,2025-08-15\n",
            "tilburg-16.csv", "gemeente-tilburg");
        var incremental = await compute.RunAsync(full: false, [nextDay.DeliveryId], AsOf.AddDays(1));
        Assert.Equal("incremental", incremental!.Mode);
        Assert.True(await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series WHERE run_id = @run", new { run = incremental.RunId }) > 0);
        Assert.Equal(0L, await RowsWithoutTheirRunAsync());
    }

    [Fact]
    public async Task AnEarlierDate_RemovesTheDaysAfterIt_AndAnAreaThatIsGone_LeavesTheSeries()
    {
        var compute = new ComputeService(Db);
        await compute.RunAsync(full: true, [], AsOf);
        var perDay = await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series WHERE datum = @d", new { d = AsOf.ToDateTime(TimeOnly.MinValue) });
        await Db.ScalarAsync<int>("""
            WITH r AS (INSERT INTO monitor.series (gebiedcode, niveau, opgave, datum, gerealiseerd, run_id)
                       SELECT 'RR-OUD', 'regio', 'asiel', '2025-01-01', 1, max(id) FROM monitor.compute_runs RETURNING 1)
            SELECT count(*) FROM r
            """);

        var earlier = await compute.RunAsync(full: true, [], AsOf.AddDays(-10));
        Assert.Equal((0L, 0L), (earlier!.Written, earlier.Revised));
        Assert.Equal(new DateTime(2025, 9, 5), await Db.ScalarAsync<DateTime>("SELECT max(datum) FROM monitor.series"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series WHERE gebiedcode = 'RR-OUD'"));
        Assert.Equal(perDay, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series WHERE datum = '2025-09-05'"));
    }
}
