using System.Text.RegularExpressions;

namespace Monitor.Tests.Architecture;

/// <summary>
/// Which top-level folders ("rooms") of src/Monitor each room's code names: <c>using Monitor.X</c>, <c>Monitor.X.Y</c>,
/// and relative names such as <c>Analysis.Periode</c> written inside another Monitor namespace. Comments are left out:
/// a <c>cref</c> in a doc comment is a pointer for the reader, not a dependency.
/// </summary>
public static partial class RoomDependencies
{
    public static Dictionary<string, HashSet<string>> Scan(string sourceRoot)
    {
        var rooms = Directory.GetDirectories(sourceRoot).Select(Path.GetFileName).OfType<string>()
            .Where(d => d is not ("bin" or "obj") && Directory.EnumerateFiles(Path.Combine(sourceRoot, d), "*.cs", SearchOption.AllDirectories).Any())
            .ToHashSet(StringComparer.Ordinal);
        var graph = rooms.ToDictionary(r => r, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var room in rooms)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(sourceRoot, room), "*.cs", SearchOption.AllDirectories))
            {
                var code = Comment().Replace(File.ReadAllText(file), "");
                foreach (Match m in RoomReference().Matches(code))
                {
                    var target = m.Groups["room"].Value;
                    if (target != room && rooms.Contains(target)) graph[room].Add(target);
                }
            }
        return graph;
    }

    /// <summary>Every cycle's rooms, as strongly connected components of more than one room (Tarjan).</summary>
    public static List<List<string>> Cycles(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        var next = 0;
        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.TryGetValue(v, out var e) ? e : [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) result.Add(component.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var v in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return result;
    }

    [GeneratedRegex(@"//.*?$|/\*.*?\*/", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<![\w.])(?:Monitor\.)?(?<room>[A-Z]\w*)\.(?=[A-Z])|using\s+(?:static\s+)?Monitor\.(?<room>\w+)")]
    private static partial Regex RoomReference();
}
