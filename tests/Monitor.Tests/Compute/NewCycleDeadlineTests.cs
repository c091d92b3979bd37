using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Compute;

/// <summary>A new cycle is data: one cycli row in, a computation, and its deadline is in the series, the projections, the
/// Grafana deadlines and the alerts, with no code change.</summary>
public sealed class NewCycleDeadlineTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2025, 5, 12);
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestTextAsync("opgave", """
            opgave,versie,periode,gebiedcode,aantal,publicatiedatum
            asiel,verdeelbesluit,2024-2025,GM0855,500,2024-12-31
            """)).Outcome);
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestTextAsync("plekken", """
            peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf
            2025-05-01,asiel,GM0855,TB-1,beschikbaar,300,
            2025-05-01,asiel,GM0855,TB-2,in_voorbereiding,50,2025-06-01
            """, feed: "coa")).Outcome);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<List<(DateTime? Deadline, int? Midden)>> TilburgAsync() => Db.QueryAsync<(DateTime?, int?)>(
        "SELECT deadline, prognose_midden FROM monitor.series WHERE gebiedcode = 'GM0855' AND opgave = 'asiel' AND datum = @d",
        new { d = Day.ToDateTime(TimeOnly.MinValue) });

    [Fact]
    public async Task ACycliRow_BringsItsDeadlineIntoSeriesProjectionsGrafanaAndAlerts()
    {
        var compute = new ComputeService(Db);
        await compute.RunAsync(full: true, [], Day);
        Assert.Equal([(null, null)], await TilburgAsync());
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM grafana.deadlines WHERE opgave = 'asiel'"));

        var cycli = await Db.IngestTextAsync("cycli", "opgave,periode,deadline\nasiel,2024-2025,2025-07-01\n", "cycli.csv");
        Assert.Equal(IngestOutcome.Accepted, cycli.Outcome);
        var run = await compute.RunAsync(full: false, [cycli.DeliveryId], Day);
        Assert.Equal("full", run!.Mode);   // a cycle's dates move every area's deadline

        Assert.Equal([(new DateTime(2025, 7, 1), 350)], await TilburgAsync());   // pipeline: 300 now + 50 by 1 June
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM grafana.deadlines WHERE opgave = 'asiel' AND datum = '2025-07-01'"));

        var input = await new Monitor.Alerts.AlertData(Db, new Monitor.Feeds.FeedCatalog([])).LoadAsync(Day, DateTimeOffset.UtcNow, new(), CancellationToken.None);
        var c = Assert.Single(Monitor.Alerts.AlertRules.Evaluate(input, new()), x => x.Key.Gebiedcode == "GM0855");
        Assert.Contains("verwacht 350 van 500 plekken op 1 juli 2025", c.Summary);
    }
}
