using Monitor.Analysis;
using Dapper;
using Monitor.Alerts;
using Monitor.Compute;
using Npgsql;

namespace Monitor.Digests.College;

/// <summary>Reads one gemeente's college digest: its figures, locations, agreements, taakstelling half year, open alerts, contacts.</summary>
public sealed class CollegeData(NpgsqlDataSource db, DigestOptions options)
{
    public async Task<IReadOnlyList<string>> GemeentenWithCollegeAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<string>("""
            SELECT DISTINCT g.code FROM monitor.gemeenten_actueel g JOIN monitor.contacten c ON c.gebiedcode = g.code AND c.rol = 'college' ORDER BY g.code
            """)).ToList();
    }

    public async Task<List<Contact>> CollegeContactsAsync(string gemeente, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Contact>(
            "SELECT gebiedcode, rol, naam, email FROM monitor.contacten WHERE gebiedcode = @gemeente AND rol = 'college' ORDER BY email", new { gemeente })).ToList();
    }

    public async Task<CollegeModel> LoadAsync(string gemeente, DateOnly date, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var g = await conn.QuerySingleOrDefaultAsync<(string Naam, string Provincie)?>(
            "SELECT naam, provinciecode FROM monitor.gemeenten_actueel WHERE code = @gemeente", new { gemeente })
            ?? throw new ArgumentException($"Onbekende gemeente {gemeente}.");
        var provincieNaam = await conn.ExecuteScalarAsync<string>("SELECT naam FROM monitor.provincies WHERE code = @p", new { p = g.Provincie }) ?? g.Provincie;
        // A past date shows everything as the Monitor knew it then (issue 13, KnownAt).
        var known = await KnownAt.EndOfAsync(conn, date, ct);
        var figures = (await SeriesReader.LatestAsync(conn, date, [gemeente], known, ct)).Select(Figure.From).ToList();
        var locations = (await conn.QueryAsync<Location>("""
            SELECT p.feed, p.opgave, p.locatiecode, p.locatienaam, p.status, p.capaciteit, p.beschikbaar_vanaf AS beschikbaarvanaf,
                   p.beschikbaar_tot AS beschikbaartot, p.peildatum
            FROM monitor.plekken p
            JOIN (SELECT feed, max(peildatum) AS peildatum FROM monitor.plekken WHERE peildatum <= @date GROUP BY feed) l
              ON l.feed = p.feed AND l.peildatum = p.peildatum
            WHERE p.gemeentecode = @gemeente AND p.status <> 'gesloten'
            ORDER BY p.opgave, p.status, p.locatienaam, p.locatiecode
            """, new { gemeente, date })).ToList();
        var agreements = await AgreementsInForce.ReadAsync(conn, [gemeente], date, known);
        var halfYear = (await HalfYearReader.ReadAsync(conn, Periode.HalfYearOf(date).ToString(), [gemeente], known, ct))
            .Select(CarryOver.From).SingleOrDefault();
        var alerts = await DigestData.OpenAlertsOnAsync(conn, gemeente, [], date);
        var passed = await DigestData.PassedDeadlinesAsync(conn, gemeente, date, known);
        var names = (await conn.QueryAsync<(string Code, string Naam)>("SELECT code, naam FROM monitor.gemeenten_actueel"))
            .ToDictionary(n => n.Code, n => n.Naam);
        return new CollegeModel(gemeente, g.Naam, g.Provincie, provincieNaam, date, figures, locations, agreements, halfYear, alerts, passed, names,
            options.DashboardUrl);
    }
}
