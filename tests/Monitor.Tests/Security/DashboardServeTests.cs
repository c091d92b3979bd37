using Monitor.Hosting;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Monitor.Cli;
using Monitor.Tests.Support;

namespace Monitor.Tests.Security;

/// <summary>
/// The dashboard as <c>monitor serve</c> wires it: the real app on 127.0.0.1 with Hangfire on the test PostgreSQL.
/// A remote client is simulated by a middleware of this test app only, which sets the peer address from a test header.
/// </summary>
[Collection(HangfireGlobalState.Name)]
public sealed class DashboardServeTests : IAsyncLifetime
{
    private const string User = "beheer";
    private const string Password = "Lang-en-Geheim-2025";
    private const string PretendPeer = "X-Test-Peer";

    private readonly TestDatabase _database = new();
    private MonitorContext _context = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Warehouse"] = _database.ConnectionString,
            ["Serve:DashboardUser"] = User,
            ["Serve:DashboardPassword"] = Password,
            ["Serve:Workers"] = "1",
            ["Logging:LogLevel:Default"] = "None",
        }).Build();
        _context = await MonitorContext.OpenAsync(migrate: false, config);
        _app = ServeVerb.BuildApp(_context, "http://127.0.0.1:0");
        _app.Use((http, next) =>
        {
            if (http.Request.Headers.TryGetValue(PretendPeer, out var peer)) http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return next(http);
        });
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? peer = null, string? credentials = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (peer is not null) request.Headers.Add(PretendPeer, peer);
        if (credentials is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Dashboard_FromThisMachine_Opens() =>
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/hangfire")).StatusCode);

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/enqueued")]
    [InlineData("/hangfire/recurring")]
    public async Task Dashboard_FromElsewhereWithoutCredentials_Is401WithABasicChallenge(string path)
    {
        var response = await GetAsync(path, peer: "203.0.113.7");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_FromElsewhereWithTheCredentials_Opens() =>
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/hangfire", "203.0.113.7", $"{User}:{Password}")).StatusCode);

    [Fact]
    public async Task Dashboard_FromElsewhereWithAWrongPassword_Is401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/hangfire", "203.0.113.7", $"{User}:raden")).StatusCode);

    [Fact]
    public async Task TriggeringAJob_FromElsewhereWithoutCredentials_IsRefused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
            { Content = new FormUrlEncodedContent([new("jobs[]", "compute:nightly")]) };
        request.Headers.Add(PretendPeer, "203.0.113.7");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(request)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        HangfireGlobalState.ResetLogProvider();
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }
}
