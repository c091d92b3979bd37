using Dapper;
using Npgsql;

namespace Monitor.Compute;

/// <summary>
/// What the Monitor knew at an instant (issue 13: replays tell the past as it was). A computed table holds the latest
/// computation; every value a computation changed keeps its previous value in a revision, with the run that wrote it. A
/// value was known at the instant when the run that wrote it was triggered by no delivery fetched after it
/// (compute_runs.trigger_deliveries), so a figure a later, correcting delivery changed shows its earlier value, and a
/// figure first computed for a later delivery is absent. A run without triggers (the nightly full recomputation) is
/// taken to bring no new delivery: deliveries are computed by the run the feed job starts for them.
/// Facts delivered as they are (afspraken) are known unless their delivery is such a later one.
/// The warehouse's first computation (the initial load: a backfill, the demo's samples) is taken as the history it
/// describes, whatever its deliveries' fetch times: otherwise a replay of 2025 on a warehouse filled in 2026 would show
/// nothing, and the demo's alert run of yesterday would not know what it loaded today.
/// </summary>
/// <param name="Instant">Deliveries fetched up to and including this instant count as known.</param>
/// <param name="LaterRuns">The computations triggered by a delivery fetched after <paramref name="Instant"/>. Empty (the
/// usual case: a digest or alert run of today) means the tables as they are, read without the revisions.</param>
/// <param name="LaterDeliveries">Those deliveries.</param>
public sealed record KnownAt(DateTimeOffset Instant, long[] LaterRuns, long[] LaterDeliveries)
{
    /// <summary>Everything stored now.</summary>
    public static KnownAt Now { get; } = new(DateTimeOffset.MaxValue, [], []);

    private const string LaterSql = """
        SELECT c.id AS run, d.id AS delivery
        FROM monitor.compute_runs c
        CROSS JOIN LATERAL unnest(c.trigger_deliveries) t(delivery)
        JOIN monitor.deliveries d ON d.id = t.delivery
        WHERE d.fetched_at > @instant AND c.id > (SELECT min(id) FROM monitor.compute_runs)
        """;

    public static async Task<KnownAt> ReadAsync(NpgsqlConnection conn, DateTimeOffset instant, CancellationToken ct = default)
    {
        var later = (await conn.QueryAsync<(long Run, long Delivery)>(
            new CommandDefinition(LaterSql, new { instant = instant.UtcDateTime }, cancellationToken: ct))).ToList();
        return new(instant, later.Select(l => l.Run).Distinct().Order().ToArray(), later.Select(l => l.Delivery).Distinct().Order().ToArray());
    }

    /// <summary>What was known at the end of <paramref name="date"/> in Europe/Amsterdam.</summary>
    public static Task<KnownAt> EndOfAsync(NpgsqlConnection conn, DateOnly date, CancellationToken ct = default) =>
        ReadAsync(conn, Clock.AmsterdamDate.EndOfDay(date), ct);
}
