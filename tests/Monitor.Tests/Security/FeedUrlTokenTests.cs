using Dapper;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Tests.Feeds.Fetching;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Security;

/// <summary>
/// A token in a feed URL (issue 12, point 11): <c>?apikey=…</c> must not reach retry warnings, the stored source,
/// the problems of a rejection or Grafana's views. Rows stored before the fix are redacted in place (migration 0050).
/// </summary>
public sealed class FeedUrlTokenTests : IAsyncLifetime
{
    private const string Token = "tk-8f3a9c71e2";
    private readonly ReferenceDatabase _database = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-token-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    [Theory]
    [InlineData("https://data.example.org/plekken.csv?apikey=" + Token, "https://data.example.org/plekken.csv?apikey=***")]
    [InlineData("https://data.example.org/p.csv?wk=27&token=" + Token + "#x", "https://data.example.org/p.csv?wk=***&token=***#x")]
    [InlineData("https://jan:geheim@data.example.org:8443/p.csv?key=" + Token, "https://***@data.example.org:8443/p.csv?key=***")]
    [InlineData("https://data.example.org/p.csv?" + Token, "https://data.example.org/p.csv?***")]
    [InlineData("https://data.example.org/p.csv?leeg=&x", "https://data.example.org/p.csv?leeg=&***")]
    [InlineData("https://data.example.org/p.csv", "https://data.example.org/p.csv")]
    public async Task Redact_MasksQueryValuesAndUserInfo_InCSharpAndInTheDatabaseAlike(string url, string expected)
    {
        Assert.Equal(expected, Redaction.Redact(new Uri(url)));
        Assert.Equal(expected, Redaction.Redact(url));
        Assert.Equal(expected, await _database.Db.ScalarAsync<string>("SELECT monitor.redact_url(@url)", new { url }));
    }

    [Theory]
    [InlineData("/data/feeds/plekken.csv?.csv")]   // a file path is not a URL: nothing to redact
    [InlineData("C:\\feeds\\plekken.csv")]
    public async Task Redact_LeavesFilePathsAlone(string path)
    {
        Assert.Equal(path, Redaction.Redact(path));
        Assert.Equal(path, await _database.Db.ScalarAsync<string>("SELECT monitor.redact_url(@path)", new { path }));
    }

    [Fact]
    public void Secrets_ScrubsQueryValuesOfAnyUrlInAMessage() =>
        Assert.Equal("kon https://h.example/p.csv?apikey=***&wk=*** niet lezen; token=x blijft",
            Secrets.Scrub($"kon https://h.example/p.csv?apikey={Token}&wk=27 niet lezen; token=x blijft"));

