using Dapper;
using Monitor.Analysis;
using Monitor.Feeds.Loading;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Reads what the analysis engine needs from the warehouse, as its plain input records.</summary>
public static class AnalysisInputReader
{
    /// <param name="from">Only place snapshots and housing counts from this date on (plus, per feed, the last snapshot
    /// before it, and per gemeente and half year the last count before it: what is still in force then): a run that
    /// starts late in the history does not need the years before it. Null reads everything.</param>
    public static async Task<AnalysisInputs> ReadAsync(NpgsqlConnection conn, DateOnly? from = null)
    {
        var placesFrom = from;
        var gemeenten = (await conn.QueryAsync<(string, string, string, string, int, decimal)>(
            "SELECT code, naam, provinciecode, veiligheidsregiocode, inwoners, oppervlakte_km2 FROM monitor.gemeenten_actueel ORDER BY code"))
            .Select(r => new Gemeente(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6)).ToList();

        var regios = (await conn.QueryAsync<(string Code, string Naam, string? Member)>("""
                SELECT r.code, r.naam, l.gemeentecode FROM monitor.regios r
                LEFT JOIN monitor.regio_leden l ON l.regiocode = r.code ORDER BY r.code, l.gemeentecode
                """))
            .GroupBy(r => (r.Code, r.Naam))
            .Select(g => new Regio(g.Key.Code, g.Key.Naam, g.Where(x => x.Member is not null).Select(x => x.Member!).ToList())).ToList();

        // As they count: a corrected figure from the date of the first one it replaced, a replaced or withdrawing row not at
        // all, a withdrawn figure until its withdrawal (monitor.opgaven_geldend).
        var figures = (await conn.QueryAsync<(string, string, string, string, DateTime, int, DateTime?)>(
            "SELECT opgave, versie, periode, gebiedcode, geldig_vanaf, aantal, vervalt_op FROM monitor.opgaven_geldend WHERE telt"))
            .Select(r => new OpgaveFigure(AnalysisCodes.ParseOpgave(r.Item1), AnalysisCodes.ParseVersie(r.Item2), r.Item3, r.Item4,
                DateOnly.FromDateTime(r.Item5), r.Item6, r.Item7 is { } vervalt ? DateOnly.FromDateTime(vervalt) : null)).ToList();

        // The last snapshot of each feed on or before placesFrom is still in force then; everything after it counts too.
        const string snapshotFilter = """
            WHERE @from::date IS NULL OR s.peildatum >= coalesce(
                (SELECT max(b.peildatum) FROM monitor.plekken_snapshots b WHERE b.feed = s.feed AND b.peildatum <= @from::date), @from::date)
            """;
        var fromDate = placesFrom?.ToDateTime(TimeOnly.MinValue);
        var snapshots = (await conn.QueryAsync<(string, DateTime)>($"SELECT s.feed, s.peildatum FROM monitor.plekken_snapshots s {snapshotFilter}", new { from = fromDate }))
            .Select(r => new PlaceSnapshot(r.Item1, DateOnly.FromDateTime(r.Item2))).ToList();
        // A run from a date reads one range of days (the block range index on peildatum) and keeps the rows of the
        // snapshots above; joined by key per snapshot instead, the planner cannot see how few the filter leaves.
        // A full run reads everything.
        // Streamed by hand: at national scale these are millions of rows and Dapper's mapping would dominate. Codes repeat
        // endlessly, so each is read into a buffer and kept once (the model holds every row); opgave and status come as
        // their position in the enum.
        const string placeColumns = """
            p.feed, p.peildatum, array_position('{asiel,amv,oekraine,taakstelling}'::text[], p.opgave) - 1, p.locatiecode, p.gemeentecode,
            array_position('{beschikbaar,in_voorbereiding,gesloten}'::text[], p.status) - 1, p.capaciteit, p.beschikbaar_vanaf, p.beschikbaar_tot,
            p.duurzaam = 'ja'
            """;
        var codes = new CodePool();
        var places = new List<PlaceRow>();
        await using (var cmd = from is null
            ? new NpgsqlCommand($"SELECT {placeColumns} FROM monitor.plekken p JOIN monitor.plekken_snapshots s USING (feed, peildatum)", conn)
            : new NpgsqlCommand($"""
                SELECT {placeColumns} FROM monitor.plekken p JOIN unnest($1::text[], $2::date[]) AS s (feed, peildatum) USING (feed, peildatum)
                WHERE p.peildatum >= $3
                """, conn)
            {
                Parameters =
                {
                    new() { Value = snapshots.Select(x => x.Feed).ToArray() }, new() { Value = snapshots.Select(x => x.Peildatum).ToArray() },
                    new() { Value = snapshots.Count == 0 ? DateOnly.MaxValue : snapshots.Min(x => x.Peildatum) },
                },
            })
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                places.Add(new PlaceRow(codes.Read(reader, 0), reader.GetFieldValue<DateOnly>(1), Enum<Opgave>(reader, 2, "opgave"),
                    codes.Read(reader, 3), codes.Read(reader, 4), Enum<PlaceStatus>(reader, 5, "status"), reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                    reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8), reader.IsDBNull(9) ? null : reader.GetBoolean(9)));

