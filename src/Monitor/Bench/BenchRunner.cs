using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Cli;
using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Npgsql;

namespace Monitor.Bench;

/// <summary>
/// The whole benchmark, in the order a newcomer would meet the Monitor: generate the national data set, load it
/// (timed against raw COPY and against naive inserts), compute it fully and incrementally, query it as the dashboards
/// do, render the digests, and finally measure ingest memory on files of 250 MB and 1 GB in a child process.
/// </summary>
public sealed class BenchRunner(string serverConnectionString, BenchOptions options, BenchHooks hooks, IConfiguration config, TextWriter log)
{
    /// <summary>The provincie whose new day is delivered for the incremental run: Utrecht, 26 gemeenten.</summary>
    public const string IncrementalProvincie = "PV26";

    private BenchReport _report = null!;

    public async Task<BenchReport> RunAsync(CancellationToken ct)
    {
        var end = BenchDataSet.Start.AddYears(options.Years).AddDays(-1);
        var loaded = end.AddDays(-options.Repeat);   // the last options.Repeat days arrive one by one for the incremental runs
        _report = new BenchReport
        {
            Settings = new BenchSettings(options.Years, options.Repeat, options.Quick, BenchDataSet.Start, end, options.DatabaseName),
            Machine = BenchMachine.Current(),
        };
        Directory.CreateDirectory(options.WorkDirectory);
        try
        {
            var reference = await MainAsync(end, loaded, ct);
            if (options.Runs("memory")) await MemoryAsync(reference, ct);
        }
        finally
        {
            try { Directory.Delete(options.WorkDirectory, recursive: true); } catch (IOException) { }
        }
        _report.Finished = DateTimeOffset.UtcNow;
        _report.LoadAverageAtEnd = Stats.LoadAverage();
        return _report;
    }

    private async Task<IReadOnlyList<BenchFile>> MainAsync(DateOnly end, DateOnly loaded, CancellationToken ct)
    {
        // The loader refuses a peildatum after tomorrow; the bench's years lie ahead of the calendar, so its today is their end.
        var clock = new FixedClock(end.AddDays(1));
        await using var bench = await BenchDatabase.CreateAsync(serverConnectionString, options.DatabaseName, options.KeepDatabase);
        var data = new BenchDataSet(options.WorkDirectory, end);

        var reference = await Phase("genereren: referentie, opgaven, afspraken", () => Task.FromResult(data.WriteReference()));
        var plekken = await Phase("genereren: plekken (dagelijks)", () => Task.FromResult(data.WritePlekken("plekken.csv", BenchDataSet.Start, loaded)));
        var huisvesting = await Phase("genereren: huisvesting (dagelijks)",
            () => Task.FromResult(data.WriteHuisvesting("huisvesting.csv", BenchDataSet.Start, loaded)));
        Say($"Gegevens: {plekken.Rows:N0} plekkenregels ({Mb(plekken.Path)} MB), {huisvesting.Rows:N0} huisvestingsregels, " +
            $"{BenchDataSet.Start:yyyy-MM-dd} t/m {loaded:yyyy-MM-dd}.");
        await Phase("laden: referentie, opgaven, afspraken", async () =>
        {
            foreach (var f in reference) await IngestBench.MonitorIngestAsync(bench.Db, clock, f, ct);
            return 0;
        });

        if (options.Runs("ingest")) await ThroughputAsync(bench.Db, clock, plekken, ct);
        else await Phase("laden: plekken", () => IngestBench.MonitorIngestAsync(bench.Db, clock, plekken, ct));
        if (options.Runs("ingest")) await NaiveAsync(bench.Db, plekken, ct);
        var (housingSeconds, _) = await Phase("laden: huisvesting", () => IngestBench.MonitorIngestAsync(bench.Db, clock, huisvesting, ct));
        Add(BenchFigure.Median("ingest_huisvesting_rows_per_s", "huisvesting (dagelijks) door de echte laadroute, ter informatie",
            [huisvesting.Rows / housingSeconds], "rows/s"));
        await Phase("ANALYZE", async () => { await using var c = await bench.Db.OpenConnectionAsync(ct); await new NpgsqlCommand("ANALYZE", c).ExecuteNonQueryAsync(ct); return 0; });

        if (options.Runs("compute") || options.Runs("panels") || options.Runs("digests")) await ComputeAsync(bench.Db, data, clock, loaded, end, ct);
        if (options.Runs("panels")) await PanelsAsync(bench.Db, end, ct);
        if (options.Runs("digests")) await DigestsAsync(bench.Db, end, ct);
        return reference.Where(f => f.Kind is "gemeenten" or "herindelingen").ToList();
    }

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

