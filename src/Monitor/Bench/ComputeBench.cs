using System.Diagnostics;
using Dapper;
using Monitor.Compute;
using Npgsql;

namespace Monitor.Bench;

/// <summary>Full and incremental recomputation, timed through the real compute job, and the check that both agree.</summary>
public static class ComputeBench
{
    public static async Task<(double Seconds, ComputeService.Summary Summary)> FullAsync(NpgsqlDataSource db, DateOnly asOf, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var summary = await new ComputeService(db).RunAsync(full: true, [], asOf, ct)
                      ?? throw new InvalidOperationException("De volledige herberekening deed niets.");
        return (clock.Elapsed.TotalSeconds, summary);
    }

    /// <summary>An incremental run over the deliveries accepted since the last run, as the compute job does.</summary>
    public static async Task<(double Seconds, ComputeService.Summary Summary)> IncrementalAsync(NpgsqlDataSource db, DateOnly asOf, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var triggers = await PendingDeliveries.SinceLastRunAsync(db, ct);
        var summary = await new ComputeService(db).RunAsync(full: false, triggers, asOf, ct)
                      ?? throw new InvalidOperationException("De incrementele herberekening deed niets.");
        return (clock.Elapsed.TotalSeconds, summary);
    }

    /// <summary>A fingerprint of every figure in monitor.series (not run ids): the row count and the sum of a 60-bit hash
    /// of each row, so it needs no sort of millions of rows. Equal fingerprints: the same figures.</summary>
    public static async Task<string> SeriesDigestAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>(new CommandDefinition("""
            SELECT count(*) || ':' || coalesce(sum(('x' || left(md5(ROW(gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd,
                       gap, tekort, realisatie_pct, duurzaam, deadline, prognose_laag, prognose_midden, prognose_hoog, methode)::text), 15))::bit(60)::bigint), 0)
            FROM monitor.series
            """, commandTimeout: 0)) ?? "";
    }
}
