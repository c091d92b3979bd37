using Monitor.Hosting;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Monitor.Cli;
using Monitor.Scheduling;
using Monitor.Tests.Support;

namespace Monitor.Tests.Security;

/// <summary>
/// What loopback trust must not let through (issue 12, point 10): a page elsewhere whose name resolves to 127.0.0.1
/// (DNS rebinding: a foreign Host header), and a cross-site form POST from a browser on this machine. The real
/// <c>serve</c> app with Hangfire on the test PostgreSQL; every recurring job is set to never fire by itself, so each
/// job in hangfire.job was triggered by the request under test.
/// </summary>
[Collection(HangfireGlobalState.Name)]
public sealed class DashboardForgeryTests : IAsyncLifetime
{
    private const string User = "beheer";
    private const string Password = "Lang-en-Geheim-2025";
    private const string Never = "0 0 31 2 *";

    private readonly TestDatabase _database = new();
    private readonly List<(MonitorContext Context, WebApplication App)> _apps = [];

    public Task InitializeAsync() => _database.InitializeAsync();

    private async Task<HttpClient> ServeAsync(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Warehouse"] = _database.ConnectionString,
            ["Serve:DashboardUser"] = User,
            ["Serve:DashboardPassword"] = Password,
            ["Serve:Workers"] = "1",
            ["Schedule:Compute"] = Never, ["Schedule:Alerts"] = Never, ["Schedule:Digest"] = Never, ["Schedule:Outbox"] = Never,
            ["Logging:LogLevel:Default"] = "None",
        };
        foreach (var (k, v) in settings) values[k] = v;
        var context = await MonitorContext.OpenAsync(migrate: false, new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var app = ServeVerb.BuildApp(context, "http://127.0.0.1:0");
        await app.StartAsync();
        _apps.Add((context, app));
        // A cookie jar like a browser's: the dashboard's antiforgery cookie goes back with its own requests.
        return new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(app.Urls.Single()) };
    }

    private Task<long> JobsAsync() => _database.Db.ScalarAsync<long>("SELECT count(*) FROM hangfire.job");

    private static HttpRequestMessage Trigger(string job = "compute:nightly") =>
        new(HttpMethod.Post, "/hangfire/recurring/trigger") { Content = new FormUrlEncodedContent([new("jobs[]", job)]) };

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/health")]
    public async Task ForeignHostHeader_IsRefusedBeforeAnythingAnswers(string path)
    {
        using var client = await ServeAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "aanvaller.example:" + client.BaseAddress!.Port;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task LoopbackHostNames_OpenTheDashboard(string host)
    {
        using var client = await ServeAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Host = $"{host}:{client.BaseAddress!.Port}";

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ForeignHostHeader_CannotTriggerAJob()
    {
        using var client = await ServeAsync();
        var request = Trigger();
        request.Headers.Host = "aanvaller.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(0, await JobsAsync());
    }

    [Fact]
    public async Task CrossSiteFormPost_FromThisMachine_IsRefusedAndTriggersNoJob()
    {
        using var client = await ServeAsync();
        // What a page elsewhere can make the browser send: the form, from loopback, without the dashboard's token.
        var request = Trigger();
        request.Headers.Add("Origin", "https://aanvaller.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(0, await JobsAsync());
    }

    [Fact]
    public async Task DashboardsOwnButton_WithItsToken_TriggersTheJob()
    {
        using var client = await ServeAsync();
        var (header, token) = await AntiforgeryAsync(client);
        var request = Trigger();
        request.Headers.Add(header, token);

        var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.StatusCode}");
        Assert.Equal(1, await JobsAsync());
    }

    [Fact]
    public async Task TokenWithoutItsCookie_IsRefused()
    {
        using var client = await ServeAsync();
        var (header, token) = await AntiforgeryAsync(client);
        using var other = new HttpClient { BaseAddress = client.BaseAddress }; // another browser: no cookie
        var request = Trigger();
        request.Headers.Add(header, token);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.SendAsync(request)).StatusCode);
        Assert.Equal(0, await JobsAsync());
    }

    [Fact]
    public async Task LoopbackTrustSwitchedOff_AsBehindAProxyOnThisHost_AsksLoopbackForTheCredentials()
    {
        using var client = await ServeAsync(("Serve:TrustLoopback", "false"));

        var anonymous = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", Assert.Single(anonymous.Headers.WwwAuthenticate).Scheme);

        var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Trigger())).StatusCode);
        Assert.Equal(0, await JobsAsync());
    }

    [Fact]
    public async Task AllowedHosts_FromConfiguration_ReplaceTheDefault()
    {
        using var client = await ServeAsync(("Serve:AllowedHosts", "monitor.provincie.test"));
        var named = new HttpRequestMessage(HttpMethod.Get, "/health");
        named.Headers.Host = "monitor.provincie.test";

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(named)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/health")).StatusCode); // 127.0.0.1 is no longer named
    }

    [Fact]
    public void DefaultHosts_AreLoopbackAndTheNamedListenAddress_NeverAWildcard()
    {
        Assert.Equal(["localhost", "127.0.0.1", "[::1]"], ServeHosts.Allowed(null, "http://0.0.0.0:5080"));
        Assert.Equal(["localhost", "127.0.0.1", "[::1]"], ServeHosts.Allowed("", "http://*:5080;http://[::]:5081"));
        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "monitor.intern"], ServeHosts.Allowed(null, "http://monitor.intern:5080"));
        Assert.Equal(["a.test", "b.test"], ServeHosts.Allowed(" a.test ; b.test ", "http://127.0.0.1:5080"));
    }

    /// <summary>The header name and token the dashboard page gives its own buttons (and sets the matching cookie).</summary>
    private static async Task<(string Header, string Token)> AntiforgeryAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/hangfire/recurring");
        var header = Regex.Match(page, "<meta name=\"csrf-header\" content=\"([^\"]+)\"");
        var token = Regex.Match(page, "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
        Assert.True(header.Success && token.Success, "het dashboard toont geen antiforgery-token");
        return (WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    public async Task DisposeAsync()
    {
        foreach (var (context, app) in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await context.DisposeAsync();
        }
        HangfireGlobalState.ResetLogProvider();
        await _database.DisposeAsync();
    }
}
