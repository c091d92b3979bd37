using Dapper;
using Npgsql;

namespace Monitor.Scheduling;

/// <summary>What /health reports: the warehouse answers, and when each feed last delivered.</summary>
public static class Health
{
    public static async Task<(bool Healthy, object Detail)> CheckAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            var feeds = await conn.QueryAsync<(string Feed, DateTime Last, string Outcome)>("""
                SELECT DISTINCT ON (feed) feed, fetched_at, outcome FROM monitor.deliveries ORDER BY feed, fetched_at DESC
                """);
            var servers = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM hangfire.server");
            return (true, new
            {
                status = "ok",
                warehouse = "bereikbaar",
                hangfireServers = servers,
                feeds = feeds.Select(f => new { feed = f.Feed, laatsteLevering = f.Last, uitkomst = f.Outcome }),
            });
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return (false, new { status = "fout", warehouse = "niet bereikbaar", reden = Warehouse.Secrets.Scrub(e.Message) });
        }
    }
}
