using Monitor.Clock;
using Dapper;
using Monitor.Analysis;
using Monitor.Feeds.Loading;
using Monitor.Feeds.Values;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Reads gap rows from the materialised series, resolving the area codes a person types.</summary>
public sealed class GapQuery(NpgsqlDataSource db)
{
    public static readonly string[] AllOpgaven = ["asiel", "amv", "oekraine", "taakstelling"];

    /// <summary>Area codes as stored: gemeente codes normalised ("363" → GM0363) and mapped through herindelingen,
    /// provincie codes normalised, regio codes as given, "NL" for the land.</summary>
    public async Task<IReadOnlyList<string>> ResolveAsync(IEnumerable<string> gemeenten, string? regio, IEnumerable<string> provincies, bool land)
    {
        await using var conn = await db.OpenConnectionAsync();
        var codes = new List<string>();
        // The herindelingen map only for gemeente codes: a provincie or regio needs one small table, and on the command
        // line loading the whole map cost more than the answer itself (cli_gaps_ms).
        var gemeenteTexts = gemeenten.ToList();
        var map = gemeenteTexts.Count == 0 ? null : await GemeenteCodeMap.LoadAsync(conn);
        foreach (var text in gemeenteTexts)
        {
            if (!ValueParser.TryGemeentecode(text, out var code, out var error)) throw new ArgumentException(error);
            var targets = map!.Resolve(code, AmsterdamDate.Today());
            if (targets.Count == 0) throw new ArgumentException($"Gemeente {code} is onbekend.");
            if (targets.Count > 1) throw new ArgumentException($"Gemeente {code} is gesplitst over {string.Join(", ", targets.Select(t => t.Code))}; kies er een.");
            codes.Add(targets[0].Code);
        }
        IReadOnlySet<string>? provincieCodes = map?.Provincies;
        foreach (var text in provincies)
        {
            if (!ValueParser.TryGebiedcode(text, out var code, out var error) || !code.StartsWith("PV")) throw new ArgumentException(error ?? $"{text} is geen provinciecode (bijv. PV30).");
            provincieCodes ??= await ProvinciesAsync(conn);
            if (!provincieCodes.Contains(code)) throw new ArgumentException($"Provincie {code} is onbekend.");
            codes.Add(code);
        }
        if (regio is not null)
        {
            await using var cmd = new NpgsqlCommand("SELECT code FROM monitor.regios WHERE upper(code) = upper(@regio)", conn);
            cmd.Parameters.AddWithValue("regio", regio);
            var known = await cmd.ExecuteScalarAsync() as string;
            codes.Add(known ?? throw new ArgumentException($"Regio {regio} is onbekend."));
        }
        if (land || codes.Count == 0) codes.Add("NL");
        return codes;
    }

    /// <summary>The provincie codes (the same set <see cref="GemeenteCodeMap.Provincies"/> holds).</summary>
    private static async Task<IReadOnlySet<string>> ProvinciesAsync(NpgsqlConnection conn)
    {
        var set = new HashSet<string>();
        await using var cmd = new NpgsqlCommand("SELECT code FROM monitor.provincies", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) set.Add(r.GetString(0));
        return set;
    }

