using System.Diagnostics;
using Dapper;
using Monitor.Compute;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Reliability;

/// <summary>
/// Under load, work waits for other work: a load for the load of the same kind, a computation for the computation
/// before it. Such a wait lasts as long as the other work does, which may be far longer than a command timeout
/// (Npgsql's default is 30 s; a 256 MB delivery or a full computation takes longer). A wait must never fail as a
/// timeout: it would turn a busy moment into failed jobs. Shown with a 2 s command timeout and 5 s waits.
/// </summary>
public sealed class LockWaitTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-lockwait-").FullName;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await ReliabilityKit.LoadSmallWorldAsync(_database.Db);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public async Task WaitingForAnotherLoadOrComputation_OutlastsTheCommandTimeout()
    {
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { CommandTimeout = 2 }.ConnectionString);
        var plekken = await ReliabilityKit.WriteAsync(_temp, "plekken.csv", ReliabilityKit.PlekkenCsv(200, gemeenten: ReliabilityKit.SmallWorld));

        // Other work holds the registration of plekken deliveries, the loading of huisvesting, and the computation.
        await using var other = await _database.Db.OpenConnectionAsync();
        await other.ExecuteAsync("""
            SELECT pg_advisory_lock(hashtext('delivery:plekken')), pg_advisory_lock(hashtext('ingest:huisvesting')),
                   pg_advisory_lock(hashtext('monitor:compute'))
            """);
        var huisvesting = await ReliabilityKit.WriteAsync(_temp, "huisvesting.csv",
            "peildatum,periode,gemeentecode,gehuisvest\n2025-02-14,2025-H1,GM0014,40\n");

        var clock = Stopwatch.StartNew();
        var work = new[]
        {
            Task.Run(async () => (await db.IngestFileAsync("plekken", plekken, "coa")).Outcome.ToString()),
            Task.Run(async () => (await db.IngestFileAsync("huisvesting", huisvesting)).Outcome.ToString()),
            Task.Run(async () => (await new ComputeService(db).RunAsync(full: true, [])) is null ? "niets" : "gerekend"),
        };
        await ReliabilityKit.WaitUntilAsync(async () => await _database.Db.ScalarAsync<long>("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """) == 3, TimeSpan.FromSeconds(20), "drie wachtenden");

        // Well past the command timeout, all three are still waiting, none has failed.
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Assert.DoesNotContain(work, t => t.IsCompleted);
            await Task.Delay(100);
        }
        await other.ExecuteAsync("SELECT pg_advisory_unlock_all()");
        Assert.Equal(["Accepted", "Accepted", "gerekend"], await Task.WhenAll(work).WaitAsync(TimeSpan.FromSeconds(60)));
    }
}
