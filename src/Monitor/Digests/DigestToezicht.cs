using Dapper;
using Monitor.Alerts;
using Monitor.Analysis;
using Monitor.Compute;
using Npgsql;

namespace Monitor.Digests;

/// <summary>
/// The ladder as a digest shows it: per gemeente of the provincie the proposal for the last completed half year beside
/// the register (the same computation as <c>monitor toezicht</c> and the toezicht warnings), and the ladder's name.
/// Every digest uses its koppelingen; only a mail for the toezichthouder shows the ladder itself.
/// </summary>
public sealed record DigestToezicht(string Ladder, IReadOnlyList<LadderProposal> Rows);

public static class DigestToezichtData
{
    public static async Task<DigestToezicht> LoadAsync(NpgsqlConnection conn, string provincie, DateOnly date, ToezichtOptions options)
    {
        var rows = ToezichtQuery.Propose(await ToezichtQuery.ReadAsync(conn, [provincie], date), options, date);
        return new DigestToezicht(options.For(provincie).Naam, rows.Select(r => r.P).ToList());
    }

    /// <summary>The provincie's contacts of one role (prt, toezicht), by address.</summary>
    public static async Task<List<Contact>> ContactsAsync(NpgsqlDataSource db, string provincie, string rol, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Contact>(
            "SELECT gebiedcode, rol, naam, email FROM monitor.contacten WHERE gebiedcode = @provincie AND rol = @rol ORDER BY email",
            new { provincie, rol })).ToList();
    }
}
