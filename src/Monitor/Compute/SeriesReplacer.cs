using Dapper;
using Monitor.Analysis;
using Monitor.Diagnostics;
using Monitor.Warehouse;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Compute;

/// <summary>
/// A full run's series: the whole truth from the series start to today, for every area. At national scale that is
/// millions of rows, of which a nightly run changes a handful, so the stored rows are read area by area (a primary-key
/// range each), compared with the computed ones here, and only what differs is written: changed rows (each a revision,
/// as before), new rows, rows and areas that no longer exist. An empty series, or a change to a large part of it, is
/// rewritten in bulk instead: emptied, copied in key order without its indexes, indexes rebuilt once.
/// A row's run_id is the run that last changed it, as with incremental runs.
/// </summary>
public static class SeriesReplacer
{
    /// <summary>Above this share of changed rows, rewriting everything is cheaper than updating row by row.</summary>
    private const double BulkShare = 0.2;
    private const int FlushEvery = 20_000;

    internal static readonly string[] Methods =
        [ProjectionMethods.Pijplijn, ProjectionMethods.PijplijnTrend, ProjectionMethods.Tempo, ProjectionMethods.TempoTrend];

    public static async Task<SeriesWriter.Outcome> ReplaceAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, long[] causes,
        SeriesByArea series, DateOnly from, DateOnly to, PhaseClock phases, CancellationToken ct)
    {
        var areas = series.Areas.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        if (!await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM monitor.series)", transaction: tx))
        {
            var all = await BulkAsync(conn, tx, runId, series, areas, phases, ct);
            return new SeriesWriter.Outcome(all, 0);
        }

        await conn.ExecuteAsync($"""
            CREATE TEMP TABLE series_changes (op text NOT NULL, revised boolean NOT NULL, {StagedColumns}) ON COMMIT DROP
            """, transaction: tx);
        var diff = new SeriesAreaDiff(from, to);
        var changes = new List<SeriesChange>(FlushEvery);
        long total = 0, changed = 0, written = 0;
        // Level and method come as their position in Levels and Methods (0: a method this version does not know), not as
        // text, and the numeric(8,2) percentage in hundredths: integers are what decodes fastest, for millions of rows.
        await using (var read = new NpgsqlCommand("""
            SELECT array_position('{gemeente,provincie,regio,land}'::text[], niveau), opgave, datum, opgave_aantal, gerealiseerd, gap, tekort,
                   (realisatie_pct * 100)::int, duurzaam, deadline, prognose_laag, prognose_midden, prognose_hoog,
                   coalesce(array_position('{pijplijn,pijplijn+trend,tempo,tempo+trend}'::text[], methode), CASE WHEN methode IS NULL THEN NULL ELSE 0 END), run_id
            FROM monitor.series WHERE gebiedcode = $1
            """, conn, tx) { Parameters = { new() { NpgsqlDbType = NpgsqlDbType.Text } } })
        {
            await read.PrepareAsync(ct);
            foreach (var area in areas)
            {
                read.Parameters[0].Value = area.Code;
                await using (var reader = await read.ExecuteReaderAsync(ct)) await diff.ReadStoredAsync(reader, ct);
                total += diff.Compare(area, series.RowsOf(area), changes);
                if (changes.Count >= FlushEvery) (changed, written) = Add((changed, written), await FlushAsync(conn, changes, ct));
            }
        }
        (changed, written) = Add((changed, written), await FlushAsync(conn, changes, ct));
        var vanished = (await conn.QueryAsync<string>(DistinctAreasSql, transaction: tx))
            .Except(areas.Select(a => a.Code), StringComparer.Ordinal).ToArray();
        phases.Done("compare");

        var args = new { run = runId, causes, vanished };
        var revised = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO monitor.series_revisions (gebiedcode, opgave, datum, oud_opgave_aantal, nieuw_opgave_aantal, oud_gerealiseerd,
                nieuw_gerealiseerd, oud_gap, nieuw_gap, oud_prognose_midden, nieuw_prognose_midden, oud_run_id, run_id, oorzaak_leveringen,
                oud_tekort, oud_realisatie_pct, oud_deadline, oud_prognose_laag, oud_prognose_hoog)
            SELECT gebiedcode, opgave, datum, oud_opgave_aantal, opgave_aantal, oud_gerealiseerd, gerealiseerd, oud_gap, gap,
                   oud_prognose_midden, prognose_midden, oud_run_id, @run, @causes,
                   oud_tekort, oud_pct_hundredths / 100.0, oud_deadline, oud_prognose_laag, oud_prognose_hoog
            FROM series_changes WHERE revised
            """, args, tx, commandTimeout: 0, cancellationToken: ct));
        phases.Done("revisions");

        if (changed > BulkShare * total) written = await BulkAsync(conn, tx, runId, series, areas, phases, ct);
        else
        {
            await conn.ExecuteAsync("ANALYZE series_changes", transaction: tx);
            await conn.ExecuteAsync(new CommandDefinition($"""
                DELETE FROM monitor.series WHERE gebiedcode = ANY(@vanished);
                DELETE FROM monitor.series s USING series_changes c
                WHERE c.op = 'd' AND s.gebiedcode = c.gebiedcode AND s.opgave = c.opgave AND s.datum = c.datum;
                UPDATE monitor.series s SET niveau = c.niveau, opgave_aantal = c.opgave_aantal, gerealiseerd = c.gerealiseerd, gap = c.gap,
                       tekort = c.tekort, realisatie_pct = c.realisatie_pct, duurzaam = c.duurzaam, deadline = c.deadline,
                       prognose_laag = c.prognose_laag, prognose_midden = c.prognose_midden, prognose_hoog = c.prognose_hoog,
                       methode = c.methode, run_id = @run
                FROM series_changes c
                WHERE c.op = 'u' AND s.gebiedcode = c.gebiedcode AND s.opgave = c.opgave AND s.datum = c.datum;
                INSERT INTO monitor.series ({SeriesWriter.Columns}, run_id)
                SELECT {SeriesWriter.Columns}, @run FROM series_changes WHERE op = 'i';
                """, args, tx, commandTimeout: 0, cancellationToken: ct));
            phases.Done("apply");
        }
        return new SeriesWriter.Outcome(written, revised);
    }

    /// <summary>Every gebiedcode in the series, by one index probe each (a loose index scan) rather than a scan of millions of rows.</summary>
    private const string DistinctAreasSql = """
        WITH RECURSIVE a (code) AS (
            SELECT min(gebiedcode) FROM monitor.series
            UNION ALL
            SELECT (SELECT min(gebiedcode) FROM monitor.series WHERE gebiedcode > a.code) FROM a WHERE a.code IS NOT NULL)
        SELECT code FROM a WHERE code IS NOT NULL
        """;

    private const string StagedColumns = """
        gebiedcode text NOT NULL, niveau text, opgave text NOT NULL, datum date NOT NULL, opgave_aantal int, gerealiseerd int, gap int,
        tekort int, realisatie_pct numeric(8, 2), duurzaam int, deadline date, prognose_laag int, prognose_midden int, prognose_hoog int,
        methode text, oud_opgave_aantal int, oud_gerealiseerd int, oud_gap int, oud_prognose_midden int, oud_run_id bigint,
        oud_tekort int, oud_pct_hundredths int, oud_deadline date, oud_prognose_laag int, oud_prognose_hoog int
        """;

    /// <summary>Empties the series and copies every row in key order without indexes or constraints; rebuilds the
    /// indexes and re-adds the keys (whatever migrations defined) once at the end. Emptied in this transaction, the table is written without WAL on a private
    /// cluster (wal_level minimal), and readers see the old series until the commit.</summary>
    private static async Task<long> BulkAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, SeriesByArea series,
        IReadOnlyList<Area> areas, PhaseClock phases, CancellationToken ct)
    {
        var indexes = (await conn.QueryAsync<(string Name, string Definition, string? Constraint)>("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), c.conname
            FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
            WHERE i.indrelid = 'monitor.series'::regclass
            """, transaction: tx)).ToList();
        // Keys, not the foreign key on run_id: dropping that would lock monitor.compute_runs for every reader (health,
        // Grafana's computations panel, the next job) until this transaction commits; checking it per row costs time only
        // on this first, bulk write.
        var constraints = (await conn.QueryAsync<(string Name, string Definition)>("""
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = 'monitor.series'::regclass AND contype IN ('p', 'u') ORDER BY contype DESC
            """, transaction: tx)).ToList();
        await conn.ExecuteAsync("TRUNCATE monitor.series", transaction: tx);
        foreach (var (name, _) in constraints) await conn.ExecuteAsync($"ALTER TABLE monitor.series DROP CONSTRAINT \"{name}\"", transaction: tx);
        foreach (var (name, _, constraint) in indexes.Where(i => i.Constraint is null))
            await conn.ExecuteAsync($"DROP INDEX {name}", transaction: tx);

        long rows = 0;
        await using (var copy = await CopyRows.BeginAsync(conn, $"COPY monitor.series ({SeriesWriter.Columns}, run_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var area in areas)
                foreach (var r in series.RowsOf(area).OrderBy(r => r.Opgave.Code(), StringComparer.Ordinal).ThenBy(r => r.Datum))
                {
                    SeriesWriter.WriteRow(copy, r);
                    copy.Write(runId);
                    copy.EndRow();
                    rows++;
                }
            await copy.CompleteAsync();
        }
        phases.Done("insert");
        await conn.ExecuteAsync("SET LOCAL maintenance_work_mem = '256MB'", transaction: tx);
        foreach (var (name, definition) in constraints)
            await conn.ExecuteAsync(new CommandDefinition($"ALTER TABLE monitor.series ADD CONSTRAINT \"{name}\" {definition}",
                transaction: tx, commandTimeout: 0, cancellationToken: ct));
        foreach (var (_, definition, _) in indexes.Where(i => i.Constraint is null))
            await conn.ExecuteAsync(new CommandDefinition(definition, transaction: tx, commandTimeout: 0, cancellationToken: ct));
        phases.Done("indexes");
        return rows;
    }

    private static (long, long) Add((long Changed, long Written) a, (long Changed, long Written) b) => (a.Changed + b.Changed, a.Written + b.Written);

    /// <summary>Copies the changes into series_changes; returns (all changes, rows to write).</summary>
    private static async Task<(long Changed, long Written)> FlushAsync(NpgsqlConnection conn, List<SeriesChange> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return (0, 0);
        await using (var copy = await CopyRows.BeginAsync(conn,
            $"COPY series_changes (op, revised, {SeriesWriter.Columns}, oud_opgave_aantal, oud_gerealiseerd, oud_gap, oud_prognose_midden, oud_run_id, oud_tekort, oud_pct_hundredths, oud_deadline, oud_prognose_laag, oud_prognose_hoog) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in changes)
            {
                copy.StartRow();
                copy.Write(c.Op);
                copy.Write(c.Revised);
                if (c.Row is { } r)
                {
                    // StartRow was called above: write the series columns of the row without starting another one.
                    WriteColumns(copy, r);
                }
                else
                {
                    copy.Write(c.Gebiedcode);
                    copy.Null();
                    copy.Write(c.Opgave.Code());
                    copy.Write(c.Datum);
                    for (var i = 0; i < 11; i++) copy.Null();
                }
                SeriesWriter.WriteNullable(copy, c.Old.OpgaveAantal);
                SeriesWriter.WriteNullable(copy, c.Old.Present ? c.Old.Gerealiseerd : null);
                SeriesWriter.WriteNullable(copy, c.Old.Gap);
                SeriesWriter.WriteNullable(copy, c.Old.PrognoseMidden);
                if (c.Old.Present) copy.Write(c.Old.RunId); else copy.Null();
                // The rest of the old figure, so a replay of a past date can show it whole (SeriesReader, KnownAt).
                SeriesWriter.WriteNullable(copy, c.Old.Tekort);
                SeriesWriter.WriteNullable(copy, c.Old.PctHundredths);
                if (c.Old.Deadline is { } oldDeadline) copy.Write(oldDeadline); else copy.Null();
                SeriesWriter.WriteNullable(copy, c.Old.PrognoseLaag);
                SeriesWriter.WriteNullable(copy, c.Old.PrognoseHoog);
                copy.EndRow();
            }
            await copy.CompleteAsync();
        }
        (long, long) counts = (changes.Count, changes.Count(c => c.Op != "d"));
        changes.Clear();
        return counts;
    }

    private static void WriteColumns(CopyRows copy, SeriesRow r)
    {
        copy.Write(r.Gebiedcode);
        copy.Write(SeriesWriter.Level(r.Niveau));
        copy.Write(r.Opgave.Code());
        copy.Write(r.Datum);
        SeriesWriter.WriteNullable(copy, r.OpgaveAantal);
        copy.Write(r.Gerealiseerd);
        SeriesWriter.WriteNullable(copy, r.Gap);
        SeriesWriter.WriteNullable(copy, r.Tekort);
        if (SeriesWriter.Pct(r) is { } pct) copy.Write(pct); else copy.Null();
        SeriesWriter.WriteNullable(copy, r.Duurzaam);
        if (r.Deadline is { } d) copy.Write(d); else copy.Null();
        SeriesWriter.WriteNullable(copy, r.PrognoseLaag);
        SeriesWriter.WriteNullable(copy, r.PrognoseMidden);
        SeriesWriter.WriteNullable(copy, r.PrognoseHoog);
        if (r.Methode is { } m) copy.Write(m); else copy.Null();
    }
}
