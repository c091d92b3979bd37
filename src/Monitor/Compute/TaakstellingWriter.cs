using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Stores each gemeente's chain of half years (taakstelling, carried in, due, housed, carried out) as of the run date.</summary>
public static class TaakstellingWriter
{
    public static async Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long runId,
        IReadOnlyDictionary<string, CarryOverResult> chains, CancellationToken ct)
    {
        await conn.ExecuteAsync("DELETE FROM monitor.taakstelling_halfjaren", transaction: tx);
        var rows = new List<object>();
        foreach (var chain in chains.Values)
        {
            var missedInARow = 0;
            foreach (var h in chain.HalfYears)
            {
                missedInARow = h.Missed ? missedInARow + 1 : h.Completed ? 0 : missedInARow;
                rows.Add(new
                {
                    gemeente = chain.Gemeentecode, periode = h.Periode.ToString(), h.Taakstelling, carryIn = h.CarryIn ?? 0, h.Due,
                    h.Housed, h.Achterstand, h.Completed, missedInARow, runId,
                });
            }
        }
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO monitor.taakstelling_halfjaren (gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id)
            VALUES (@gemeente, @periode, @Taakstelling, @carryIn, @Due, @Housed, @Achterstand, @Completed, @missedInARow, @runId)
            """, rows, tx, cancellationToken: ct));
    }
}
