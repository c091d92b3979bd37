using Dapper;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Accepted deliveries the last finished computation has not seen yet.</summary>
public static class PendingDeliveries
{
    public static async Task<long[]> SinceLastRunAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>("""
            SELECT id FROM monitor.deliveries
            WHERE outcome = 'accepted'
              AND finished_at > coalesce((SELECT max(started_at) FROM monitor.compute_runs WHERE finished_at IS NOT NULL), '-infinity')
            ORDER BY id
            """)).ToArray();
    }
}