    private async Task ComputeAsync(NpgsqlDataSource db, BenchDataSet data, TimeProvider clock, DateOnly loaded, DateOnly end, CancellationToken ct)
    {
        // The first full run fills an empty series (the bulk path); the nightly full run finds it filled and writes
        // only what changed. Both are timed, the first once and the nightly one options.Repeat times.
        var (firstSeconds, first) = await ComputeBench.FullAsync(db, loaded, ct);
        Keep("compute_full_first", first.Phases);
        Say($"  volledig rekenen, lege reeks: {firstSeconds:0.0} s, {first.Written:N0} rijen ({Phases(first.Phases)})");
        Add(BenchFigure.Median("compute_full_first_s", $"eerste volledige herberekening in een lege reeks: {first.Areas} gebieden × 4 opgaven × " +
            $"{loaded.DayNumber - BenchDataSet.Start.DayNumber + 1} dagen = {first.Written:N0} rijen geschreven", [firstSeconds], "s", 30, GoalKind.AtMost));
        var full = new List<double>();
        for (var i = 1; i <= options.Repeat; i++)
        {
            var (seconds, summary) = await ComputeBench.FullAsync(db, loaded, ct);
            full.Add(seconds);
            Keep("compute_full", summary.Phases);
            Say($"  volledig rekenen {i}/{options.Repeat}: {seconds:0.0} s, {summary.Written:N0} rijen gewijzigd ({Phases(summary.Phases)})");
        }
        Add(BenchFigure.Median("compute_full_s", $"volledige herberekening (de nachtelijke run): alle {first.Written:N0} rijen berekend en vergeleken met wat er staat",
            full, "s", 30, GoalKind.AtMost));

        var incremental = new List<double>();
        var pv = data.Gemeenten.Where(g => g.ProvincieCode == IncrementalProvincie).Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        for (var day = loaded.AddDays(1); day <= end; day = day.AddDays(1))
        {
            // One new day for one provincie: its gemeenten's huisvesting counts, and its own plekken feed's snapshot.
            var housing = data.WriteHuisvesting($"huisvesting-{IncrementalProvincie}-{day:yyyy-MM-dd}.csv", day, day, pv);
            await IngestBench.MonitorIngestAsync(db, clock, housing, ct);
            await IngestBench.MonitorIngestAsync(db, clock, ProvincialSnapshot(pv, loaded, day), ct);
            var (seconds, s) = await ComputeBench.IncrementalAsync(db, day, ct);
            incremental.Add(seconds);
            Keep("compute_incremental", s.Phases);
            Say($"  incrementeel rekenen {day:yyyy-MM-dd}: {seconds:0.00} s ({s.Mode}, {s.Areas} gebieden vanaf {s.From:yyyy-MM-dd}, {s.Written:N0} rijen; {Phases(s.Phases)})");
        }
        foreach (var (name, runs) in _kept) _report.Phases[name] = Stats.Median(runs);
        Add(BenchFigure.Median("compute_incremental_s", $"incrementele herberekening na één nieuwe dag voor één provincie ({IncrementalProvincie}: huisvesting en een eigen plekkenfeed)",
            incremental, "s", 1, GoalKind.AtMost));

        var afterIncremental = await ComputeBench.SeriesDigestAsync(db);
        var (_, check) = await ComputeBench.FullAsync(db, end, ct);
        var afterFull = await ComputeBench.SeriesDigestAsync(db);
        var identical = afterIncremental == afterFull && check.Revised == 0;
        Add(new BenchFigure("compute_incremental_identical", "cijfers na de incrementele runs gelijk aan een volledige herberekening (vingerafdruk van monitor.series; 1 = gelijk)",
            identical ? 1 : 0, "bool", [identical ? 1 : 0], 1, GoalKind.Equals,
            identical ? null : $"incrementeel {afterIncremental}, volledig {afterFull}, {check.Revised} herzien"));
    }

    /// <summary>A provincial feed's snapshot on <paramref name="day"/>: one new location per gemeente since the day after
    /// the loaded years (so each day's delivery adds to the feed, and the figures move).</summary>
    private BenchFile ProvincialSnapshot(IReadOnlySet<string> gemeenten, DateOnly loaded, DateOnly day)
    {
        var path = Path.Combine(options.WorkDirectory, $"plekken-{IncrementalProvincie}-{day:yyyy-MM-dd}.csv");
        using var w = new StreamWriter(path);
        w.Write("peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf\n");
        var rows = 0;
        for (var d = loaded.AddDays(1); d <= day; d = d.AddDays(1))
            foreach (var g in gemeenten.Order(StringComparer.Ordinal))
            {
                w.Write($"{day:yyyy-MM-dd},asiel,{g},{IncrementalProvincie}-{g[2..]}-{d:MMdd},beschikbaar,{20 + g[^1] - '0'},{d:yyyy-MM-dd}\n");
                rows++;
            }
        return new BenchFile(path, "plekken", $"provincie-{IncrementalProvincie}", rows);
    }

