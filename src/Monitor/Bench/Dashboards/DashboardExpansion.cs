using System.Text.RegularExpressions;
using Npgsql;
using Monitor.Bench.Dashboards.Grafana;

namespace Monitor.Bench.Dashboards;

/// <summary>Every query a shipped dashboard sends for a time range, expanded exactly as Grafana would (for the benchmark).</summary>
public static partial class DashboardExpansion
{
    [GeneratedRegex(@"^\s*timeInterval:\s*['""]?([^'""\s]+)", RegexOptions.Multiline)]
    private static partial Regex TimeIntervalLine();

    /// <summary>The datasource's minimum interval (jsonData.timeInterval in the provisioning file), as Grafana applies it.</summary>
    public static string? MinInterval()
    {
        var file = Path.Combine(DashboardFile.Folder, "provisioning", "datasources", "warehouse.yaml");
        return File.Exists(file) && TimeIntervalLine().Match(File.ReadAllText(file)) is { Success: true } m ? m.Groups[1].Value : null;
    }

    public static async Task<IReadOnlyList<(string Where, string Sql)>> ExpandAsync(NpgsqlConnection readOnly, string dashboardJsonPath,
        DateTimeOffset from, DateTimeOffset to)
    {
        var dashboard = DashboardFile.Load(dashboardJsonPath);
        var runner = new DashboardRunner(readOnly, dashboard, new TimeRange(from, to), MinInterval());
        await runner.ResolveVariablesAsync();
        // A variable without options in this warehouse (no alerts yet, no regio's) expands to "IN ()", which Grafana
        // would send and PostgreSQL refuse; such a query has nothing to measure, so it is left out and named.
        var empty = runner.Variables.Values.Where(v => v.Options.Count == 0).Select(v => v.Name).ToHashSet();
        return dashboard.Queries()
            .Where(q => !TemplateInterpolator.ReferencedVariables(q.RawSql).Any(empty.Contains))
            .Select(q => (q.Where, runner.Expand(q))).ToList();
    }
}
