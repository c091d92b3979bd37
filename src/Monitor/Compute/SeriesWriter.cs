using Dapper;
using Monitor.Analysis;
using Monitor.Diagnostics;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Compute;

/// <summary>
/// Writes computed series rows. Incremental runs: binary COPY into staging, then one set-based merge that records every
/// figure that changed as a revision (what the Monitor said before, and which run and deliveries changed it). Full runs:
/// see <see cref="SeriesReplacer"/>.
/// </summary>
public static class SeriesWriter
{
    public sealed record Outcome(long Written, long Revised);

    /// <summary>The series columns, in the order <see cref="WriteRow"/> writes them.</summary>
    public const string Columns = """
        gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
        deadline, prognose_laag, prognose_midden, prognose_hoog, methode
        """;

    public static async Task<Outcome> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, long[] causes,
        IEnumerable<SeriesRow> rows, PhaseClock phases, CancellationToken ct)
    {
        await conn.ExecuteAsync("""
            CREATE TEMP TABLE series_stage (LIKE monitor.series INCLUDING DEFAULTS) ON COMMIT DROP;
            ALTER TABLE series_stage DROP COLUMN run_id;
            """, transaction: tx);
        await using (var copy = await CopyRows.BeginAsync(conn, $"COPY series_stage ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in rows)
            {
                WriteRow(copy, r);
                copy.EndRow();
            }
            await copy.CompleteAsync();
        }
        phases.Done("series");

        var args = new { run = runId, causes };
        var revised = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO monitor.series_revisions (gebiedcode, opgave, datum, oud_opgave_aantal, nieuw_opgave_aantal, oud_gerealiseerd,
                nieuw_gerealiseerd, oud_gap, nieuw_gap, oud_prognose_midden, nieuw_prognose_midden, oud_run_id, run_id, oorzaak_leveringen,
                oud_tekort, oud_realisatie_pct, oud_deadline, oud_prognose_laag, oud_prognose_hoog)
            SELECT o.gebiedcode, o.opgave, o.datum, o.opgave_aantal, n.opgave_aantal, o.gerealiseerd, n.gerealiseerd, o.gap, n.gap,
                   o.prognose_midden, n.prognose_midden, o.run_id, @run, @causes,
                   o.tekort, o.realisatie_pct, o.deadline, o.prognose_laag, o.prognose_hoog
            FROM series_stage n JOIN monitor.series o USING (gebiedcode, opgave, datum)
            WHERE (o.opgave_aantal, o.gerealiseerd, o.gap, o.tekort, o.realisatie_pct, o.duurzaam, o.deadline, o.prognose_laag, o.prognose_midden, o.prognose_hoog, o.methode)
                  IS DISTINCT FROM
                  (n.opgave_aantal, n.gerealiseerd, n.gap, n.tekort, n.realisatie_pct, n.duurzaam, n.deadline, n.prognose_laag, n.prognose_midden, n.prognose_hoog, n.methode)
            """, args, tx, commandTimeout: 0, cancellationToken: ct));
        phases.Done("revisions");

        var written = await conn.ExecuteAsync(new CommandDefinition("""
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
        phases.Done("upsert");
        return new Outcome(written, revised);
    }

    /// <summary>One row's <see cref="Columns"/>, synchronously: Npgsql buffers the COPY and only blocks when it flushes.</summary>
    public static void WriteRow(CopyRows copy, SeriesRow r)
    {
        copy.StartRow();
        copy.Write(r.Gebiedcode);
        copy.Write(Level(r.Niveau));
        copy.Write(r.Opgave.Code());
        copy.Write(r.Datum);
        WriteNullable(copy, r.OpgaveAantal);
        copy.Write(r.Gerealiseerd);
        WriteNullable(copy, r.Gap);
        WriteNullable(copy, r.Tekort);
        if (Pct(r) is { } pct) copy.Write(pct); else copy.Null();
        WriteNullable(copy, r.Duurzaam);
        if (r.Deadline is { } d) copy.Write(d); else copy.Null();
        WriteNullable(copy, r.PrognoseLaag);
        WriteNullable(copy, r.PrognoseMidden);
        WriteNullable(copy, r.PrognoseHoog);
        if (r.Methode is { } m) copy.Write(m); else copy.Null();
    }

    /// <summary>Stored as numeric(8,2): rounded here, so a recomputation of the same figures is not a "revision".</summary>
    public static decimal? Pct(SeriesRow r) => r.RealisatiePct is { } pct ? Math.Round((decimal)pct, 2) : null;

    public static string Level(AreaLevel level) => level switch
    {
        AreaLevel.Gemeente => "gemeente", AreaLevel.Provincie => "provincie", AreaLevel.Regio => "regio", _ => "land",
    };

    public static void WriteNullable(CopyRows copy, int? value)
    {
        if (value is { } v) copy.Write(v);
        else copy.Null();
    }
}
