using Microsoft.AspNetCore.Http;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Feeds.Loading;
using Monitor.Tests.Feeds.Fetching;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Corpus;

/// <summary>Takes one corpus file through its route into the warehouse and checks what the manifest promises.</summary>
public sealed class CorpusRun(NpgsqlDataSource db, string temp)
{
    public static string CommittedPath(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", "Files", name);

    /// <summary>The file on disk: committed, or generated now (outside any memory measurement).</summary>
    public string Prepare(CorpusCase c)
    {
        if (c.Generate is null) return CommittedPath(c.Name);
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(temp, Guid.NewGuid().ToString("N"))).FullName, c.Name);
        c.Generate(path);
        return path;
    }

    /// <summary>Runs the case (inside <paramref name="around"/>, to measure it) and checks it; returns what the user was told.</summary>
    public async Task<string> CheckAsync(CorpusCase c, string path, Func<Func<Task>, Task>? around = null)
    {
        var before = await db.FingerprintAsync();
        var deliveries = await db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries");
        around ??= run => run();
        switch (c.Outcome)
        {
            case Expected.Refused:
                FeedFetchException? refused = null;
                await around(async () => refused = await Assert.ThrowsAsync<FeedFetchException>(() => FetchAndLoadAsync(c, path)));
                Assert.Contains(c.Fragment, refused!.Message);
                Assert.Equal(deliveries, await db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries"));
                Assert.Equal(before, await db.FingerprintAsync());
                return refused.Message;
            case Expected.Rejected:
                IngestResult rejected = null!;
                await around(async () => rejected = await LoadAsync(c, path));
                AssertRejected(c, rejected);
                Assert.Equal(before, await db.FingerprintAsync());
                Assert.Equal("rejected", await db.ScalarAsync<string>("SELECT outcome FROM monitor.deliveries WHERE id = @id", new { id = rejected.DeliveryId }));
                return string.Join("\n", rejected.Problems);
            default:
                IngestResult accepted = null!;
                await around(async () => accepted = await LoadAsync(c, path));
                Assert.True(accepted.Outcome == IngestOutcome.Accepted, $"{c.Name} afgewezen:\n{string.Join("\n", accepted.Problems)}");
                await c.Verify!(db);
                return $"geaccepteerd, {accepted.RowsLoaded} regels geladen";
        }
    }

    private static void AssertRejected(CorpusCase c, IngestResult result)
    {
        var problems = string.Join("\n", result.Problems);
        Assert.True(result.Outcome == IngestOutcome.Rejected, $"{c.Name}: {result.Outcome}, verwacht Rejected");
        Assert.All(result.Problems, p => Assert.Equal(c.Name, p.File));
        // Whatever the delivery holds, its problems print no character a terminal would obey or a reader cannot see.
        Assert.All(result.Problems, p => Assert.False(p.ToString().Any(char.IsControl), p.ToString()));
        var problem = result.Problems.FirstOrDefault(p => p.Message.Contains(c.Fragment))
                      ?? throw new Xunit.Sdk.XunitException($"{c.Name}: geen probleem met \"{c.Fragment}\"; wel:\n{problems}");
        Assert.True(problem.Line == c.Line, $"{c.Name}: regel {problem.Line?.ToString() ?? "geen"}, verwacht {c.Line?.ToString() ?? "geen"}: {problem}");
        Assert.True(problem.Column == c.Column, $"{c.Name}: kolom {problem.Column ?? "geen"}, verwacht {c.Column ?? "geen"}: {problem}");
    }

    private Task<IngestResult> LoadAsync(CorpusCase c, string path) =>
        new DeliveryLoader(db).IngestAsync(new IngestRequest(path, c.Kind, c.Feed, path) { UnconfiguredFeed = c.UnconfiguredFeed is not null });

    /// <summary>Through the feed runner, as a scheduled feed would: from a local HTTP server or a drop folder.</summary>
    private async Task FetchAndLoadAsync(CorpusCase c, string path)
    {
        using var http = FetchKit.Fetcher(FetchKit.FastPolicy(temp));
        var runner = new FeedRunner(db, new FeedSource(http, new DropFolderOptions { SettleTime = TimeSpan.Zero }));
        var feed = new FeedOptions { Name = c.Feed, Kind = c.Kind, MaxBytes = CorpusCases.FeedLimitBytes, MaxRetries = 0 };
        if (c.Route == Route.HttpFeed)
        {
            await using var server = await FeedHttpServer.StartAsync(ServeWithoutLength(path));
            feed.Location = server.Url("/" + c.Name);
            await runner.RunAsync(feed, CancellationToken.None);
            return;
        }
        var folder = Directory.CreateDirectory(Path.Combine(temp, "map-" + Guid.NewGuid().ToString("N"))).FullName;
        var dropped = Path.Combine(folder, c.Name);
        File.Copy(path, dropped);
        File.SetLastWriteTimeUtc(dropped, DateTime.UtcNow.AddMinutes(-10));
        feed.Location = folder;
        try
        {
            await runner.RunAsync(feed, CancellationToken.None);
        }
        finally
        {
            // Set aside with its reason, so it does not block the next delivery in the folder.
            Assert.True(File.Exists(Path.Combine(folder, DropFolder.Rejected, c.Name)), "niet naar rejected/ verplaatst");
            Assert.Contains(c.Fragment, await File.ReadAllTextAsync(Path.Combine(folder, DropFolder.Rejected, c.Name + DropFolder.ProblemsSuffix)));
        }
    }

    /// <summary>Streams the file without a Content-Length, so the limit can only be enforced while downloading.</summary>
    private static Func<HttpContext, Task> ServeWithoutLength(string path) => async ctx =>
    {
        ctx.Response.ContentType = "text/csv";
        await using var file = File.OpenRead(path);
        await file.CopyToAsync(ctx.Response.Body, ctx.RequestAborted);
    };
}
