using Monitor.Clock;
using System.Diagnostics;
using Dapper;
using Monitor.Analysis;
using Monitor.Diagnostics;
using Npgsql;

namespace Monitor.Compute;

/// <summary>
/// The compute job: reads the warehouse, runs the analysis engine, and stores the daily series, the taakstelling
/// chains and the findings. Full: every area from the series start to today. Incremental: only the gemeenten the new
/// deliveries touched (and the areas they belong to), from the first date they touched; dates the previous run did not
/// reach yet are always added for every area. Both give the same figures.
/// </summary>
public sealed class ComputeService(NpgsqlDataSource db)
{
    /// <summary>First day of the series: the start of the first Spreidingswet cycle.</summary>
    public static readonly DateOnly SeriesStart = new(2024, 1, 1);

    public sealed record Summary(long RunId, string Mode, DateOnly From, DateOnly AsOf, int Areas, long Written, long Revised,
        int Findings, TimeSpan Took)
    {
        /// <summary>Where the time went (read, model, series, revisions, store, ...).</summary>
        public IReadOnlyList<(string Name, TimeSpan Took)> Phases { get; init; } = [];
    }

    public async Task<Summary?> RunAsync(bool full, long[] triggers, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var phases = new PhaseClock();
        var today = asOf ?? AmsterdamDate.Today();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // One computation at a time, across every server: two would race on the same rows and revisions.
        // Waiting for the other computation takes as long as it does: no command timeout.
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('monitor:compute'))", transaction: tx,
            commandTimeout: 0, cancellationToken: ct));
        phases.Done("lock");

        var lastAsOf = await conn.ExecuteScalarAsync<DateTime?>("SELECT max(as_of) FROM monitor.compute_runs WHERE finished_at IS NOT NULL", transaction: tx);
        var scope = full || lastAsOf is null ? new ComputeScope(true, new Dictionary<string, DateOnly>())
                                             : await ComputeScope.ForDeliveriesAsync(conn, tx, triggers);
        phases.Done("touched");
        DateOnly from;
        var everyArea = scope.Everything;
        if (scope.Everything) from = SeriesStart;
        else
        {
            var last = DateOnly.FromDateTime(lastAsOf!.Value);
            // New days since the last run need every area; touched facts need their gemeenten from their first date.
            var newDays = today > last ? last.AddDays(1) : (DateOnly?)null;
            everyArea = newDays is not null;
            DateOnly? start = new[] { scope.From, newDays }.Where(d => d is not null).Min();
            if (start is null) return null;
            from = start.Value < SeriesStart ? SeriesStart : start.Value;
        }
        if (from > today) return null;
        var mode = scope.Everything ? "full" : "incremental";

        var runId = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO monitor.compute_runs (mode, as_of, trigger_deliveries, date_from) VALUES (@mode, @today, @triggers, @from) RETURNING id
            """, new { mode, today = today.ToDateTime(TimeOnly.MinValue), triggers, from = from.ToDateTime(TimeOnly.MinValue) }, tx);

        var options = AnalysisOptions.Default;
        phases.Done("scope");
        var inputs = await AnalysisInputReader.ReadAsync(conn, scope.Everything ? null : from.AddDays(-options.TrendDays - 1));
        phases.Done("read");
        var model = new AnalysisModel(inputs);
        phases.Done("model");
        var areas = everyArea ? Areas.All(model) : TouchedAreas(model, scope);
        var written = scope.Everything
            ? await SeriesReplacer.ReplaceAsync(conn, tx, runId, triggers, DailySeries.ByArea(model, areas, from, today), from, today, phases, ct)
            : await SeriesWriter.WriteAsync(conn, tx, runId, triggers, DailySeries.Build(model, areas, from, today), phases, ct);

        await TaakstellingWriter.WriteAsync(conn, tx, runId, CarryOver.ForAll(model, today), ct);
        phases.Done("taakstelling");
        // An incremental run that leaves every passed deadline's day alone keeps the stored outcomes: recomputing them
        // all was a third of such a run at ten years (compute_incremental_s, docs/PERFORMANCE.md).
        // The outcomes stored now are those of the latest finished run, whatever date it was computed as of.
        var previousAsOf = scope.Everything ? null : await conn.ExecuteScalarAsync<DateTime?>(
            "SELECT as_of FROM monitor.compute_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1", transaction: tx);
        if (previousAsOf is null || !DeadlineOutcomes.StillHold(model, DateOnly.FromDateTime(previousAsOf.Value), today, scope.From, scope.FiguresTouched))
            await DeadlineOutcomeWriter.WriteAsync(conn, tx, runId, model, today, ct);
        phases.Done("deadlines");
        var findings = await FindingsWriter.WriteAsync(conn, tx, runId, model, today, ct);
        phases.Done("findings");
        await conn.ExecuteAsync("""
            UPDATE monitor.compute_runs SET finished_at = now(), gemeenten = @areas, rows_written = @written, rows_revised = @revised WHERE id = @runId
            """, new { runId, areas = areas.Count, written = written.Written, revised = written.Revised }, tx);
        await tx.CommitAsync(ct);
        phases.Done("commit");
        return new Summary(runId, mode, from, today, areas.Count, written.Written, written.Revised, findings, clock.Elapsed) { Phases = phases.All };
    }

    /// <summary>The touched gemeenten and every area that contains one of them.</summary>
    private static IReadOnlyList<Area> TouchedAreas(AnalysisModel model, ComputeScope scope)
    {
        var touched = scope.FirstDateByGemeente.Keys.ToHashSet(StringComparer.Ordinal);
        return Areas.All(model).Where(a => a.Level == AreaLevel.Land || Areas.Members(model, a).Any(g => touched.Contains(g.Code))).ToList();
    }
}
