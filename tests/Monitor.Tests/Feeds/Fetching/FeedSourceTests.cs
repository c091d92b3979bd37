using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Tests.Support;
using static Monitor.Tests.Feeds.Fetching.FetchKit;

namespace Monitor.Tests.Feeds.Fetching;

public sealed class FeedSourceTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-fetch-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("monitor-data-").FullName;
    private readonly HttpFeedFetcher _http;
    private readonly FeedSource _source;

    public FeedSourceTests()
    {
        _http = Fetcher(FastPolicy(_temp));
        _source = new FeedSource(_http, new DropFolderOptions { SettleTime = TimeSpan.FromSeconds(30) });
    }

    private static IngestResult Result(IngestOutcome outcome) => new(1, outcome, 1, 1, [], 0);

    [Fact]
    public async Task Fetch_HttpLocation_GivesTheDownloadWhichDisposalDeletes()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok("inhoud", etag: "\"e1\""));

        var files = await _source.FetchAsync(Feed(server.Url()), FetchState.None);

        var file = Assert.Single(files);
        Assert.Equal("inhoud", await File.ReadAllTextAsync(file.Path));
        Assert.Equal(("feed.csv", server.Url(), "\"e1\""), (file.FileName, file.Source, file.State.ETag));
        file.Complete(Result(IngestOutcome.Accepted));
        await file.DisposeAsync();
        Assert.False(File.Exists(file.Path));
    }

    [Fact]
    public async Task Fetch_HttpNotModified_GivesNothing()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.NotModified());

        Assert.Empty(await _source.FetchAsync(Feed(server.Url()), new FetchState("\"e1\"", null)));
    }

    [Fact]
    public async Task Fetch_HttpFailure_Throws()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(404));

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => _source.FetchAsync(Feed(server.Url()), FetchState.None));

        Assert.False(error.Retryable);
        Assert.Contains("HTTP 404", error.Message);
    }

    [Fact]
    public async Task Fetch_Directory_GivesItsNewFilesAndCompletingMovesThem()
    {
        File.WriteAllText(Path.Combine(_data, "oud.csv"), "1");
        File.SetLastWriteTimeUtc(Path.Combine(_data, "oud.csv"), DateTime.UtcNow.AddHours(-2));
        File.WriteAllText(Path.Combine(_data, "nieuw.csv"), "22");
        File.SetLastWriteTimeUtc(Path.Combine(_data, "nieuw.csv"), DateTime.UtcNow.AddHours(-1));

        var files = await _source.FetchAsync(Feed(_data), FetchState.None);

        Assert.Equal(["oud.csv", "nieuw.csv"], files.Select(f => f.FileName));
        Assert.Equal([1L, 2L], files.Select(f => f.Bytes));
        files[0].Complete(Result(IngestOutcome.Accepted));
        files[1].Complete(Result(IngestOutcome.Rejected));
        Assert.True(File.Exists(Path.Combine(_data, "processed", "oud.csv")));
        Assert.True(File.Exists(Path.Combine(_data, "rejected", "nieuw.csv")));
        Assert.Empty(await _source.FetchAsync(Feed(_data), FetchState.None));
    }

    [Fact]
    public async Task Fetch_File_GivesThatFileAndLeavesItInPlace()
    {
        var path = Path.Combine(_data, "gemeenten.csv");
        File.WriteAllText(path, "abc");

        var file = Assert.Single(await _source.FetchAsync(Feed(path), FetchState.None));
        file.Complete(Result(IngestOutcome.Accepted));
        await file.DisposeAsync();

        Assert.Equal((path, "gemeenten.csv", 3L), (file.Path, file.FileName, file.Bytes));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Fetch_MissingPath_ThrowsRetryable()
    {
        var error = await Assert.ThrowsAsync<FeedFetchException>(() => _source.FetchAsync(Feed(Path.Combine(_data, "weg.csv")), FetchState.None));

        Assert.True(error.Retryable);
        Assert.Contains("bestaat niet", error.Message);
    }

    [Fact]
    public async Task Fetch_OtherScheme_IsRefusedWithoutCredentialsInTheMessage()
    {
        var error = await Assert.ThrowsAsync<FeedFetchException>(() => _source.FetchAsync(Feed("ftp://jan:geheim@example.org/x.csv"), FetchState.None));

        Assert.False(error.Retryable);
        Assert.Contains("alleen http- en https-adressen", error.Message);
        Assert.DoesNotContain("geheim", error.Message);
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_temp, recursive: true);
        Directory.Delete(_data, recursive: true);
    }
}
