using Monitor.Hosting;
using System.Net;
using Microsoft.Extensions.Configuration;
using Monitor.Cli;
using Monitor.Tests.Support;

namespace Monitor.Tests.Scheduling;

/// <summary>Issue 15: the Hangfire dashboard of a started <c>monitor serve</c> speaks Dutch (Hangfire's own nl texts),
/// also to a browser that asks for English, and the page tells moment.js to show Dutch dates.</summary>
[Collection(HangfireGlobalState.Name)]
public sealed class ServeDutchDashboardTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Dashboard_IsDutch()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Warehouse"] = database.ConnectionString,
            ["Serve:Urls"] = "http://127.0.0.1:0",
            ["Serve:Workers"] = "1",
        }).Build();
        await using var ctx = await MonitorContext.OpenAsync(config: config);
        var app = ServeVerb.BuildApp(ctx, null);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
            var home = await http.GetAsync("/hangfire");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = await home.Content.ReadAsStringAsync();
            Assert.Contains("lang=\"nl\"", html);
            Assert.Contains("Mislukt", html);           // HomePage_GraphHover_Failed / the sidebar, from Hangfire's nl resources
            Assert.DoesNotContain(">Failed<", html);

            var failed = await (await http.GetAsync("/hangfire/jobs/failed")).Content.ReadAsStringAsync();
            Assert.Contains("Geen mislukte taken gevonden.", failed);
            Assert.DoesNotContain("No failed jobs found.", failed);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            HangfireGlobalState.ResetLogProvider();
        }
    }
}
