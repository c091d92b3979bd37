using Dapper;
using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Npgsql;

namespace Monitor.Tests.Support;

/// <summary>The test API for the warehouse: load a delivery from text or a file, read figures back.</summary>
public static class WarehouseTestExtensions
{
    public static async Task<IngestResult> IngestTextAsync(this NpgsqlDataSource db, string kind, string content, string fileName = "levering.csv",
        string? feed = null, System.Text.Encoding? encoding = null, TimeProvider? clock = null)
    {
        var dir = Directory.CreateTempSubdirectory("monitor-test-").FullName;
        var path = Path.Combine(dir, fileName);
        await File.WriteAllBytesAsync(path, (encoding ?? new System.Text.UTF8Encoding(false)).GetBytes(content));
        try { return await db.IngestFileAsync(kind, path, feed, clock); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    public static Task<IngestResult> IngestFileAsync(this NpgsqlDataSource db, string kind, string path, string? feed = null,
        TimeProvider? clock = null) =>
        new DeliveryLoader(db, clock).IngestAsync(new IngestRequest(path, kind, feed ?? kind, path));

    /// <summary>The 342 gemeenten of 2025 and the herindelingen 2018–2023, as shipped with the sample feeds.</summary>
    public static async Task LoadReferenceDataAsync(this NpgsqlDataSource db)
    {
        var g = await db.IngestFileAsync("gemeenten", RepoPaths.Samples("feeds", "gemeenten.csv"));
        Assert.Equal(IngestOutcome.Accepted, g.Outcome);
        var h = await db.IngestFileAsync("herindelingen", RepoPaths.Samples("feeds", "herindelingen.csv"));
        Assert.Equal(IngestOutcome.Accepted, h.Outcome);
    }

    /// <summary>Every fact and reference row, as text: equal before and after means no figure changed.</summary>
    public static async Task<string> FingerprintAsync(this NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        var parts = new List<string>();
        foreach (var table in new[] { "gemeenten", "provincies", "veiligheidsregios", "herindelingen", "regios", "regio_leden", "opgaven",
                     "plekken", "plekken_snapshots", "huisvesting", "afspraken", "contacten", "fact_revisions" })
            parts.Add(table + ":" + await conn.ExecuteScalarAsync<string>(
                $"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), 'leeg') FROM monitor.{table} t"));
        return string.Join("\n", parts);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlDataSource db, string sql, object? args = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("geen waarde: " + sql);
    }

    public static async Task<List<T>> QueryAsync<T>(this NpgsqlDataSource db, string sql, object? args = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<T>(sql, args)).ToList();
    }
}
