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
        // The one container of the service: the verb's context builds none (its Services stay unbuilt), the host builds this.
        var serve = StartupSettings.Serve(ctx.Config);
        var builder = WebApplication.CreateSlimBuilder();
        ((IConfigurationBuilder)builder.Configuration).AddConfiguration(ctx.Config);
        var listen = urls ?? serve.Urls;
        builder.WebHost.UseUrls(listen);
        // DNS rebinding: a foreign Host is refused before anything answers. Cross-site POSTs: Hangfire checks the
        // antiforgery token on every dashboard action once IAntiforgery is registered (AspNetCoreDashboardMiddleware).
        builder.Services.AddHostFiltering(o =>
        {
            o.AllowedHosts = ServeHosts.Allowed(serve.AllowedHosts, listen).ToList();
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });
        builder.Services.AddAntiforgery();
        builder.Services.AddMonitorServices(ctx.Config, ctx.Db);
        builder.Services.AddMonitorHangfire(ctx.ConnectionString, serve.Workers, serve.InvisibilityTimeout);

        var app = builder.Build();
        app.UseHostFiltering();
        app.UseRequestLocalization(DashboardCulture.Options()); // issue 15: Hangfire's Dutch texts and Dutch dates
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardAccess(serve.DashboardUser, serve.DashboardPassword, serve.TrustLoopback)],
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
}
