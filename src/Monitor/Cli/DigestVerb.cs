using Monitor.Clock;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Digests;
using Monitor.Digests.College;
using Monitor.Hosting;
using Monitor.Outbox;

namespace Monitor.Cli;

/// <summary><c>monitor digest</c>: the weekly PRT digest by hand: a preview in a folder, or (--send) through the outbox.</summary>
public static class DigestVerb
{
    public static Command Build()
    {
        var provincie = new Option<string[]>("--provincie") { Description = "Provinciecode(s), bijvoorbeeld PV27 PV26. Standaard: elke provincie met een PRT-contact.", AllowMultipleArgumentsPerToken = true };
        var now = new Option<string?>("--datum", "--now") { Description = "Het overzicht zoals op deze dag (JJJJ-MM-DD). Standaard: vandaag." };
        var output = new Option<string?>("--map", "--out") { Description = "Map voor HTML, grafieken en CSV (standaard Outbox:Folder, ./outbox)." };
        var send = new Option<bool>("--versturen", "--send") { Description = "Versturen aan de PRT-contacten via de outbox en opslaan voor de vergelijking van volgende week." };
        var gemeente = new Option<string[]>("--gemeente") { Description = "Gemeentecode(s), bijvoorbeeld GM0855: het collegeoverzicht van die gemeente(n) in plaats van het weekoverzicht.", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("digest", "Maakt het weekoverzicht per provincie (HTML met grafieken, tekst, CSV, XLSX), of met --gemeente het collegeoverzicht; zonder --versturen alleen als bestanden.")
            { provincie, gemeente, now, output, send };
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) => await CliErrors.Guard(async () =>
        {
            var date = pr.GetValue(now) is { } text ? CliDates.Parse(text, "--datum") : AmsterdamDate.Today();
            await using var ctx = await MonitorContext.OpenAsync();
            var runner = ctx.Services.GetRequiredService<DigestRunner>();
            var folder = pr.GetValue(output);
            var sending = pr.GetValue(send);
            if (pr.GetValue(gemeente) is { Length: > 0 } gemeenten)
                return await College(ctx, gemeenten, date, folder, sending, ct);
            var provincies = await runner.ProvinciesAsync(pr.GetValue(provincie), sending, ct);
            if (provincies.Count == 0) { Console.Error.WriteLine("Geen provincie met een PRT-contact in monitor.contacten; geef --provincie."); return ExitCodes.Failure; }
            foreach (var p in provincies)
            {
                if (sending)
                {
                    var r = await runner.QueueAsync(p, date, DateTimeOffset.UtcNow, ct);
                    Console.WriteLine(r.OutboxId is { } id ? $"Weekoverzicht {p} {date:yyyy-MM-dd}: in de outbox ({(r.OutboxIds.Count == 1 ? $"bericht {id}" : $"berichten {string.Join(", ", r.OutboxIds)}, met het toezicht voor de toezichthouder")}) voor {r.Recipients} ontvanger(s)."
                                                           : $"Weekoverzicht {p}: {r.Note}.");
                    if (r.OutboxId is not null && r.Note is not null) Console.Error.WriteLine($"Let op: weekoverzicht {p} {r.Note}.");
                }
                else
                {
                    var r = await runner.PreviewAsync(p, date, folder ?? ctx.Services.GetRequiredService<OutboxOptions>().Folder, DateTimeOffset.UtcNow, ct);
                    Console.WriteLine($"Weekoverzicht {p} {date:yyyy-MM-dd}: {r.HtmlPath} (CSV: {r.CsvPath}){(r.Note is null ? "" : $"; {r.Note}")}.");
                    if (r.ToezichtHtmlPath is { } t) Console.WriteLine($"  voor de toezichthouder, met het toezicht: {t}");
                }
            }
            return sending ? await AlertVerbs.SendOutbox(ctx, ct, ctx.Services.GetRequiredService<MailTransportFactory>().UsesSmtp ? null : folder) : ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>The college digest of each gemeente asked for: a preview in the folder, or (--send) through the outbox.</summary>
    private static async Task<int> College(MonitorContext ctx, string[] gemeenten, DateOnly date, string? folder, bool sending, CancellationToken ct)
    {
        var runner = ctx.Services.GetRequiredService<CollegeRunner>();
        foreach (var g in gemeenten.Select(x => x.Trim().ToUpperInvariant()).Distinct())
        {
            if (sending)
            {
                var id = await runner.QueueAsync(g, date, DateTimeOffset.UtcNow, ct);
                Console.WriteLine(id is { } i ? $"Collegeoverzicht {g} {date:yyyy-MM-dd}: in de outbox (bericht {i})." : $"Collegeoverzicht {g}: geen college-contact, niet verstuurd.");
            }
            else
            {
                var (html, recipients) = await runner.PreviewAsync(g, date, folder ?? ctx.Services.GetRequiredService<OutboxOptions>().Folder, DateTimeOffset.UtcNow, ct);
                Console.WriteLine($"Collegeoverzicht {g} {date:yyyy-MM-dd}: {html} (met CSV en XLSX ernaast){(recipients == 0 ? "; geen college-contact: alleen voorbeeld" : "")}.");
            }
        }
        return sending ? await AlertVerbs.SendOutbox(ctx, ct, ctx.Services.GetRequiredService<MailTransportFactory>().UsesSmtp ? null : folder) : ExitCodes.Ok;
    }
}
