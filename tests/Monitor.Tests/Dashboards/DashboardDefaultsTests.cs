using Monitor.Tests.Support;
using Monitor.Bench.Dashboards;
using Monitor.Bench.Dashboards.Grafana;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// The value each dashboard opens with is a real option once the sample feeds are loaded (what the compose profile
/// "demo" and `./monitor demo` load). Grafana silently falls back to the first option when the saved one is missing, so
/// a wrong default (the Regio dashboard once saved HVB while the feed's code is RHVB) shows nothing wrong, just another
/// area than the dashboard says.
/// </summary>
public sealed class DashboardDefaultsTests(SampleDatabase samples) : IClassFixture<SampleDatabase>
{
    [Fact]
    public void TheRegioDashboardOpensOnHartVanBrabant_ByTheCodeTheRegiosFeedGivesIt()
    {
        var regio = DashboardFile.Named("regio.json").Variables.Single(v => (string?)v["name"] == "regio");
        var codes = File.ReadLines(RepoPaths.Samples("feeds", "regios.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[1] == "Hart van Brabant").Select(f => f[0]).Distinct().ToList();
        Assert.Equal(["RHVB"], codes);
        Assert.Equal("RHVB", (string?)regio["current"]!["value"]);
        Assert.Equal("Hart van Brabant", (string?)regio["current"]!["text"]);
    }

    [Fact]
    public async Task EverySavedQueryVariable_IsAnOptionInTheSampleWarehouse()
    {
        await using var conn = await samples.Db.OpenConnectionAsync();
        var problems = new List<string>();
        var checkedValues = 0;
        foreach (var dashboard in DashboardFile.All())
        {
            var runner = new DashboardRunner(conn, dashboard, TimeRange.Parse(dashboard.Time.From, dashboard.Time.To, DateTimeOffset.UtcNow), Provisioning.MinInterval);
            await runner.ResolveVariablesAsync();
            foreach (var v in dashboard.Variables.Where(v => (string?)v["type"] == "query"))
            {
                var name = (string)v["name"]!;
                if (v["current"]?["value"] is not System.Text.Json.Nodes.JsonValue saved) continue;
                var value = (string)saved!;
                if (value == "$__all") continue;
                checkedValues++;
                var options = runner.Variables[name].Options;
                var match = options.FirstOrDefault(o => o.Value == value);
                if (match is null)
                    problems.Add($"{dashboard.FileName}: {name} = '{value}' staat niet tussen de {options.Count} opties");
                else if ((string?)v["current"]!["text"] is { } text && text != match.Text)
                    problems.Add($"{dashboard.FileName}: {name} = '{value}' heet '{match.Text}', niet '{text}'");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedValues >= 3, $"maar {checkedValues} opgeslagen waarden gecontroleerd");
    }
}