        var housing = new List<HousingRow>();
        await using (var cmd = from is null
            ? new NpgsqlCommand("SELECT periode, gemeentecode, peildatum, gehuisvest, waarvan_amv FROM monitor.huisvesting", conn)
            : new NpgsqlCommand(HousingFromSql, conn) { Parameters = { new("from", NpgsqlTypes.NpgsqlDbType.Timestamp) { Value = fromDate } } })
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                housing.Add(new HousingRow(codes.Read(reader, 0), codes.Read(reader, 1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4)));

        var agreements = (await conn.QueryAsync<(string, string, string, string, string, int, string, string, DateTime)>("""
                SELECT afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van, periode_tot, besluitdatum
                FROM monitor.afspraken
                """))
            .Select(r => new Agreement(r.Item1, AnalysisCodes.ParseSoort(r.Item2), AnalysisCodes.ParseOpgave(r.Item3), r.Item4, r.Item5,
                r.Item6, r.Item7, r.Item8, DateOnly.FromDateTime(r.Item9))).ToList();

        // Today as the database sees it, as monitor.gemeenten_actueel does.
        var today = DateOnly.FromDateTime(await conn.ExecuteScalarAsync<DateTime>("SELECT current_date"));
        return RetiredCodes.Remap(new AnalysisInputs
        {
            Gemeenten = gemeenten, Regios = regios, Figures = figures, Snapshots = snapshots, Places = places,
            Housing = housing, Agreements = agreements, Regimes = await ReadRegimesAsync(conn),
            Calendar = await CalendarReader.ReadAsync(conn),
        }, await GemeenteCodeMap.LoadAsync(conn), today);
    }

    /// <summary>monitor.regimes: a few rows, read whole.</summary>
    public static async Task<IReadOnlyList<Regime>> ReadRegimesAsync(NpgsqlConnection conn)
    {
        // Read without Dapper: monitor gaps reads it too, and there mapping the shape cost more than the query (cli_gaps_ms).
        await using var cmd = new NpgsqlCommand(
            "SELECT opgave, geldig_vanaf, geldig_tot, grondslag, omschrijving FROM monitor.regimes ORDER BY opgave, geldig_vanaf", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<Regime>();
        while (await r.ReadAsync())
            list.Add(new Regime(AnalysisCodes.ParseOpgave(r.GetString(0)), r.GetFieldValue<DateOnly>(1),
                r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        return list;
    }

    /// <summary>Housing counts from @from on, and per gemeente and half year the last count before it: by index probes per
    /// gemeente (a loose scan for the codes), since daily counts of ten years are over a million rows.</summary>
    private const string HousingFromSql = """
        WITH RECURSIVE codes (code) AS (
            SELECT min(gemeentecode) FROM monitor.huisvesting
            UNION ALL
            SELECT (SELECT min(h.gemeentecode) FROM monitor.huisvesting h WHERE h.gemeentecode > c.code) FROM codes c WHERE c.code IS NOT NULL
        ), periodes (periode) AS (
            SELECT min(periode) FROM monitor.huisvesting
            UNION ALL
            SELECT (SELECT min(h.periode) FROM monitor.huisvesting h WHERE h.periode > p.periode) FROM periodes p WHERE p.periode IS NOT NULL)
        SELECT r.periode, r.gemeentecode, r.peildatum, r.gehuisvest, r.waarvan_amv
        FROM codes c CROSS JOIN LATERAL (
            -- OFFSET 0 keeps this a range scan per gemeente; flattened, the planner scans (in parallel) all counts.
            SELECT * FROM monitor.huisvesting h WHERE h.gemeentecode = c.code AND h.peildatum >= @from::date OFFSET 0) r
        UNION ALL
        SELECT r.periode, r.gemeentecode, r.peildatum, r.gehuisvest, r.waarvan_amv
        FROM codes c CROSS JOIN periodes p CROSS JOIN LATERAL (
            SELECT * FROM monitor.huisvesting h WHERE h.periode = p.periode AND h.gemeentecode = c.code AND h.peildatum < @from::date
            ORDER BY h.peildatum DESC LIMIT 1) r
        WHERE c.code IS NOT NULL AND p.periode IS NOT NULL
        """;

    private static T Enum<T>(NpgsqlDataReader reader, int i, string what) where T : struct, Enum =>
        reader.IsDBNull(i) ? throw new FormatException($"Onbekende {what} in monitor.plekken.") : (T)(object)reader.GetInt32(i);

    /// <summary>Text values read without allocating a string each time: a code seen before comes back as the same string.</summary>
    private sealed class CodePool
    {
        private readonly char[] _buffer = new char[256];
        private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public CodePool() => _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Read(NpgsqlDataReader reader, int i)
        {
            var n = (int)reader.GetChars(i, 0, _buffer, 0, _buffer.Length);
            if (n == _buffer.Length) return reader.GetString(i);   // longer than any code: read it whole
            var span = _buffer.AsSpan(0, n);
            if (_lookup.TryGetValue(span, out var known)) return known;
            var code = new string(span);
            _codes[code] = code;
            return code;
        }
    }
}
