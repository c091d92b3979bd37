using Dapper;
using Npgsql;

namespace Monitor.Outbox;

/// <summary>How many messages each role received since a moment: what the demo's summary prints (issue 13: fewer, better mails).</summary>
public static class OutboxCounts
{
    /// <returns>Per role and kind (alert, digest) the number of messages with at least one recipient of that role, roles in a fixed order.</returns>
    public static async Task<IReadOnlyList<(string Rol, string Soort, long Berichten)>> PerRoleAsync(NpgsqlDataSource db, DateTimeOffset since, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string, string, long)>("""
            SELECT c.rol, o.soort, count(DISTINCT o.id)
            FROM monitor.outbox o CROSS JOIN LATERAL unnest(o.ontvangers) AS e(email)
            JOIN monitor.contacten c ON lower(c.email) = lower(e.email)
            WHERE o.created_at >= @since
            GROUP BY c.rol, o.soort
            ORDER BY array_position(ARRAY['college', 'prt', 'toezicht', 'operator'], c.rol), c.rol, o.soort
            """, new { since = since.UtcDateTime })).ToList();
    }
}
