using Monitor.Feeds.Fetching;
using Monitor.Tests.Support;
using static Monitor.Tests.Feeds.Fetching.FetchKit;

namespace Monitor.Tests.Feeds.Fetching;

/// <summary>Only the configured location is fetched, and the download gets a sensible name.</summary>
public sealed class HttpFeedFetcherLocationTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-fetch-").FullName;

    [Fact]
    public async Task Fetch_RedirectWithinTheSameOrigin_IsFollowed()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Redirect("/v2/plekken.csv"), Reply.Ok("nieuw adres"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url("/plekken.csv")), FetchState.None);

        var fetched = AssertFetched(result);
        Assert.Equal("nieuw adres", await File.ReadAllTextAsync(fetched.TempPath));
        Assert.Equal(["/plekken.csv", "/v2/plekken.csv"], server.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(server.Url("/v2/plekken.csv"), fetched.Source);
    }

    [Fact]
    public async Task Fetch_RedirectToAnotherHost_IsRefusedAndNotFollowed()
    {
        await using var server = await FeedHttpServer.StartAsync();
        // Same server under another host name: following it would fetch something other than the configured location.
        server.Enqueue(Reply.Redirect($"http://localhost:{server.BaseAddress.Port}/elders.csv"), Reply.Ok("elders"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url()), FetchState.None);

        Assert.Contains("andere host", AssertFailed(result, retryable: false).Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Fetch_EndlessRedirects_StopAtTheLimit()
    {
        await using var server = await FeedHttpServer.StartAsync(Enumerable.Repeat(Reply.Redirect("/rondje"), 10).ToArray());
        var policy = FastPolicy(_temp);
        policy.MaxRedirects = 3;
        using var fetcher = Fetcher(policy);

        await using var result = await fetcher.FetchAsync(Feed(server.Url()), FetchState.None);

        Assert.Contains("Meer dan 3 doorverwijzingen", AssertFailed(result, retryable: false).Reason);
        Assert.Equal(4, server.Requests.Count);
    }

    [Theory]
    [InlineData("ftp://example.org/plekken.csv")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/data/plekken.csv")]
    public async Task Fetch_NotAnHttpUrl_IsRefused(string location)
    {
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(location), FetchState.None);

        Assert.Contains("alleen http- en https-adressen", AssertFailed(result, retryable: false).Reason);
    }

    [Fact]
    public async Task Fetch_ContentDisposition_NamesTheFileButCannotNameAPath()
    {
        await using var server = await FeedHttpServer.StartAsync(
            Reply.Ok("x", contentDisposition: "attachment; filename=\"../../plekken 2025.csv\""));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url("/export?id=7")), FetchState.None);

        Assert.Equal("plekken 2025.csv", AssertFetched(result).FileName);
    }

    [Fact]
    public async Task Fetch_NameWithoutExtension_GetsOneFromTheMediaType()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok("[]", contentType: "application/json; charset=utf-8"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed(server.Url("/api/plekken")), FetchState.None);

        Assert.Equal("plekken.json", AssertFetched(result).FileName);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
