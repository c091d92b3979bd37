using Dapper;
using Hangfire;
using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Reliability;

/// <summary>
/// Issue 7 point 2b: the real <c>monitor</c> process killed with SIGKILL in the middle of an ingest and of a
/// computation. Nothing of the interrupted work is visible; the retry (by hand, or Hangfire on another server) finishes
/// it, and the warehouse then equals a clean run's, row by row. What makes that safe is checked on the way: the
/// interrupted delivery stays 'pending' and is taken over, and the advisory locks keep the retry out until the killed
/// process's database session (which may outlive the process) has rolled back.
/// </summary>
[Collection(ReliabilityProcesses.Name)]
public sealed class ProcessKillTests : IAsyncLifetime
{
    private readonly TestDatabase _faulty = new();
    private readonly TestDatabase _clean = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-kill-").FullName;
    private readonly List<MonitorProcess> _servers = [];
    private NpgsqlDataSource Db => _faulty.Db;

    public async Task InitializeAsync()
    {
        await _faulty.InitializeAsync();
        await _clean.InitializeAsync();
        await ReliabilityKit.LoadSmallWorldAsync(_faulty.Db);
        await ReliabilityKit.LoadSmallWorldAsync(_clean.Db);
    }

    public async Task DisposeAsync()
    {
        // Whatever happened in the test, no server it started outlives it.
        foreach (var server in _servers) await server.DisposeAsync();
        await _faulty.DisposeAsync();
        await _clean.DisposeAsync();
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }

    private const string Feed = "coa";

    /// <summary>Another session holding <paramref name="table"/>: the work under test runs up to its first use of that
    /// table and waits there, in the middle of its transaction, for as long as the test wants.</summary>
    private async Task<NpgsqlConnection> HoldAsync(string table)
    {
        var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync($"BEGIN; LOCK TABLE monitor.{table} IN ACCESS EXCLUSIVE MODE");
        return conn;
    }

    private static async Task ReleaseAsync(NpgsqlConnection holder)
    {
        await holder.ExecuteAsync("ROLLBACK");
        await holder.DisposeAsync();
    }

