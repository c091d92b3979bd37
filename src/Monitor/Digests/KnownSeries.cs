using Dapper;
using Npgsql;

namespace Monitor.Digests;

/// <summary>
/// monitor.series as the Monitor knew it at an instant (issue 13: replays tell the past as it was). The series holds the
/// latest computation; every figure a computation changed keeps its previous value in monitor.series_revisions, with the
/// run that wrote that value. A value is known at the instant when the run that wrote it was triggered by no delivery
/// fetched after it (compute_runs.trigger_deliveries: the deliveries each computation was started for). So a figure
/// that a later, correcting delivery changed shows its earlier value, and a figure first computed for a later delivery
/// is absent. When no computation was triggered by a later delivery (a digest of today, the usual case) this is the
/// plain series: the same query on monitor.series, no extra cost.
/// A run without triggers (the nightly full recomputation) is taken to bring no new delivery: deliveries are computed by
/// the run the feed job starts for them. Revisions from before migration 0090 lack tekort, percentage, deadline and the
/// low and high projection: a replay shows such an old figure without them.
/// </summary>
public static class KnownSeries
{
    /// <summary>Computations triggered by a delivery fetched after <paramref name="knownAt"/>: what they wrote was not known then.</summary>
    public static async Task<long[]> LaterRunsAsync(NpgsqlConnection conn, DateTimeOffset knownAt) =>
        (await conn.QueryAsync<long>("""
            SELECT c.id FROM monitor.compute_runs c
            WHERE EXISTS (SELECT 1 FROM monitor.deliveries d WHERE d.id = ANY(c.trigger_deliveries) AND d.fetched_at > @knownAt)
            """, new { knownAt = knownAt.UtcDateTime })).ToArray();

    /// <summary>
    /// A FROM source with the series columns (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort,
    /// realisatie_pct, deadline, prognose_laag, prognose_midden, prognose_hoog) as known when the runs in <c>@laterRuns</c>
    /// had not run. <paramref name="where"/> is a condition on gebiedcode, opgave and datum (parameters only, never values).
    /// </summary>
    public static string Source(long[] laterRuns, string where) => laterRuns.Length == 0 ? "monitor.series" : $"""
        (SELECT v.gebiedcode, s.niveau, v.opgave, v.datum, v.opgave_aantal, v.gerealiseerd, v.gap, v.tekort, v.realisatie_pct, v.deadline,
                v.prognose_laag, v.prognose_midden, v.prognose_hoog
         FROM (SELECT DISTINCT ON (gebiedcode, opgave, datum) * FROM (
                   SELECT gebiedcode, opgave, datum, run_id, 9223372036854775807 AS seq, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct,
                          deadline, prognose_laag, prognose_midden, prognose_hoog
                   FROM monitor.series WHERE {where}
                   UNION ALL
                   SELECT gebiedcode, opgave, datum, oud_run_id, id, oud_opgave_aantal, oud_gerealiseerd, oud_gap, oud_tekort, oud_realisatie_pct,
                          oud_deadline, oud_prognose_laag, oud_prognose_midden, oud_prognose_hoog
                   FROM monitor.series_revisions WHERE {where}) versions
               WHERE run_id <> ALL(@laterRuns)
               ORDER BY gebiedcode, opgave, datum, seq DESC) v
         JOIN monitor.series s USING (gebiedcode, opgave, datum))
        """;

    /// <summary>The last instant of a date in Europe/Amsterdam (deliveries fetched that day count as known on it).</summary>
    public static DateTimeOffset EndOf(DateOnly date)
    {
        var local = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Clock.AmsterdamDate.Zone.GetUtcOffset(local)).AddTicks(-1);
    }
}
