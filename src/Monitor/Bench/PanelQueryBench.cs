using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;

namespace Monitor.Bench;

/// <summary>
/// Every query of every dashboard shipped under dashboards/, expanded as Grafana would (through the
/// <see cref="DashboardExpander"/> seam) for a one-year range and for the full range, run as Grafana's read-only role.
/// Nothing is invented: without dashboards, or without an expander, the figure says so and stays empty.
/// </summary>
public static class PanelQueryBench
{
    public sealed record Timing(string Dashboard, string Where, string Range, double P95Ms, double MedianMs);

    public sealed record Outcome(IReadOnlyList<Timing> Timings, string? NotMeasured, int Dashboards);

    /// <summary>dashboards/ beside Monitor.sln, above the current directory or the executable (as samples/ is found).</summary>
    public static string? FindDashboardsDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "dashboards");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return candidate;
            }
        return null;
    }

    /// <summary>The dashboard JSON files (objects with "panels") under the directory, in name order.</summary>
    public static IReadOnlyList<string> Dashboards(string? directory) => directory is null ? []
        : Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(p => JsonNode.Parse(File.ReadAllText(p)) is JsonObject { } o && o["panels"] is JsonArray).ToList();

    public static async Task<Outcome> RunAsync(NpgsqlDataSource db, BenchHooks hooks, DateOnly seriesStart, DateOnly asOf, int runs,
        CancellationToken ct)
    {
        var dashboards = Dashboards(FindDashboardsDirectory());
        if (dashboards.Count == 0) return new([], "no dashboards shipped (geen dashboard-JSON onder dashboards/)", 0);
        if (hooks.ExpandDashboard is not { } expand)
            return new([], $"{dashboards.Count} dashboards gevonden, maar geen Grafana-expansie aangesloten (BenchHooks.ExpandDashboard)", dashboards.Count);

        var end = new DateTimeOffset(asOf.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        var ranges = new (string Name, DateTimeOffset From)[]
        {
            ("1 jaar", end.AddYears(-1)),
            ("volledig", new DateTimeOffset(seriesStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        };
        var timings = new List<Timing>();
        await using var conn = await db.OpenConnectionAsync(ct);
        if (hooks.PanelRole is { } role)
            await using (var set = new NpgsqlCommand($"SET ROLE \"{role.Replace("\"", "\"\"")}\"", conn)) await set.ExecuteNonQueryAsync(ct);
        foreach (var path in dashboards)
            foreach (var (rangeName, from) in ranges)
                foreach (var (where, sql) in await expand(conn, path, from, end))
                {
                    var ms = new List<double>();
                    for (var i = 0; i <= runs; i++)
                    {
                        var clock = Stopwatch.StartNew();
                        await using (var cmd = new NpgsqlCommand(sql, conn))
                        await using (var reader = await cmd.ExecuteReaderAsync(ct))
                            while (await reader.ReadAsync(ct)) { }
                        if (i > 0) ms.Add(clock.Elapsed.TotalMilliseconds); // the first run warms the plan and the cache
                    }
                    timings.Add(new Timing(Path.GetFileName(path), where, rangeName, Stats.Percentile(ms, 95), Stats.Median(ms)));
                }
        return new(timings, null, dashboards.Count);
    }
}
