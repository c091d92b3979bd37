using System.Text;
using Monitor.Feeds.Fetching;
using Monitor.Tests.Support;
using static Monitor.Tests.Feeds.Fetching.FetchKit;

namespace Monitor.Tests.Feeds.Fetching;

public sealed class RedactionTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-fetch-").FullName;

    [Theory]
    [InlineData("https://jan:geheim@data.example.org:8443/plekken.csv?wk=27", "https://***@data.example.org:8443/plekken.csv?wk=***")]
    [InlineData("https://jan@data.example.org/plekken.csv", "https://***@data.example.org/plekken.csv")]
    [InlineData("http://data.example.org/plekken.csv", "http://data.example.org/plekken.csv")]
    public void Redact_Uri_MasksUserInfoAndKeepsTheRest(string url, string expected) =>
        Assert.Equal(expected, Redaction.Redact(new Uri(url)));

    [Theory]
    [InlineData("sftp://jan:geheim@host/x", "sftp://***@host/x")]
    [InlineData("http://jan:ge heim@bad host/x", "http://***@bad host/x")]
    [InlineData("/data/plekken.csv", "/data/plekken.csv")]
    public void Redact_LocationText_MasksUserInfoEvenWhenItDoesNotParse(string location, string expected) =>
        Assert.Equal(expected, Redaction.Redact(location));

    [Fact]
    public void Scrub_MessageQuotingTheCredentials_HasThemMasked() =>
        Assert.Equal("fout bij *** voor ***", Redaction.Scrub("fout bij jan:p%40ss1 voor p@ss1", new Uri("https://jan:p%40ss1@host/")));

    [Fact]
    public async Task Fetch_UrlWithCredentials_SendsThemAsBasicAuthButNeverInMessagesOrLogs()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(500), Reply.Reset(), Reply.Status(404));
        var logger = new ListLogger<HttpFeedFetcher>();
        using var fetcher = Fetcher(FastPolicy(_temp), logger);
        var url = $"http://jan:geheim123@127.0.0.1:{server.BaseAddress.Port}/plekken.csv";

        await using var result = await fetcher.FetchAsync(Feed(url), FetchState.None);

        var failed = AssertFailed(result, retryable: false);
        Assert.Contains($"http://***@127.0.0.1:{server.BaseAddress.Port}/plekken.csv", failed.Reason);
        Assert.DoesNotContain("geheim123", failed.Reason);
        Assert.Equal(3, logger.Messages.Count); // two retries and the final failure
        Assert.All(logger.Messages, m => Assert.DoesNotContain("geheim123", m));
        Assert.All(logger.Messages, m => Assert.Contains("***@", m));
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("jan:geheim123"));
        Assert.All(server.Requests, r => Assert.Equal(basic, r.Authorization));
    }

    [Fact]
    public async Task Fetch_UrlWithCredentials_RecordsTheSourceRedacted()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok("x"));
        using var fetcher = Fetcher(FastPolicy(_temp));

        await using var result = await fetcher.FetchAsync(Feed($"http://jan:geheim123@127.0.0.1:{server.BaseAddress.Port}/p.csv"), FetchState.None);

        Assert.Equal($"http://***@127.0.0.1:{server.BaseAddress.Port}/p.csv", AssertFetched(result).Source);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
