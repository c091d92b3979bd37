using Dapper;
using Hangfire;
using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Monitor.Tests.Support;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Tests.Reliability;

/// <summary>
/// A PostgreSQL cluster of these tests' own, so it can be restarted without disturbing the shared test cluster that
/// every other test class is using. Restarted with pg_ctl restart, which keeps the port: clients reconnect to the same
/// address, as they would after a real database restart.
/// </summary>
public sealed class PrivateCluster : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitor-restart-").FullName;
    private LocalCluster _cluster = null!;
    private string _template = "";
    private int _databases;

    public async Task InitializeAsync()
    {
        _cluster = new LocalCluster(Path.Combine(_root, "pg"), fastAndUnsafe: true);
        _template = _cluster.EnsureRunning();
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_template) { Pooling = false }.ConnectionString);
        await new Migrator(db).MigrateAsync();
        await ReliabilityKit.LoadSmallWorldAsync(db);
    }

    /// <summary>A new database holding the small world, copied from this cluster's template.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"r{Interlocked.Increment(ref _databases)}";
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_template) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await conn.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{LocalCluster.Database}\"");
        return new NpgsqlConnectionStringBuilder(_template) { Database = name }.ConnectionString;
    }

    /// <summary>pg_ctl restart -m fast: every session is terminated, open transactions are rolled back, the server comes back on the same port.</summary>
    public void Restart()
    {
        var log = Path.Combine(_root, "pg.log");
        var (code, output) = PostgresBinaries.Run(PostgresBinaries.FindBinDir(), "pg_ctl", "-D", _cluster.DataDir, "-l", log, "-m", "fast", "-w", "-t", "60", "restart");
        if (code != 0) throw new InvalidOperationException("pg_ctl restart mislukte:\n" + output);
    }

    public Task DisposeAsync()
    {
        try { _cluster.Stop(); Directory.Delete(_root, recursive: true); } catch (IOException) { /* best effort */ }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Issue 7 point 2a: the database restarts in the middle of an ingest. The ingest fails with a plain error, no figure
/// changed, the delivery is left pending with its bytes; the same file again takes the pending delivery over and
/// completes it, and the warehouse then equals a clean run's, row by row.
/// </summary>
[Collection(ReliabilityProcesses.Name)]
public sealed class DatabaseRestartTests(PrivateCluster cluster) : IClassFixture<PrivateCluster>
{
    private const string Feed = "coa";

    /// <summary>
    /// Reports progress like a progress bar would, but once past <paramref name="from"/> bytes (and before the end of
    /// the file) it stops the loader where it stands, in the middle of its COPY, until the test lets it go on.
    /// </summary>
    private sealed class PauseMidFile(long from, long size) : IProgress<long>
    {
        public readonly TaskCompletionSource Paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly ManualResetEventSlim Resume = new();

        public void Report(long read)
        {
            if (read < from || read >= size || Paused.Task.IsCompleted) return;
            Paused.SetResult();
            Resume.Wait(TimeSpan.FromSeconds(60));
        }
    }

    [Theory]
    [InlineData("copy")]
    [InlineData("merge")]
    public async Task RestartMidIngest_FailsPlainly_LeavesItPending_AndTheSameFileAgainCompletesIt(string phase)
    {
        var faultyCs = await cluster.CreateDatabaseAsync();
        var cleanCs = await cluster.CreateDatabaseAsync();
        await using var faulty = NpgsqlDataSource.Create(faultyCs);
        await using var clean = NpgsqlDataSource.Create(cleanCs);
        var dir = Directory.CreateTempSubdirectory("monitor-restart-files-").FullName;
        try
        {
            // An earlier snapshot of the same date, so the interrupted merge had figures to replace and revisions to record.
            var before = await ReliabilityKit.WriteAsync(dir, "voor.csv", ReliabilityKit.PlekkenCsv(2_000, seed: 1, gemeenten: ReliabilityKit.SmallWorld));
            var big = await ReliabilityKit.WriteAsync(dir, "groot.csv", ReliabilityKit.PlekkenCsv(30_000, seed: 2, gemeenten: ReliabilityKit.SmallWorld));
            Assert.Equal(IngestOutcome.Accepted, (await faulty.IngestFileAsync("plekken", before, Feed)).Outcome);
            var fingerprint = await faulty.FingerprintAsync();

            var size = new FileInfo(big).Length;
            var pause = new PauseMidFile(phase == "copy" ? 1 << 20 : long.MaxValue, size);
            var blocker = phase == "merge" ? await faulty.OpenConnectionAsync() : null;
            if (blocker is not null)
            {
                // Another session holds the fact table: the load stages everything, then waits in its merge.
                await blocker.ExecuteAsync("BEGIN; LOCK TABLE monitor.plekken IN ACCESS EXCLUSIVE MODE");
            }
            var ingest = Task.Run(() => new DeliveryLoader(faulty).IngestAsync(new IngestRequest(big, "plekken", Feed, big), pause));

            if (phase == "copy") await pause.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
            else await ReliabilityKit.WaitUntilAsync(async () => await ReliabilityKit.ActiveAsync(faulty, "%monitor.plekken%", waitingOnLock: true) == 1,
                TimeSpan.FromSeconds(30), "de lading wacht in haar merge");
            // The rows' COPY is under way (the delivery's raw bytes may still be going in beside it, on their own connection).
            Assert.Equal(1L, phase == "copy"
                ? await ReliabilityKit.ActiveAsync(faulty, "COPY stage %") + await ReliabilityKit.ActiveAsync(faulty, "COPY monitor.plekken %")
                : await ReliabilityKit.ActiveAsync(faulty, "%monitor.plekken%"));
            Assert.False(ingest.IsCompleted);

            cluster.Restart();
            pause.Resume.Set();
            if (blocker is not null)
            {
                try { await blocker.DisposeAsync(); } catch (NpgsqlException) { /* its session was ended by the restart too */ }
            }

            // A plain error that says what happened and what to do, not "Exception while writing to stream".
            var error = await Assert.ThrowsAsync<DeliveryInterruptedException>(() => ingest.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
            Assert.Contains("groot.csv", error.Message);
            Assert.Contains("verbinding met het magazijn viel weg", error.Message);
            Assert.Contains("Laad hetzelfde bestand opnieuw", error.Message);

            // Nothing of the interrupted load is visible, and the delivery waits, pending. Its bytes go in beside the load
            // in a transaction of their own: all of them, or (when the restart cut that COPY off too) none, never half.
            Assert.Equal(fingerprint, await faulty.FingerprintAsync());
            var pending = (await ReliabilityKit.DeliveriesAsync(faulty, "plekken")).Last();
            Assert.Equal("pending", pending.Outcome);
            Assert.Equal(error.DeliveryId, pending.Id);
            Assert.Contains(await faulty.ScalarAsync<long>("SELECT coalesce(sum(length(data)), 0) FROM monitor.delivery_payloads WHERE delivery_id = @Id", new { pending.Id }),
                new[] { 0L, size });

            // The retry: the same file again. It takes the pending delivery over instead of adding a second one.
            var retry = await faulty.IngestFileAsync("plekken", big, Feed);
            Assert.Equal(IngestOutcome.Accepted, retry.Outcome);
            Assert.Equal(pending.Id, retry.DeliveryId);
            Assert.Equal(["accepted", "accepted"], (await ReliabilityKit.DeliveriesAsync(faulty, "plekken")).Select(d => d.Outcome));
            Assert.Equal(size, await faulty.ScalarAsync<long>("SELECT sum(length(data)) FROM monitor.delivery_payloads WHERE delivery_id = @Id", new { pending.Id }));

            Assert.Equal(IngestOutcome.Accepted, (await clean.IngestFileAsync("plekken", before, Feed)).Outcome);
            Assert.Equal(IngestOutcome.Accepted, (await clean.IngestFileAsync("plekken", big, Feed)).Outcome);
            var expected = await WarehouseRows.ReadAsync(clean, WarehouseRows.FactTables);
            Assert.Equal(30_000, expected["plekken"].Count);
            WarehouseRows.AssertSame(expected, await WarehouseRows.ReadAsync(faulty, WarehouseRows.FactTables), $"herstart tijdens {phase}");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>
    /// The same fault under <c>monitor serve</c>: the feed job fails with the plain error, Hangfire's AutomaticRetry
    /// schedules its retry (in 30 s; the test moves it forward with Requeue, which is what the retry does when its
    /// time comes), the service itself survives the restart, and the retry takes the pending delivery over.
    /// </summary>
    [Fact]
    public async Task RestartDuringAScheduledFeedJob_HangfireSchedulesItsRetry_AndTheRetryCompletesIt()
    {
        var cs = await cluster.CreateDatabaseAsync();
        var cleanCs = await cluster.CreateDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(cs);
        await using var clean = NpgsqlDataSource.Create(cleanCs);
        var dir = Directory.CreateTempSubdirectory("monitor-restart-serve-").FullName;
        MonitorProcess? serve = null;
        try
        {
            var drop = Path.Combine(dir, "drop");
            var file = await ReliabilityKit.WriteAsync(drop, "coa-2025-06-01.csv", ReliabilityKit.PlekkenCsv(5_000, gemeenten: ReliabilityKit.SmallWorld));
            var copy = await ReliabilityKit.WriteAsync(Path.Combine(dir, "schoon"), "coa-2025-06-01.csv", await File.ReadAllTextAsync(file));
            var storage = ReliabilityKit.HangfireStorage(cs);
            serve = MonitorProcess.Start(cs, dir, new Dictionary<string, string>
            {
                ["Serve__Urls"] = "http://127.0.0.1:0",
                ["Schedule__Compute"] = "0 0 1 1 *",
                ["DropFolders__SettleTime"] = "00:00:00",
                ["Feeds__0__Name"] = Feed, ["Feeds__0__Kind"] = "plekken", ["Feeds__0__Location"] = drop, ["Feeds__0__Schedule"] = "0 0 1 1 *",
            }, "serve");
            await ReliabilityKit.WaitUntilAsync(() => Task.FromResult(serve.HasExited || serve.Output.Contains("Monitor draait op")),
                TimeSpan.FromSeconds(60), "monitor serve start", TimeSpan.FromMilliseconds(100));
            Assert.False(serve.HasExited, serve.Output);

            var blocker = await db.OpenConnectionAsync();
            await blocker.ExecuteAsync("BEGIN; LOCK TABLE monitor.plekken IN ACCESS EXCLUSIVE MODE");
            var jobId = new RecurringJobManager(storage).TriggerJob($"feed:{Feed}");
            await ReliabilityKit.WaitUntilAsync(async () => await ReliabilityKit.ActiveAsync(db, "%monitor.plekken%", waitingOnLock: true) == 1,
                TimeSpan.FromSeconds(60), "de feedtaak in haar merge\n" + serve.Output);

            cluster.Restart();
            try { await blocker.DisposeAsync(); } catch (NpgsqlException) { /* ended by the restart */ }

            // Hangfire's AutomaticRetry turned the failure into a scheduled retry, with the plain reason.
            (string Name, string? Reason) state = default;
            await ReliabilityKit.WaitUntilAsync(async () =>
            {
                state = (await db.QueryAsync<(string, string?)>("SELECT name, reason FROM hangfire.state WHERE jobid = @id ORDER BY id DESC LIMIT 1",
                    new { id = long.Parse(jobId) })).FirstOrDefault();
                return state.Name == "Scheduled";
            }, TimeSpan.FromSeconds(60), "de herhaling ingepland\n" + serve.Output, TimeSpan.FromMilliseconds(200));
            var pending = Assert.Single(await ReliabilityKit.DeliveriesAsync(db, "plekken"));
            Assert.Equal("pending", pending.Outcome);
            // Hangfire keeps the first 70 characters of the reason: enough to see it is ours, not the unlock's or Npgsql's.
            Assert.StartsWith($"Retry attempt 1 of 3: Het laden van levering {pending.Id} (coa-2025-06-01.csv)", state.Reason);
            Assert.True(File.Exists(file), "the file stays in the drop folder until it is loaded");

            // The retry's time has come (brought forward): the same service, still running, finishes the job.
            Assert.True(new BackgroundJobClient(storage).Requeue(jobId));
            await ReliabilityKit.WaitUntilAsync(async () => await db.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = @id",
                new { id = long.Parse(jobId) }) == "Succeeded", TimeSpan.FromSeconds(60), "de herhaling geslaagd\n" + serve.Output, TimeSpan.FromMilliseconds(200));
            Assert.False(serve.HasExited, serve.Output);
            Assert.Equal([("accepted", pending.Id)], (await ReliabilityKit.DeliveriesAsync(db, "plekken")).Select(d => (d.Outcome, d.Id)));
            Assert.True(File.Exists(Path.Combine(drop, "processed", "coa-2025-06-01.csv")));

            Assert.Equal(IngestOutcome.Accepted, (await clean.IngestFileAsync("plekken", copy, Feed)).Outcome);
            WarehouseRows.AssertSame(await WarehouseRows.ReadAsync(clean, WarehouseRows.FactTables), await WarehouseRows.ReadAsync(db, WarehouseRows.FactTables),
                "herstart tijdens een geplande feedtaak");
        }
        finally
        {
            if (serve is not null) await serve.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }
}
