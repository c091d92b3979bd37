using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Alerts;
using Monitor.Clock;
using Monitor.Compute;
using Monitor.Digests.College;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Digests;

/// <summary>
/// Issue 13, point 7, beyond the series: a digest, a college digest or an alert run for a past date reads the half years of
/// the taakstelling, the outcomes of passed deadlines and the agreements as they were known then. The sample warehouse is
/// computed on 15 September 2025; deliveries fetched on 2 and 10 September are computed as the feed job does (a run
/// started for each), and a replay of 5 September must not see what came on the 10th.
/// </summary>
public sealed class ReplayKnownThenTests : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2025, 9, 15);
    private static readonly DateOnly Between = new(2025, 9, 5);
    private static readonly DateTimeOffset Second = new(2025, 9, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tenth = new(2025, 9, 10, 9, 0, 0, TimeSpan.Zero);
    private OutputsKit _kit = null!;
    private ComputeService _compute = null!;
    private Npgsql.NpgsqlDataSource Db => _kit.Database.Db;

    public async Task InitializeAsync()
    {
        _kit = await OutputsKit.StartOnAsync(new SampleDatabase(), smtp: null);
        _compute = new ComputeService(Db);
        await _compute.RunAsync(full: true, [], AsOf);
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    /// <summary>Ingests a delivery as fetched at <paramref name="fetchedAt"/> and computes it, as the feed job does.</summary>
    private async Task DeliverAsync(string kind, string csv, string feed, DateTimeOffset fetchedAt)
    {
        var r = await Db.IngestTextAsync(kind, csv, $"{feed}-{fetchedAt:yyyyMMdd}.csv", feed);
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("; ", r.Problems.Select(p => p.Message)));
        await using (var conn = await Db.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE monitor.deliveries SET fetched_at = @at WHERE id = @id", new { at = fetchedAt.UtcDateTime, id = r.DeliveryId });
        Assert.NotNull(await _compute.RunAsync(full: false, [r.DeliveryId], AsOf));
    }

    private async Task<int> HousedAsync(string gemeente, string periode)
    {
        await using var conn = await Db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>(
            "SELECT coalesce(max(gehuisvest), 0) FROM monitor.huisvesting WHERE gemeentecode = @gemeente AND periode = @periode AND peildatum <= '2025-09-08'",
            new { gemeente, periode });
    }

    [Fact]
    public async Task HalfYearsAndPassedDeadlines_AreReplayedAsComputedThen()
    {
        var before = await _kit.Digests.LoadModelAsync("PV30", Between, CancellationToken.None);
        var housedBefore = before.CarryOvers.Single(c => c.Gemeentecode == "GM0855").Gehuisvest;
        var realisedOnDeadline = before.Passed["asiel"].RealisedThen;

        // On the 10th: 120 places in Tilburg available since June (so on the passed deadline of 1 July 2025), and 15 more
        // statushouders housed in the running half year.
        await DeliverAsync("plekken", "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf\n" +
                                      "2025-06-20,asiel,GM0855,TLB-JUNI,beschikbaar,120,2025-06-01\n", "gemeente-tilburg", Tenth);
        var housed = await HousedAsync("GM0855", "2025-H2") + 15;
        await DeliverAsync("huisvesting", $"peildatum,periode,gemeentecode,gehuisvest\n2025-09-08,2025-H2,GM0855,{housed}\n", "coa-tilburg", Tenth);

        var now = await _kit.Digests.LoadModelAsync("PV30", AsOf, CancellationToken.None);
        Assert.Equal(realisedOnDeadline + 120, now.Passed["asiel"].RealisedThen);
        Assert.Equal(housed, now.CarryOvers.Single(c => c.Gemeentecode == "GM0855").Gehuisvest);

        var replay = await _kit.Digests.LoadModelAsync("PV30", Between, CancellationToken.None);
        Assert.Equal(realisedOnDeadline, replay.Passed["asiel"].RealisedThen);
        Assert.Equal(housedBefore, replay.CarryOvers.Single(c => c.Gemeentecode == "GM0855").Gehuisvest);
        Assert.Equal(before.CarryOvers, replay.CarryOvers);

        var college = _kit.Services.GetRequiredService<CollegeData>();
        Assert.Equal(housedBefore, (await college.LoadAsync("GM0855", Between, CancellationToken.None)).HalfYear!.Gehuisvest);
        Assert.Equal(housed, (await college.LoadAsync("GM0855", AsOf, CancellationToken.None)).HalfYear!.Gehuisvest);
    }

    [Fact]
    public async Task AnAgreement_IsReplayedAsDeliveredThen_AndNotBeforeItCame()
    {
        const string header = "afspraakcode,soort,opgave,van_gemeentecode,naar_gemeentecode,aantal,periode_van,periode_tot,besluitdatum\n";
        await DeliverAsync("afspraken", header + "TEST-REPLAY,herverdeling,asiel,GM0855,GM0784,5,2024-2025,2024-2025,2025-08-01\n", "afspraken-test", Second);
        await DeliverAsync("afspraken", header + "TEST-REPLAY,herverdeling,asiel,GM0855,GM0784,8,2024-2025,2024-2025,2025-08-01\n", "afspraken-test", Tenth);

        async Task<int?> AantalOnAsync(DateOnly date) =>
            (await _kit.Digests.LoadModelAsync("PV30", date, CancellationToken.None)).Agreements.SingleOrDefault(a => a.Afspraakcode == "TEST-REPLAY")?.Aantal;

        Assert.Null(await AantalOnAsync(new DateOnly(2025, 9, 1)));
        Assert.Equal(5, await AantalOnAsync(Between));
        Assert.Equal(8, await AantalOnAsync(AsOf));
        var college = _kit.Services.GetRequiredService<CollegeData>();
        Assert.Equal(5, (await college.LoadAsync("GM0784", Between, CancellationToken.None)).Agreements.Single(a => a.Afspraakcode == "TEST-REPLAY").Aantal);
    }

    [Fact]
    public async Task AnAlertRunForAPastDate_JudgesTheSeriesHalfYearsAndDeadlinesKnownThen()
    {
        var data = _kit.Services.GetRequiredService<AlertData>();
        var options = new AlertOptions();
        var before = await data.LoadAsync(Between, AmsterdamDate.EndOfDay(Between), options, CancellationToken.None);

        await DeliverAsync("plekken", "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf\n" +
                                      "2025-06-20,asiel,GM0855,TLB-JUNI,beschikbaar,120,2025-06-01\n", "gemeente-tilburg", Tenth);
        var housed = await HousedAsync("GM0855", "2025-H2") + 15;
        await DeliverAsync("huisvesting", $"peildatum,periode,gemeentecode,gehuisvest\n2025-09-08,2025-H2,GM0855,{housed}\n", "coa-tilburg", Tenth);

        var replay = await data.LoadAsync(Between, AmsterdamDate.EndOfDay(Between), options, CancellationToken.None);
        var now = await data.LoadAsync(AsOf, AmsterdamDate.EndOfDay(AsOf), options, CancellationToken.None);

        static int Asiel(AlertInput i, string code) => i.Series.Single(r => r.Gebiedcode == code && r.Opgave == Monitor.Analysis.Opgave.Asiel).Gerealiseerd;
        Assert.Equal(Asiel(before, "GM0855"), Asiel(replay, "GM0855"));
        Assert.Equal(Asiel(before, "GM0855") + 120, Asiel(now, "GM0855"));
        Assert.Equal(before.HalfYears.Single(h => h.Gemeentecode == "GM0855"), replay.HalfYears.Single(h => h.Gemeentecode == "GM0855"));
        Assert.Equal(housed, now.HalfYears.Single(h => h.Gemeentecode == "GM0855").Gehuisvest);
        static int OnDeadline(AlertInput i) => i.Deadlines.Single(d => d.Gebiedcode == "PV30" && d.Opgave == Monitor.Analysis.Opgave.Asiel).Gerealiseerd;
        Assert.Equal(OnDeadline(before), OnDeadline(replay));
        Assert.Equal(OnDeadline(before) + 120, OnDeadline(now));
    }
}
