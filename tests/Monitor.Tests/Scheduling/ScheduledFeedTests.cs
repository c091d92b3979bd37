using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Scheduling;
using Monitor.Tests.Feeds.Fetching;
using Monitor.Tests.Support;

namespace Monitor.Tests.Scheduling;

/// <summary>Configured feeds, fetched and loaded the way the scheduled service does it.</summary>
[Collection(HangfireGlobalState.Name)]
public sealed class ScheduledFeedTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-sched-").FullName;
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private const string Csv = "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0014,120\n";

    private FeedRunner Runner(FetchPolicyOptions policy) =>
        new(Db, new FeedSource(new HttpFeedFetcher(new FeedCircuitBreakers(policy), policy), new DropFolderOptions { SettleTime = TimeSpan.Zero }));

    [Fact]
    public async Task HttpFeed_ThatFailsThrottlesThenSucceeds_IsLoadedOnce_AndNextFetchIsConditional()
    {
        await using var server = await FeedHttpServer.StartAsync(
            Reply.Status(500), Reply.Status(429, retryAfter: "1"), Reply.Ok(Csv, etag: "\"v1\""), Reply.NotModified("\"v1\""));
        var feed = FetchKit.Feed(server.Url("/huisvesting.csv"), maxRetries: 3);
        feed.Name = "coa-huisvesting";
        feed.Kind = "huisvesting";
        var runner = Runner(FetchKit.FastPolicy(_temp));

        var first = Assert.Single(await runner.RunAsync(feed, CancellationToken.None));
        Assert.Equal(IngestOutcome.Accepted, first.Outcome);
        Assert.Equal(120, await Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0014'"));
        Assert.Equal(3, server.Requests.Count);
        Assert.True(server.Requests[2].At - server.Requests[1].At >= TimeSpan.FromSeconds(0.95), "Retry-After: 1 is honoured");
        Assert.Equal("\"v1\"", await Db.ScalarAsync<string>("SELECT etag FROM monitor.deliveries WHERE id = @id", new { id = first.DeliveryId }));

        Assert.Empty(await runner.RunAsync(feed, CancellationToken.None));
        Assert.Equal("\"v1\"", server.Requests[3].IfNoneMatch);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries WHERE feed = 'coa-huisvesting'"));
    }

    [Fact]
    public async Task DropFolder_AcceptedAndRejectedFiles_AreMovedAndOnlyGoodFiguresLoaded()
    {
        var drop = Directory.CreateDirectory(Path.Combine(_temp, "drop")).FullName;
        await File.WriteAllTextAsync(Path.Combine(drop, "a-goed.csv"), Csv);
        await File.WriteAllTextAsync(Path.Combine(drop, "b-fout.csv"), "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0014,-3\n");
        var feed = new FeedOptions { Name = "drop", Kind = "huisvesting", Location = drop };

        var results = await Runner(FetchKit.FastPolicy(_temp)).RunAsync(feed, CancellationToken.None);

        Assert.Equal([IngestOutcome.Accepted, IngestOutcome.Rejected], results.Select(r => r.Outcome));
        Assert.True(File.Exists(Path.Combine(drop, "processed", "a-goed.csv")));
        Assert.True(File.Exists(Path.Combine(drop, "rejected", "b-fout.csv")));
        Assert.Contains("gehuisvest", await File.ReadAllTextAsync(Path.Combine(drop, "rejected", "b-fout.csv.problemen.txt")));
        Assert.Empty(Directory.GetFiles(drop));
        Assert.Equal(120, await Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0014'"));
    }

    [Fact]
    public async Task Schedule_RegistersOneRecurringJobPerScheduledFeed_InAmsterdamTime_InTheWarehouse()
    {
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(_database.ConnectionString, new PostgreSqlStorageOptions { SchemaName = "hangfire" }),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
        var catalog = new FeedCatalog([
            new FeedOptions { Name = "coa", Kind = "plekken", Location = "https://example.org/coa.csv", Schedule = "15 6 * * *" },
            new FeedOptions { Name = "handmatig", Kind = "contacten", Location = "/srv/contacten.csv" },
        ]);
        new Schedule(catalog, new RecurringJobManager(storage), new ScheduleOptions()).Register();

        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal("15 6 * * *", jobs["feed:coa"].Cron);
        Assert.Equal("Europe/Amsterdam", jobs["feed:coa"].TimeZoneId);
        Assert.Equal("a-ingest", jobs["feed:coa"].Job.Queue);
        Assert.False(jobs.ContainsKey("feed:handmatig"));
        Assert.True(jobs.ContainsKey("compute:nightly"));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
    }

    [Fact]
    public async Task FeedJob_WhileTheSameFeedRunsElsewhere_DoesNotFetch()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok(Csv));
        var feed = FetchKit.Feed(server.Url("/h.csv"));
        feed.Name = "coa-huisvesting";
        feed.Kind = "huisvesting";
        var job = new FeedJob(Db, new FeedCatalog([feed]), Runner(FetchKit.FastPolicy(_temp)), new NoJobs(), NullLogger<FeedJob>.Instance);

        // Another server holds the feed's lock: this run must step aside, not fetch the feed a second time.
        await using (var other = await Db.OpenConnectionAsync())
        {
            await other.ExecuteAsync("SELECT pg_advisory_lock(hashtext('feed:' || 'coa-huisvesting'))");
            await job.RunAsync("coa-huisvesting", CancellationToken.None);
            Assert.Empty(server.Requests);
            await other.ExecuteAsync("SELECT pg_advisory_unlock(hashtext('feed:' || 'coa-huisvesting'))");
        }
        await job.RunAsync("coa-huisvesting", CancellationToken.None);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FeedJob_FetchFailure_FailsTheJobSoHangfireRetriesIt()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(500), Reply.Status(500), Reply.Status(500), Reply.Status(500));
        var feed = FetchKit.Feed(server.Url("/h.csv"), maxRetries: 1);
        feed.Name = "kapot";
        feed.Kind = "huisvesting";
        var job = new FeedJob(Db, new FeedCatalog([feed]), Runner(FetchKit.FastPolicy(_temp)), new NoJobs(), NullLogger<FeedJob>.Instance);
        await Assert.ThrowsAsync<FeedFetchException>(() => job.RunAsync("kapot", CancellationToken.None));
    }

    /// <summary>Jobs enqueued by a job under test are only counted; the compute job has its own tests.</summary>
    private sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => "0";
        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
    }
}
