using Monitor.Feeds.Fetching;
using Monitor.Tests.Support;
using static Monitor.Tests.Feeds.Fetching.FetchKit;

namespace Monitor.Tests.Security;

/// <summary>
/// Feeds are fetched only from their configured location: a redirect may move within the same origin (scheme, host and
/// port), nowhere else. Another host is in HttpFeedFetcherLocationTests; these are the other ways off the origin.
/// </summary>
public sealed class FeedLocationTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-fetch-").FullName;

    private static string[] Elsewhere(int port) =>
    [
        $"http://127.0.0.1:{port + 1}/feed.csv", // another port of the same host: another service
        $"https://127.0.0.1:{port}/feed.csv",    // another scheme
        "file:///etc/passwd",
        "ftp://127.0.0.1/feed.csv",
        "//169.254.169.254/latest/meta-data/",   // scheme-relative: the cloud metadata service
    ];

    [Fact]
    public async Task Fetch_RedirectOffTheOrigin_IsRefusedAndNotFollowed()
    {
        await using var server = await FeedHttpServer.StartAsync();
        using var fetcher = Fetcher(FastPolicy(_temp));
        foreach (var target in Elsewhere(server.BaseAddress.Port))
        {
            // Only the redirect is scripted: were it followed to this server, the extra request would be counted.
            server.Enqueue(Reply.Redirect(target));
            var before = server.Requests.Count;

            await using var result = await fetcher.FetchAsync(Feed(server.Url(), maxRetries: 0), FetchState.None);

            Assert.Contains("andere host", AssertFailed(result, retryable: false).Reason);
            Assert.Equal(before + 1, server.Requests.Count);
        }
    }

    [Fact]
    public async Task Fetch_CredentialsInTheLocation_AreNotSentAlongARedirect()
    {
        await using var server = await FeedHttpServer.StartAsync();
        server.Enqueue(Reply.Redirect($"http://localhost:{server.BaseAddress.Port}/elders.csv"));
        using var fetcher = Fetcher(FastPolicy(_temp));
        var location = new UriBuilder(server.Url()) { UserName = "jan", Password = "geheim" }.Uri.AbsoluteUri;

        await using var result = await fetcher.FetchAsync(Feed(location, maxRetries: 0), FetchState.None);

        AssertFailed(result, retryable: false);
        var only = Assert.Single(server.Requests);
        Assert.NotNull(only.Authorization); // to the configured location, and to nothing after it
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
