using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Koppelingen beside a gemeente's taakstelling for <c>monitor gaps</c>: what COA linked in the half year of the
/// date (latest count on or before it), and the previous half year's achterstand with the part koppelingen explain.</summary>
public static class KoppelingenQuery
{
    public sealed record Entry(Periode Periode, int? Gekoppeld, Periode Vorig, KoppelingStand? VorigStand);

    private const string Sql = """
        SELECT g.code AS gemeentecode,
               (SELECT k.gekoppeld FROM monitor.koppelingen k WHERE k.periode = @current AND k.gemeentecode = g.code AND k.peildatum <= @date
                ORDER BY k.peildatum DESC LIMIT 1) AS gekoppeld,
               t.due AS vorigdue, t.gehuisvest AS vorighuisvest,
               (SELECT k.gekoppeld FROM monitor.koppelingen k WHERE k.periode = @previous AND k.gemeentecode = g.code AND k.peildatum <= @date
                ORDER BY k.peildatum DESC LIMIT 1) AS voriggekoppeld
        FROM unnest(@codes::text[]) AS g (code)
        LEFT JOIN monitor.taakstelling_halfjaren t ON t.gemeentecode = g.code AND t.periode = @previous
        """;

    public static async Task<IReadOnlyDictionary<string, Entry>> ReadAsync(NpgsqlDataSource db, IEnumerable<string> gemeenten, DateOnly date)
    {
        var current = Periode.HalfYearOf(date);
        var previous = current.PreviousHalfYear;
        await using var conn = await db.OpenConnectionAsync();
        var rows = await conn.QueryAsync<(string Gemeentecode, int? Gekoppeld, int? VorigDue, int? VorigHuisvest, int? VorigGekoppeld)>(Sql,
            new { codes = gemeenten.ToArray(), date, current = current.ToString(), previous = previous.ToString() });
        return rows.ToDictionary(r => r.Gemeentecode, r => new Entry(current, r.Gekoppeld, previous,
            r.VorigHuisvest is { } h ? KoppelingShare.Of(r.VorigDue, h, r.VorigGekoppeld) : null), StringComparer.Ordinal);
    }
}
