using Dapper;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Which gemeenten a set of deliveries touched and from which date: the part an incremental run recomputes.</summary>
/// <param name="FiguresTouched">A delivery of opgave figures was among them: a later cycle's binding figure can end a passed
/// deadline's obligation whatever date it touched (<see cref="Analysis.DeadlineOutcomes"/>).</param>
public sealed record ComputeScope(bool Everything, IReadOnlyDictionary<string, DateOnly> FirstDateByGemeente, bool FiguresTouched = true)
{
    // Reference data reshapes every area (members, names, mapping); a cycle's dates move every area's deadline.
    private static readonly string[] ReferenceKinds = ["gemeenten", "herindelingen", "regios", "cycli", "regimes"];

    public DateOnly? From => FirstDateByGemeente.Count == 0 ? null : FirstDateByGemeente.Values.Min();

    public static async Task<ComputeScope> ForDeliveriesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long[] deliveries)
    {
        var kinds = (await conn.QueryAsync<string>("SELECT DISTINCT kind FROM monitor.deliveries WHERE id = ANY(@deliveries)",
            new { deliveries }, tx)).ToList();
        // Only a full run is right for those.
        if (kinds.Any(ReferenceKinds.Contains)) return new ComputeScope(true, new Dictionary<string, DateOnly>());

        // Each fact touched, and each fact a delivery replaced or removed (fact_revisions keep the old key), says
        // which gemeente it belongs to and from which date it counts. Area figures (PV, VR) touch all their members.
        // A delivery's plekken rows carry its id (both loaders write the snapshot's delivery on each of its rows); the
        // block range index on delivery_id finds them at the end of the table.
        var touched = await conn.QueryAsync<(string Gemeente, DateTime From)>("""
            WITH touched (gebied, vanaf) AS (
                SELECT gemeentecode, peildatum FROM monitor.plekken WHERE delivery_id = ANY(@deliveries)
                UNION ALL SELECT gemeentecode, peildatum FROM monitor.huisvesting WHERE delivery_id = ANY(@deliveries)
                UNION ALL SELECT gebiedcode, publicatiedatum FROM monitor.opgaven WHERE delivery_id = ANY(@deliveries)
                UNION ALL SELECT van_gemeentecode, besluitdatum FROM monitor.afspraken WHERE delivery_id = ANY(@deliveries)
                UNION ALL SELECT naar_gemeentecode, besluitdatum FROM monitor.afspraken WHERE delivery_id = ANY(@deliveries)
                UNION ALL SELECT coalesce(fact_key->>'gemeentecode', fact_key->>'gebiedcode'),
                                 coalesce(fact_key->>'peildatum', fact_key->>'publicatiedatum')::date
                          FROM monitor.fact_revisions WHERE new_delivery_id = ANY(@deliveries) AND kind IN ('plekken', 'huisvesting', 'opgave')
                UNION ALL SELECT side, coalesce(old_value->>'besluitdatum', new_value->>'besluitdatum')::date
                          FROM monitor.fact_revisions, unnest(ARRAY[fact_key->>'van', fact_key->>'naar']) side
                          WHERE new_delivery_id = ANY(@deliveries) AND kind = 'afspraken')
            SELECT g.code, min(t.vanaf)
            FROM touched t JOIN monitor.gemeenten_actueel g
              ON g.code = t.gebied OR g.provinciecode = t.gebied OR g.veiligheidsregiocode = t.gebied
            GROUP BY g.code
            """, new { deliveries }, tx);
        return new ComputeScope(false, touched.ToDictionary(t => t.Gemeente, t => DateOnly.FromDateTime(t.From)), kinds.Contains("opgave"));
    }
}