    [Fact]
    public async Task RetryWarningsAndTheFailure_NeverShowTheToken()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Status(500), Reply.Reset(), Reply.Status(404));
        var logger = new ListLogger<HttpFeedFetcher>();
        using var fetcher = FetchKit.Fetcher(FetchKit.FastPolicy(_temp), logger);

        await using var result = await fetcher.FetchAsync(FetchKit.Feed($"http://127.0.0.1:{server.BaseAddress.Port}/p.csv?apikey={Token}"), FetchState.None);

        var failed = FetchKit.AssertFailed(result, retryable: false);
        Assert.DoesNotContain(Token, failed.Reason);
        Assert.Contains("?apikey=***", failed.Reason);
        Assert.Equal(3, logger.Messages.Count); // two retry warnings and the final failure
        Assert.All(logger.Messages, m => Assert.DoesNotContain(Token, m));
        Assert.All(logger.Messages, m => Assert.Contains("apikey=***", m));
        Assert.All(server.Requests, r => Assert.Contains(Token, r.PathAndQuery)); // the server still got its token
    }

    [Fact]
    public async Task RejectedDeliveryFromAUrlWithAToken_StoresAndShowsItRedacted()
    {
        await using var server = await FeedHttpServer.StartAsync(Reply.Ok("geen,kolommen\n1,2\n"));
        var runner = new FeedRunner(_database.Db, new FeedSource(FetchKit.Fetcher(FetchKit.FastPolicy(_temp)), new DropFolderOptions()));
        var url = $"http://127.0.0.1:{server.BaseAddress.Port}/plekken.csv?apikey={Token}";

        var result = Assert.Single(await runner.RunAsync(new FeedOptions { Name = "coa", Kind = "plekken", Location = url }, CancellationToken.None));

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        var stored = await _database.Db.ScalarAsync<string>("SELECT source || ' ' || problems::text FROM monitor.deliveries WHERE feed = 'coa'");
        Assert.DoesNotContain(Token, stored);
        Assert.Contains("apikey=***", stored);
        Assert.DoesNotContain(Token, await _database.Db.ScalarAsync<string>("SELECT string_agg(bron, ' ') FROM grafana.leveringen WHERE feed = 'coa'"));
        Assert.DoesNotContain(Token, await _database.Db.ScalarAsync<string>("SELECT string_agg(bron || ' ' || coalesce(bestand, ''), ' ') FROM grafana.afkeuringen WHERE feed = 'coa'"));
    }

    [Fact]
    public async Task AnyWriterOfADeliveryRow_HasItsSourceRedacted()
    {
        await _database.Db.ScalarAsync<long>("""
            INSERT INTO monitor.deliveries (feed, kind, source, size_bytes, sha256) VALUES ('coa', 'plekken', @source, 1, '\x00') RETURNING id
            """, new { source = $"https://data.example.org/p.csv?apikey={Token}" });

        Assert.Equal("https://data.example.org/p.csv?apikey=***", await _database.Db.ScalarAsync<string>("SELECT bron FROM grafana.leveringen WHERE feed = 'coa'"));
    }

    [Fact]
    public async Task RowsStoredBeforeTheFix_AreRedactedInPlaceByTheMigration()
    {
        // A row as the Monitor stored it before migration 0050: the trigger did not exist yet, so it is held off here.
        await using (var conn = await _database.Db.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("ALTER TABLE monitor.deliveries DISABLE TRIGGER deliveries_redact_source");
            await conn.ExecuteAsync("""
                INSERT INTO monitor.deliveries (feed, kind, source, size_bytes, sha256, outcome, problems)
                VALUES ('coa', 'plekken', @source, 1, '\x00', 'rejected', jsonb_build_array(jsonb_build_object('file', @file, 'line', 1, 'message', 'kapot')));
                INSERT INTO monitor.deliveries (feed, kind, source, size_bytes, sha256) VALUES ('map', 'plekken', '/data/in/plekken.csv', 1, '\x01');
                """, new { source = $"https://jan:pw12345@data.example.org/plekken.csv?apikey={Token}", file = $"plekken.csv?apikey={Token}" });
            await conn.ExecuteAsync("ALTER TABLE monitor.deliveries ENABLE TRIGGER deliveries_redact_source");
        }

        await _database.Db.ScalarAsync<int>(MigrationUpdate() + " RETURNING 1");

        var rows = (await _database.Db.QueryAsync<string>("SELECT bron || ' ' || bestand FROM grafana.afkeuringen WHERE feed = 'coa'")).Single();
        Assert.Equal("https://***@data.example.org/plekken.csv?apikey=*** plekken.csv?apikey=***", rows);
        Assert.Equal("/data/in/plekken.csv", await _database.Db.ScalarAsync<string>("SELECT source FROM monitor.deliveries WHERE feed = 'map'"));
    }

    /// <summary>The UPDATE of migration 0050 exactly as it is written, run again on the rows of this test.</summary>
    private static string MigrationUpdate()
    {
        var sql = File.ReadAllText(Path.Combine(RepoPaths.Root, "sql", "migrations", "0050_redact_feed_urls.sql"));
        var start = sql.IndexOf("UPDATE monitor.deliveries", StringComparison.Ordinal);
        return sql[start..sql.IndexOf(';', start)];
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_temp, recursive: true);
    }
}
