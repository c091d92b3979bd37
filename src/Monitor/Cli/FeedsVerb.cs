using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary><c>monitor feeds run [NAME]</c> and <c>monitor feeds list</c>: the configured feeds, by hand.</summary>
public static class FeedsVerb
{
    public static Command Build()
    {
        var feeds = new Command("feeds", "De ingestelde feeds (sectie Feeds in monitor.json).");

        var name = new Argument<string?>("naam") { Description = "Alleen deze feed; standaard alle.", Arity = ArgumentArity.ZeroOrOne };
        var run = new Command("run", "Haalt alle ingestelde feeds (of één) nu op en laadt wat nieuw is.") { name };
        run.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            await using var ctx = await MonitorContext.OpenAsync();
            var catalog = ctx.Services.GetRequiredService<FeedCatalog>();
            var selected = pr.GetValue(name) is { } n ? [catalog.Get(n)] : catalog.Feeds;
            if (selected.Count == 0) { Console.WriteLine("Geen feeds ingesteld. Zie README, 'Een feed toevoegen'."); return ExitCodes.Ok; }
            var exit = ExitCodes.Ok;
            foreach (var feed in selected)
            {
                try
                {
                    var results = await ctx.Services.GetRequiredService<FeedRunner>().RunAsync(feed, ct);
                    if (results.Count == 0) Console.WriteLine($"{feed.Name}: niets nieuws.");
                    foreach (var r in results) exit = Math.Max(exit, IngestVerb.Report(r, feed.Name));
                }
                catch (FeedFetchException e)
                {
                    // One unreachable feed must not stop the others.
                    Console.Error.WriteLine($"{feed.Name}: ophalen mislukt: {e.Message}");
                    exit = Math.Max(exit, ExitCodes.Failure);
                }
            }
            return exit;
        }));
        feeds.Subcommands.Add(run);

        var list = new Command("list", "Toont de ingestelde feeds met hun schema.");
        list.SetAction(_ =>
        {
            var catalog = FeedCatalog.From(MonitorContext.LoadConfiguration());
            if (catalog.Feeds.Count == 0)
                Console.WriteLine("Geen feeds ingesteld. Voeg ze toe in de sectie Feeds van monitor.json (zie README, 'Een feed toevoegen').");
            foreach (var f in catalog.Feeds)
                Console.WriteLine($"{f.Name,-24} {f.Kind,-14} {f.Schedule ?? "(op verzoek)",-16} {Redaction.Redact(f.Location)}");
            return ExitCodes.Ok;
        });
        feeds.Subcommands.Add(list);
        return feeds;
    }
}
