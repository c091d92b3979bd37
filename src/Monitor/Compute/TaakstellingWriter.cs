using Dapper;
using Monitor.Analysis;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Compute;

/// <summary>
/// Stores each gemeente's chain of half years (taakstelling, carried in, due, housed, carried out) as of the run date.
/// Only what changed is written; the version a run replaces or removes goes to monitor.taakstelling_halfjaren_revisies,
/// so a replay of a past date reads the half years as they were known then (<see cref="KnownAt"/>).
/// </summary>
public static class TaakstellingWriter
{
    private const string MergeSql = """
        INSERT INTO monitor.taakstelling_halfjaren_revisies
            (gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id, vervangen_door_run)
        SELECT o.gemeentecode, o.periode, o.taakstelling, o.carry_in, o.due, o.gehuisvest, o.achterstand, o.afgerond, o.gemist_op_rij, o.run_id, @runId
        FROM monitor.taakstelling_halfjaren o
        LEFT JOIN taakstelling_nieuw n USING (gemeentecode, periode)
        WHERE n.gemeentecode IS NULL
           OR (o.taakstelling, o.carry_in, o.due, o.gehuisvest, o.achterstand, o.afgerond, o.gemist_op_rij)
              IS DISTINCT FROM (n.taakstelling, n.carry_in, n.due, n.gehuisvest, n.achterstand, n.afgerond, n.gemist_op_rij);

        DELETE FROM monitor.taakstelling_halfjaren o
        WHERE NOT EXISTS (SELECT 1 FROM taakstelling_nieuw n WHERE n.gemeentecode = o.gemeentecode AND n.periode = o.periode);

        INSERT INTO monitor.taakstelling_halfjaren AS o
            (gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id)
        SELECT gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id FROM taakstelling_nieuw
        ON CONFLICT (gemeentecode, periode) DO UPDATE SET
            taakstelling = EXCLUDED.taakstelling, carry_in = EXCLUDED.carry_in, due = EXCLUDED.due, gehuisvest = EXCLUDED.gehuisvest,
            achterstand = EXCLUDED.achterstand, afgerond = EXCLUDED.afgerond, gemist_op_rij = EXCLUDED.gemist_op_rij, run_id = EXCLUDED.run_id
        WHERE (o.taakstelling, o.carry_in, o.due, o.gehuisvest, o.achterstand, o.afgerond, o.gemist_op_rij)
              IS DISTINCT FROM (EXCLUDED.taakstelling, EXCLUDED.carry_in, EXCLUDED.due, EXCLUDED.gehuisvest, EXCLUDED.achterstand,
                                EXCLUDED.afgerond, EXCLUDED.gemist_op_rij);

        DROP TABLE taakstelling_nieuw;
        """;

    public static async Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId,
        IReadOnlyDictionary<string, CarryOverResult> chains, CancellationToken ct)
    {
        await conn.ExecuteAsync("CREATE TEMP TABLE taakstelling_nieuw (LIKE monitor.taakstelling_halfjaren) ON COMMIT DROP", transaction: tx);
        // One COPY rather than an INSERT per half year: 342 gemeenten × every half year are thousands of rows.
        await using var copy = await CopyRows.BeginAsync(conn, """
            COPY taakstelling_nieuw (gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var chain in chains.Values)
        {
            var missedInARow = CarryOver.MissedInARow(chain.HalfYears);
            for (var i = 0; i < chain.HalfYears.Count; i++)
            {
                var h = chain.HalfYears[i];
                copy.StartRow();
                copy.Write(chain.Gemeentecode);
                copy.Write(h.Periode.ToString());
                SeriesWriter.WriteNullable(copy, h.Taakstelling);
                copy.Write(h.CarryIn ?? 0);
                SeriesWriter.WriteNullable(copy, h.Due);
                copy.Write(h.Housed);
                SeriesWriter.WriteNullable(copy, h.Achterstand);
                copy.Write(h.Completed);
                copy.Write(missedInARow[i]);
                copy.Write(runId);
                copy.EndRow();
            }
        }
        await copy.CompleteAsync();
        await conn.ExecuteAsync(new CommandDefinition(MergeSql, new { runId }, tx, cancellationToken: ct));
    }
}
