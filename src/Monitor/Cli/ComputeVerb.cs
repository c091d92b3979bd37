using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Compute;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary><c>monitor compute [--full]</c>: brings the materialised series up to date.</summary>
public static class ComputeVerb
{
    public static Command Build()
    {
        var full = new Option<bool>("--volledig", "--full") { Description = "Alles opnieuw, vanaf het begin van de reeks; anders alleen wat nieuwe leveringen raakten." };
        var until = new Option<string?>("--tot") { Description = "Rekenen tot en met deze datum (JJJJ-MM-DD); standaard vandaag." };
        var cmd = new Command("compute", "Rekent de dagreeksen per gebied en opgave door (gaten, prognoses, taakstelling).") { full, until };
        cmd.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            await using var ctx = await MonitorContext.OpenAsync();
            await RunAsync(ctx, pr.GetValue(full), CliDates.ParseOptional(pr.GetValue(until), "--tot"), ct);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static async Task<ComputeService.Summary?> RunAsync(MonitorContext ctx, bool full, DateOnly? until, CancellationToken ct)
    {
        // Deliveries accepted since the last run are what an incremental run must take into account.
        var triggers = await PendingDeliveries.SinceLastRunAsync(ctx.Db, ct);
        var summary = await ctx.Services.GetRequiredService<ComputeService>().RunAsync(full, triggers, until, ct);
        Console.WriteLine(summary is null
            ? "Niets door te rekenen: de reeksen zijn bij."
            : $"Doorgerekend ({(summary.Mode == "full" ? "volledig" : "alleen het geraakte deel")}) van {summary.From:yyyy-MM-dd} t/m {summary.AsOf:yyyy-MM-dd}: " +
              $"{summary.Areas} gebieden, {summary.Written} rijen nieuw of gewijzigd, {summary.Revised} herzien, {summary.Findings} bevindingen, " +
              $"in {summary.Took.TotalSeconds:0.0} s.");
        return summary;
    }
}
