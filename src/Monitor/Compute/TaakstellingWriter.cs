using Dapper;
using Monitor.Analysis;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Stores each gemeente's chain of half years (taakstelling, carried in, due, housed, carried out) as of the run date.</summary>
public static class TaakstellingWriter
{
    public static async Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId,
        IReadOnlyDictionary<string, CarryOverResult> chains, CancellationToken ct)
    {
        await conn.ExecuteAsync("DELETE FROM monitor.taakstelling_halfjaren", transaction: tx);
        // One COPY rather than an INSERT per half year: 342 gemeenten × every half year are thousands of rows.
        await using var copy = await CopyRows.BeginAsync(conn, """
            COPY monitor.taakstelling_halfjaren (gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id)
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
    }
}
