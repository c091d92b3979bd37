using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;

namespace Monitor.Bench;

/// <summary>
/// Every panel query of every dashboard shipped under dashboards/, expanded as Grafana would (through the
/// <see cref="PanelSqlExpander"/> seam) for a one-year range and for the full range, run as Grafana's read-only role.
/// Nothing is invented: without dashboards, or without an expander, the figure says so and stays empty.
/// </summary>
public static class PanelQueryBench
{
    public sealed record PanelQuery(string Dashboard, string Panel, string RawSql);

    public sealed record Timing(PanelQuery Query, string Range, double P95Ms, double MedianMs);

    public sealed record Outcome(IReadOnlyList<Timing> Timings, string? NotMeasured, int Queries);

    /// <summary>dashboards/ above the current directory or the executable (as samples/ is found).</summary>
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

    /// <summary>Each panel target with raw SQL, in rows and nested panels too, with the dashboard's variables' current values.</summary>
    public static IReadOnlyList<(PanelQuery Query, IReadOnlyDictionary<string, string> Variables)> Load(string directory)
    {
        var result = new List<(PanelQuery, IReadOnlyDictionary<string, string>)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject root || root["panels"] is not JsonArray) continue;
            var name = root["title"]?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(path);
            var variables = Variables(root);
            foreach (var panel in Panels(root))
                if (panel["targets"] is JsonArray targets)
                    foreach (var target in targets.OfType<JsonObject>())
                        if (target["rawSql"]?.GetValue<string>() is { Length: > 0 } sql)
                            result.Add((new PanelQuery(name, panel["title"]?.GetValue<string>() ?? "(zonder titel)", sql), variables));
        }
        return result;
    }

    public static async Task<Outcome> RunAsync(NpgsqlDataSource db, BenchHooks hooks, DateOnly seriesStart, DateOnly asOf, int runs,
        CancellationToken ct)
    {
        var directory = FindDashboardsDirectory();
        var queries = directory is null ? [] : Load(directory);
        if (queries.Count == 0) return new([], "no dashboards shipped (geen dashboard-JSON met SQL-panelen onder dashboards/)", 0);
        if (hooks.ExpandPanelSql is not { } expand)
            return new([], $"{queries.Count} panelquery's gevonden, maar geen Grafana-SQL-expander aangesloten (BenchHooks.ExpandPanelSql)", queries.Count);

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
        foreach (var (query, variables) in queries)
            foreach (var (rangeName, from) in ranges)
            {
                var sql = expand(query.RawSql, from, end, variables);
                var ms = new List<double>();
                for (var i = 0; i <= runs; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await using (var cmd = new NpgsqlCommand(sql, conn))
                    await using (var reader = await cmd.ExecuteReaderAsync(ct))
                        while (await reader.ReadAsync(ct)) { }
                    if (i > 0) ms.Add(clock.Elapsed.TotalMilliseconds); // the first run warms the plan and the cache
                }
                timings.Add(new Timing(query, rangeName, Stats.Percentile(ms, 95), Stats.Median(ms)));
            }
        return new(timings, null, queries.Count);
    }

    private static IEnumerable<JsonObject> Panels(JsonObject container)
    {
        if (container["panels"] is not JsonArray panels) yield break;
        foreach (var p in panels.OfType<JsonObject>())
        {
            yield return p;
            foreach (var nested in Panels(p)) yield return nested;   // panels inside a collapsed row
        }
    }

    /// <summary>Each templating variable's current value (the first when several are selected).</summary>
    private static IReadOnlyDictionary<string, string> Variables(JsonObject root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root["templating"]?["list"] is not JsonArray list) return result;
        foreach (var v in list.OfType<JsonObject>())
        {
            if (v["name"]?.GetValue<string>() is not { } name) continue;
            var current = v["current"]?["value"];
            var value = current switch
            {
                JsonArray a => a.FirstOrDefault()?.ToString(),
                JsonValue s => s.ToString(),
                _ => (v["options"] as JsonArray)?.FirstOrDefault()?["value"]?.ToString() ?? v["query"]?.ToString(),
            };
            result[name] = value ?? "";
        }
        return result;
    }
}
