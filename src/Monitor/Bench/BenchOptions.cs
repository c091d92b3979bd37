namespace Monitor.Bench;

/// <summary>What one bench run does. <see cref="Quick"/> is the smoke-test size: everything measured once, small.</summary>
/// <param name="Years">Years of daily data from 2024-01-01.</param>
/// <param name="Repeat">Repetitions of each timed figure; the median is reported.</param>
/// <param name="MemoryFileBytes">Sizes of the CSV files whose ingest memory is measured (the largest at least 1 GB in a full run).</param>
/// <param name="NaiveSample">Rows inserted one by one for the naive baseline (extrapolated as rows/s).</param>
/// <param name="PanelRuns">Timed runs of each panel query per range (after one warm-up run).</param>
public sealed record BenchOptions(int Years, int Repeat, bool Quick, IReadOnlyList<long> MemoryFileBytes, int NaiveSample, int PanelRuns,
    string WorkDirectory, string DatabaseName = "monitor_bench", bool KeepDatabase = false, IReadOnlySet<string>? Only = null)
{
    /// <summary>The parts a run can be limited to with --only.</summary>
    public static readonly string[] Parts = ["ingest", "compute", "panels", "digests", "memory", "cli"];

    public bool Runs(string part) => Only is null || Only.Contains(part);

    public static BenchOptions Create(int? years, int? repeat, bool quick, string? workDirectory, bool keep = false) => new(
        years ?? (quick ? 1 : 10),
        repeat ?? (quick ? 1 : 3),
        quick,
        quick ? [20L << 20, 80L << 20] : [250L * 1000 * 1000, 1024L * 1024 * 1024],
        quick ? 2_000 : 20_000,
        quick ? 3 : 20,
        workDirectory ?? Path.Combine(Path.GetTempPath(), $"monitor-bench-{Environment.ProcessId}"),
        KeepDatabase: keep);
}
