using Dapper;
using Monitor.Analysis;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Compute;

/// <summary>
/// Writes computed series rows: binary COPY into staging, then one set-based merge that records every figure that
/// changed as a revision (what the Monitor said before, and which run and deliveries changed it).
/// </summary>
public static class SeriesWriter
{
    public sealed record Outcome(long Written, long Revised);

    public static async Task<Outcome> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, long[] causes,
        IEnumerable<SeriesRow> rows, bool replaceAll, CancellationToken ct)
    {
        await conn.ExecuteAsync("""
            CREATE TEMP TABLE series_stage (LIKE monitor.series INCLUDING DEFAULTS) ON COMMIT DROP;
            ALTER TABLE series_stage DROP COLUMN run_id;
            """, transaction: tx);
        await using (var copy = await conn.BeginBinaryImportAsync("""
            COPY series_stage (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                               deadline, prognose_laag, prognose_midden, prognose_hoog, methode) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Gebiedcode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Level(r.Niveau), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Opgave.Code(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Datum, NpgsqlDbType.Date, ct);
                await WriteNullable(copy, r.OpgaveAantal, ct);
                await copy.WriteAsync(r.Gerealiseerd, NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, r.Gap, ct);
                await WriteNullable(copy, r.Tekort, ct);
                // Stored as numeric(8,2): round here so a recomputation of the same figures is not a "revision".
                if (r.RealisatiePct is { } pct) await copy.WriteAsync(Math.Round((decimal)pct, 2), NpgsqlDbType.Numeric, ct);
                else await copy.WriteNullAsync(ct);
                await WriteNullable(copy, r.Duurzaam, ct);
                if (r.Deadline is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
                await WriteNullable(copy, r.PrognoseLaag, ct);
                await WriteNullable(copy, r.PrognoseMidden, ct);
                await WriteNullable(copy, r.PrognoseHoog, ct);
                if (r.Methode is { } m) await copy.WriteAsync(m, NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
            }
            await copy.CompleteAsync(ct);
        }

        var args = new { run = runId, causes };
        var revised = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO monitor.series_revisions (gebiedcode, opgave, datum, oud_opgave_aantal, nieuw_opgave_aantal, oud_gerealiseerd,
                nieuw_gerealiseerd, oud_gap, nieuw_gap, oud_prognose_midden, nieuw_prognose_midden, oud_run_id, run_id, oorzaak_leveringen)
            SELECT o.gebiedcode, o.opgave, o.datum, o.opgave_aantal, n.opgave_aantal, o.gerealiseerd, n.gerealiseerd, o.gap, n.gap,
                   o.prognose_midden, n.prognose_midden, o.run_id, @run, @causes
            FROM series_stage n JOIN monitor.series o USING (gebiedcode, opgave, datum)
            WHERE (o.opgave_aantal, o.gerealiseerd, o.gap, o.tekort, o.realisatie_pct, o.duurzaam, o.deadline, o.prognose_laag, o.prognose_midden, o.prognose_hoog, o.methode)
                  IS DISTINCT FROM
                  (n.opgave_aantal, n.gerealiseerd, n.gap, n.tekort, n.realisatie_pct, n.duurzaam, n.deadline, n.prognose_laag, n.prognose_midden, n.prognose_hoog, n.methode)
            """, args, tx, commandTimeout: 0, cancellationToken: ct));

        long written;
        if (replaceAll)
        {
            // A full run is the whole truth (an area that no longer exists leaves the series). Emptying and refilling
            // is far cheaper than an upsert plus an anti-join delete over millions of rows; readers wait for the commit.
            // Building the two indexes once after the load is several times faster than maintaining them per row.
            await conn.ExecuteAsync("""
                TRUNCATE monitor.series;
                ALTER TABLE monitor.series DROP CONSTRAINT series_pkey;
                DROP INDEX monitor.series_level_date;
                """, transaction: tx);
            written = await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO monitor.series (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                                            deadline, prognose_laag, prognose_midden, prognose_hoog, methode, run_id)
                SELECT gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                       deadline, prognose_laag, prognose_midden, prognose_hoog, methode, @run FROM series_stage
                """, args, tx, commandTimeout: 0, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition("""
                SET LOCAL maintenance_work_mem = '256MB';
                ALTER TABLE monitor.series ADD CONSTRAINT series_pkey PRIMARY KEY (gebiedcode, opgave, datum);
                CREATE INDEX series_level_date ON monitor.series (niveau, opgave, datum);
                """, transaction: tx, commandTimeout: 0, cancellationToken: ct));
        }
        else
            written = await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO monitor.series AS s (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                                                deadline, prognose_laag, prognose_midden, prognose_hoog, methode, run_id)
                SELECT gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                       deadline, prognose_laag, prognose_midden, prognose_hoog, methode, @run FROM series_stage
                ON CONFLICT (gebiedcode, opgave, datum) DO UPDATE SET
                    niveau = excluded.niveau, opgave_aantal = excluded.opgave_aantal, gerealiseerd = excluded.gerealiseerd, gap = excluded.gap,
                    tekort = excluded.tekort, realisatie_pct = excluded.realisatie_pct, duurzaam = excluded.duurzaam, deadline = excluded.deadline,
                    prognose_laag = excluded.prognose_laag, prognose_midden = excluded.prognose_midden, prognose_hoog = excluded.prognose_hoog,
                    methode = excluded.methode, run_id = excluded.run_id
                WHERE (s.opgave_aantal, s.gerealiseerd, s.gap, s.tekort, s.realisatie_pct, s.duurzaam, s.deadline, s.prognose_laag, s.prognose_midden, s.prognose_hoog, s.methode)
                      IS DISTINCT FROM
                      (excluded.opgave_aantal, excluded.gerealiseerd, excluded.gap, excluded.tekort, excluded.realisatie_pct, excluded.duurzaam,
                       excluded.deadline, excluded.prognose_laag, excluded.prognose_midden, excluded.prognose_hoog, excluded.methode)
                """, args, tx, commandTimeout: 0, cancellationToken: ct));
        return new Outcome(written, revised);
    }

    public static string Level(AreaLevel level) => level switch
    {
        AreaLevel.Gemeente => "gemeente", AreaLevel.Provincie => "provincie", AreaLevel.Regio => "regio", _ => "land",
    };

    private static async Task WriteNullable(NpgsqlBinaryImporter copy, int? value, CancellationToken ct)
    {
        if (value is { } v) await copy.WriteAsync(v, NpgsqlDbType.Integer, ct);
        else await copy.WriteNullAsync(ct);
    }
}
