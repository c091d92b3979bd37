using Dapper;
using Monitor.Analysis;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Compute;

/// <summary>
/// Stores the outcome of every passed deadline (monitor.deadline_outcomes), replaced each run. The figures come from the
/// stored series rows of the deadline days, which this run has just brought up to date; an incremental run reads only
/// recent facts, but the series holds every day, so both modes store the same outcomes.
/// </summary>
public static class DeadlineOutcomeWriter
{
    private const string RowsSql = """
        SELECT gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort
        FROM monitor.series WHERE opgave = ANY(@opgaven) AND datum = ANY(@dates)
        """;

    public static async Task<int> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, AnalysisModel model, DateOnly today,
        CancellationToken ct)
    {
        await conn.ExecuteAsync("DELETE FROM monitor.deadline_outcomes", transaction: tx);
        var passed = DeadlineOutcomes.Passed(model, today).ToList();
        if (passed.Count == 0) return 0;

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

        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY monitor.deadline_outcomes (gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd,
                netto_gap, bruto_tekort, gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id)
            FROM STDIN (FORMAT BINARY)
            """, ct);
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
        return outcomes.Count;
    }

    private static AreaLevel ParseLevel(string niveau) => Enum.Parse<AreaLevel>(niveau, ignoreCase: true);

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, CancellationToken ct) where T : struct
    {
        if (value is { } v) await copy.WriteAsync(v, ct);
        else await copy.WriteNullAsync(ct);
    }
}
