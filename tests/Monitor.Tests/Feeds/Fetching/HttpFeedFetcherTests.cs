using Monitor.Feeds.Fetching;
using Monitor.Tests.Support;
using static Monitor.Tests.Feeds.Fetching.FetchKit;

namespace Monitor.Tests.Feeds.Fetching;

public sealed class HttpFeedFetcherTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-fetch-").FullName;

    // Timers may fire a tick early; the gaps below are measured server-side between request arrivals.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Fetch_ServerFailsThrottlesThenSucceeds_ReturnsTheCompleteContent()
    {
        await using var server = await FeedHttpServer.StartAsync(
            Reply.Status(500), Reply.Status(429, retryAfter: "1"), Reply.Reset(),
            Reply.Ok("peildatum;aantal\n2025-07-01;12\n", etag: "\"v1\"", lastModified: "Tue, 01 Jul 2025 06:00:00 GMT"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url(), maxRetries: 3), FetchState.None);

        var fetched = AssertFetched(result);
        Assert.Equal("peildatum;aantal\n2025-07-01;12\n", await File.ReadAllTextAsync(fetched.TempPath));
        Assert.Equal(new FetchState("\"v1\"", "Tue, 01 Jul 2025 06:00:00 GMT"), fetched.State);
        Assert.Equal(31, fetched.Bytes);
        Assert.Equal("feed.csv", fetched.FileName);
        Assert.Equal(4, server.Requests.Count);
        Assert.True(Gap(server.Requests, 1) >= TimeSpan.FromSeconds(1) - TimerSlack, $"429 gap {Gap(server.Requests, 1)}");
    }

    [Fact]
    public async Task Fetch_503WithRetryAfter_WaitsAtLeastThatLongBeforeTheNextAttempt()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(503, retryAfter: "1"), Reply.Ok("ok"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url()), FetchState.None);

        AssertFetched(result);
        Assert.True(Gap(server.Requests, 0) >= TimeSpan.FromSeconds(1) - TimerSlack, $"gap {Gap(server.Requests, 0)}");
    }

    [Fact]
    public async Task Fetch_RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(503, retryAfter: "3600"), Reply.Ok("ok"));
        var policy = FastPolicy(_temp);
        policy.MaxRetryAfter = TimeSpan.FromMilliseconds(100);
        using var fetcher = Fetcher(policy);

        await using var result = await fetcher.FetchAsync(Feed(server.Url()), FetchState.None);

        AssertFetched(result);
        var gap = Gap(server.Requests, 0);
        Assert.InRange(gap, TimeSpan.FromMilliseconds(100) - TimerSlack, TimeSpan.FromSeconds(30)); // the cap, not the hour asked for
    }

    [Fact]
    public async Task Fetch_WithStoredValidators_SendsThemAndReturnsNotModifiedOn304()
    {
        const string etag = "\"abc-1\"", lastModified = "Tue, 01 Jul 2025 06:00:00 GMT";
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok("a", etag, lastModified), Reply.NotModified());
        using var fetcher = Fetcher(FastPolicy(_temp));
        var feed = Feed(server.Url());

        FetchState stored;
        await using (var first = await fetcher.FetchAsync(feed, FetchState.None)) stored = AssertFetched(first).State;
        await using var second = await fetcher.FetchAsync(feed, stored);

        Assert.Equal(new FetchResult.NotModified(new FetchState(etag, lastModified)), second);
        Assert.Equal((null, null), (server.Requests[0].IfNoneMatch, server.Requests[0].IfModifiedSince));
        Assert.Equal((etag, lastModified), (server.Requests[1].IfNoneMatch, server.Requests[1].IfModifiedSince));
        Assert.Empty(Directory.GetFiles(_temp));
    }

    [Fact]
    public async Task Fetch_ContentChangedBetweenFetches_ReturnsTheNewContentAndValidators()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok("versie 1", "\"v1\""), Reply.Ok("versie 2", "\"v2\""));
        using var fetcher = Fetcher(FastPolicy(_temp));
        var feed = Feed(server.Url());

        FetchState stored;
        await using (var first = await fetcher.FetchAsync(feed, FetchState.None)) stored = AssertFetched(first).State;
        await using var second = await fetcher.FetchAsync(feed, stored);

        var fetched = AssertFetched(second);
        Assert.Equal("versie 2", await File.ReadAllTextAsync(fetched.TempPath));
        Assert.Equal("\"v2\"", fetched.State.ETag);
        Assert.Equal("\"v1\"", server.Requests[1].IfNoneMatch);
    }

    [Fact]
    public async Task Fetch_TruncatedBody_IsRetriedAndOnlyTheCompleteBodyIsReturned()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Truncated(declared: 1000, sent: 100), Reply.Ok("volledig"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url()), FetchState.None);

        Assert.Equal("volledig", await File.ReadAllTextAsync(AssertFetched(result).TempPath));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Fetch_TruncatedEveryTime_FailsRetryableAndLeavesNoPartialFile()
    {
        await using var server = await FeedHttpServer.StartAsync(
            Reply.Truncated(1000, 100), Reply.Truncated(1000, 100), Reply.Truncated(1000, 999));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url(), maxRetries: 2), FetchState.None);

        var failed = AssertFailed(result, retryable: true);
        Assert.True(failed.Reason.Contains("verbroken voordat het antwoord compleet was"), failed.Reason);
        Assert.Contains("ook na 3 pogingen", failed.Reason);
        Assert.Empty(Directory.GetFiles(_temp));
    }

    [Fact]
    public async Task Fetch_AttemptSlowerThanTheAttemptTimeout_IsAbandonedAndRetried()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Hang(TimeSpan.FromSeconds(60)), Reply.Ok("op tijd"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url(), attemptTimeout: TimeSpan.FromSeconds(1)), FetchState.None);

        Assert.Equal("op tijd", await File.ReadAllTextAsync(AssertFetched(result).TempPath));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Fetch_TotalTimeoutExpires_FailsRetryableSayingSo()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Hang(TimeSpan.FromSeconds(10)), Reply.Hang(TimeSpan.FromSeconds(10)));
        var policy = FastPolicy(_temp);
        policy.TotalTimeout = TimeSpan.FromMilliseconds(300);
        using var fetcher = Fetcher(policy);

        await using var result = await fetcher.FetchAsync(Feed(server.Url(), attemptTimeout: TimeSpan.FromSeconds(5)), FetchState.None);

        Assert.Contains("totale tijdslimiet van 300 ms", AssertFailed(result, retryable: true).Reason);
    }

    [Fact]
    public async Task Fetch_ServerErrorEveryTime_FailsRetryableAfterAllAttempts()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(500), Reply.Status(502), Reply.Status(503));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url(), maxRetries: 2), FetchState.None);

        var failed = AssertFailed(result, retryable: true);
        Assert.Contains("HTTP 503", failed.Reason);
        Assert.Contains("ook na 3 pogingen", failed.Reason);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(401)]
    public async Task Fetch_ClientError_FailsWithoutRetrying(int status)
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(status), Reply.Ok("niet gevraagd"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url()), FetchState.None);

        Assert.Contains($"HTTP {status}", AssertFailed(result, retryable: false).Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Fetch_ContentLengthAboveTheLimit_IsRefusedBeforeReadingAndNotRetried()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok(new string('x', 5000)), Reply.Ok("klein"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url(), maxBytes: 1000), FetchState.None);

        Assert.Contains("De levering is groter dan de limiet van 1000 bytes.", AssertFailed(result, retryable: false).Reason);
        Assert.Single(server.Requests);
        Assert.Empty(Directory.GetFiles(_temp));
    }

    [Fact]
    public async Task Fetch_ChunkedBodyAboveTheLimit_IsAbortedWhileStreaming()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Chunked(64 * 1024), Reply.Ok("klein"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url(), maxBytes: 10_000), FetchState.None);

        Assert.Contains("groter dan de limiet", AssertFailed(result, retryable: false).Reason);
        Assert.Single(server.Requests);
        Assert.Empty(Directory.GetFiles(_temp));
    }

    [Fact]
    public async Task Fetch_ChunkedBodyWithinTheLimit_IsReturnedWhole()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Chunked(10_000));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url(), maxBytes: 10_000), FetchState.None);

        Assert.Equal(10_000, new FileInfo(AssertFetched(result).TempPath).Length);
    }

    [Fact]
    public void TooLarge_InMegabytes_SaysMB() =>
        Assert.Equal("De levering is groter dan de limiet van 256 MB.", FetchFailures.TooLarge(256L << 20));

    [Fact]
    public async Task Fetch_Disposed_DeletesTheTempFile()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok("x"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        var result = await fetcher.FetchAsync(Feed(server.Url()), FetchState.None);
        var path = AssertFetched(result).TempPath;
        Assert.True(File.Exists(path));
        await result.DisposeAsync();

        Assert.False(File.Exists(path));
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
