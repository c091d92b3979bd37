using System.Text.Json.Nodes;

namespace Monitor.Bench.Dashboards;

/// <summary>One query of a dashboard: a panel target or an annotation, with the panel it belongs to.</summary>
public sealed record DashboardQuery(string Where, string PanelType, string Format, string RawSql, JsonObject Panel, JsonObject Target);

/// <summary>A provisioned dashboard JSON file: its variables and every query it sends (for the tests and the benchmark).</summary>
public sealed class DashboardFile(string path, JsonObject json)
{
    /// <summary>The shipped dashboards/ folder, found from the current directory or the binary upwards.</summary>
    public static string Folder { get; } = FindFolder();

    private static string FindFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "dashboards", "json")))
                    return System.IO.Path.Combine(dir.FullName, "dashboards");
        return System.IO.Path.Combine(Directory.GetCurrentDirectory(), "dashboards");
    }

    public static DashboardFile Load(string path) => new(path, JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public static IReadOnlyList<DashboardFile> All() =>
        Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories).Order()
            .Select(p => new DashboardFile(p, JsonNode.Parse(File.ReadAllText(p))!.AsObject())).ToList();

    public static DashboardFile Named(string fileName) => All().Single(d => d.FileName == fileName);

    public string Path { get; } = path;
    public JsonObject Json { get; } = json;
    public string FileName => System.IO.Path.GetFileName(Path);
    public string Uid => (string)Json["uid"]!;
    public string Title => (string)Json["title"]!;

    public (string From, string To) Time => ((string)Json["time"]!["from"]!, (string)Json["time"]!["to"]!);

    public IReadOnlyList<JsonObject> Variables =>
        Json["templating"]?["list"]?.AsArray().Select(v => v!.AsObject()).ToList() ?? [];

    /// <summary>Every panel, including those inside collapsed rows.</summary>
    public IReadOnlyList<JsonObject> Panels =>
        (Json["panels"]?.AsArray() ?? []).Select(p => p!.AsObject())
            .SelectMany(p => new[] { p }.Concat((p["panels"]?.AsArray() ?? []).Select(c => c!.AsObject()))).ToList();

    public IReadOnlyList<JsonObject> Annotations =>
        Json["annotations"]?["list"]?.AsArray().Select(a => a!.AsObject()).ToList() ?? [];

    /// <summary>Every SQL query the dashboard sends: panel targets (format as set, default time_series) and annotations.</summary>
    public IEnumerable<DashboardQuery> Queries()
    {
        foreach (var panel in Panels)
            foreach (var target in (panel["targets"]?.AsArray() ?? []).Select(t => t!.AsObject()))
                yield return new DashboardQuery($"{Title} › {(string?)panel["title"]} [{(string?)target["refId"]}]", (string)panel["type"]!,
                    (string?)target["format"] ?? "time_series", (string?)target["rawSql"] ?? "", panel, target);
        foreach (var annotation in Annotations)
            if (annotation["target"] is JsonObject target)
                yield return new DashboardQuery($"{Title} › annotatie {(string?)annotation["name"]}", "annotation",
                    (string?)target["format"] ?? "table", (string?)target["rawSql"] ?? "", annotation, target);
    }

    /// <summary>Every JSON object in the dashboard that has a "datasource" property, with that property.</summary>
    public IEnumerable<(string Where, JsonNode? DataSource)> DataSourceReferences()
    {
        var stack = new Stack<(string, JsonNode?)>([("dashboard", Json)]);
        while (stack.Count > 0)
        {
            var (where, node) = stack.Pop();
            if (node is JsonObject o)
            {
                if (o.ContainsKey("datasource")) yield return (where, o["datasource"]);
                foreach (var (k, v) in o) if (k != "datasource") stack.Push(($"{where}.{k}", v));
            }
            else if (node is JsonArray a)
                for (var i = 0; i < a.Count; i++) stack.Push(($"{where}[{i}]", a[i]));
        }
    }

    /// <summary>Every string value in the dashboard, with where it is (for links, variables in titles, ...).</summary>
    public IEnumerable<(string Where, string Key, string Value)> Strings()
    {
        var stack = new Stack<(string, string, JsonNode?)>([("dashboard", "", Json)]);
        while (stack.Count > 0)
        {
            var (where, key, node) = stack.Pop();
            switch (node)
            {
                case JsonObject o: foreach (var (k, v) in o) stack.Push(($"{where}.{k}", k, v)); break;
                case JsonArray a: for (var i = 0; i < a.Count; i++) stack.Push(($"{where}[{i}]", key, a[i])); break;
                case JsonValue v when v.TryGetValue<string>(out var s): yield return (where, key, s); break;
            }
        }
    }
}
