using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitor.Bench.Dashboards;
using Monitor.Bench.Dashboards.Grafana;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// Every query of every dashboard (panel targets, annotations, variables), expanded as Grafana expands it, run as a
/// login that is only a member of monitor_grafana, for the dashboard's own time range and for the year 2025: it must
/// succeed, have the columns its panel needs, and return rows (the fixture has data for every panel in both ranges).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardQueryTests(DashboardWarehouse warehouse)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var d in DashboardFile.All())
            foreach (var range in new[] { "standaard", "2025" })
                data.Add(d.FileName, range);
        return data;
    }

    private static TimeRange RangeFor(DashboardFile d, string which)
    {
        if (which == "standaard") return TimeRange.Parse(d.Time.From, d.Time.To, DateTimeOffset.UtcNow);
        var from = new DateTimeOffset(new DateTime(2025, 1, 1), Amsterdam.GetUtcOffset(new DateTime(2025, 1, 1)));
        var to = new DateTimeOffset(new DateTime(2026, 1, 1), Amsterdam.GetUtcOffset(new DateTime(2026, 1, 1))).AddMilliseconds(-1);
        return new TimeRange(from, to);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryQuery_RunsAsReadOnlyRole_WithTheColumnsAndRowsItsPanelNeeds(string file, string range)
    {
        var dashboard = DashboardFile.Named(file);
        await using var conn = await warehouse.OpenReadOnlyAsync();
        var runner = new DashboardRunner(conn, dashboard, RangeFor(dashboard, range), Provisioning.MinInterval);
        await runner.ResolveVariablesAsync();
        var problems = runner.Variables.Values.Where(v => v.Options.Count == 0).Select(v => $"variabele {v.Name}: geen opties").ToList();

        var queries = dashboard.Queries().ToList();
        Assert.NotEmpty(queries);
        var columnsPerPanel = new Dictionary<JsonObject, HashSet<string>>(ReferenceEqualityComparer.Instance);
        foreach (var query in queries)
        {
            QueryResult result;
            try { result = await runner.RunAsync(query); }
            catch (Exception e) when (e is Npgsql.PostgresException or GrafanaMacroException or FormatException)
            {
                problems.Add($"{query.Where}: {e.Message}");
                continue;
            }
            problems.AddRange(Shape(query, result).Select(p => $"{query.Where}: {p}\n    {result.Sql}"));
            if (!columnsPerPanel.TryGetValue(query.Panel, out var names)) columnsPerPanel[query.Panel] = names = [];
            names.UnionWith(result.Columns.Select(c => c.Name));
        }
        foreach (var (panel, columns) in columnsPerPanel)
            foreach (var name in FieldsThePanelNames(panel).Where(n => !columns.Contains(n)))
                problems.Add($"{dashboard.Title} › {(string?)panel["title"]}: het paneel noemt veld '{name}', maar geen query levert het");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static readonly HashSet<string> NumericTypes = ["integer", "bigint", "smallint", "numeric", "double precision", "real"];
    private static readonly HashSet<string> TimeTypes = ["timestamp with time zone", "timestamp without time zone", "date"];
    private static bool IsText(QueryColumn c) => c.Type is "text" || c.Type.StartsWith("character");
    private static bool IsNumeric(QueryColumn c) => NumericTypes.Contains(c.Type.Split('(')[0]);

    /// <summary>What Grafana's SQL engine and the panel type need from a result.</summary>
    private static IEnumerable<string> Shape(DashboardQuery q, QueryResult r)
    {
        if (r.Rows.Count == 0) yield return "geen rijen, terwijl de fixture voor dit paneel data heeft";
        var time = r.Index("time");
        var numeric = r.Columns.Where((c, i) => i != time && IsNumeric(c)).ToList();
        if (q.Format == "time_series" || q.PanelType == "annotation")
        {
            if (time < 0) { yield return "geen kolom 'time'"; yield break; }
            if (!TimeTypes.Contains(r.Columns[time].Type) && !IsNumeric(r.Columns[time]))
                yield return $"kolom 'time' is {r.Columns[time].Type}, geen tijd";
            var times = r.Rows.Select(row => row[time]).OfType<object>().Select(ToSortable).ToList();
            if (q.Format == "time_series" && times.Zip(times.Skip(1)).Any(p => p.First > p.Second)) yield return "rijen niet op tijd gesorteerd (ORDER BY 1)";
        }
        switch (q.PanelType)
        {
            case "annotation":
                if (r.Index("text") < 0) yield return "annotatie zonder kolom 'text'";
                break;
            case "timeseries" or "bargauge" or "gauge" when numeric.Count == 0:
                yield return "geen numerieke kolom om te tonen";
                break;
            case "stat" when numeric.Count == 0 && !r.Columns.Any(IsText):
                yield return "geen getal of tekst om te tonen";
                break;
            case "barchart":
                if (!r.Columns.Any(IsText) || numeric.Count == 0) yield return "een staafdiagram heeft een tekstkolom en een getal nodig";
                break;
            case "table" when r.Columns.Count == 0:
                yield return "geen kolommen";
                break;
        }
        if (q.PanelType is "stat" && (string?)q.Panel["options"]?["reduceOptions"]?["fields"] is { } pattern
            && !r.Columns.Any(c => Regex.IsMatch(c.Name, pattern.Trim('/'))))
            yield return $"reduceOptions.fields {pattern} past op geen kolom";
    }

    private static long ToSortable(object value) => value switch
    {
        DateTime dt => dt.Ticks,
        DateTimeOffset dto => dto.UtcTicks,
        DateOnly d => d.DayNumber * TimeSpan.TicksPerDay,
        _ => (long)Convert.ToDouble(value) * TimeSpan.TicksPerSecond,
    };

    [GeneratedRegex(@"\$\{__data\.fields\.([A-Za-z0-9_]+)\}|\$\{__data\.fields\[""([^""]+)""\]\}")] private static partial Regex DataField();

    /// <summary>Fields a panel refers to by name: override matchers, data links and display names (${__data.fields.x}).</summary>
    private static IEnumerable<string> FieldsThePanelNames(JsonObject panel)
    {
        foreach (var o in panel["fieldConfig"]?["overrides"]?.AsArray() ?? [])
            if ((string?)o!["matcher"]?["id"] == "byName") yield return (string)o["matcher"]!["options"]!;
        foreach (var m in DataField().Matches(panel.ToJsonString()).Cast<Match>())
            yield return m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
        if ((string?)panel["options"]?["xField"] is { } x) yield return x;
    }
}
