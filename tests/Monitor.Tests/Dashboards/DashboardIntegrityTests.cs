using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitor.Bench.Dashboards;
using Monitor.Bench.Dashboards.Grafana;

namespace Monitor.Tests.Dashboards;

/// <summary>The dashboards as files: uids, datasource references, panels, links, annotations, units.</summary>
public sealed partial class DashboardIntegrityTests
{
    private static readonly IReadOnlyList<DashboardFile> Dashboards = DashboardFile.All();

    private static void NoProblems(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, string.Join("\n", list));
    }

    [Fact]
    public void Dashboards_AllEightAreShipped_WithUniqueStableUidsAndTitles()
    {
        Assert.Equal(["monitor-alerts", "monitor-feeds", "monitor-gemeente", "monitor-landelijk", "monitor-provincie", "monitor-regio", "monitor-taakstelling", "monitor-toezicht"],
            Dashboards.Select(d => d.Uid).Order());
        Assert.Equal(Dashboards.Count, Dashboards.Select(d => d.Title).Distinct().Count());
        NoProblems(Dashboards.Where(d => !UidForm().IsMatch(d.Uid)).Select(d => $"{d.FileName}: uid {d.Uid} is te lang of bevat vreemde tekens"));
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")] private static partial Regex UidForm();

    [Fact]
    public void Dashboards_AreProvisioningFiles_NotExports()
    {
        NoProblems(Dashboards.SelectMany(d => new[]
        {
            d.Json.ContainsKey("__inputs") ? $"{d.FileName}: __inputs" : null,
            d.Json.ContainsKey("__requires") ? $"{d.FileName}: __requires" : null,
            d.Json["id"] is not null ? $"{d.FileName}: id hoort null te zijn" : null,
            (string?)d.Json["timezone"] != "Europe/Amsterdam" ? $"{d.FileName}: tijdzone is niet Europe/Amsterdam" : null,
            (int?)d.Json["schemaVersion"] != 41 ? $"{d.FileName}: schemaVersion is niet 41 (Grafana 12.1)" : null,
            !(d.Json["tags"]?.AsArray().Any(t => (string?)t == "monitor") ?? false) ? $"{d.FileName}: tag monitor ontbreekt" : null,
        }).OfType<string>());
    }

    [Fact]
    public void TimeRanges_Parse_AndCoverWhatTheDashboardIsFor()
    {
        foreach (var d in Dashboards)
        {
            var range = TimeRange.Parse(d.Time.From, d.Time.To, DateTimeOffset.UtcNow);
            Assert.True(range.From < range.To, d.FileName);
        }
        // The cycle dashboards show 2024 up to the end of 2026, the operational ones recent weeks.
        foreach (var f in new[] { "landelijk.json", "provincie.json", "regio.json", "gemeente.json", "taakstelling.json", "toezicht.json" })
            Assert.Equal(("2024-01-01T00:00:00.000Z", "2026-12-31T23:59:59.000Z"), DashboardFile.Named(f).Time);
        Assert.Equal("now", DashboardFile.Named("feeds.json").Time.To);
    }

    [Fact]
    public void DataSources_EveryReferenceIsTheProvisionedWarehouse()
    {
        var provisioned = Provisioning.DataSource;
        Assert.Equal("warehouse", provisioned.Scalar("uid"));
        Assert.Equal("grafana-postgresql-datasource", provisioned.Scalar("type"));
        NoProblems(Dashboards.SelectMany(d => d.DataSourceReferences()
            .Where(r => r.DataSource is not JsonObject o || (string?)o["uid"] != provisioned.Scalar("uid") || (string?)o["type"] != provisioned.Scalar("type"))
            .Select(r => $"{d.FileName} {r.Where}: datasource {r.DataSource?.ToJsonString()}")));
        NoProblems(Dashboards.SelectMany(d => d.Queries().Where(q => q.Target["datasource"] is null).Select(q => $"{q.Where}: target zonder datasource")));
    }

    [Fact]
    public void Provisioning_ReadsThroughTheReadOnlyLogin_WithThePasswordFromTheEnvironment()
    {
        var ds = Provisioning.DataSource;
        Assert.Equal("grafana_ro", ds.Scalar("user"));
        Assert.Equal("$GRAFANA_PG_PASSWORD", ds.Scalar("secureJsonData", "password"));
        Assert.StartsWith("$", ds.Scalar("jsonData", "database"));
        Assert.Equal("disable", ds.Scalar("jsonData", "sslmode"));
        Assert.Equal("false", ds.Scalar("editable"));
        var provider = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlSequenceNode)Provisioning.Load(Provisioning.ProviderFile)["providers"]).Children.Single();
        Assert.Equal("file", provider.Scalar("type"));
        Assert.Equal("Monitor", provider.Scalar("folder"));
        Assert.Equal("false", provider.Scalar("allowUiUpdates"));
    }

    [Fact]
    public void Panels_HaveUniqueIdsTitlesInfoTextsAndFitTheGrid()
    {
        NoProblems(Dashboards.SelectMany(d =>
        {
            var panels = d.Panels;
            var problems = panels.GroupBy(p => (int)p["id"]!).Where(g => g.Count() > 1).Select(g => $"{d.FileName}: paneel-id {g.Key} dubbel").ToList();
            foreach (var p in panels)
            {
                var where = $"{d.FileName} › {(string?)p["title"]}";
                if (string.IsNullOrWhiteSpace((string?)p["title"])) problems.Add($"{where}: geen titel");
                if (((string?)p["description"])?.Length is null or < 40) problems.Add($"{where}: geen infotekst die het cijfer uitlegt");
                var grid = p["gridPos"]!;
                if ((int)grid["x"]! + (int)grid["w"]! > 24) problems.Add($"{where}: breder dan het raster");
                var refIds = (p["targets"]?.AsArray() ?? []).Select(t => (string?)t!["refId"]).ToList();
                if ((string)p["type"]! is not ("row" or "text") && refIds.Count == 0) problems.Add($"{where}: geen query");
                if (refIds.Distinct().Count() != refIds.Count) problems.Add($"{where}: refId dubbel");
            }
            return problems;
        }));
    }

    [GeneratedRegex(@"/d/([A-Za-z0-9_-]+)")] private static partial Regex DashboardUrl();

    [Fact]
    public void Links_EveryDashboardLinkPointsToAShippedUid_AndEveryDashboardLinksOnwards()
    {
        var uids = Dashboards.Select(d => d.Uid).ToHashSet();
        var urls = Dashboards.SelectMany(d => d.Strings().Where(s => s.Key == "url").Select(s => (d, s.Where, s.Value))).ToList();
        Assert.NotEmpty(urls);
        NoProblems(urls.SelectMany(u =>
        {
            var targets = DashboardUrl().Matches(u.Value).Select(m => m.Groups[1].Value).ToList();
            return targets.Count == 0 ? [$"{u.d.FileName} {u.Where}: {u.Value} is geen dashboardlink"]
                : targets.Where(t => !uids.Contains(t)).Select(t => $"{u.d.FileName} {u.Where}: {u.Value} wijst naar onbekende uid {t}");
        }));
        // Drill-down: provincie → gemeente with the variable in the URL, gemeente → provincie, landelijk → provincie.
        Assert.Contains(urls, u => u.d.Uid == "monitor-provincie" && u.Value.Contains("/d/monitor-gemeente?var-gemeente=${__data.fields.gemeentecode}"));
        Assert.Contains(urls, u => u.d.Uid == "monitor-gemeente" && u.Value.Contains("/d/monitor-provincie?var-provincie=${__data.fields.provinciecode}"));
        Assert.Contains(urls, u => u.d.Uid == "monitor-landelijk" && u.Value.Contains("/d/monitor-provincie?var-provincie=${__data.fields.provinciecode}"));
        Assert.Contains(urls, u => u.d.Uid == "monitor-provincie" && u.Value.Contains("/d/monitor-taakstelling?var-provincie=${provincie}"));
        // Toezicht ↔ taakstelling, and each gemeente of the ladder to her own dashboard.
        Assert.Contains(urls, u => u.d.Uid == "monitor-taakstelling" && u.Value == "/d/monitor-toezicht");
        Assert.Contains(urls, u => u.d.Uid == "monitor-toezicht" && u.Value.Contains("/d/monitor-gemeente?var-gemeente=${__data.fields.gemeentecode}"));
        NoProblems(Dashboards.Where(d => (d.Json["links"]?.AsArray().Count ?? 0) == 0).Select(d => $"{d.FileName}: geen links naar de andere dashboards"));
    }

    [Fact]
    public void Annotations_RevisionsAndDeadlinesAreMarkedOnTheFigureDashboards()
    {
        foreach (var f in new[] { "landelijk.json", "provincie.json", "regio.json", "gemeente.json" })
        {
            var sql = DashboardFile.Named(f).Annotations.Select(a => (string?)a["target"]?["rawSql"] ?? "").ToList();
            Assert.Contains(sql, s => s.Contains("grafana.herzieningen"));
            Assert.Contains(sql, s => s.Contains("grafana.deadlines"));
        }
        Assert.Contains(DashboardFile.Named("feeds.json").Annotations, a => ((string?)a["target"]?["rawSql"] ?? "").Contains("grafana.afkeuringen"));
    }

    [Fact]
    public void Units_AndThresholds_AreSetOnEveryFigurePanel()
    {
        NoProblems(Dashboards.SelectMany(d => d.Panels.Where(p => (string)p["type"]! is "stat" or "bargauge" or "timeseries" or "barchart").SelectMany(p =>
        {
            var defaults = p["fieldConfig"]?["defaults"];
            var where = $"{d.FileName} › {(string?)p["title"]}";
            return new[]
            {
                defaults?["unit"] is null ? $"{where}: geen eenheid" : null,
                defaults?["thresholds"]?["steps"] is null ? $"{where}: geen drempels" : null,
            }.OfType<string>();
        })));
    }
}
