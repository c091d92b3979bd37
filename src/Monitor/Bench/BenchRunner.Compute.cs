using Npgsql;

namespace Monitor.Bench;

/// <summary>Full and incremental recomputation, and whether they agree.</summary>
public sealed partial class BenchRunner
{
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
        var deliveryToAlert = new List<double>();
        await using var alerts = DeliveryToAlert.Create(db, config);
        // The days before, untimed: a fresh warehouse's alerts are new on the first evaluation and fire (with their first
        // mails) on the next (Alerts:ForDays). The timed runs are the daily step that follows, as in a running service.
        foreach (var before in new[] { loaded.AddDays(-1), loaded }) await alerts.EvaluateAsync(before, ct);
        var pv = data.Gemeenten.Where(g => g.ProvincieCode == IncrementalProvincie).Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        for (var day = loaded.AddDays(1); day <= end; day = day.AddDays(1))
        {
            // One new day for one provincie: its gemeenten's huisvesting counts, and its own plekken feed's snapshot.
            var housing = data.WriteHuisvesting($"huisvesting-{IncrementalProvincie}-{day:yyyy-MM-dd}.csv", day, day, pv);
            var snapshot = ProvincialSnapshot(pv, loaded, day);
            var delivered = System.Diagnostics.Stopwatch.StartNew();   // the files are there: from here the Monitor's own work
            await IngestBench.MonitorIngestAsync(db, clock, housing, ct);
            await IngestBench.MonitorIngestAsync(db, clock, snapshot, ct);
            var ingested = delivered.Elapsed.TotalSeconds;
            var (seconds, s) = await ComputeBench.IncrementalAsync(db, day, ct);
            var evaluation = await alerts.EvaluateAsync(day, ct);
            deliveryToAlert.Add(delivered.Elapsed.TotalSeconds);
            Say($"  levering → meldingen {day:yyyy-MM-dd}: {deliveryToAlert[^1]:0.00} s (inlezen {ingested:0.00} s, rekenen {seconds:0.00} s, " +
                $"meldingen {evaluation.Seconds:0.00} s, {evaluation.Conditions} condities)");
            incremental.Add(seconds);
            Keep("compute_incremental", s.Phases);
            Say($"  incrementeel rekenen {day:yyyy-MM-dd}: {seconds:0.00} s ({s.Mode}, {s.Areas} gebieden vanaf {s.From:yyyy-MM-dd}, {s.Written:N0} rijen; {Phases(s.Phases)})");
        }
        foreach (var (name, runs) in _kept) _report.Phases[name] = Stats.Median(runs);
        Add(BenchFigure.Median("compute_incremental_s", $"incrementele herberekening na één nieuwe dag voor één provincie ({IncrementalProvincie}: huisvesting en een eigen plekkenfeed)",
            incremental, "s", 1, GoalKind.AtMost));

        Add(BenchFigure.Median("delivery_to_alert_s", $"een nieuwe levering voor één provincie ({IncrementalProvincie}: huisvesting en een eigen plekkenfeed) " +
            "tot en met de meldingen: inlezen, incrementeel rekenen, meldingen beoordelen (landelijk)", deliveryToAlert, "s", 2, GoalKind.AtMost));

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
}
