using Monitor.Clock;
using System.CommandLine;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Alerts;
using Monitor.Hosting;
using Monitor.Outbox;

namespace Monitor.Cli;

/// <summary><c>monitor alerts run|list|silence</c>: the early warnings by hand (the service runs them daily and after each computation).</summary>
public static class AlertVerbs
{
    public static Command Build()
    {
        var alerts = new Command("alerts", "Vroegtijdige waarschuwingen: beoordelen, bekijken, stilzetten.");
        alerts.Subcommands.Add(Run());
        alerts.Subcommands.Add(List());
        alerts.Subcommands.Add(Silence());
        return alerts;
    }

    private static Command Run()
    {
        var now = new Option<string?>("--datum", "--now") { Description = "Beoordeel alsof het deze dag is (JJJJ-MM-DD), bijvoorbeeld een week in mei 2025. Standaard: vandaag." };
        var cmd = new Command("run", "Beoordeelt de regels voor één dag, werkt de meldingen bij en verstuurt wat er te melden is (één bericht per ontvanger).") { now };
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) => await CliErrors.Guard(async () =>
        {
            var date = pr.GetValue(now) is { } text ? CliDates.Parse(text, "--datum") : AmsterdamDate.Today();
            if (date > AmsterdamDate.Today()) throw new ArgumentException($"--now {date:yyyy-MM-dd} ligt in de toekomst.");
            await using var ctx = await MonitorContext.OpenAsync();
            var r = await ctx.Services.GetRequiredService<AlertRunner>().RunAsync(date, CliDates.EndOf(date), ct);
            Console.WriteLine($"Meldingen op {r.Date:yyyy-MM-dd}: {r.Conditions} regel(s) van toepassing, {r.Open} open waarvan {r.Firing} actief; " +
                              $"{r.Notices} melding(en) in {r.Messages} bericht(en).");
            if (r.WithoutData > 0)
                Console.Error.WriteLine($"Let op: {r.WithoutData} open melding(en) zonder actuele cijfers (ouder dan Alerts:MaxDataAgeDays); ongewijzigd gelaten.");
            foreach (var u in r.Unaddressed) Console.Error.WriteLine($"Let op: geen contact in monitor.contacten voor {u}.");
            foreach (var u in r.Unaddressable ?? []) Console.Error.WriteLine($"Let op: niet verstuurd aan {u}; gemeld aan de operators.");
            return await SendOutbox(ctx, ct);
        }));
        return cmd;
    }

    internal static async Task<int> SendOutbox(MonitorContext ctx, CancellationToken ct, string? folder = null)
    {
        var transports = ctx.Services.GetRequiredService<MailTransportFactory>();
        var s = await ctx.Services.GetRequiredService<OutboxSender>().SendDueAsync(DateTimeOffset.UtcNow, ct, folder);
        if (s.Sent > 0) Console.WriteLine($"Verzonden via {(folder is null ? transports.Describe() : "map " + Path.GetFullPath(folder))}: {s.Sent} bericht(en).");
        if (s.Retrying + s.Failed == 0) return ExitCodes.Ok;
        Console.Error.WriteLine($"Niet verzonden: {s.Retrying} bericht(en) wachten op een nieuwe poging, {s.Failed} opgegeven; {s.StillPending} in de outbox. " +
                                "Niets gaat verloren: de volgende run (of de dienst) probeert opnieuw.");
        return ExitCodes.Failure;
    }

    private sealed record Line(long AlertId, string Regel, string Gebiedcode, string Gebiednaam, string Opgave, string Status, string Ernst,
        string Samenvatting, string Ontvangers, DateOnly Gestart, DateOnly? StilTot, string? StilReden);

    private static Command List()
    {
        var open = new Option<bool>("--open") { Description = "Alleen wachtende en actieve meldingen." };
        var cmd = new Command("list", "Toont de meldingen (zoals het Grafana-dashboard Meldingen).") { open };
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) => await CliErrors.Guard(async () =>
        {
            await using var ctx = await MonitorContext.OpenAsync();
            await using var conn = await ctx.Db.OpenConnectionAsync(ct);
            var rows = (await conn.QueryAsync<Line>("""
                SELECT alert_id AS alertid, regel, gebiedcode, gebiednaam, opgave, status, ernst, samenvatting, ontvangers,
                       (gestart AT TIME ZONE 'Europe/Amsterdam')::date AS gestart,
                       (stil_tot AT TIME ZONE 'Europe/Amsterdam')::date AS stiltot, stil_reden AS stilreden
                FROM grafana.alerts WHERE NOT (@onlyOpen AND status = 'opgelost')
                ORDER BY status = 'opgelost', gestart DESC, alert_id DESC
                """, new { onlyOpen = pr.GetValue(open) })).ToList();
            if (rows.Count == 0) { Console.WriteLine(pr.GetValue(open) ? "Geen open meldingen." : "Geen meldingen."); return ExitCodes.Ok; }
            foreach (var r in rows)
            {
                var stil = r.StilTot is { } t ? $"  [stil tot {t:yyyy-MM-dd}: {r.StilReden}]" : "";
                Console.WriteLine($"{r.AlertId,6}  {r.Status,-8}  {r.Ernst,-12}  {r.Regel} {r.Gebiedcode} {r.Opgave}  sinds {r.Gestart:yyyy-MM-dd}{stil}");
                Console.WriteLine($"        {r.Samenvatting}");
                Console.WriteLine($"        aan: {r.Ontvangers}");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Silence()
    {
        var id = new Option<long>("--id") { Description = "Het nummer van de melding (zie monitor alerts list).", Required = true };
        var until = new Option<string>("--tot", "--until") { Description = "Stil tot deze datum (JJJJ-MM-DD); vanaf die dag wordt weer gemeld.", Required = true };
        var reason = new Option<string>("--reden", "--reason") { Description = "Waarom; zichtbaar in Grafana en in monitor alerts list.", Required = true };
        var cmd = new Command("silence", "Zet een melding (deze regel voor dit gebied) tijdelijk stil, met een reden.") { id, until, reason };
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) => await CliErrors.Guard(async () =>
        {
            var tot = CliDates.Parse(pr.GetValue(until)!, "--tot");
            await using var ctx = await MonitorContext.OpenAsync();
            var key = await ctx.Services.GetRequiredService<AlertRunner>().SilenceAsync(pr.GetValue(id), tot, pr.GetValue(reason)!, AmsterdamDate.Today(), ct);
            Console.WriteLine($"Stilgezet tot {tot:yyyy-MM-dd}: {key.Rule} voor {key.Gebiedcode} ({key.Subject}).");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
