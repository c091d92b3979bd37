using System.Net;
using System.Text;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Scheduling;

namespace Monitor.Tests.Security;

/// <summary>The Hangfire dashboard filter: open from this machine, Basic credentials from anywhere else, never without.</summary>
public sealed class DashboardAccessTests
{
    private const string User = "beheer";
    private const string Password = "Lang-en-Geheim-2025";
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    /// <summary>The filter reads only the HTTP context; the storage is never touched.</summary>
    private sealed class NoStorage : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() => throw new NotSupportedException();
        public override IStorageConnection GetConnection() => throw new NotSupportedException();
    }

    private static (bool Allowed, HttpContext Http) Ask(IPAddress? from, string? authorization = null, string? user = User, string? password = Password,
        Action<HttpContext>? more = null)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = from;
        if (authorization is not null) http.Request.Headers.Authorization = authorization;
        more?.Invoke(http);
        var context = new AspNetCoreDashboardContext(new NoStorage(), new DashboardOptions(), http);
        return (new DashboardAccess(user, password).Authorize(context), http);
    }

    private static string Basic(string pair) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    public void Loopback_IsAllowedWithoutCredentials(string address) =>
        Assert.True(Ask(IPAddress.Parse(address), user: null, password: null).Allowed);

    [Fact]
    public void LoopbackOnADualStackSocket_IsAllowed()
    {
        // Kestrel on [::] reports a local IPv4 client as ::ffff:127.0.0.1.
        Assert.True(Ask(IPAddress.Parse("127.0.0.1").MapToIPv6(), user: null, password: null).Allowed);
    }

    [Fact]
    public void Remote_WithoutCredentials_IsDeniedAndAskedForThem()
    {
        var (allowed, http) = Ask(Remote);

        Assert.False(allowed);
        Assert.Equal("Basic realm=\"Monitor\"", http.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public void Remote_WithTheConfiguredCredentials_IsAllowed() =>
        Assert.True(Ask(Remote, Basic($"{User}:{Password}")).Allowed);

    [Theory]
    [InlineData(User + ":fout")]
    [InlineData("iemand:" + Password)]
    [InlineData(User + ":" + Password + "x")]
    [InlineData(User)]
    [InlineData(":" + Password)]
    [InlineData("")]
    public void Remote_WithWrongCredentials_IsDenied(string pair) =>
        Assert.False(Ask(Remote, Basic(pair)).Allowed);

    [Theory]
    [InlineData("Basic ***niet-base64***")]
    [InlineData("Bearer " + Password)]
    [InlineData(User + ":" + Password)]
    public void Remote_WithAMalformedHeader_IsDenied(string authorization) =>
        Assert.False(Ask(Remote, authorization).Allowed);

    [Theory]
    [InlineData(null, null)]
    [InlineData(User, null)]
    [InlineData(User, "")]
    [InlineData(null, Password)]
    public void Remote_WhenNoCredentialsAreConfigured_IsDeniedWhateverItSends(string? user, string? password)
    {
        Assert.False(Ask(Remote, Basic($"{user}:{password}"), user, password).Allowed);
        Assert.False(Ask(Remote, Basic(":"), user, password).Allowed);
    }

    [Fact]
    public void Remote_ClaimingLoopbackInAForwardedHeader_IsStillRemote() =>
        Assert.False(Ask(Remote, more: h => h.Request.Headers["X-Forwarded-For"] = "127.0.0.1").Allowed);

    [Fact]
    public void UnknownPeer_IsTreatedAsRemote() =>
        Assert.False(Ask(from: null).Allowed);
}
