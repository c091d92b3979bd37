using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Monitor.Bench;

/// <summary>
/// The whole benchmark, in the order a newcomer would meet the Monitor: generate the national data set, load it
/// (timed against raw COPY and against naive inserts), compute it fully and incrementally, query it as the dashboards
/// do, render the digests, and finally measure ingest memory on files of 250 MB and 1 GB in a child process.
/// </summary>
public sealed partial class BenchRunner(string serverConnectionString, BenchOptions options, BenchHooks hooks, IConfiguration config, TextWriter log)
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
        await Phase("ANALYZE", async () =>
        {
            await using var c = await bench.Db.OpenConnectionAsync(ct);
            await using var analyze = new NpgsqlCommand("ANALYZE", c);
            return await analyze.ExecuteNonQueryAsync(ct);
        });

        if (options.Runs("compute") || options.Runs("panels") || options.Runs("digests") || options.Runs("cli")) await ComputeAsync(bench.Db, data, clock, loaded, end, ct);
        if (options.Runs("cli")) await CliAsync(bench.ConnectionString, end, ct);
        if (options.Runs("panels")) await PanelsAsync(bench.Db, end, ct);
        if (options.Runs("digests")) await DigestsAsync(bench.Db, end, ct);
        return reference.Where(f => f.Kind is "gemeenten" or "herindelingen").ToList();
    }

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
