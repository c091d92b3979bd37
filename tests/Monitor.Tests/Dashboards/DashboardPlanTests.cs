using System.Text.Json.Nodes;
using Npgsql;
using Monitor.Bench.Dashboards;
using Monitor.Bench.Dashboards.Grafana;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// Panel queries must stay fast at ten years of data, which a small fixture cannot show by timing. What it can show is
/// the plan: with sequential scans (and hash and merge joins, which favour them on tiny tables) made prohibitively
/// expensive, PostgreSQL still scans a large table sequentially only
/// when no index can serve the query (a function on a filtered column, a view that hides the key), and it falls back
/// to reading a whole index instead (an index scan without an index condition). So: no panel query may need either
/// on the tables that grow with time, and on the daily series the date must be part of the index condition.
/// (compute_runs grows by a few rows a day and is only joined by its key or filtered on the indexed started_at.)
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPlanTests(DashboardWarehouse warehouse)
{
    private static readonly HashSet<string> GrowingTables =
        ["series", "series_revisions", "fact_revisions", "deliveries", "plekken", "huisvesting", "opgaven"];

    public static TheoryData<string> Files() => [.. DashboardFile.All().Select(d => d.FileName)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryQuery_CanUseAnIndexOnTheTablesThatGrow(string file)
    {
        var dashboard = DashboardFile.Named(file);
        await using var conn = await OpenWithIndexesOnlyAsync();
        var range = TimeRange.Parse(dashboard.Time.From, dashboard.Time.To, DateTimeOffset.UtcNow);
        var runner = new DashboardRunner(conn, dashboard, range, Provisioning.MinInterval);
        await runner.ResolveVariablesAsync();
        var problems = new List<string>();
        foreach (var query in dashboard.Queries())
        {
            var interval = TimeSpan.FromMilliseconds(GrafanaInterval.Calculate(range, 1000, Provisioning.MinInterval));
            var sql = GrafanaSqlExpander.Expand(query.RawSql, new ExpansionContext(runner.Variables, range, interval));
            problems.AddRange((await FullScansOfAsync(conn, sql)).Distinct()
                .Select(s => $"{query.Where}: {s.How} van monitor.{s.Table}\n    {sql}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Checker_FunctionOnTheFilteredDate_IsFlagged()
    {
        await using var conn = await OpenWithIndexesOnlyAsync();
        Assert.NotEmpty(await FullScansOfAsync(conn, "SELECT \"time\", gerealiseerd FROM grafana.reeksen WHERE gebiedcode = 'PV30' AND opgave = 'asiel' AND \"time\" > now() - interval '1 year'"));
        Assert.NotEmpty(await FullScansOfAsync(conn, "SELECT \"time\", gerealiseerd FROM grafana.reeksen WHERE datum::text LIKE '2025%'"));
        // Thinning a long range out with a filter still reads every day; the days themselves in the index condition do not.
        Assert.NotEmpty(await FullScansOfAsync(conn, "SELECT \"time\", gerealiseerd FROM grafana.reeksen WHERE niveau = 'provincie' AND opgave = 'asiel' AND datum > current_date - 3650 AND (current_date - datum) % 7 = 0"));
        Assert.Empty(await FullScansOfAsync(conn, "SELECT \"time\", gerealiseerd FROM grafana.reeksen JOIN unnest(grafana.steekproefdagen(current_date - 3650, current_date, 500)) AS dag (datum) USING (datum) WHERE niveau = 'provincie' AND opgave = 'asiel'"));
        Assert.Empty(await FullScansOfAsync(conn, "SELECT \"time\", gerealiseerd FROM grafana.reeksen WHERE gebiedcode = 'PV30' AND opgave = 'asiel' AND datum > current_date - 365"));
    }

    private async Task<NpgsqlConnection> OpenWithIndexesOnlyAsync()
    {
        var conn = await warehouse.OpenReadOnlyAsync();
        await using var off = new NpgsqlCommand("SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off", conn);
        await off.ExecuteNonQueryAsync();
        return conn;
    }

    private static async Task<List<(string Table, string How)>> FullScansOfAsync(NpgsqlConnection conn, string sql)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, conn);
        return FullScans(JsonNode.Parse((string)(await explain.ExecuteScalarAsync())!)).Where(s => GrowingTables.Contains(s.Table)).ToList();
    }

    /// <summary>Scans that read a whole table: Seq Scan, or an index scan with no Index Cond to narrow it.</summary>
    private static IEnumerable<(string Table, string How)> FullScans(JsonNode? node)
    {
        if (node is JsonArray a) return a.SelectMany(FullScans);
        if (node is not JsonObject o) return [];
        var here = new List<(string, string)>();
        if ((string?)o["Relation Name"] is { } table && (string?)o["Schema"] is null or "monitor")
        {
            var type = (string?)o["Node Type"];
            if (type == "Seq Scan") here.Add((table, "sequentiële scan"));
            if (type is "Index Scan" or "Index Only Scan" && o["Index Cond"] is null) here.Add((table, $"volledige indexscan ({(string?)o["Index Name"]})"));
            if (table == "series" && ((string?)o["Filter"])?.Contains("datum") == true) here.Add((table, "datumfilter buiten de index"));
        }
        return here.Concat(o.SelectMany(kv => FullScans(kv.Value)));
    }
}
