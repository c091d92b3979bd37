using Monitor.Feeds.Fetching;
using Monitor.Tests.Support;
using static Monitor.Tests.Feeds.Fetching.FetchKit;

namespace Monitor.Tests.Feeds.Fetching;

public sealed class FeedCircuitBreakersTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-fetch-").FullName;
    private readonly FetchPolicyOptions _policy;

    public FeedCircuitBreakersTests()
    {
        _policy = FastPolicy(_temp);
        _policy.BreakerMinimumThroughput = 2;
        _policy.BreakerFailureRatio = 1.0;
    }

    [Fact]
    public async Task Breaker_AfterRepeatedFailures_OpensAndTheNextFetchFailsFastWithoutCallingTheServer()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(500), Reply.Status(500), Reply.Ok("niet gevraagd"));
        var breakers = new FeedCircuitBreakers(_policy);
        var feed = Feed(server.Url(), maxRetries: 1);

        // Two fetchers sharing the registry: the breaker's state belongs to the feed, not to one fetcher or call.
        using (var first = new HttpFeedFetcher(breakers, _policy))
            AssertFailed(await first.FetchAsync(feed, FetchState.None), retryable: true);
        using var second = new HttpFeedFetcher(breakers, _policy);
        var result = await second.FetchAsync(feed, FetchState.None);

        var failed = AssertFailed(result, retryable: true);
        Assert.StartsWith("Feed testfeed: te veel fouten achter elkaar; nieuwe poging na ", failed.Reason);
        Assert.Matches(@"na \d\d:\d\d:\d\d\.$", failed.Reason);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Breaker_OfOneFeed_DoesNotStopAnother()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(500), Reply.Status(500), Reply.Ok("andere feed"));
        var breakers = new FeedCircuitBreakers(_policy);
        using var fetcher = new HttpFeedFetcher(breakers, _policy);

        AssertFailed(await fetcher.FetchAsync(Feed(server.Url(), maxRetries: 1, name: "kapot"), FetchState.None), retryable: true);
        await using var other = await fetcher.FetchAsync(Feed(server.Url(), name: "gezond"), FetchState.None);

        AssertFetched(other);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Breaker_AfterTheBreakDuration_LetsAProbeThrough()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(503), Reply.Status(503), Reply.Ok("hersteld"));
        _policy.BreakerBreakDuration = TimeSpan.FromMinutes(5);
        var clock = new ShiftedClock();
        using var fetcher = new HttpFeedFetcher(new FeedCircuitBreakers(_policy, clock), _policy);
        var feed = Feed(server.Url(), maxRetries: 1);

        AssertFailed(await fetcher.FetchAsync(feed, FetchState.None), retryable: true);
        clock.Advance(TimeSpan.FromMinutes(4));
        AssertFailed(await fetcher.FetchAsync(feed, FetchState.None), retryable: true);   // still in its break: nothing sent
        clock.Advance(TimeSpan.FromMinutes(1));
        await using var result = await fetcher.FetchAsync(feed, FetchState.None);

        AssertFetched(result);
        Assert.Equal(3, server.Requests.Count);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
