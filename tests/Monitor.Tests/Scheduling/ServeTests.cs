using Monitor.Hosting;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Monitor.Cli;
using Monitor.Tests.Support;

namespace Monitor.Tests.Scheduling;

/// <summary><c>monitor serve</c>: the Hangfire server with its dashboard and /health, on loopback.</summary>
[Collection(HangfireGlobalState.Name)]
public sealed class ServeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Serve_AnswersHealthAndDashboardOnLoopback_AndRegistersAHangfireServer()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Warehouse"] = database.ConnectionString,
            ["Serve:Urls"] = "http://127.0.0.1:0",   // any free port, bound at once: nothing can take it in between
            ["Feeds:0:Name"] = "coa", ["Feeds:0:Kind"] = "plekken", ["Feeds:0:Location"] = "https://example.org/coa.csv", ["Feeds:0:Schedule"] = "0 7 * * *",
        }).Build();
        await using var ctx = await MonitorContext.OpenAsync(config: config);
        var app = ServeVerb.BuildApp(ctx, null);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };
            Assert.NotEqual(0, http.BaseAddress.Port);
            var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
            Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Password!, await health.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/hangfire")).StatusCode);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await database.Db.ScalarAsync<long>("SELECT count(*) FROM hangfire.server") == 0 && DateTime.UtcNow < deadline)
                await Task.Delay(200);
            Assert.True(await database.Db.ScalarAsync<long>("SELECT count(*) FROM hangfire.server") > 0);
            Assert.Equal(1L, await database.Db.ScalarAsync<long>("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'feed:coa'"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            HangfireGlobalState.ResetLogProvider();
        }
    }
}