    private async Task PanelsAsync(NpgsqlDataSource db, DateOnly end, CancellationToken ct)
    {
        var outcome = await Phase("panelquery's", () => PanelQueryBench.RunAsync(db, hooks, BenchDataSet.Start, end, options.PanelRuns, ct));
        const string description = "p95 per panelquery (elke query van elk dashboard, 1 jaar en volledig bereik, als de alleen-lezen rol); het figuur is de traagste";
        if (outcome.NotMeasured is { } why)
        {
            Add(BenchFigure.Missing("panel_query_p95_ms", description, "ms", why, 50, GoalKind.AtMost));
            return;
        }
        Add(new BenchFigure("panel_query_p95_ms", description, outcome.Timings.Max(t => t.P95Ms), "ms",
            outcome.Timings.Select(t => t.P95Ms).ToList(), 50, GoalKind.AtMost,
            $"{outcome.Dashboards} dashboards, {outcome.Timings.Count} metingen, {outcome.Timings.Count(t => t.P95Ms >= 50)} boven 50 ms"));
        foreach (var t in outcome.Timings.OrderByDescending(t => t.P95Ms).Take(8))
            _report.Notes.Add($"panel {t.Where} ({t.Range}): p95 {t.P95Ms:0.0} ms, mediaan {t.MedianMs:0.0} ms");
    }

    private async Task DigestsAsync(NpgsqlDataSource db, DateOnly end, CancellationToken ct)
    {
        const string description = "alle 12 provinciale digests met grafieken samen";
        if (hooks.Digests is not { } factory)
        {
            Add(BenchFigure.Missing("digests_s", description, "s", "geen digest-renderer aangesloten (BenchHooks.Digests)", 10, GoalKind.AtMost));
            return;
        }
        await using var services = new ServiceCollection().AddMonitorServices(config, db).BuildServiceProvider();
        var folder = Path.Combine(options.WorkDirectory, "digests");
        Directory.CreateDirectory(folder);
        var render = factory(services, end, folder);
        await using var conn = await db.OpenConnectionAsync(ct);
        var provincies = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT code FROM monitor.provincies ORDER BY code", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) provincies.Add(reader.GetString(0));
        var runs = new List<double>();
        for (var i = 0; i < options.Repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var p in provincies) await render(p);
            runs.Add(clock.Elapsed.TotalSeconds);
        }
        Add(BenchFigure.Median("digests_s", $"{description} ({provincies.Count} provincies)", runs, "s", 10, GoalKind.AtMost));
    }

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
            File.Delete(file.Path);
            if (outcome.ExitCode != 0) throw new InvalidOperationException($"monitor ingest faalde ({outcome.ExitCode}): {outcome.Output}");
            Say($"  {size / 1_000_000.0:0} MB, {file.Rows:N0} regels: piek-RSS {outcome.PeakRssMb:0} MB in {outcome.Seconds:0.0} s " +
                $"({file.Rows / outcome.Seconds:N0} rows/s)");
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

    private async Task<T> Phase<T>(string name, Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        _report.Phases[name] = clock.Elapsed.TotalSeconds;
        Say($"{name}: {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    private void Add(BenchFigure figure)
    {
        _report.Add(figure);
        log.WriteLine($"» {figure.Name}: {Show(figure)}");
    }

    public static string Show(BenchFigure f) =>
        (f.Value is { } v ? $"{Format(v, f.Unit)} {f.Unit}" : "niet gemeten") +
        (f.Goal is { } g ? $" (doel {(f.GoalKind == GoalKind.AtLeast ? "≥" : f.GoalKind == GoalKind.AtMost ? "<" : "=")} {Format(g, f.Unit)}{(f.Met is { } met ? met ? ": gehaald" : ": NIET gehaald" : "")})" : "") +
        (f.Runs.Count > 1 ? $" [runs: {string.Join(", ", f.Runs.Select(r => Format(r, f.Unit)))}]" : "") +
        (f.Note is { } n ? $" — {n}" : "");

    private static string Format(double v, string unit) => unit switch
    {
        "rows/s" or "rows" => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        "ms" or "MB" => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
    };

    private void Say(string line) => log.WriteLine(line);

    private static long Mb(string path) => new FileInfo(path).Length / 1_000_000;

    /// <summary>A clock standing still on one day (noon UTC), for the loader's "peildatum in de toekomst" check.</summary>
    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
