using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>The warehouse calendar: the standard period rules with the deadlines of every cycli delivery
/// (monitor.cycli, whose checks already hold opgave and periode to the contract). No rows give a calendar without
/// cycle deadlines (<see cref="AnalysisCalendar.WithoutDeadlines"/>).</summary>
public static class CalendarReader
{
    public static async Task<AnalysisCalendar> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx = null)
    {
        var rows = await conn.QueryAsync<(string Opgave, string Periode, DateTime Deadline)>(
            "SELECT opgave, periode, deadline FROM monitor.cycli ORDER BY opgave, deadline", transaction: tx);
        return AnalysisCalendar.WithDeadlines(rows.Select(r =>
            new Deadline(AnalysisCodes.ParseOpgave(r.Opgave), r.Periode, DateOnly.FromDateTime(r.Deadline))));
    }

    public static async Task<AnalysisCalendar> ReadAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadAsync(conn);
    }
}
