
namespace Monitor.Bench;

/// <summary>Issue 15: how fast the command line answers (cli_gaps_ms, wrapper_overhead_ms).</summary>
public sealed partial class BenchRunner
{
    /// <summary>Runs per CLI figure after one untimed warm-up (page cache, PostgreSQL's plan and buffer caches).</summary>
    private int CliRuns => options.Quick ? 5 : 9;

    private async Task CliAsync(string benchConnectionString, DateOnly end, CancellationToken ct)
    {
        var exe = CliBench.Executable();
        var env = new Dictionary<string, string> { ["MONITOR_DB"] = benchConnectionString };
        string[] gaps = ["gaps", "--provincie", IncrementalProvincie, "--datum", end.ToString("yyyy-MM-dd")];
        await CliBench.TimeAsync(exe, gaps, env, ct);
        var runs = new List<double>();
        for (var i = 0; i < CliRuns; i++) runs.Add(await CliBench.TimeAsync(exe, gaps, env, ct));
        Add(BenchFigure.Median("cli_gaps_ms", $"monitor gaps --provincie {IncrementalProvincie} op de gegevens van de benchmark: het gebouwde programma, " +
            "van start tot exit (mediaan)", runs, "ms", 300, GoalKind.AtMost));

        const string description = "./monitor --help zonder wijzigingen min het gebouwde programma --help (mediaan van elk)";
        if (CliBench.Checkout() is not { } checkout)
        {
            Add(BenchFigure.Missing("wrapper_overhead_ms", description, "ms", "geen broncode met ./monitor gevonden (een uitrol zonder wrapper)", 200, GoalKind.AtMost));
            return;
        }
        if (CliBench.WrapperWouldBuild(checkout) is { } why)
        {
            Add(BenchFigure.Missing("wrapper_overhead_ms", description, "ms", $"niet gemeten: de wrapper zou nu bouwen ({why}); draai eerst ./monitor --help", 200, GoalKind.AtMost));
            return;
        }
        var wrapper = Path.Combine(checkout, "monitor");
        var built = Path.Combine(checkout, ".monitor", "bin", "monitor");
        string[] help = ["--help"];
        var none = new Dictionary<string, string>();
        await CliBench.TimeAsync(wrapper, help, none, ct);
        await CliBench.TimeAsync(built, help, none, ct);
        var viaWrapper = new List<double>();
        var direct = new List<double>();
        for (var i = 0; i < CliRuns; i++)
        {
            // Interleaved, so a moment of load elsewhere on the machine weighs on both alike.
            viaWrapper.Add(await CliBench.TimeAsync(wrapper, help, none, ct));
            direct.Add(await CliBench.TimeAsync(built, help, none, ct));
        }
        var overhead = Stats.Median(viaWrapper) - Stats.Median(direct);
        Add(new BenchFigure("wrapper_overhead_ms", description, overhead, "ms", viaWrapper.Zip(direct, (w, d) => w - d).ToList(), 200, GoalKind.AtMost,
            $"./monitor {Stats.Median(viaWrapper):0} ms, programma {Stats.Median(direct):0} ms"));
    }
}
