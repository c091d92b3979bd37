using System.Text;
using Microsoft.AspNetCore.Http;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Tests.Feeds.Fetching;
using Monitor.Tests.Support;

namespace Monitor.Tests.Reliability;

/// <summary>
/// Issue 7 point 1: an HTTP feed that fails in every way a server can, end to end through <see cref="FeedRunner"/> into
/// the warehouse. Retries stay within their limit, the circuit breaker opens and then refuses without a request, and
/// afterwards the warehouse holds the figures of the last complete delivery only: nothing partial, nothing twice.
/// </summary>
public sealed class FetchFaultsTests : IAsyncLifetime
{
    private readonly TestDatabase _faulty = new();
    private readonly TestDatabase _clean = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-fetchfaults-").FullName;

    public async Task InitializeAsync()
    {
        await _faulty.InitializeAsync();
        await _clean.InitializeAsync();
        await ReliabilityKit.LoadSmallWorldAsync(_faulty.Db);
        await ReliabilityKit.LoadSmallWorldAsync(_clean.Db);
    }

    public async Task DisposeAsync()
    {
        await _faulty.DisposeAsync();
        await _clean.DisposeAsync();
        Directory.Delete(_temp, recursive: true);
    }

    private const string Feed = "coa-http";

    /// <summary>Promises the whole body (Content-Length) but sends only its first lines, then drops the connection. The
    /// part sent is itself a valid CSV, so only the missing bytes can tell it is not the whole delivery.</summary>
    private static Func<HttpContext, Task> CutOff(string body, int lines, bool chunked) => async ctx =>
    {
        var all = Encoding.UTF8.GetBytes(body);
        var part = Encoding.UTF8.GetBytes(string.Join("", body.Split('\n').Take(lines).Select(l => l + "\n")));
        ctx.Response.ContentType = "text/csv";
        if (!chunked) ctx.Response.ContentLength = all.Length;
        await ctx.Response.Body.WriteAsync(part);
        await ctx.Response.Body.FlushAsync();
        ctx.Abort();
    };

