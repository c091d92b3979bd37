using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Reads what the analysis engine needs from the warehouse, as its plain input records.</summary>
public static class AnalysisInputReader
{
    /// <param name="placesFrom">Only place snapshots from this date on (plus the last one before it, per feed): a run that
    /// starts late in the history does not need the years before it. Null reads everything.</param>
    public static async Task<AnalysisInputs> ReadAsync(NpgsqlConnection conn, DateOnly? placesFrom = null)
    {
        var gemeenten = (await conn.QueryAsync<(string, string, string, string, int, decimal)>(
            "SELECT code, naam, provinciecode, veiligheidsregiocode, inwoners, oppervlakte_km2 FROM monitor.gemeenten_actueel ORDER BY code"))
            .Select(r => new Gemeente(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6)).ToList();

        var regios = (await conn.QueryAsync<(string Code, string Naam, string? Member)>("""
                SELECT r.code, r.naam, l.gemeentecode FROM monitor.regios r
                LEFT JOIN monitor.regio_leden l ON l.regiocode = r.code ORDER BY r.code, l.gemeentecode
                """))
            .GroupBy(r => (r.Code, r.Naam))
            .Select(g => new Regio(g.Key.Code, g.Key.Naam, g.Where(x => x.Member is not null).Select(x => x.Member!).ToList())).ToList();

        var figures = (await conn.QueryAsync<(string, string, string, string, DateTime, int)>(
            "SELECT opgave, versie, periode, gebiedcode, publicatiedatum, aantal FROM monitor.opgaven"))
            .Select(r => new OpgaveFigure(AnalysisCodes.ParseOpgave(r.Item1), AnalysisCodes.ParseVersie(r.Item2), r.Item3, r.Item4,
                DateOnly.FromDateTime(r.Item5), r.Item6)).ToList();

        // The last snapshot of each feed on or before placesFrom is still in force then; everything after it counts too.
        const string snapshotFilter = """
            WHERE @from::date IS NULL OR s.peildatum >= coalesce(
                (SELECT max(b.peildatum) FROM monitor.plekken_snapshots b WHERE b.feed = s.feed AND b.peildatum <= @from::date), @from::date)
            """;
        var from = placesFrom?.ToDateTime(TimeOnly.MinValue);
        var snapshots = (await conn.QueryAsync<(string, DateTime)>($"SELECT s.feed, s.peildatum FROM monitor.plekken_snapshots s {snapshotFilter}", new { from }))
            .Select(r => new PlaceSnapshot(r.Item1, DateOnly.FromDateTime(r.Item2))).ToList();
        var places = new List<PlaceRow>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT p.feed, p.peildatum, p.opgave, p.locatiecode, p.gemeentecode, p.status, p.capaciteit, p.beschikbaar_vanaf, p.beschikbaar_tot
            FROM monitor.plekken p JOIN monitor.plekken_snapshots s USING (feed, peildatum) {snapshotFilter}
            """, conn) { Parameters = { new("from", NpgsqlTypes.NpgsqlDbType.Timestamp) { Value = (object?)from ?? DBNull.Value } } })
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            // Streamed by hand: at national scale these are millions of rows and Dapper's mapping would dominate.
            while (await reader.ReadAsync())
                places.Add(new PlaceRow(reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), AnalysisCodes.ParseOpgave(reader.GetString(2)),
                    reader.GetString(3), reader.GetString(4), AnalysisCodes.ParseStatus(reader.GetString(5)), reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : DateOnly.FromDateTime(reader.GetDateTime(7)),
                    reader.IsDBNull(8) ? null : DateOnly.FromDateTime(reader.GetDateTime(8))));
        }

        var housing = (await conn.QueryAsync<(string, string, DateTime, int, int?)>(
            "SELECT periode, gemeentecode, peildatum, gehuisvest, waarvan_amv FROM monitor.huisvesting"))
            .Select(r => new HousingRow(r.Item1, r.Item2, DateOnly.FromDateTime(r.Item3), r.Item4, r.Item5)).ToList();

        var agreements = (await conn.QueryAsync<(string, string, string, string, string, int, string, string, DateTime)>("""
                SELECT afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van, periode_tot, besluitdatum
                FROM monitor.afspraken
                """))
            .Select(r => new Agreement(r.Item1, AnalysisCodes.ParseSoort(r.Item2), AnalysisCodes.ParseOpgave(r.Item3), r.Item4, r.Item5,
                r.Item6, r.Item7, r.Item8, DateOnly.FromDateTime(r.Item9))).ToList();

        return new AnalysisInputs
        {
            Gemeenten = gemeenten, Regios = regios, Figures = figures, Snapshots = snapshots, Places = places,
            Housing = housing, Agreements = agreements,
        };
    }
}
