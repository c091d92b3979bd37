using System.Text;
using Dapper;
using Hangfire;
using Monitor.Compute;
using Monitor.Tests.Support;

namespace Monitor.Tests.Reliability;

/// <summary>
/// Issue 7 point 4: two <c>monitor serve</c> processes on one warehouse and one Hangfire storage, twelve feeds due at
/// the same moment, each of them triggered twice (as if both servers' schedules fired). Every delivery is processed
/// exactly once, the same bytes twice are recorded as a duplicate, no job fails or deadlocks, and the computation runs
/// after the deliveries: the warehouse ends up as a clean sequential load of the same files would.
/// </summary>
[Collection(ReliabilityProcesses.Name)]
public sealed class TwoServersLoadTests : IAsyncLifetime
{
    private readonly TestDatabase _warehouse = new();
    private readonly TestDatabase _clean = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-load-").FullName;
    private readonly List<MonitorProcess> _servers = [];

    public async Task InitializeAsync()
    {
        await _warehouse.InitializeAsync();
        await _clean.InitializeAsync();
        await ReliabilityKit.LoadSmallWorldAsync(_warehouse.Db);
        await ReliabilityKit.LoadSmallWorldAsync(_clean.Db);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await _warehouse.DisposeAsync();
        await _clean.DisposeAsync();
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }

    private static string HuisvestingCsv(string peildatum, int seed)
    {
        var sb = new StringBuilder("peildatum,periode,gemeentecode,gehuisvest,waarvan_amv\n");
        for (var i = 0; i < ReliabilityKit.SmallWorld.Length; i++)
            sb.Append($"{peildatum},2025-H1,{ReliabilityKit.SmallWorld[i]},{(i * 11 + seed) % 90 + 10},{i % 3}\n");
        return sb.ToString();
    }

    private async Task<List<string>> ServersThatProcessedAsync()
    {
        await using var conn = await _warehouse.Db.OpenConnectionAsync();
        return (await conn.QueryAsync<string>("""
            SELECT DISTINCT split_part(data->>'ServerId', ':', 1) FROM hangfire.state WHERE name = 'Processing'
            """)).ToList();
    }