    /// <summary>
    /// Holds a COPY into monitor.plekken at its first row, however fast the machine: a row trigger, added to this test's
    /// warehouse only, waits for an advisory lock the returned session holds. Waiting so, the backend does not read its
    /// socket; once the lock is released it reads on and finds its client gone, as a backend in the middle of a COPY does.
    /// </summary>
    private async Task<NpgsqlConnection> HoldCopyAtItsFirstRowAsync()
    {
        await using (var conn = await Db.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                CREATE FUNCTION monitor.test_hold_copy() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_advisory_xact_lock_shared(hashtext('test:hold-copy')); RETURN NEW; END $$;
                CREATE TRIGGER test_hold_copy BEFORE INSERT ON monitor.plekken FOR EACH ROW EXECUTE FUNCTION monitor.test_hold_copy();
                """);
        }
        var holder = await Db.OpenConnectionAsync();
        await holder.ExecuteAsync("SELECT pg_advisory_lock(hashtext('test:hold-copy'))");
        return holder;
    }

    private static async Task ReleaseCopyAsync(NpgsqlConnection holder)
    {
        await holder.ExecuteAsync("SELECT pg_advisory_unlock(hashtext('test:hold-copy'))");
        await holder.DisposeAsync();
    }

    private async Task DropCopyHoldAsync()
    {
        await using var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync("DROP TRIGGER test_hold_copy ON monitor.plekken; DROP FUNCTION monitor.test_hold_copy()");
    }

    /// <summary>Advisory locks held or awaited in this database, by anyone but the caller.</summary>
    private Task<long> AdvisoryLocksAsync(bool waiting = false) => Db.ScalarAsync<long>("""
        SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND (NOT @waiting OR NOT granted)
        """, new { waiting });

    [Theory]
    [InlineData("copy")]
    [InlineData("merge")]
    public async Task IngestKilledMidLoad_LeavesItPending_AndRunningItAgainCompletesIt(string phase)
    {
        var big = await ReliabilityKit.WriteAsync(_temp, "groot.csv", ReliabilityKit.PlekkenCsv(phase == "copy" ? 60_000 : 5_000, gemeenten: ReliabilityKit.SmallWorld));
        var before = await Db.FingerprintAsync();
        // copy: new snapshot dates stream straight into the fact table, held at the first row; merge: staged, the merge waits.
        var copyHolder = phase == "copy" ? await HoldCopyAtItsFirstRowAsync() : null;
        var holder = phase == "merge" ? await HoldAsync("plekken") : null;

        await using var ingest = MonitorProcess.Start(_faulty.ConnectionString, _temp, null, "ingest", "--kind", "plekken", "--feed", Feed, big);
        await ReliabilityKit.WaitUntilAsync(async () =>
                ingest.HasExited || await ReliabilityKit.ActiveAsync(Db, phase == "copy" ? "COPY monitor.plekken %" : "%monitor.plekken%", waitingOnLock: true) == 1,
            TimeSpan.FromSeconds(30), $"monitor ingest in zijn {phase}", TimeSpan.FromMilliseconds(10));
        Assert.False(ingest.HasExited, "the ingest finished before it could be killed:\n" + ingest.Output);
        ingest.Kill();

        var pending = Assert.Single(await ReliabilityKit.DeliveriesAsync(Db, "plekken"), d => d.Outcome == "pending");
        if (copyHolder is not null)
        {
            // A backend in COPY notices, as soon as it reads on, that its client is gone, and rolls back: no figure changed.
            await ReleaseCopyAsync(copyHolder);
            await ReliabilityKit.WaitUntilAsync(async () => await AdvisoryLocksAsync() == 0, TimeSpan.FromSeconds(10), "de sessie van het gedode proces ruimt op");
            await DropCopyHoldAsync();
            Assert.Equal(before, await Db.FingerprintAsync());
            var rerun = MonitorProcess.Start(_faulty.ConnectionString, _temp, null, "ingest", "--kind", "plekken", "--feed", Feed, big);
            await using (rerun) Assert.True(await rerun.WaitAsync(TimeSpan.FromSeconds(60)) == 0, rerun.Output);
            Assert.Contains($"Geaccepteerd: levering {pending.Id} ", rerun.Output);
        }
        else
        {
            // A backend waiting for a lock does not notice: its transaction, with the load's locks, outlives the process.
            var orphan = await Db.ScalarAsync<int>("""
                SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%monitor.plekken%'
                """);
            await using var rerun = MonitorProcess.Start(_faulty.ConnectionString, _temp, null, "ingest", "--kind", "plekken", "--feed", Feed, big);
            // The rerun takes the pending delivery over and then waits for the orphaned session, instead of loading beside it.
            await ReliabilityKit.WaitUntilAsync(async () => rerun.HasExited || await Db.ScalarAsync<long>("""
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND @orphan = ANY (pg_blocking_pids(pid))
                    """, new { orphan }) == 1,
                TimeSpan.FromSeconds(30), "de herhaling wacht op de sessie van de gedode lading");
            Assert.False(rerun.HasExited, rerun.Output);
            await ReleaseAsync(holder!);
            Assert.True(await rerun.WaitAsync(TimeSpan.FromSeconds(60)) == 0, rerun.Output);
            Assert.Contains($"Geaccepteerd: levering {pending.Id} ", rerun.Output);
        }

        Assert.Equal([("accepted", pending.Id)], (await ReliabilityKit.DeliveriesAsync(Db, "plekken")).Select(d => (d.Outcome, d.Id)));
        Assert.Equal(IngestOutcome.Accepted, (await _clean.Db.IngestFileAsync("plekken", big, Feed)).Outcome);
        var expected = await WarehouseRows.ReadAsync(_clean.Db, WarehouseRows.FactTables);
        Assert.Equal(phase == "copy" ? 60_000 : 5_000, expected["plekken"].Count);
        WarehouseRows.AssertSame(expected, await WarehouseRows.ReadAsync(Db, WarehouseRows.FactTables), $"kill -9 tijdens {phase}");
    }

    /// <summary><c>monitor serve</c> in a child process on a free loopback port, with the settings of these tests: drop
    /// folders that need no settling, no nightly computation within the test's time, and a dead server's job taken over
    /// after 5 s of silence instead of 5 minutes.</summary>
    private async Task<MonitorProcess> StartServeAsync(IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Serve__Urls"] = "http://127.0.0.1:0",
            ["Serve__InvisibilityTimeout"] = "00:00:05",
            ["Schedule__Compute"] = "0 0 1 1 *",
            ["DropFolders__SettleTime"] = "00:00:00",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) all[k] = v;
        var serve = MonitorProcess.Start(_faulty.ConnectionString, _temp, all, "serve");
        _servers.Add(serve);
        await ReliabilityKit.WaitUntilAsync(() => Task.FromResult(serve.HasExited || serve.Output.Contains("Monitor draait op")),
            TimeSpan.FromSeconds(60), "monitor serve start", TimeSpan.FromMilliseconds(100));
        Assert.False(serve.HasExited, serve.Output);
        return serve;
    }

    private async Task<ReliabilityKit.HangfireJob> WaitForJobAsync(long id, string state, MonitorProcess? serve = null, int seconds = 60)
    {
        ReliabilityKit.HangfireJob? job = null;
        await ReliabilityKit.WaitUntilAsync(async () =>
        {
            job = (await ReliabilityKit.HangfireJobsAsync(Db)).Single(j => j.Id == id);
            Assert.NotEqual("Failed", job.State);
            return job.State == state;
        }, TimeSpan.FromSeconds(seconds), $"Hangfire-taak {id} {state}\n{serve?.Output}", TimeSpan.FromMilliseconds(200));
        return job!;
    }

    [Fact]
    public async Task ServeKilledMidFeedJob_AnotherServerTakesTheAbandonedJobOver_AndFinishesIt()
    {
        var drop = Path.Combine(_temp, "drop");
        var file = await ReliabilityKit.WriteAsync(drop, "coa-2025-06-01.csv", ReliabilityKit.PlekkenCsv(5_000, gemeenten: ReliabilityKit.SmallWorld));
        var clean = await ReliabilityKit.WriteAsync(Path.Combine(_temp, "schoon"), "coa-2025-06-01.csv", await File.ReadAllTextAsync(file));
        var storage = ReliabilityKit.HangfireStorage(_faulty.ConnectionString);
        var feed = new Dictionary<string, string>
        {
            ["Feeds__0__Name"] = Feed, ["Feeds__0__Kind"] = "plekken", ["Feeds__0__Location"] = drop, ["Feeds__0__Schedule"] = "0 0 1 1 *",
        };

        var first = await StartServeAsync(feed);
        var holder = await HoldAsync("plekken");
        var jobId = long.Parse(new RecurringJobManager(storage).TriggerJob($"feed:{Feed}"));
        await ReliabilityKit.WaitUntilAsync(async () => await ReliabilityKit.ActiveAsync(Db, "%monitor.plekken%", waitingOnLock: true) == 1,
            TimeSpan.FromSeconds(60), "de feedtaak van de eerste server in haar merge\n" + first.Output);

        // A second server while the first one lives: the job stays the first one's, past the invisibility timeout,
        // because the first server's heartbeat keeps it claimed.
        var second = await StartServeAsync(feed);
        var started = (await ReliabilityKit.HangfireStatesAsync(Db, jobId)).Single(s => s.Name == "Processing").At;
        await ReliabilityKit.WaitUntilAsync(async () => await Db.ScalarAsync<DateTime>("SELECT now()") > started.AddSeconds(8),
            TimeSpan.FromSeconds(30), "8 s na het begin van de taak", TimeSpan.FromMilliseconds(200));
        Assert.Single(await ReliabilityKit.HangfireStatesAsync(Db, jobId), s => s.Name == "Processing");

        first.Kill();
        await ReleaseAsync(holder);

        // Nobody retried anything by hand: Hangfire on the second server takes the abandoned job over and finishes it.
        var job = await WaitForJobAsync(jobId, "Succeeded", second);
        Assert.Equal(("Monitor.Scheduling.FeedJob", "RunAsync"), (job.Type.Split(',')[0], job.Method));
        var processing = (await ReliabilityKit.HangfireStatesAsync(Db, jobId)).Where(s => s.Name == "Processing").Select(s => s.ServerId!).ToList();
        Assert.Equal(2, processing.Count);
        Assert.Contains($"-{first.Id}:", processing[0]);
        Assert.Contains($"-{second.Id}:", processing[1]);

        // The delivery the first server left pending was taken over, not repeated; the file is done; the computation followed.
        var delivery = Assert.Single(await ReliabilityKit.DeliveriesAsync(Db, "plekken"));
        Assert.Equal("accepted", delivery.Outcome);
        Assert.True(File.Exists(Path.Combine(drop, "processed", "coa-2025-06-01.csv")));
        Assert.Empty(Directory.GetFiles(drop));
        var computeJob = Assert.Single(await ReliabilityKit.HangfireJobsAsync(Db), j => j.Type.StartsWith("Monitor.Scheduling.ComputeJob"));
        await WaitForJobAsync(computeJob.Id, "Succeeded", second);
        Assert.Contains(delivery.Id.ToString(), computeJob.Arguments);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.compute_runs WHERE finished_at IS NOT NULL"));

        Assert.Equal(IngestOutcome.Accepted, (await _clean.Db.IngestFileAsync("plekken", clean, Feed)).Outcome);
        WarehouseRows.AssertSame(await WarehouseRows.ReadAsync(_clean.Db, WarehouseRows.FactTables),
            await WarehouseRows.ReadAsync(Db, WarehouseRows.FactTables), "serve gedood tijdens een feedtaak");
    }

    [Fact]
    public async Task ComputeKilledMidRun_LeavesNothing_AndTheHangfireJobRunsItCompletely()
    {
        var plekken = await ReliabilityKit.WriteAsync(_temp, "coa.csv", ReliabilityKit.PlekkenCsv(3_000, gemeenten: ReliabilityKit.SmallWorld));
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestFileAsync("plekken", plekken, Feed)).Outcome);
        Assert.Equal(IngestOutcome.Accepted, (await _clean.Db.IngestFileAsync("plekken", plekken, Feed)).Outcome);
        var storage = ReliabilityKit.HangfireStorage(_faulty.ConnectionString);

        // The computation writes every series row, then waits at the taakstelling table: killed there, mid-transaction.
        var holder = await HoldAsync("taakstelling_halfjaren");
        await using (var compute = MonitorProcess.Start(_faulty.ConnectionString, _temp, null, "compute", "--full"))
        {
            await ReliabilityKit.WaitUntilAsync(async () =>
                    compute.HasExited || await ReliabilityKit.ActiveAsync(Db, "%taakstelling_halfjaren%", waitingOnLock: true) == 1,
                TimeSpan.FromSeconds(60), "monitor compute bij de taakstelling", TimeSpan.FromMilliseconds(20));
            Assert.False(compute.HasExited, compute.Output);
            compute.Kill();
        }
        // Its run row is not visible outside its transaction (its series can't even be read: the full run holds them locked).
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.compute_runs"));
        var orphan = await Db.ScalarAsync<int>("""
            SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%taakstelling_halfjaren%'
            """);

        // Hangfire runs the computation again (the nightly job, triggered now). Its session outlives the killed process
        // while it waits, so the new run must wait for it rather than compute beside it.
        var serve = await StartServeAsync();
        var jobId = long.Parse(new RecurringJobManager(storage).TriggerJob("compute:nightly"));
        await ReliabilityKit.WaitUntilAsync(async () => await Db.ScalarAsync<long>("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND @orphan = ANY (pg_blocking_pids(pid))
                """, new { orphan }) == 1,
            TimeSpan.FromSeconds(60), "de nieuwe berekening wacht op de sessie van de gedode\n" + serve.Output);
        await ReleaseAsync(holder);
        var job = await WaitForJobAsync(jobId, "Succeeded", serve);
        Assert.Equal(("Monitor.Scheduling.ComputeJob", "RunNightlyAsync"), (job.Type.Split(',')[0], job.Method));

        // Only the retried run exists; the killed one left no run, no row and no revision.
        var asOf = Assert.Single(await Db.QueryAsync<DateTime>("SELECT as_of FROM monitor.compute_runs WHERE finished_at IS NOT NULL"));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.compute_runs"));
        await new ComputeService(_clean.Db).RunAsync(full: true, [], DateOnly.FromDateTime(asOf));
        var expected = await WarehouseRows.ReadAsync(_clean.Db, WarehouseRows.ComputedTables.Concat(WarehouseRows.FactTables));
        Assert.True(expected["series"].Count > 10_000, $"{expected["series"].Count} series rows");
        WarehouseRows.AssertSame(expected, await WarehouseRows.ReadAsync(Db, WarehouseRows.ComputedTables.Concat(WarehouseRows.FactTables)),
            "compute gedood en door Hangfire opnieuw gedraaid");
    }
}
