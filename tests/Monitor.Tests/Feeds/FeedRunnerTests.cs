using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Tests.Feeds.Fetching;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds;

/// <summary>The feed runner's own duty: no local file above the feed's size limit is read, and one such file never
/// blocks the deliveries behind it.</summary>
public sealed class FeedRunnerTests : IAsyncLifetime
{
    private const string Plekken = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n2025-03-01,asiel,GM0014,G1,beschikbaar,300\n";

    private readonly ReferenceDatabase _database = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-runner-").FullName;
    private HttpFeedFetcher _http = null!;
    private FeedRunner _runner = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _http = FetchKit.Fetcher(FetchKit.FastPolicy(_temp));
        _runner = new FeedRunner(_database.Db, new FeedSource(_http, new DropFolderOptions { SettleTime = TimeSpan.Zero }));
    }

    private FeedOptions Feed(string location) => new() { Name = "coa", Kind = "plekken", Location = location, MaxBytes = 1000 };

    private static string Write(string folder, string name, string content, int minutesAgo)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-minutesAgo));
        return path;
    }

    [Fact]
    public async Task OversizedFileInDropFolder_IsSetAsideWithItsReason_AndTheNextRunLoadsTheRest()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "map")).FullName;
        Write(folder, "groot.csv", Plekken + new string('\n', 2000), minutesAgo: 20);
        Write(folder, "gewoon.csv", Plekken, minutesAgo: 10);

        var refused = await Assert.ThrowsAsync<FeedFetchException>(() => _runner.RunAsync(Feed(folder), CancellationToken.None));

        Assert.Contains("groot.csv is 2,1 kB, groter dan de limiet van 1000 bytes voor deze feed", refused.Message);
        Assert.False(refused.Retryable);
        Assert.Equal(0L, await _database.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries WHERE feed = 'coa'"));
        Assert.Contains("groter dan de limiet", File.ReadAllText(Path.Combine(folder, DropFolder.Rejected, "groot.csv" + DropFolder.ProblemsSuffix)));

        var next = Assert.Single(await _runner.RunAsync(Feed(folder), CancellationToken.None));

        Assert.Equal(IngestOutcome.Accepted, next.Outcome);
        Assert.True(File.Exists(Path.Combine(folder, DropFolder.Processed, "gewoon.csv")));
    }

    [Fact]
    public async Task OversizedConfiguredFile_IsRefusedUnreadAndLeftWhereItIs()
    {
        var path = Write(_temp, "plekken.csv", Plekken + new string('\n', 2000), minutesAgo: 10);

        var refused = await Assert.ThrowsAsync<FeedFetchException>(() => _runner.RunAsync(Feed(path), CancellationToken.None));

        Assert.Contains("plekken.csv is 2,1 kB, groter dan de limiet van 1000 bytes", refused.Message);
        Assert.True(File.Exists(path));
        Assert.Equal(0L, await _database.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries WHERE feed = 'coa'"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _database.DisposeAsync();
        Directory.Delete(_temp, recursive: true);
    }
}