    [Fact]
    public async Task TwoServers_TwelveFeedsDueAtOnce_EachDeliveryOnce_NoFailedJob_AndTheComputationFollows()
    {
        // Ten plekken feeds with two snapshots each, two huisvesting feeds that both receive one identical file.
        var feeds = new List<(string Name, string Kind, string Folder)>();
        var files = new List<(string Feed, string Kind, string Path)>();
        for (var f = 1; f <= 10; f++)
        {
            var name = $"plekken-{f:D2}";
            var folder = Path.Combine(_temp, name);
            feeds.Add((name, "plekken", folder));
            foreach (var (date, n) in new[] { ("2025-05-01", 0), ("2025-06-01", 1) })
                files.Add((name, "plekken", await ReliabilityKit.WriteAsync(folder, $"{name}-{date}.csv",
                    ReliabilityKit.PlekkenCsv(400 + f * 10, date, seed: f * 2 + n, gemeenten: ReliabilityKit.SmallWorld))));
        }
        foreach (var (name, own, seed) in new[] { ("huisvesting-a", "2025-02-14", 3), ("huisvesting-b", "2025-03-14", 5) })
        {
            var folder = Path.Combine(_temp, name);
            feeds.Add((name, "huisvesting", folder));
            files.Add((name, "huisvesting", await ReliabilityKit.WriteAsync(folder, $"{name}-{own}.csv", HuisvestingCsv(own, seed))));
            files.Add((name, "huisvesting", await ReliabilityKit.WriteAsync(folder, "gedeeld-2025-04-14.csv", HuisvestingCsv("2025-04-14", 7))));
        }
        Assert.Equal(12, feeds.Count);

        var storage = ReliabilityKit.HangfireStorage(_warehouse.ConnectionString);
        var settings = new Dictionary<string, string>
        {
            ["Schedule__Compute"] = "0 0 1 1 *",
            ["DropFolders__SettleTime"] = "00:00:00",
        };
        for (var i = 0; i < feeds.Count; i++)
        {
            settings[$"Feeds__{i}__Name"] = feeds[i].Name;
            settings[$"Feeds__{i}__Kind"] = feeds[i].Kind;
            settings[$"Feeds__{i}__Location"] = feeds[i].Folder;
            settings[$"Feeds__{i}__Schedule"] = "0 0 1 1 *"; // registered, but made due by the test, below
        }
        var servers = Enumerable.Range(0, 2).Select(_ =>
        {
            var own = new Dictionary<string, string>(settings) { ["Serve__Urls"] = "http://127.0.0.1:0" };
            var p = MonitorProcess.Start(_warehouse.ConnectionString, _temp, own, "serve");
            _servers.Add(p);
            return p;
        }).ToList();
        await ReliabilityKit.WaitUntilAsync(() => Task.FromResult(servers.All(s => s.HasExited || s.Output.Contains("Monitor draait op"))),
            TimeSpan.FromSeconds(60), "twee servers gestart", TimeSpan.FromMilliseconds(100));
        Assert.All(servers, s => Assert.False(s.HasExited, s.Output));
        await ReliabilityKit.WaitUntilAsync(async () => await _warehouse.Db.ScalarAsync<long>("SELECT count(*) FROM hangfire.server") == 2,
            TimeSpan.FromSeconds(30), "twee Hangfire-servers aangemeld");

        // One server alone could drain the queue while the other sleeps through its poll interval. The fact table, held
        // until both servers have taken jobs, makes them work at once, which is what this test is about.
        var holder = await _warehouse.Db.OpenConnectionAsync();
        await holder.ExecuteAsync("BEGIN; LOCK TABLE monitor.plekken IN ACCESS EXCLUSIVE MODE");

        // Every feed due at once, twice: 24 feed jobs in the queue within a few milliseconds, for two servers with two workers each.
        var manager = new RecurringJobManager(storage);
        var feedJobs = feeds.SelectMany(f => new[] { f.Name, f.Name }).Select(name => long.Parse(manager.TriggerJob($"feed:{name}"))).ToList();
        await ReliabilityKit.WaitUntilAsync(async () => (await ServersThatProcessedAsync()).Count == 2,
            TimeSpan.FromSeconds(60), "beide servers aan het werk\n" + string.Join("\n", servers.Select(s => s.Output)), TimeSpan.FromMilliseconds(100));
        await holder.ExecuteAsync("ROLLBACK");
        await holder.DisposeAsync();

        // Done when no job is waiting or running any more (feed jobs and the computations they queued).
        await ReliabilityKit.WaitUntilAsync(async () =>
        {
            var jobs = await ReliabilityKit.HangfireJobsAsync(_warehouse.Db);
            return feedJobs.All(id => jobs.Any(j => j.Id == id && j.State is "Succeeded" or "Failed"))
                   && jobs.All(j => j.State is "Succeeded" or "Failed" or "Deleted");
        }, TimeSpan.FromSeconds(90), "alle taken klaar\n" + string.Join("\n", servers.Select(s => s.Output)), TimeSpan.FromMilliseconds(250));

        // No job failed, not even once on its way (a deadlock or a lost race would show as a Failed state, then a retry).
        var all = await ReliabilityKit.HangfireJobsAsync(_warehouse.Db);
        Assert.All(all, j => Assert.Equal("Succeeded", j.State));
        Assert.Equal(0L, await _warehouse.Db.ScalarAsync<long>("SELECT count(*) FROM hangfire.state WHERE name = 'Failed'"));
        Assert.Equal(24, all.Count(j => j.Type.StartsWith("Monitor.Scheduling.FeedJob")));
        Assert.Equal(2, (await ServersThatProcessedAsync()).Count); // both servers did work

        // Each file exactly once: one delivery row per file, one accepted row per content, the shared file once as duplicate.
        var deliveries = await ReliabilityKit.DeliveriesAsync(_warehouse.Db);
        var ours = deliveries.Where(d => feeds.Any(f => f.Name == d.Feed)).ToList();
        Assert.Equal(files.Count, ours.Count);
        Assert.Equal(files.Count - 1, ours.Count(d => d.Outcome == "accepted"));
        var duplicate = Assert.Single(ours, d => d.Outcome == "duplicate");
        var original = Assert.Single(ours, d => d.Id == duplicate.DuplicateOf);
        Assert.Equal(original.Sha, duplicate.Sha);
        Assert.NotEqual(original.Feed, duplicate.Feed);
        Assert.All(ours.Where(d => d.Outcome == "accepted").GroupBy(d => d.Sha), g => Assert.Single(g));
        Assert.DoesNotContain(deliveries, d => d.Outcome is "pending" or "rejected");
        foreach (var (_, _, folder) in feeds)
        {
            Assert.Empty(Directory.GetFiles(folder));
            Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "processed")).Length);
        }

        // The computation ran after the deliveries: every accepted delivery was handed to a computation that succeeded.
        var computeJobs = all.Where(j => j.Type.StartsWith("Monitor.Scheduling.ComputeJob")).ToList();
        Assert.NotEmpty(computeJobs);
        foreach (var d in ours.Where(d => d.Outcome == "accepted"))
            Assert.Contains(computeJobs, j => System.Text.Json.JsonDocument.Parse(j.Arguments).RootElement[0].GetString()!
                .Trim('[', ']').Split(',').Contains(d.Id.ToString()));
        var asOf = await _warehouse.Db.ScalarAsync<DateTime>("SELECT max(as_of) FROM monitor.compute_runs WHERE finished_at IS NOT NULL");

        // Figures: the same, row by row, as one process loading the same files one after another, then computing in full.
        foreach (var (feed, kind, path) in files)
        {
            var copy = Path.Combine(Path.GetDirectoryName(path)!, "processed", Path.GetFileName(path));
            await _clean.Db.IngestFileAsync(kind, copy, feed);
        }
        await new ComputeService(_clean.Db).RunAsync(full: true, [], DateOnly.FromDateTime(asOf));
        var tables = WarehouseRows.FactTables.Concat(["series", "taakstelling_halfjaren"]).ToList();
        var expected = await WarehouseRows.ReadAsync(_clean.Db, tables);
        Assert.True(expected["plekken"].Count > 8_000);
        WarehouseRows.AssertSame(expected, await WarehouseRows.ReadAsync(_warehouse.Db, tables), "twee servers");
    }
}
