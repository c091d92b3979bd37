using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Hosting;
using Npgsql;

namespace Monitor.Bench;

/// <summary>What users see: panel queries and digests, through the seams in <see cref="BenchHooks"/>.</summary>
public sealed partial class BenchRunner
{
    private async Task PanelsAsync(NpgsqlDataSource db, DateOnly end, CancellationToken ct)
    {
        var outcome = await Phase("panelquery's", () => PanelQueryBench.RunAsync(db, hooks, BenchDataSet.Start, end, options.PanelRuns, ct));
        const string description = "p95 per panelquery (elke query van elk dashboard, 1 jaar en volledig bereik, als de alleen-lezen rol); het figuur is de traagste";
        if (outcome.NotMeasured is { } why)
        {
            Add(BenchFigure.Missing("panel_query_p95_ms", description, "ms", why, 50, GoalKind.AtMost));
            return;
        }
        Add(new BenchFigure("panel_query_p95_ms", description, outcome.Timings.Max(t => t.P95Ms), "ms",
            outcome.Timings.Select(t => t.P95Ms).ToList(), 50, GoalKind.AtMost,
            $"{outcome.Dashboards} dashboards, {outcome.Timings.Count} metingen, {outcome.Timings.Count(t => t.P95Ms >= 50)} boven 50 ms"));
        foreach (var t in outcome.Timings.OrderByDescending(t => t.P95Ms).Take(8))
            _report.Notes.Add($"panel {t.Where} ({t.Range}): p95 {t.P95Ms:0.0} ms, mediaan {t.MedianMs:0.0} ms");
    }

    private async Task DigestsAsync(NpgsqlDataSource db, DateOnly end, CancellationToken ct)
    {
        const string description = "alle 12 provinciale digests met grafieken samen";
        if (hooks.Digests is not { } factory)
        {
            Add(BenchFigure.Missing("digests_s", description, "s", "geen digest-renderer aangesloten (BenchHooks.Digests)", 10, GoalKind.AtMost));
            return;
        }
        await using var services = new ServiceCollection().AddMonitorServices(config, db).BuildServiceProvider();
        var folder = Path.Combine(options.WorkDirectory, "digests");
        Directory.CreateDirectory(folder);
        var render = factory(services, end, folder);
        await using var conn = await db.OpenConnectionAsync(ct);
        var provincies = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT code FROM monitor.provincies ORDER BY code", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) provincies.Add(reader.GetString(0));
        var runs = new List<double>();
        for (var i = 0; i < options.Repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var p in provincies) await render(p);
            runs.Add(clock.Elapsed.TotalSeconds);
        }
        Add(BenchFigure.Median("digests_s", $"{description} ({provincies.Count} provincies)", runs, "s", 10, GoalKind.AtMost));
    }
}
