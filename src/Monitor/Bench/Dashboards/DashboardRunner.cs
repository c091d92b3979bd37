using System.Text.Json.Nodes;
using Npgsql;
using Monitor.Bench.Dashboards.Grafana;

namespace Monitor.Bench.Dashboards;

public sealed record QueryColumn(string Name, string Type);

public sealed record QueryResult(string Sql, IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int Index(string name) => Columns.ToList().FindIndex(c => c.Name == name);
}

/// <summary>
/// Plays Grafana for one dashboard and time range: resolves the variables in order (a query variable's options come
/// from running its own query as the read-only role), then expands and runs any query with them.
/// </summary>
public sealed class DashboardRunner(NpgsqlConnection readOnly, DashboardFile dashboard, TimeRange range, string? dataSourceMinInterval)
{
    private const int DefaultResolution = 1000;

    public Dictionary<string, TemplateVariable> Variables { get; } = [];

    public async Task ResolveVariablesAsync()
    {
        foreach (var v in dashboard.Variables)
        {
            var name = (string)v["name"]!;
            var type = (string)v["type"]!;
            var options = type switch
            {
                "custom" => CustomOptions((string)v["query"]!),
                "textbox" or "constant" => [new VariableOption((string)v["query"]!, (string)v["query"]!)],
                "query" => await QueryOptionsAsync((string)v["query"]!),
                _ => throw new NotSupportedException($"Variabele {name}: type {type} wordt niet ondersteund."),
            };
            Variables[name] = Select(v, name, type, options);
        }
    }

    public async Task<QueryResult> RunAsync(DashboardQuery query) => await RunSqlAsync(Expand(query));

    /// <summary>The SQL Grafana would send for this query (variables resolved first), without running it.</summary>
    public string Expand(DashboardQuery query)
    {
        var panelInterval = (string?)query.Panel["interval"];
        var resolution = (int?)query.Panel["maxDataPoints"] ?? DefaultResolution;
        var interval = TimeSpan.FromMilliseconds(GrafanaInterval.Calculate(range, resolution, panelInterval ?? dataSourceMinInterval));
        return GrafanaSqlExpander.Expand(query.RawSql, new ExpansionContext(Variables, range, interval));
    }

    private async Task<QueryResult> RunSqlAsync(string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, readOnly);
        await using var reader = await cmd.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new QueryColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new QueryResult(sql, columns, rows);
    }

    /// <summary>Custom variable: comma-separated values, each "value" or "text : value" (a "\," is a literal comma).</summary>
    private static List<VariableOption> CustomOptions(string query) =>
        System.Text.RegularExpressions.Regex.Matches(query, @"(?:\\,|[^,])+")
            .Select(m => m.Value.Trim().Replace("\\,", ","))
            .Select(t => t.Split(" : ", 2) is [var text, var value] ? new VariableOption(text.Trim(), value.Trim()) : new VariableOption(t, t))
            .ToList();

    /// <summary>A SQL query variable: __text/__value columns when present, else the first column for both.</summary>
    private async Task<List<VariableOption>> QueryOptionsAsync(string rawSql)
    {
        var interval = TimeSpan.FromMilliseconds(GrafanaInterval.Calculate(range, DefaultResolution, dataSourceMinInterval));
        var result = await RunSqlAsync(GrafanaSqlExpander.Expand(rawSql, new ExpansionContext(Variables, range, interval)));
        int text = result.Index("__text"), value = result.Index("__value");
        if (text < 0 || value < 0) text = value = 0;
        return result.Rows.Select(r => new VariableOption(Convert.ToString(r[text])!, Convert.ToString(r[value])!)).ToList();
    }

    /// <summary>The current selection as Grafana loads it: the saved one when it is still an option, "$__all" for All,
    /// and otherwise the first option (which is All when the variable includes All).</summary>
    private static TemplateVariable Select(JsonObject v, string name, string type, List<VariableOption> options)
    {
        var multi = (bool?)v["multi"] ?? false;
        var includeAll = (bool?)v["includeAll"] ?? false;
        var allValue = (string?)v["allValue"] is { Length: > 0 } a ? a : null;
        var saved = v["current"]?["value"] switch
        {
            JsonArray arr => arr.Select(x => (string)x!).ToList(),
            JsonValue val => [(string)val!],
            _ => new List<string>(),
        };
        if (type is "textbox" or "constant")
        {
            var value = type == "textbox" && saved.Count == 1 ? saved[0] : options[0].Value;
            return new TemplateVariable(name, false, false, null, [new(value, value)], [value], false);
        }
        if (includeAll && saved.Contains("$__all")) return new TemplateVariable(name, multi, includeAll, allValue, options, [], true);
        var valid = saved.Where(s => options.Any(o => o.Value == s)).ToList();
        if (valid.Count > 0) return new TemplateVariable(name, multi, includeAll, allValue, options, multi ? valid : [valid[0]], false);
        return includeAll || options.Count == 0
            ? new TemplateVariable(name, multi, includeAll, allValue, options, [], includeAll)
            : new TemplateVariable(name, multi, includeAll, allValue, options, [options[0].Value], false);
    }
}
