using Dapper;
using Npgsql;

namespace Monitor.Tests.Reliability;

/// <summary>
/// Every row of the warehouse's fact, reference and computed tables, as text, for a row-by-row comparison of two
/// warehouses (one that went through a fault, one clean run). What legitimately differs between two runs of the same
/// work is left out or made comparable: a delivery id becomes the delivery's content hash (ids differ when a run
/// needed extra attempts), generated ids, run ids and timestamps are dropped. Everything else must be equal.
/// </summary>
public static class WarehouseRows
{
    public static readonly string[] FactTables =
    [
        "gemeenten", "provincies", "veiligheidsregios", "herindelingen", "regios", "regio_leden", "opgaven",
        "plekken", "plekken_snapshots", "huisvesting", "afspraken", "contacten", "fact_revisions",
    ];

    public static readonly string[] ComputedTables = ["series", "series_revisions", "taakstelling_halfjaren", "findings"];

    public static async Task<Dictionary<string, List<string>>> ReadAsync(NpgsqlDataSource db, IEnumerable<string> tables)
    {
        await using var conn = await db.OpenConnectionAsync();
        var result = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var columns = (await conn.QueryAsync<(string Name, string Type)>("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'monitor' AND table_name = @table ORDER BY ordinal_position
                """, new { table })).ToList();
            if (columns.Count == 0) throw new InvalidOperationException($"tabel monitor.{table} bestaat niet");
            var select = columns
                .Where(c => c.Name != "id" && !c.Name.EndsWith("run_id") && c.Type != "timestamp with time zone")
                .Select(c => c.Name.EndsWith("delivery_id")
                    ? $"(SELECT encode(d.sha256, 'hex') FROM monitor.deliveries d WHERE d.id = t.{c.Name}) AS {c.Name}"
                    : c.Name == "oorzaak_leveringen"
                        ? $"(SELECT array_agg(encode(d.sha256, 'hex') ORDER BY 1) FROM monitor.deliveries d WHERE d.id = ANY (t.{c.Name})) AS {c.Name}"
                        : $"t.{c.Name}");
            var rows = await conn.QueryAsync<string>(
                $"SELECT x::text FROM (SELECT {string.Join(", ", select)} FROM monitor.{table} t) x ORDER BY 1");
            result[table] = rows.ToList();
        }
        return result;
    }

    /// <summary>Equal row by row, table by table; on a difference the message names the table and the first rows that differ.</summary>
    public static void AssertSame(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual, string what)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected)
        {
            var other = actual[table];
            if (rows.SequenceEqual(other)) continue;
            var missing = rows.Except(other).Take(3);
            var extra = other.Except(rows).Take(3);
            Assert.Fail($"{what}: monitor.{table} verschilt ({rows.Count} rijen verwacht, {other.Count} gevonden).\n" +
                        $"  ontbreekt: {string.Join("\n             ", missing)}\n  extra:     {string.Join("\n             ", extra)}");
        }
    }

    /// <summary>Only the tables that hold something: a comparison of empty tables proves nothing, so tests check this too.</summary>
    public static int RowCount(Dictionary<string, List<string>> rows) => rows.Values.Sum(r => r.Count);
}
