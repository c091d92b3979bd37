using System.CommandLine;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Scheduling;
using Monitor.Digests.Maps;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary><c>monitor serve</c>: the long-running service with the Hangfire server, its dashboard and /health.</summary>
public static class ServeVerb
{
    public static Command Build()
    {
        var urls = new Option<string?>("--urls") { Description = "Adres(sen) om op te luisteren; standaard http://127.0.0.1:5080 (alleen deze machine)." };
        var cmd = new Command("serve", "Start de dienst: geplande feeds, berekeningen, meldingen en digests; Hangfire-dashboard op /hangfire, gezondheid op /health.")
            { urls };
        cmd.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            await using var ctx = await MonitorContext.OpenAsync();
            var app = BuildApp(ctx, pr.GetValue(urls));
            await app.StartAsync(ct);
            Console.WriteLine($"Monitor draait op {string.Join(", ", app.Urls)} (dashboard /hangfire, gezondheid /health). Stoppen met Ctrl+C.");
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static WebApplication BuildApp(MonitorContext ctx, string? urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        ((IConfigurationBuilder)builder.Configuration).AddConfiguration(ctx.Config);
        var listen = urls ?? ctx.Config["Serve:Urls"] ?? "http://127.0.0.1:5080";
        builder.WebHost.UseUrls(listen);
        // DNS rebinding: a foreign Host is refused before anything answers. Cross-site POSTs: Hangfire checks the
        // antiforgery token on every dashboard action once IAntiforgery is registered (AspNetCoreDashboardMiddleware).
        builder.Services.AddHostFiltering(o =>
        {
            o.AllowedHosts = ServeHosts.Allowed(ctx.Config["Serve:AllowedHosts"], listen).ToList();
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });
        builder.Services.AddAntiforgery();
        builder.Services.AddMonitorServices(ctx.Config, ctx.Db);
        var invisibility = ctx.Config["Serve:InvisibilityTimeout"] is { Length: > 0 } raw
            ? TimeSpan.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t
              : throw new InvalidOperationException($"Serve:InvisibilityTimeout '{raw}' is geen tijdsduur; schrijf bijvoorbeeld 00:05:00.")
            : (TimeSpan?)null;
        builder.Services.AddMonitorHangfire(ctx.ConnectionString, int.TryParse(ctx.Config["Serve:Workers"], out var w) ? w : 2, invisibility);

        var app = builder.Build();
        app.UseHostFiltering();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardAccess(ctx.Config["Serve:DashboardUser"], ctx.Config["Serve:DashboardPassword"],
                TrustLoopback(ctx.Config["Serve:TrustLoopback"]))],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Monitor – taken",
        });
        app.MapGet("/health", async (HttpContext http) =>
        {
            var (healthy, detail) = await Health.CheckAsync(ctx.Db, http.RequestAborted);
            http.Response.StatusCode = healthy ? 200 : 503;
            await http.Response.WriteAsJsonAsync(detail, http.RequestAborted);
        });
        MapEndpoint.Map(app); // issue 13: the provincie maps for Grafana's text panel
        app.Services.GetRequiredService<Schedule>().Register();
        return app;
    }

    /// <summary>Serve:TrustLoopback, default true. A value that is not true/false stops the start rather than guessing.</summary>
    private static bool TrustLoopback(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? true
        : bool.TryParse(raw, out var trust) ? trust
        : throw new InvalidOperationException($"Serve:TrustLoopback '{raw}' is geen true of false.");
}
