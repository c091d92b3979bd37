using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Digests;
using Monitor.Digests.College;
using Monitor.Tests.Support;

namespace Monitor.Tests.Digests;

/// <summary>
/// Issue 13, point 7: a digest for a past date shows the figures computed from the deliveries fetched by then. A delivery
/// fetched on 2 September adds 250 asiel places in Tilburg; a correcting delivery fetched on 10 September says 300.
/// </summary>
public sealed class DigestReplayTests : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2025, 9, 15);
    private OutputsKit _kit = null!;
    private Npgsql.NpgsqlDataSource Db => _kit.Database.Db;

    public async Task InitializeAsync() => _kit = await OutputsKit.StartOnAsync(new SampleDatabase(), smtp: null);
    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private async Task<long> DeliverAsync(int capacity, DateTimeOffset fetchedAt, ComputeService compute)
    {
        var r = await Db.IngestTextAsync("plekken",
            "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf\n" +
            $"2025-09-01,asiel,GM0855,TLB-NIEUW,beschikbaar,{capacity},2025-08-15\n", $"tilburg-{capacity}.csv", "gemeente-tilburg");
        Assert.Equal(IngestOutcome.Accepted, r.Outcome);
        await using (var conn = await Db.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE monitor.deliveries SET fetched_at = @fetchedAt WHERE id = @id", new { fetchedAt = fetchedAt.UtcDateTime, id = r.DeliveryId });
        Assert.NotNull(await compute.RunAsync(full: false, [r.DeliveryId], AsOf));
        return r.DeliveryId;
    }

    private async Task<(int Gemeente, int Provincie, int History)> AsielOnAsync(DateOnly date)
    {
        var m = await _kit.Digests.LoadModelAsync("PV30", date, CancellationToken.None);
        return (m.Gemeenten.Single(f => f.Gebiedcode == "GM0855" && f.Opgave == "asiel").Gerealiseerd,
                m.Headline("asiel")!.Gerealiseerd, m.History.Single(h => h.Datum == new DateOnly(2025, 9, 1)).Gerealiseerd);
    }

    [Fact]
    public async Task AReplayBetweenADeliveryAndItsCorrection_ShowsTheFirstFigure_TodayTheCorrectedOne()
    {
        var compute = new ComputeService(Db);
        await compute.RunAsync(full: true, [], AsOf);
        var (tilburg, brabant, _) = await AsielOnAsync(AsOf);

        await DeliverAsync(250, new DateTimeOffset(2025, 9, 2, 9, 0, 0, TimeSpan.Zero), compute);
        await DeliverAsync(300, new DateTimeOffset(2025, 9, 10, 9, 0, 0, TimeSpan.Zero), compute);

        // On 5 September only the first delivery was known; on 1 September neither (the first came on the 2nd).
        Assert.Equal((tilburg + 250, brabant + 250, brabant + 250), await AsielOnAsync(new DateOnly(2025, 9, 5)));
        Assert.Equal((tilburg, brabant, brabant), await AsielOnAsync(new DateOnly(2025, 9, 1)));
        // The digest of the warehouse's today shows the correction, in the tables and in the chart's history.
        Assert.Equal((tilburg + 300, brabant + 300, brabant + 300), await AsielOnAsync(AsOf));
        // And the replay keeps the figures the digest shows besides the realised count (from the whole revision).
        var replay = await _kit.Digests.LoadModelAsync("PV30", new DateOnly(2025, 9, 5), CancellationToken.None);
        var now = await _kit.Digests.LoadModelAsync("PV30", AsOf, CancellationToken.None);
        var (was, @is) = (replay.Headline("asiel")!, now.Headline("asiel")!);
        Assert.NotNull(was.Tekort);
        Assert.Equal(@is.OpgaveAantal, was.OpgaveAantal);
        Assert.Equal(@is.Gap + 50, was.Gap);
        // The college digest of Tilburg tells the same past.
        var college = _kit.Services.GetRequiredService<CollegeData>();
        Assert.Equal(tilburg + 250, (await college.LoadAsync("GM0855", new DateOnly(2025, 9, 5), CancellationToken.None)).Figures.Single(f => f.Opgave == "asiel").Gerealiseerd);
        Assert.Equal(tilburg + 300, (await college.LoadAsync("GM0855", AsOf, CancellationToken.None)).Figures.Single(f => f.Opgave == "asiel").Gerealiseerd);
    }

    [Fact]
    public async Task WithoutALaterDelivery_TheReplayReadsThePlainSeries()
    {
        await new ComputeService(Db).RunAsync(full: true, [], AsOf);
        await using var conn = await Db.OpenConnectionAsync();
        Assert.Empty((await KnownAt.EndOfAsync(conn, new DateOnly(2025, 9, 5))).LaterRuns);
    }
}
