using System.CommandLine;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Feeds.Kinds;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary><c>monitor ingest --kind KIND [--feed NAME] PATH_OR_URL</c>: one delivery, by hand.</summary>
public static class IngestVerb
{
    public static Command Build()
    {
        var kind = new Option<string>("--soort", "--kind") { Description = "Soort feed: gemeenten, herindelingen, regios, opgave, plekken, huisvesting, afspraken, contacten.", Required = true };
        var feed = new Option<string?>("--feed") { Description = "Naam van de feed (bij plekken de reeks waarvan dit een momentopname is). Standaard: de soort." };
        var sheet = new Option<string?>("--blad", "--sheet") { Description = "XLSX: het werkblad; standaard het eerste." };
        var location = new Argument<string>("bestand-of-url") { Description = "Een bestand of een http(s)-adres." };
        var cmd = new Command("ingest", "Laadt één levering. Exitcode 0: geaccepteerd (of al geladen), 2: afgewezen, 1: andere fout.")
            { kind, feed, sheet, location };
        cmd.SetAction(async (pr, ct) =>
        {
            var options = new FeedOptions { Kind = pr.GetValue(kind)!, Name = pr.GetValue(feed) ?? pr.GetValue(kind)!.ToLowerInvariant(),
                Location = pr.GetValue(location)!, Sheet = pr.GetValue(sheet) };
            return await CliErrors.Guard(async () =>
            {
                FeedKinds.Get(options.Kind); // an unknown kind is the operator's typo: say so before touching anything
                await using var ctx = await MonitorContext.OpenAsync();
                options.MaxBytes = long.MaxValue; // an operator's explicit file is not held to a feed's limit
                // A typo in --feed (or none) must not start a second series of figures the configured feed already has.
                options.Unconfigured = ctx.Services.GetRequiredService<FeedCatalog>().Feeds.All(f => f.Name != options.Name);
                var results = await ctx.Services.GetRequiredService<FeedRunner>().RunAsync(options, ct, ShowProgress);
                if (results.Count == 0) { Console.WriteLine($"Niets nieuws in {Redaction.Redact(options.Location)}."); return ExitCodes.Ok; }
                return results.Select(r => Report(r, Redaction.Redact(options.Location))).Max();
            });
        });
        return cmd;
    }

    public static int Report(IngestResult result, string location)
    {
        switch (result.Outcome)
        {
            case IngestOutcome.Accepted:
                Console.WriteLine($"Geaccepteerd: levering {result.DeliveryId} uit {location}: {result.RowsRead} regels gelezen, " +
                                  $"{result.RowsLoaded} geladen ({result.RowsChanged} nieuw of gewijzigd).");
                if (result.Reapplies is { } earlier)
                    Console.WriteLine($"Opnieuw toegepast als nieuwste: dezelfde inhoud als levering {earlier}, die sindsdien was vervangen " +
                                      $"door levering {result.SupersededBy}; de cijfers zijn nu weer die van deze inhoud.");
                foreach (var w in result.Warnings) Console.Error.WriteLine($"  Let op: {w}");
                return ExitCodes.Ok;
            case IngestOutcome.Duplicate:
                Console.WriteLine($"Niets veranderd: {location} heeft dezelfde inhoud als levering {result.DuplicateOf}, die al is geladen " +
                                  $"(vastgelegd als levering {result.DeliveryId}). 0 regels geladen.");
                return ExitCodes.Ok;
            default:
                Console.Error.WriteLine($"Afgewezen: levering {result.DeliveryId} uit {location}: {result.ProblemCount} probleem/problemen, " +
                                        $"{result.RowsRead} regels gelezen, 0 geladen. Er is niets in het magazijn veranderd.");
                foreach (var p in result.Problems) Console.Error.WriteLine("  " + p);
                if (result.ProblemCount > result.Problems.Count)
                    Console.Error.WriteLine($"  … en nog {result.ProblemCount - result.Problems.Count} problemen.");
                Console.WriteLine($"{result.RowsRead} regels gelezen, 0 geladen.");
                return ExitCodes.Rejected;
        }
    }

    /// <summary>A progress bar on a terminal for files large enough to wait for; silent in scripts and logs.</summary>
    private static async Task<IngestResult> ShowProgress(long size, Func<IProgress<long>?, Task<IngestResult>> load)
    {
        if (Console.IsErrorRedirected || size < 20 << 20) return await load(null);
        IngestResult result = null!;
        await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async p =>
            {
                var task = p.AddTask("Inlezen", maxValue: size);
                result = await load(new Progress<long>(read => task.Value = read));
                task.Value = size;
            });
        return result;
    }
}
