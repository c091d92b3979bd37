using Dapper;
using Monitor.Analysis;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Compute;

/// <summary>
/// Stores the outcome of every passed deadline (monitor.deadline_outcomes), brought up to date each run. The figures come
/// from the stored series rows of the deadline days, which this run has just brought up to date; an incremental run reads
/// only recent facts, but the series holds every day, so both modes store the same outcomes. Only what changed is
/// written; the version a run replaces or removes goes to monitor.deadline_outcomes_revisies, so a replay of a past date
/// reads the outcomes as they were known then (<see cref="KnownAt"/>).
/// </summary>
public static class DeadlineOutcomeWriter
{
    private const string MergeSql = """
        INSERT INTO monitor.deadline_outcomes_revisies
            (gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd, netto_gap, bruto_tekort,
             gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id, vervangen_door_run)
        SELECT o.gebiedcode, o.niveau, o.opgave, o.periode, o.deadline, o.laatste_van_periode, o.opgave_aantal, o.gerealiseerd, o.netto_gap,
               o.bruto_tekort, o.gemist_aantal, o.gemist_gemeenten, o.onbekend_aantal, o.leden_aantal, o.volgende_deadline, o.vervangen_op,
               o.run_id, @runId
        FROM monitor.deadline_outcomes o
        LEFT JOIN uitkomsten_nieuw n USING (gebiedcode, opgave, deadline)
        WHERE n.gebiedcode IS NULL
           OR (o.niveau, o.periode, o.laatste_van_periode, o.opgave_aantal, o.gerealiseerd, o.netto_gap, o.bruto_tekort, o.gemist_aantal,
               o.gemist_gemeenten, o.onbekend_aantal, o.leden_aantal, o.volgende_deadline, o.vervangen_op)
              IS DISTINCT FROM
              (n.niveau, n.periode, n.laatste_van_periode, n.opgave_aantal, n.gerealiseerd, n.netto_gap, n.bruto_tekort, n.gemist_aantal,
               n.gemist_gemeenten, n.onbekend_aantal, n.leden_aantal, n.volgende_deadline, n.vervangen_op);

        DELETE FROM monitor.deadline_outcomes o
        WHERE NOT EXISTS (SELECT 1 FROM uitkomsten_nieuw n WHERE n.gebiedcode = o.gebiedcode AND n.opgave = o.opgave AND n.deadline = o.deadline);

        INSERT INTO monitor.deadline_outcomes AS o
            (gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd, netto_gap, bruto_tekort,
             gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id)
        SELECT gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd, netto_gap, bruto_tekort,
               gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id
        FROM uitkomsten_nieuw
        ON CONFLICT (gebiedcode, opgave, deadline) DO UPDATE SET
            niveau = EXCLUDED.niveau, periode = EXCLUDED.periode, laatste_van_periode = EXCLUDED.laatste_van_periode,
            opgave_aantal = EXCLUDED.opgave_aantal, gerealiseerd = EXCLUDED.gerealiseerd, netto_gap = EXCLUDED.netto_gap,
            bruto_tekort = EXCLUDED.bruto_tekort, gemist_aantal = EXCLUDED.gemist_aantal, gemist_gemeenten = EXCLUDED.gemist_gemeenten,
            onbekend_aantal = EXCLUDED.onbekend_aantal, leden_aantal = EXCLUDED.leden_aantal, volgende_deadline = EXCLUDED.volgende_deadline,
            vervangen_op = EXCLUDED.vervangen_op, run_id = EXCLUDED.run_id
        WHERE (o.niveau, o.periode, o.laatste_van_periode, o.opgave_aantal, o.gerealiseerd, o.netto_gap, o.bruto_tekort, o.gemist_aantal,
               o.gemist_gemeenten, o.onbekend_aantal, o.leden_aantal, o.volgende_deadline, o.vervangen_op)
              IS DISTINCT FROM
              (EXCLUDED.niveau, EXCLUDED.periode, EXCLUDED.laatste_van_periode, EXCLUDED.opgave_aantal, EXCLUDED.gerealiseerd,
               EXCLUDED.netto_gap, EXCLUDED.bruto_tekort, EXCLUDED.gemist_aantal, EXCLUDED.gemist_gemeenten, EXCLUDED.onbekend_aantal,
               EXCLUDED.leden_aantal, EXCLUDED.volgende_deadline, EXCLUDED.vervangen_op);

        DROP TABLE uitkomsten_nieuw;
        """;

    private const string RowsSql = """
        SELECT gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort
        FROM monitor.series WHERE opgave = ANY(@opgaven) AND datum = ANY(@dates)
        """;

    public static async Task<int> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, AnalysisModel model, DateOnly today,
        CancellationToken ct)
    {
        await conn.ExecuteAsync("CREATE TEMP TABLE uitkomsten_nieuw (LIKE monitor.deadline_outcomes) ON COMMIT DROP", transaction: tx);
        var passed = DeadlineOutcomes.Passed(model, today).ToList();
        if (passed.Count == 0)
        {
            await conn.ExecuteAsync(new CommandDefinition(MergeSql, new { runId }, tx, cancellationToken: ct));
            return 0;
        }

        var rows = (await conn.QueryAsync<(string Gebied, string Niveau, string Opgave, DateTime Datum, int? OpgaveAantal, int Gerealiseerd, int? Gap, int? Tekort)>(
                new CommandDefinition(RowsSql, new
                {
                    opgaven = passed.Select(d => d.Opgave.Code()).Distinct().ToArray(),
                    dates = passed.Select(d => d.Date.ToDateTime(TimeOnly.MinValue)).Distinct().ToArray(),
                }, tx, cancellationToken: ct)))
            .Select(r => new SeriesRow(r.Gebied, ParseLevel(r.Niveau), AnalysisCodes.ParseOpgave(r.Opgave), DateOnly.FromDateTime(r.Datum),
                r.OpgaveAantal, r.Gerealiseerd, r.Gap, r.Tekort, null, null, null, null, null, null, null))
            .ToList();
        var outcomes = DeadlineOutcomes.Build(model, Areas.All(model), rows, today);

        await using (var copy = await conn.BeginBinaryImportAsync("""
                COPY uitkomsten_nieuw (gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd,
                    netto_gap, bruto_tekort, gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id)
                FROM STDIN (FORMAT BINARY)
                """, ct))
        {
            foreach (var o in outcomes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(o.Gebiedcode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Niveau.ToString().ToLowerInvariant(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Opgave.Code(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Periode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Deadline, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(o.LastOfPeriode, NpgsqlDbType.Boolean, ct);
                await WriteNullable(copy, o.OpgaveAantal, ct);
                await copy.WriteAsync(o.Gerealiseerd, NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, o.NetGap, ct);
                await WriteNullable(copy, o.GrossShortfall, ct);
                await copy.WriteAsync(o.Missed.Count, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(o.Missed.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Unknown, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(o.Members, NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, o.NextDeadline, ct);
                await WriteNullable(copy, o.ReplacedOn, ct);
                await copy.WriteAsync(runId, NpgsqlDbType.Bigint, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await conn.ExecuteAsync(new CommandDefinition(MergeSql, new { runId }, tx, cancellationToken: ct));
        return outcomes.Count;
    }

    private static AreaLevel ParseLevel(string niveau) => Enum.Parse<AreaLevel>(niveau, ignoreCase: true);

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, CancellationToken ct) where T : struct
    {
        if (value is { } v) await copy.WriteAsync(v, ct);
        else await copy.WriteNullAsync(ct);
    }
}