    /// <summary>The last computed day, or null when nothing was computed yet.</summary>
    public async Task<DateOnly?> LatestDateAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT max(datum) FROM monitor.series WHERE gebiedcode = 'NL'", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() && !r.IsDBNull(0) ? r.GetFieldValue<DateOnly>(0) : null;
    }

    /// <summary>The first and last computed day, so a question about another day can be answered with what exists.</summary>
    public async Task<(DateOnly First, DateOnly Last)?> ComputedRangeAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        var (first, last) = await conn.QuerySingleAsync<(DateTime?, DateTime?)>(
            "SELECT min(datum), max(datum) FROM monitor.series WHERE gebiedcode = 'NL'");
        return first is null || last is null ? null : (DateOnly.FromDateTime(first.Value), DateOnly.FromDateTime(last.Value));
    }

    private async Task<List<GapRow>> ReadAsync(IReadOnlyList<string> codes, IReadOnlyList<string> opgaven, DateOnly datum, bool explain)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rows = await SeriesReader.OnDayAsync(conn, datum, codes, opgaven);
        var (names, status) = await NamesAndStatusAsync(conn, codes, rows, datum);
        var outcomes = explain
            ? (await DeadlineOutcomeReader.LatestPassedAsync(conn, datum, codes)).Where(o => o.ShownOn(datum))
                .ToDictionary(o => (o.Gebiedcode, Monitor.Analysis.AnalysisCodes.Code(o.Opgave)))
            : [];
        var read = rows.Select(r => GapRow.From(r, names.GetValueOrDefault(r.Gebiedcode) ?? (r.Niveau == AreaLevel.Land ? "Nederland" : r.Gebiedcode)) with
            {
                VorigeDeadline = outcomes.GetValueOrDefault((r.Gebiedcode, r.Opgave.Code())),
                Rechtsstatus = status.TryGetValue((r.Gebiedcode, r.Opgave.Code()), out var s) ? s.Rechtsstatus : null,
                Bron = status.TryGetValue((r.Gebiedcode, r.Opgave.Code()), out var b) ? b.Bron : null,
            }).ToList();
        return explain ? await GapNotes.AddAsync(conn, read, codes, opgaven, datum, (c, o, d) => ReadAsync(c, o, d, explain: false)) : read;
    }

    /// <summary>The areas' names, and the status and source of each area's own figure in force on the date (the latest
    /// periode begun by then). One round trip, read without Dapper: on the command line each mapped query shape costs
    /// its own code generation, more than the query (cli_gaps_ms). Names are asked only of the tables the codes belong
    /// to: a fresh connection plans each table it meets for the first time, and that cost more than reading the name.</summary>
    private static async Task<(Dictionary<string, string> Names, Dictionary<(string, string), (string Rechtsstatus, string? Bron)> Status)>
        NamesAndStatusAsync(NpgsqlConnection conn, IReadOnlyList<string> codes, IReadOnlyList<SeriesRow> rows, DateOnly datum)
    {
        var codeArray = codes.ToArray();
        await using var batch = new NpgsqlBatch(conn);
        var nameQueries = 0;
        foreach (var (sql, level) in NameQueries)
        {
            var ofThisTable = rows.Where(r => r.Niveau == level).Select(r => r.Gebiedcode).Distinct().ToArray();
            if (ofThisTable.Length == 0) continue;
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new() { Value = ofThisTable } } });
            nameQueries++;
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            SELECT DISTINCT ON (gebiedcode, opgave) gebiedcode, opgave, rechtsstatus, bron FROM monitor.opgaven_geldend
            WHERE telt AND gebiedcode = ANY($1) AND geldig_vanaf <= $2 AND (vervalt_op IS NULL OR vervalt_op > $2)
              AND make_date(left(periode, 4)::int, CASE WHEN periode LIKE '%-H2' THEN 7 ELSE 1 END, 1) <= $2
            ORDER BY gebiedcode, opgave, left(periode, 4) DESC, periode DESC, geldig_vanaf DESC,
                     array_position('{indicatief,verslag,verdeelbesluit,vastgesteld,bijstelling}'::text[], versie) DESC
            """) { Parameters = { new() { Value = codeArray }, new() { Value = datum.ToDateTime(TimeOnly.MinValue) } } });
        await using var r = await batch.ExecuteReaderAsync();
        var names = new Dictionary<string, string>();
        for (var q = 0; q < nameQueries; q++)
        {
            while (await r.ReadAsync()) names.Add(r.GetString(0), r.GetString(1));
            await r.NextResultAsync();
        }
        var status = new Dictionary<(string, string), (string, string?)>();
        while (await r.ReadAsync()) status.Add((r.GetString(0), r.GetString(1)), (r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        return (names, status);
    }

    /// <summary>Where an area's name is, by the level of its rows; the land is "Nederland" and needs no table.</summary>
    private static readonly (string Sql, AreaLevel Level)[] NameQueries =
    [
        ("SELECT code, naam FROM monitor.gemeenten_actueel WHERE code = ANY($1)", AreaLevel.Gemeente),
        ("SELECT code, naam FROM monitor.provincies WHERE code = ANY($1)", AreaLevel.Provincie),
        ("SELECT code, naam FROM monitor.regios WHERE code = ANY($1)", AreaLevel.Regio),
    ];

    /// <summary>Whether any cycli delivery is in the warehouse: without one asiel and amv have no deadline at all.</summary>
    public async Task<bool> HasCyclesAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM monitor.cycli)", conn);
        return await cmd.ExecuteScalarAsync() is true;
    }

    public async Task<IReadOnlyList<GapRow>> ReadAsync(IReadOnlyList<string> codes, IReadOnlyList<string> opgaven, DateOnly datum) =>
        await ReadAsync(codes, opgaven, datum, explain: true);
}
