using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Compute;

/// <summary>An incremental run after one new delivery gives exactly what a full run gives, and keeps what was said before.</summary>
public sealed class IncrementalComputeTests : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2025, 9, 15);
    private readonly SampleDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<string> SeriesAsync() => Db.ScalarAsync<string>("""
        SELECT md5(string_agg(concat_ws('|', gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                                        deadline, prognose_laag, prognose_midden, prognose_hoog, methode), E'\n' ORDER BY gebiedcode, opgave, datum))
        FROM monitor.series
        """);

    private Task<string> OutcomesAsync() => Db.ScalarAsync<string>("""
        SELECT md5(string_agg(concat_ws('|', gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd,
                                        netto_gap, bruto_tekort, gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal,
                                        volgende_deadline, vervangen_op), E'\n' ORDER BY gebiedcode, opgave, deadline))
        FROM monitor.deadline_outcomes
        """);

    /// <summary>An incremental run keeps or rewrites the passed deadline's outcomes; either way they equal a full run's.</summary>
    [Theory]
    [InlineData("2025-09-01", false)] // after the deadline of 1 July 2025: the outcomes stay as they are
    [InlineData("2025-06-16", true)]  // before it: Tilburg's figures on the deadline day change
    public async Task AfterADelivery_TheDeadlineOutcomesEqualAFullRun(string peildatum, bool changes)
    {
        var compute = new ComputeService(Db);
        await compute.RunAsync(full: true, [], AsOf);
        var before = await OutcomesAsync();
        var delivery = await Db.IngestTextAsync("plekken",
            "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf\n" +
            $"{peildatum},asiel,GM0855,TLB-NIEUW,beschikbaar,250,2025-05-15\n", "tilburg.csv", "gemeente-tilburg");
        Assert.Equal(IngestOutcome.Accepted, delivery.Outcome);

        Assert.Equal("incremental", (await compute.RunAsync(full: false, [delivery.DeliveryId], AsOf))!.Mode);
        var afterIncremental = await OutcomesAsync();
        Assert.Equal(changes, afterIncremental != before);
        await compute.RunAsync(full: true, [], AsOf);
        Assert.Equal(afterIncremental, await OutcomesAsync());
    }

    [Fact]
    public async Task AfterOneNewDeliveryForOneProvincie_IncrementalEqualsFull_AndRevisionsNameTheDelivery()
    {
        var compute = new ComputeService(Db);
        await compute.RunAsync(full: true, [], AsOf);
        var asiel = await Db.ScalarAsync<int>("SELECT gerealiseerd FROM monitor.series WHERE gebiedcode = 'GM0855' AND opgave = 'asiel' AND datum = '2025-09-01'");

        // A gemeente's own feed in Noord-Brabant starts reporting on 1 September: 250 new asiel places in Tilburg.
        var delivery = await Db.IngestTextAsync("plekken",
            "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf\n" +
            "2025-09-01,asiel,GM0855,TLB-NIEUW,beschikbaar,250,2025-08-15\n2025-09-01,asiel,GM0824,OW-PLAN,in_voorbereiding,80,2025-11-01\n",
            "tilburg.csv", "gemeente-tilburg");
        Assert.Equal(IngestOutcome.Accepted, delivery.Outcome);

        var incremental = await compute.RunAsync(full: false, [delivery.DeliveryId], AsOf);
        Assert.NotNull(incremental);
        Assert.Equal("incremental", incremental.Mode);
        Assert.Equal(new DateOnly(2025, 9, 1), incremental.From);
        // The two touched gemeenten, Noord-Brabant, the regio's that hold them, and the land: not all 358 areas.
        Assert.InRange(incremental.Areas, 4, 8);
        Assert.Equal(asiel + 250, await Db.ScalarAsync<int>("SELECT gerealiseerd FROM monitor.series WHERE gebiedcode = 'GM0855' AND opgave = 'asiel' AND datum = '2025-09-01'"));
        var afterIncremental = await SeriesAsync();

        // What the Monitor said before is kept, with the delivery that changed it.
        var revision = (await Db.QueryAsync<(int Old, int New, long[] Causes)>("""
            SELECT oud_gerealiseerd, nieuw_gerealiseerd, oorzaak_leveringen FROM monitor.series_revisions
            WHERE gebiedcode = 'GM0855' AND opgave = 'asiel' AND datum = '2025-09-01'
            """)).Single();
        Assert.Equal((asiel, asiel + 250), (revision.Old, revision.New));
        Assert.Contains(delivery.DeliveryId, revision.Causes);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series_revisions WHERE datum < '2025-09-01'"));

        var full = await compute.RunAsync(full: true, [], AsOf);
        Assert.Equal(0, full!.Revised);
        Assert.Equal(afterIncremental, await SeriesAsync());
    }

    [Fact]
    public async Task NothingNew_IsNotRecomputed()
    {
        var compute = new ComputeService(Db);
        await compute.RunAsync(full: true, [], AsOf);
        Assert.Null(await compute.RunAsync(full: false, [], AsOf));
    }

    [Fact]
    public async Task ANewDay_IsAddedForEveryArea()
    {
        var compute = new ComputeService(Db);
        await compute.RunAsync(full: true, [], AsOf);
        var next = await compute.RunAsync(full: false, [], AsOf.AddDays(1));
        Assert.Equal(AsOf.AddDays(1), next!.From);
        Assert.Equal(await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series WHERE datum = @d", new { d = AsOf.ToDateTime(TimeOnly.MinValue) }),
            await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series WHERE datum = @d", new { d = AsOf.AddDays(1).ToDateTime(TimeOnly.MinValue) }));
    }
}
