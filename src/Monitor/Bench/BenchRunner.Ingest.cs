using Npgsql;

namespace Monitor.Bench;

/// <summary>Ingest throughput against raw COPY, and the naive baseline.</summary>
public sealed partial class BenchRunner
{
    private async Task ThroughputAsync(NpgsqlDataSource db, TimeProvider clock, BenchFile plekken, CancellationToken ct)
    {
        var monitor = new List<double>();
        var copy = new List<double>();
        var ratios = new List<double>();
        var phases = new Dictionary<string, List<double>>();
        var cpu = await CpuMeter.ForAsync(db);
        void Cpu(string name, (double Client, double? Server) before)
        {
            var after = cpu.Now();
            (phases.TryGetValue(name + ".cpu_client", out var c) ? c : phases[name + ".cpu_client"] = []).Add(after.Client - before.Client);
            if (after.Server - before.Server is { } server)
                (phases.TryGetValue(name + ".cpu_server", out var s) ? s : phases[name + ".cpu_server"] = []).Add(server);
        }
        for (var i = 1; i <= options.Repeat; i++)
        {
            var start = cpu.Now();
            var (copySeconds, copied) = await IngestBench.RawCopyAsync(db, plekken.Path, ct);
            Cpu("copy", start);
            if (copied != plekken.Rows) throw new InvalidOperationException($"De ruwe kopie las {copied} regels, verwacht {plekken.Rows}.");
            start = cpu.Now();
            var (seconds, result) = await IngestBench.MonitorIngestAsync(db, clock, plekken, ct);
            Cpu("monitor", start);
            if (result.RowsRead != plekken.Rows) throw new InvalidOperationException($"De lader las {result.RowsRead} regels, verwacht {plekken.Rows}.");
            monitor.Add(plekken.Rows / seconds);
            copy.Add(plekken.Rows / copySeconds);
            ratios.Add(copySeconds / seconds);
            foreach (var (name, took) in result.Phases) (phases.TryGetValue(name, out var l) ? l : phases[name] = []).Add(took.TotalSeconds);
            Say($"  inlezen {i}/{options.Repeat}: monitor {seconds:0.0} s, ruwe kopie {copySeconds:0.0} s " +
                $"({string.Join(", ", result.Phases.Select(p => $"{p.Name} {p.Took.TotalSeconds:0.0}"))}; " +
                $"cpu {string.Join(", ", phases.Where(p => p.Key.Contains(".cpu_")).Select(p => $"{p.Key} {p.Value[^1]:0.0}"))})");
            if (i < options.Repeat) await IngestBench.UndoPlekkenAsync(db, result.DeliveryId);
        }
        Add(BenchFigure.Median("ingest_rows", "regels in de plekkenlevering (één CSV, dagelijkse momentopnamen)", [plekken.Rows], "rows"));
        Add(BenchFigure.Median("ingest_monitor_rows_per_s", "plekken-CSV door de echte laadroute (hash, ruwe bytes, parse, controles, COPY, samenvoegen, herkomst)", monitor, "rows/s"));
        Add(BenchFigure.Median("ingest_copy_rows_per_s", "dezelfde CSV met PostgreSQL's COPY FROM STDIN (FORMAT csv) in een kale tabel", copy, "rows/s"));
        Add(BenchFigure.Median("ingest_ratio", "monitor ÷ COPY (rows/s), per herhaling", ratios, "ratio", 0.5, GoalKind.AtLeast));
        foreach (var (name, runs) in phases) _report.Phases[$"ingest.{name}"] = Stats.Median(runs);
        if (phases.TryGetValue("copy.cpu_server", out var copyServer) && phases.TryGetValue("monitor.cpu_server", out var monitorServer))
        {
            // CPU seconds move far less than wall time when other work shares the machine: the same ratio, by work done.
            var copyCpu = copyServer.Zip(phases["copy.cpu_client"], (a, b) => a + b).ToList();
            var monitorCpu = monitorServer.Zip(phases["monitor.cpu_client"], (a, b) => a + b).ToList();
            Add(BenchFigure.Median("ingest_cpu_ratio", "CPU-seconden (client + PostgreSQL) van COPY ÷ die van de laadroute, per herhaling",
                copyCpu.Zip(monitorCpu, (c, m) => c / m).ToList(), "ratio"));
        }
    }

    private async Task NaiveAsync(NpgsqlDataSource db, BenchFile plekken, CancellationToken ct)
    {
        var (rate, rows) = await Phase("naïef: INSERT per regel", () => IngestBench.NaiveAsync(db, plekken.Path, options.NaiveSample, ct));
        Add(BenchFigure.Median("naive_rows_per_s", $"één Dapper-INSERT per regel (autocommit), gemeten over de eerste {rows:N0} regels en als rows/s doorgetrokken",
            [rate], "rows/s"));
        if (_report.Figure("ingest_monitor_rows_per_s")?.Value is { } m)
            Add(BenchFigure.Median("naive_ratio", "monitor ÷ naïef (rows/s)", [m / rate], "ratio"));
    }
}
