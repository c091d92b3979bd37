using Dapper;
using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Monitor.Tests.Support;

namespace Monitor.Tests.Reliability;

/// <summary>
/// The same bytes arriving twice at the same moment (two feeds, two servers): the second arrival must not take over
/// the first one's pending delivery while that one is still loading (the takeover is for deliveries a crash left
/// behind). One is loaded; the other is recorded as its duplicate, under its own feed and source.
/// </summary>
public sealed class SameBytesTwiceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-samebytes-").FullName;

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
    public async Task SameBytesAtOnce_OneAccepted_TheOtherRecordedAsItsDuplicate()
    {
        var db = _database.Db;
        var content = ReliabilityKit.PlekkenCsv(500, gemeenten: ReliabilityKit.SmallWorld);
        var first = await ReliabilityKit.WriteAsync(Path.Combine(_temp, "a"), "plekken.csv", content);
        var second = await ReliabilityKit.WriteAsync(Path.Combine(_temp, "b"), "plekken-kopie.csv", content);

        // Hold the kind's load lock, so both arrivals are in flight at once, whatever the machine's speed.
        await using var holder = await db.OpenConnectionAsync();
        await holder.ExecuteAsync("SELECT pg_advisory_lock(hashtext('ingest:plekken'))");
        Task<long> Waiting() => db.ScalarAsync<long>("""
            SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """);
        var a = Task.Run(() => new DeliveryLoader(db).IngestAsync(new IngestRequest(first, "plekken", "feed-a", first)));
        await ReliabilityKit.WaitUntilAsync(async () => await Waiting() == 1, TimeSpan.FromSeconds(20), "de eerste levering wacht");
        var b = Task.Run(() => new DeliveryLoader(db).IngestAsync(new IngestRequest(second, "plekken", "feed-b", second)));
        await ReliabilityKit.WaitUntilAsync(async () => await Waiting() == 2, TimeSpan.FromSeconds(20), "de tweede levering wacht ook");
        await holder.ExecuteAsync("SELECT pg_advisory_unlock(hashtext('ingest:plekken'))");
        var results = await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(30));

        var accepted = Assert.Single(results, r => r.Outcome == IngestOutcome.Accepted);
        var duplicate = Assert.Single(results, r => r.Outcome == IngestOutcome.Duplicate);
        Assert.Equal(accepted.DeliveryId, duplicate.DuplicateOf);
        Assert.NotEqual(accepted.DeliveryId, duplicate.DeliveryId);

        // Two arrivals, two rows, each under its own feed; the figures are those of the accepted one's feed.
        var rows = await db.QueryAsync<(long Id, string Feed, string Outcome, string Source, long? DuplicateOf)>(
            "SELECT id, feed, outcome, source, duplicate_of FROM monitor.deliveries WHERE kind = 'plekken' ORDER BY id");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["feed-a", "feed-b"], rows.Select(r => r.Feed).Order());
        var acceptedRow = Assert.Single(rows, r => r.Outcome == "accepted");
        var duplicateRow = Assert.Single(rows, r => r.Outcome == "duplicate");
        Assert.Equal(acceptedRow.Id, duplicateRow.DuplicateOf);
        Assert.Equal(500L, await db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE feed = @Feed AND delivery_id = @Id", new { acceptedRow.Feed, acceptedRow.Id }));
        Assert.Equal(500L, await db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken"));
    }
}
