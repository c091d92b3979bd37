using System.Text.RegularExpressions;
using Monitor.Tests.Support;

namespace Monitor.Tests.Architecture;

/// <summary>The house rules of issue 15: rooms depend one way, in the order data flows, and Analysis stays pure.</summary>
public class RoomDependencyTests
{
    private static readonly string Source = Path.Combine(RepoPaths.Root, "src", "Monitor");

    [Fact]
    public void NoRoomImportsOneThatImportsItBack()
    {
        var graph = RoomDependencies.Scan(Source);
        var cycles = RoomDependencies.Cycles(graph);
        Assert.True(cycles.Count == 0, "Mappen die elkaar (via een kring) gebruiken: " +
            string.Join("; ", cycles.Select(c => string.Join(" ↔ ", c) + " (" +
                string.Join(", ", c.SelectMany(a => graph[a].Where(c.Contains).Select(b => $"{a}→{b}"))) + ")")));
    }

    [Fact]
    public void TheScan_SeesTheRoomsAndTheirKnownDependencies()
    {
        var graph = RoomDependencies.Scan(Source);
        // Guards against a scan that silently finds nothing (and so can never fail the test above).
        Assert.Contains("Analysis", graph["Compute"]);
        Assert.Contains("Alerts", graph["Digests"]);
        Assert.Contains("Outbox", graph["Alerts"]);
        Assert.Contains("Hosting", graph["Cli"]);
        Assert.Contains("Hosting", graph["Bench"]);
        Assert.DoesNotContain("Cli", graph["Bench"]);
    }

    [Fact]
    public void Cycles_FindsALoopThroughThreeRooms_AndNoneInALine()
    {
        var loop = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"],
        };
        Assert.Equal([["A", "B", "C"]], RoomDependencies.Cycles(loop));
        var line = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = [] };
        Assert.Empty(RoomDependencies.Cycles(line));
    }

    [Fact]
    public void Scan_CountsUsingsQualifiedAndRelativeNames_NotComments()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        void Write(string room, string code)
        {
            Directory.CreateDirectory(Path.Combine(root, room));
            File.WriteAllText(Path.Combine(root, room, "X.cs"), code);
        }
        Write("Alpha", "using Monitor.Beta;\nnamespace Monitor.Alpha;\nclass X { }");
        Write("Beta", "namespace Monitor.Beta;\nclass X { Gamma.Y y; /// <see cref=\"Alpha.X\"/>\n // Alpha.X\n }");
        Write("Gamma", "namespace Monitor.Gamma;\nclass Y { object o = Monitor.Beta.X.Make(); }");
        var graph = RoomDependencies.Scan(root);
        Assert.Equal(["Beta"], graph["Alpha"]);
        Assert.Equal(["Gamma"], graph["Beta"]);
        Assert.Equal(["Beta"], graph["Gamma"]);
        Assert.Equal([["Beta", "Gamma"]], RoomDependencies.Cycles(graph));
    }

    [Fact]
    public void Analysis_IsPure_NoIoNoClockNoOtherRoomButFormatting()
    {
        var graph = RoomDependencies.Scan(Source);
        Assert.Empty(graph["Analysis"].Except(["Formatting"]));
        var clockOrIo = new Regex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider\.System|\bFile\.|\bDirectory\.|Npgsql|HttpClient|Console\.");
        var offenders = Directory.EnumerateFiles(Path.Combine(Source, "Analysis"), "*.cs", SearchOption.AllDirectories)
            .Where(f => clockOrIo.IsMatch(File.ReadAllText(f))).Select(Path.GetFileName).ToList();
        Assert.Empty(offenders);
    }
}
