using System.CommandLine;
using Monitor.Feeds;
using Monitor.Samples;
using Monitor.Warehouse;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary>
/// <c>monitor demo</c>: the embedded default end to end — a private PostgreSQL (unless MONITOR_DB is set), the shipped
/// sample feeds, the computations, and alerts and digests written to an outbox folder when no SMTP server is set.
/// </summary>
public static class DemoVerb
{
    public static Command Build()
    {
        var samples = new Option<string?>("--voorbeelden", "--samples") { Description = "Map met manifest.json; standaard samples/feeds van deze checkout." };
        var cmd = new Command("demo", "Laadt de voorbeeldfeeds in het (ingebouwde) magazijn, rekent alles door en schrijft meldingen en digests naar ./outbox.")
            { samples };
        cmd.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            var dir = pr.GetValue(samples) ?? SampleFeedLoader.FindFeedsDirectory()
                      ?? throw new InvalidOperationException("samples/feeds niet gevonden; geef --voorbeelden MAP.");
            await using var ctx = await MonitorContext.OpenAsync();
            Console.WriteLine($"Magazijn: {WarehouseLocation.Describe(ctx.ConnectionString)}");
            Console.WriteLine($"Voorbeeldfeeds laden uit {dir} …");
            var rejected = 0;
            var results = await SampleFeedLoader.LoadAsync(ctx.Db, dir, (entry, r) =>
            {
                var what = r.Outcome switch
                {
                    IngestOutcome.Accepted => $"{r.RowsLoaded,7} regels geladen",
                    IngestOutcome.Duplicate => "        al geladen",
                    _ => $"AFGEWEZEN ({r.ProblemCount} problemen)",
                };
                Console.WriteLine($"  {entry.Kind,-13} {entry.Feed,-24} {what}  {entry.File}");
                if (r.Outcome == IngestOutcome.Rejected)
                {
                    rejected++;
                    foreach (var p in r.Problems.Take(5)) Console.Error.WriteLine("    " + p);
                }
            }, ct);
            Console.WriteLine($"{results.Count} leveringen: {results.Count(r => r.Result.Outcome == IngestOutcome.Accepted)} geladen, " +
                              $"{results.Count(r => r.Result.Outcome == IngestOutcome.Duplicate)} al aanwezig, {rejected} afgewezen.");
            var exit = await DemoOutputs.RunAsync(ctx, ct);
            return rejected > 0 ? ExitCodes.Failure : exit;
        }));
        return cmd;
    }
}
