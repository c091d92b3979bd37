using Monitor.Clock;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Alerts;
using Monitor.Digests;
using Monitor.Hosting;
using Monitor.Outbox;

namespace Monitor.Cli;

/// <summary>What the demo does after loading: compute, alerts, digests, the outbox, and where to look next.</summary>
public static class DemoOutputs
{
    public static async Task<int> RunAsync(MonitorContext ctx, CancellationToken ct)
    {
        var runStarted = DateTimeOffset.UtcNow;
        Console.WriteLine();
        await ComputeVerb.RunAsync(ctx, full: false, until: null, ct);

        // Alerts fire after a pending period of a day (Alerts:ForDays): the demo evaluates yesterday and today, as the
        // daily job would have, so the early warnings of a first run are not all still "wachtend".
        var today = AmsterdamDate.Today();
        var alerts = ctx.Services.GetRequiredService<AlertRunner>();
        AlertRunResult? last = null;
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            try { last = await alerts.RunAsync(day, CliDates.EndOf(day), ct); }
            catch (InvalidOperationException e) { Console.WriteLine($"Meldingen {day:yyyy-MM-dd}: {e.Message}"); }
        }
        if (last is not null)
            Console.WriteLine($"Meldingen op {last.Date:yyyy-MM-dd}: {last.Open} open, waarvan {last.Firing} actief; {last.Messages} e-mail(s) samengesteld.");

        var digests = ctx.Services.GetRequiredService<DigestRunner>();
        foreach (var p in await digests.ProvinciesAsync(null, send: true, ct))
        {
            var r = await digests.QueueAsync(p, today, DateTimeOffset.UtcNow, ct);
            if (r.OutboxId is null) Console.WriteLine($"Weekoverzicht {p}: {r.Note}.");
        }
        var transports = ctx.Services.GetRequiredService<MailTransportFactory>();
        var exit = await AlertVerbs.SendOutbox(ctx, ct);
        // Issue 13: what each kind of reader got from this run, so a change in rules or defaults shows in the count.
        var perRole = await OutboxCounts.PerRoleAsync(ctx.Db, runStarted, ct);
        Console.WriteLine("E-mails per rol in deze run: " + (perRole.Count == 0 ? "geen" :
            string.Join(", ", perRole.Select(r => $"{r.Rol} {r.Berichten} ({(r.Soort == "alert" ? "meldingen" : "overzichten")})"))) + ".");
        if (!transports.UsesSmtp)
            Console.WriteLine($"Geen SMTP-server ingesteld (Smtp:Host): berichten staan als .eml in {Path.GetFullPath(ctx.Services.GetRequiredService<OutboxOptions>().Folder)}, " +
                              "de weekoverzichten ook als .html met hun grafieken (open ze in een browser).");

        Console.WriteLine();
        Console.WriteLine("Verder kijken:");
        Console.WriteLine("  ./monitor gaps --provincie PV30            gaten en prognoses van Noord-Brabant, per opgave");
        Console.WriteLine("  ./monitor gaps --regio RHVB --format csv   Hart van Brabant, als CSV voor scripts");
        Console.WriteLine("  ./monitor alerts list --open               de open vroege waarschuwingen");
        Console.WriteLine("  ./monitor serve                            de dienst met Hangfire-dashboard op http://127.0.0.1:5080/hangfire");
        Console.WriteLine("  docker compose --profile demo up -d        Grafana met de dashboards, Mailpit en deze voorbeelden (zie README)");
        return exit;
    }
}
