
namespace Monitor.Bench;

/// <summary>Peak memory of <c>monitor ingest</c> on files of 250 MB and 1 GB.</summary>
public sealed partial class BenchRunner
{
    private async Task MemoryAsync(IReadOnlyList<BenchFile> reference, CancellationToken ct)
    {
        await using var mem = await BenchDatabase.CreateAsync(serverConnectionString, options.DatabaseName + "_mem", options.KeepDatabase);
        foreach (var f in reference) await IngestBench.MonitorIngestAsync(mem.Db, TimeProvider.System, f, ct);
        // A world long enough for files of more than a gigabyte of daily snapshots.
        var data = new BenchDataSet(options.WorkDirectory, new DateOnly(2046, 12, 31));
        var peaks = new List<(double Bytes, double PeakMb)>();
        foreach (var bytes in options.MemoryFileBytes)
        {
            var file = await Phase($"genereren: {bytes / 1_000_000} MB plekken", () => Task.FromResult(
                data.WriteSizedPlekken($"geheugen-{bytes}.csv", bytes, DateOnly.FromDateTime(DateTime.Today))));
            var size = new FileInfo(file.Path).Length;
            var outcome = await Phase($"monitor ingest {size / 1_000_000} MB (kindproces)",
                () => MemoryBench.IngestInChildAsync(mem.ConnectionString, file.Path, $"geheugen-{bytes}", ct));
            if (outcome.ExitCode != 0) throw new InvalidOperationException($"monitor ingest faalde ({outcome.ExitCode}): {outcome.Output}");
            // The same bytes through PostgreSQL's own COPY: the ratio of the real command, process start to exit.
            var (copySeconds, copied) = await IngestBench.RawCopyAsync(mem.Db, file.Path, ct);
            File.Delete(file.Path);
            if (copied != file.Rows) throw new InvalidOperationException($"De ruwe kopie las {copied} regels, verwacht {file.Rows}.");
            Say($"  {size / 1_000_000.0:0} MB, {file.Rows:N0} regels: piek-RSS {outcome.PeakRssMb:0} MB in {outcome.Seconds:0.0} s " +
                $"({file.Rows / outcome.Seconds:N0} rows/s; ruwe kopie {copySeconds:0.0} s)");
            Add(BenchFigure.Median($"ingest_cli_ratio_{size / 1_000_000}mb",
                "monitor ingest als kindproces (van start tot exit) ÷ COPY van hetzelfde bestand in een kale tabel (rows/s)",
                // On small files the process start weighs in; the goal is for the file of a gigabyte.
                [copySeconds / outcome.Seconds], "ratio", size >= 1_000_000_000 ? 0.5 : null, size >= 1_000_000_000 ? GoalKind.AtLeast : null));
            peaks.Add((size, outcome.PeakRssMb));
            Add(new BenchFigure($"ingest_peak_rss_mb_{size / 1_000_000}mb", $"piek-RSS van monitor ingest (kindproces) voor een CSV van {size / 1_000_000.0:0} MB ({file.Rows:N0} regels)",
                outcome.PeakRssMb, "MB", [outcome.PeakRssMb], 300, GoalKind.AtMost));
            Add(BenchFigure.Median($"ingest_child_rows_per_s_{size / 1_000_000}mb", "hetzelfde kindproces: regels per seconde, van start tot exit", [file.Rows / outcome.Seconds], "rows/s"));
        }
        var largest = peaks.MaxBy(p => p.Bytes);
        var smallest = peaks.MinBy(p => p.Bytes);
        Add(new BenchFigure("ingest_peak_rss_growth", $"piek-RSS bij {largest.Bytes / 1e6:0} MB ÷ piek-RSS bij {smallest.Bytes / 1e6:0} MB (vlak: ≈ 1)",
            largest.PeakMb / smallest.PeakMb, "ratio", [largest.PeakMb / smallest.PeakMb], 1.25, GoalKind.AtMost));
        if (largest.Bytes < 1e9 && !options.Quick)
            _report.Notes.Add($"Het grootste geheugenbestand was {largest.Bytes / 1e9:0.00} GB, niet de beoogde 1 GB: de dagen vóór vandaag raakten op.");
    }

    private readonly Dictionary<string, List<double>> _kept = new(StringComparer.Ordinal);

    /// <summary>Keeps a job's phases under a prefix; their medians go into the report.</summary>
    private void Keep(string prefix, IReadOnlyList<(string Name, TimeSpan Took)> phases)
    {
        foreach (var (name, took) in phases)
            (_kept.TryGetValue($"{prefix}.{name}", out var l) ? l : _kept[$"{prefix}.{name}"] = []).Add(took.TotalSeconds);
    }

    private static string Phases(IReadOnlyList<(string Name, TimeSpan Took)> phases) =>
        string.Join(", ", phases.Select(p => $"{p.Name} {p.Took.TotalSeconds:0.00}"));
}
