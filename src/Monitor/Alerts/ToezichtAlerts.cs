using Dapper;
using Monitor.Analysis;
using Monitor.Compute;
using Npgsql;

namespace Monitor.Alerts;

/// <summary>Evaluates the toezicht warnings inside the alert run's transaction, and stores the day's proposal per gemeente
/// (monitor.toezicht_voorstellen) so the Toezicht dashboard shows what the warnings were based on.</summary>
public static class ToezichtAlerts
{
    public static async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateOnly date,
        ToezichtOptions options, Func<string, string> name)
    {
        var rows = ToezichtQuery.Propose(await ToezichtQuery.ReadAsync(conn, [], date, tx), options, date);
        await conn.ExecuteAsync("DELETE FROM monitor.toezicht_voorstellen WHERE datum = @date", new { date }, tx);
        await conn.ExecuteAsync("""
            INSERT INTO monitor.toezicht_voorstellen (datum, gemeentecode, gemist_op_rij, verklaard_op_rij, achterstand, verklaard_door_koppelingen,
                voorgestelde_stap, voorgesteld_regime, vastgelegde_stap, oordeel, termijn, vergelijking)
            VALUES (@Datum, @Gemeentecode, @GemistOpRij, @VerklaardOpRij, @Achterstand, @Verklaard, @Stap, @Regime, @Vastgelegd, @Oordeel, @Termijn, @Vergelijking)
            """, rows.Where(r => r.P.LaatstePeriode is not null || r.P.Vastgelegd is not null).Select(r => new
        {
            Datum = date, r.G.Gemeentecode, r.P.GemistOpRij, r.P.VerklaardOpRij, r.P.Laatste?.Achterstand, r.P.Laatste?.Verklaard, r.P.Stap, r.P.Regime,
            Vastgelegd = r.P.Vastgelegd?.Stap, r.P.Vastgelegd?.Oordeel, r.P.Vastgelegd?.Termijn,
            Vergelijking = Vergelijkingen.Code(r.P.Vergelijking),
        }), tx);
        return ToezichtRules.Evaluate(rows, date, name).ToList();
    }
}
