using System.Text.RegularExpressions;
using Monitor.Bench.Dashboards;
using Monitor.Bench.Dashboards.Grafana;

namespace Monitor.Tests.Dashboards;

/// <summary>The SQL in the dashboards against the rules of notes/tech-research.md §1: variables defined and quoted
/// the right way, macro arguments without ',' or ')', time series sorted, and nothing read outside schema grafana.</summary>
public sealed partial class DashboardSqlRulesTests
{
    private static readonly IReadOnlyList<DashboardFile> Dashboards = DashboardFile.All();

    private static void NoProblems(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, string.Join("\n", list));
    }

    [Fact]
    public void Variables_EveryOneUsedIsDefined_AndEveryDefinedOneIsUsed()
    {
        NoProblems(Dashboards.SelectMany(d =>
        {
            var defined = d.Variables.Select(v => (string)v["name"]!).ToHashSet();
            var used = d.Strings().Where(s => s.Key != "name" || !s.Where.Contains("templating"))
                .SelectMany(s => TemplateInterpolator.ReferencedVariables(s.Value).Select(n => (s.Where, Name: n))).ToList();
            return used.Where(u => !defined.Contains(u.Name)).Select(u => $"{d.FileName} {u.Where}: ${u.Name} is niet gedefinieerd")
                .Concat(defined.Where(n => used.All(u => u.Name != n)).Select(n => $"{d.FileName}: variabele {n} wordt nergens gebruikt"));
        }));
    }

    [GeneratedRegex(@"(?<before>.)?\$(?<name>[A-Za-z0-9_]+)(?<after>.)?", RegexOptions.Singleline)] private static partial Regex VariableUse();

    /// <summary>§1.4: a multi-value or include-All variable is a quoted list by itself (IN ($var)); a single-value one
    /// is inserted unquoted, so the SQL quotes it ('$var').</summary>
    [Fact]
    public void Variables_AreQuotedByTheRules_MultiValueBareAndSingleValueInQuotes()
    {
        NoProblems(Dashboards.SelectMany(d =>
        {
            var vars = d.Variables.ToDictionary(v => (string)v["name"]!);
            var sqls = d.Queries().Select(q => (q.Where, q.RawSql))
                .Concat(d.Variables.Where(v => (string?)v["type"] == "query").Select(v => ($"variabele {(string)v["name"]!}", (string)v["query"]!)));
            return sqls.SelectMany(s => VariableUse().Matches(s.Item2).Where(m => vars.ContainsKey(m.Groups["name"].Value)).Select(m =>
            {
                var v = vars[m.Groups["name"].Value];
                var list = ((bool?)v["multi"] ?? false) || ((bool?)v["includeAll"] ?? false);
                var quoted = m.Groups["before"].Value == "'" && m.Groups["after"].Value == "'";
                var inList = m.Groups["before"].Value == "(" && m.Groups["after"].Value == ")";
                return list && !inList ? $"{s.Item1}: ${v["name"]} is meerwaardig en hoort als IN (${v["name"]})"
                     : !list && !quoted ? $"{s.Item1}: ${v["name"]} is enkelvoudig en hoort tussen quotes ('${v["name"]}')"
                     : null;
            }).OfType<string>());
        }));
    }

    [GeneratedRegex(@"\$([_a-zA-Z0-9]+)\(([^\)]*)\)")] private static partial Regex Macro();
    [GeneratedRegex(@"\b(monitor|hangfire|public|pg_catalog|information_schema)\.", RegexOptions.IgnoreCase)] private static partial Regex OtherSchema();

    [Fact]
    public void Queries_FollowTheMacroRules_AndReadSchemaGrafanaOnly()
    {
        NoProblems(Dashboards.SelectMany(d => d.Queries()).SelectMany(q =>
        {
            var problems = new List<string>();
            foreach (Match m in Macro().Matches(q.RawSql))
            {
                if (m.Groups[2].Value.Contains('(')) problems.Add($"{q.Where}: {m.Value}: een macro-argument mag geen ( of ) bevatten");
                if (m.Groups[1].Value is "__timeFilter" or "__time" or "__timeEpoch" or "__unixEpochFilter" && m.Groups[2].Value.Contains(','))
                    problems.Add($"{q.Where}: {m.Value}: een kolomargument mag geen komma bevatten");
            }
            if (OtherSchema().Match(q.RawSql) is { Success: true } other) problems.Add($"{q.Where}: leest {other.Value} in plaats van schema grafana");
            if (!q.RawSql.Contains("grafana.")) problems.Add($"{q.Where}: leest geen view uit schema grafana");
            if (q.Format == "time_series" && !q.RawSql.Contains("ORDER BY 1")) problems.Add($"{q.Where}: tijdreeks zonder ORDER BY 1");
            if (q.Target.Any(kv => kv.Key.StartsWith("fill"))) problems.Add($"{q.Where}: fill-sleutels worden door de backend geweigerd");
            if ((bool?)q.Target["rawQuery"] != true || (string?)q.Target["editorMode"] != "code") problems.Add($"{q.Where}: geen ruwe SQL (rawQuery/editorMode code)");
            if (q.Format is not ("time_series" or "table")) problems.Add($"{q.Where}: format {q.Format}");
            return problems;
        }));
    }
}