    [Fact]
    public async Task FailingServer_RetriesWithinLimits_OpensTheBreaker_AndLeavesOnlyTheLastCompleteDelivery()
    {
        var a = ReliabilityKit.PlekkenCsv(60, seed: 1, gemeenten: ReliabilityKit.SmallWorld);
        var b = ReliabilityKit.PlekkenCsv(80, "2025-07-01", seed: 2, gemeenten: ReliabilityKit.SmallWorld);
        // The last complete delivery: the same snapshot date as A, fewer locations, other numbers.
        var c = ReliabilityKit.PlekkenCsv(45, seed: 3, gemeenten: ReliabilityKit.SmallWorld);

        var policy = FetchKit.FastPolicy(_temp);
        // Seven attempts of which at least 80 % failed open the circuit: exactly at the last attempt of the second run.
        policy.BreakerMinimumThroughput = 7;
        policy.BreakerFailureRatio = 0.8;
        policy.BreakerSamplingDuration = TimeSpan.FromSeconds(60);
        policy.BreakerBreakDuration = TimeSpan.FromMinutes(10);
        var clock = new ShiftedClock();   // the break ends when the test moves the clock, however slow the machine
        await using var server = await FeedHttpServer.StartAsync();
        var feed = FetchKit.Feed(server.Url("/coa/plekken.csv"), maxRetries: 3, attemptTimeout: TimeSpan.FromSeconds(1), name: Feed);
        var runner = new FeedRunner(_faulty.Db, new FeedSource(FetchKit.Fetcher(policy, time: clock), new DropFolderOptions { SettleTime = TimeSpan.Zero }));

        // Run 1: 500, then 503 asking for a second's patience, then the delivery.
        server.Enqueue(Reply.Status(500), Reply.Status(503, retryAfter: "1"), Reply.Ok(a, etag: "\"a\""));
        var first = Assert.Single(await runner.RunAsync(feed, CancellationToken.None));
        Assert.Equal(IngestOutcome.Accepted, first.Outcome);
        Assert.Equal(3, server.Requests.Count);
        Assert.True(FetchKit.Gap(server.Requests, 1) >= TimeSpan.FromSeconds(0.95), "Retry-After: 1 is honoured");
        var afterA = await _faulty.Db.FingerprintAsync();

        // Run 2: every attempt fails differently; 1 + MaxRetries = 4 attempts, not one more. Two of them carry a valid
        // beginning of a new snapshot: nothing of it may reach the warehouse.
        server.Enqueue(Reply.Hang(TimeSpan.FromSeconds(30)), Reply.Reset(), CutOff(b, 40, chunked: false), CutOff(b, 40, chunked: true));
        var failed = await Assert.ThrowsAsync<FeedFetchException>(() => runner.RunAsync(feed, CancellationToken.None));
        Assert.True(failed.Retryable, failed.Message);
        Assert.Contains("4 pogingen", failed.Message);
        Assert.Contains("verbroken voordat het antwoord compleet was", failed.Message); // the last one: a chunked body cut off
        Assert.Equal(7, server.Requests.Count);
        Assert.Equal("\"a\"", server.Requests[3].IfNoneMatch);
        Assert.Equal(afterA, await _faulty.Db.FingerprintAsync());
        Assert.Single(await ReliabilityKit.DeliveriesAsync(_faulty.Db, "plekken"));
        Assert.Empty(Directory.GetFiles(_temp)); // no partial download left behind

        // The circuit is open: the next runs fail at once, without a single request.
        for (var i = 0; i < 3; i++)
        {
            var open = await Assert.ThrowsAsync<FeedFetchException>(() => runner.RunAsync(feed, CancellationToken.None));
            Assert.Contains("te veel fouten achter elkaar", open.Message);
            Assert.True(open.Retryable);
        }
        Assert.Equal(7, server.Requests.Count);

        // Just before the break is over the circuit still refuses; after it one probe goes through: the publisher has a
        // new, complete snapshot.
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Contains("te veel fouten achter elkaar", (await Assert.ThrowsAsync<FeedFetchException>(() => runner.RunAsync(feed, CancellationToken.None))).Message);
        clock.Advance(TimeSpan.FromMinutes(1));
        server.Enqueue(Reply.Ok(c, etag: "\"c\""));
        var probe = Assert.Single(await runner.RunAsync(feed, CancellationToken.None));
        Assert.Equal(IngestOutcome.Accepted, probe.Outcome);
        Assert.Equal(8, server.Requests.Count);
        Assert.Equal("\"a\"", server.Requests[7].IfNoneMatch);

        // The same bytes again under a new validator (a server that ignores If-None-Match): recorded, loaded nothing.
        server.Enqueue(Reply.Ok(c, etag: "\"c2\""), Reply.NotModified("\"c2\""));
        var again = Assert.Single(await runner.RunAsync(feed, CancellationToken.None));
        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal(probe.DeliveryId, again.DuplicateOf);
        Assert.Empty(await runner.RunAsync(feed, CancellationToken.None));
        Assert.Equal(["\"c\"", "\"c2\""], server.Requests.Skip(8).Select(r => r.IfNoneMatch));
        Assert.Equal(10, server.Requests.Count);

        // The deliveries table tells the story: A, C, C again. No row for the failed fetches, nothing pending.
        var deliveries = await ReliabilityKit.DeliveriesAsync(_faulty.Db, "plekken");
        Assert.Equal([("accepted", (long?)null), ("accepted", null), ("duplicate", probe.DeliveryId)],
            deliveries.Select(d => (d.Outcome, d.DuplicateOf)));
        Assert.Equal([first.DeliveryId, probe.DeliveryId, again.DeliveryId], deliveries.Select(d => d.Id));

        // Exactly the figures of C for the snapshot date, every one from C's delivery, and nothing from B's date.
        Assert.Equal(45L, await _faulty.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE feed = @Feed AND delivery_id = @id",
            new { Feed, id = probe.DeliveryId }));
        Assert.Equal(45L, await _faulty.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE feed = @Feed", new { Feed }));

        // Row by row the same as a warehouse that was only ever given A and C, by hand, without a single fault.
        var dir = Directory.CreateDirectory(Path.Combine(_temp, "clean")).FullName;
        Assert.Equal(IngestOutcome.Accepted, (await _clean.Db.IngestFileAsync("plekken", await ReliabilityKit.WriteAsync(dir, "a.csv", a), Feed)).Outcome);
        Assert.Equal(IngestOutcome.Accepted, (await _clean.Db.IngestFileAsync("plekken", await ReliabilityKit.WriteAsync(dir, "c.csv", c), Feed)).Outcome);
        var expected = await WarehouseRows.ReadAsync(_clean.Db, WarehouseRows.FactTables);
        WarehouseRows.AssertSame(expected, await WarehouseRows.ReadAsync(_faulty.Db, WarehouseRows.FactTables), "na de storingen");
        Assert.True(expected["fact_revisions"].Count > 0, "C replaced A's snapshot: its changes are on record in both");
    }
}
