using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Alerts;

/// <summary>The half year before the evaluation date per gemeente beside its koppelingen: the achterstand the
/// taakstelling alert reports as carried in, and how much of it too few koppelingen explain.</summary>
public static class KoppelingenData
{
    private const string Sql = """
        SELECT t.gemeentecode, t.due, t.gehuisvest,
               (SELECT k.gekoppeld FROM monitor.koppelingen k WHERE k.periode = t.periode AND k.gemeentecode = t.gemeentecode AND k.peildatum <= @date
                ORDER BY k.peildatum DESC LIMIT 1) AS gekoppeld
        FROM monitor.taakstelling_halfjaren t WHERE t.periode = @periode
        """;

    public static async Task<IReadOnlyDictionary<string, KoppelingStand>> PreviousHalfYearAsync(NpgsqlConnection conn, DateOnly date)
    {
        var periode = Periode.HalfYearOf(date).PreviousHalfYear.ToString();
        var rows = await conn.QueryAsync<(string Gemeentecode, int? Due, int Gehuisvest, int? Gekoppeld)>(Sql, new { date, periode });
        return rows.ToDictionary(r => r.Gemeentecode, r => KoppelingShare.Of(r.Due, r.Gehuisvest, r.Gekoppeld), StringComparer.Ordinal);
    }
}
