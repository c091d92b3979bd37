using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace Monitor.Scheduling;

/// <summary>
/// The Hangfire dashboard shows job arguments and can trigger jobs: open from loopback only, otherwise HTTP Basic
/// against Serve:DashboardUser / Serve:DashboardPassword (from the environment). Without a password remote access is refused.
/// Behind a reverse proxy on the same host every request arrives from loopback, so <paramref name="trustLoopback"/>
/// (Serve:TrustLoopback) must then be false: loopback is asked for the credentials like anyone else.
/// </summary>
public sealed class DashboardAccess(string? user, string? password, bool trustLoopback = true) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress;
        if (trustLoopback && remote is not null && IPAddress.IsLoopback(remote)) return true;
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password)) return Deny(http);

        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var sep = pair.IndexOf(':');
                if (sep > 0 && FixedEquals(pair[..sep], user) && FixedEquals(pair[(sep + 1)..], password)) return true;
            }
            catch (FormatException) { /* a malformed header is simply not authorised */ }
        }
        return Deny(http);
    }

    private static bool Deny(Microsoft.AspNetCore.Http.HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Monitor\"";
        return false;
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
