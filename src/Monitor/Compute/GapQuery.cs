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
        var map = await GemeenteCodeMap.LoadAsync(conn);
        foreach (var text in gemeenten)
        {
            if (!ValueParser.TryGemeentecode(text, out var code, out var error)) throw new ArgumentException(error);
            var targets = map.Resolve(code, AmsterdamDate.Today());
            if (targets.Count == 0) throw new ArgumentException($"Gemeente {code} is onbekend.");
            if (targets.Count > 1) throw new ArgumentException($"Gemeente {code} is gesplitst over {string.Join(", ", targets.Select(t => t.Code))}; kies er een.");
            codes.Add(targets[0].Code);
        }
        foreach (var text in provincies)
        {
            if (!ValueParser.TryGebiedcode(text, out var code, out var error) || !code.StartsWith("PV")) throw new ArgumentException(error ?? $"{text} is geen provinciecode (bijv. PV30).");
            if (!map.Provincies.Contains(code)) throw new ArgumentException($"Provincie {code} is onbekend.");
            codes.Add(code);
        }
        if (regio is not null)
        {
            var known = await conn.ExecuteScalarAsync<string?>("SELECT code FROM monitor.regios WHERE upper(code) = upper(@regio)", new { regio });
            codes.Add(known ?? throw new ArgumentException($"Regio {regio} is onbekend."));
        }
        if (land || codes.Count == 0) codes.Add("NL");
        return codes;
    }

    /// <summary>The last computed day, or null when nothing was computed yet.</summary>
    public async Task<DateOnly?> LatestDateAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        var d = await conn.ExecuteScalarAsync<DateTime?>("SELECT max(datum) FROM monitor.series WHERE gebiedcode = 'NL'");
        return d is null ? null : DateOnly.FromDateTime(d.Value);
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
        var names = (await conn.QueryAsync<(string Code, string Naam)>("""
            SELECT code, naam FROM monitor.gemeenten_actueel WHERE code = ANY(@codes)
            UNION ALL SELECT code, naam FROM monitor.provincies WHERE code = ANY(@codes)
            UNION ALL SELECT code, naam FROM monitor.regios WHERE code = ANY(@codes)
            """, new { codes = codes.ToArray() })).ToDictionary(n => n.Code, n => n.Naam);
        // The status and source of each area's own figure in force on the date (the latest periode begun by then).
        var status = (await conn.QueryAsync<(string Gebied, string Opgave, string Rechtsstatus, string? Bron)>("""
            SELECT DISTINCT ON (gebiedcode, opgave) gebiedcode, opgave, rechtsstatus, bron FROM monitor.opgaven_geldend
            WHERE telt AND gebiedcode = ANY(@codes) AND geldig_vanaf <= @datum AND (vervalt_op IS NULL OR vervalt_op > @datum)
              AND make_date(left(periode, 4)::int, CASE WHEN periode LIKE '%-H2' THEN 7 ELSE 1 END, 1) <= @datum
            ORDER BY gebiedcode, opgave, left(periode, 4) DESC, periode DESC, geldig_vanaf DESC,
                     array_position('{indicatief,verslag,verdeelbesluit,vastgesteld,bijstelling}'::text[], versie) DESC
            """, new { datum = datum.ToDateTime(TimeOnly.MinValue), codes = codes.ToArray() }))
            .ToDictionary(x => (x.Gebied, x.Opgave));
        var outcomes = explain
            ? (await DeadlineOutcomeReader.LatestPassedAsync(conn, datum, codes)).Where(o => o.ShownOn(datum))
                .ToDictionary(o => (o.Gebiedcode, Monitor.Analysis.AnalysisCodes.Code(o.Opgave)))
            : [];
        var read = rows.Select(r => GapRow.From(r, names.GetValueOrDefault(r.Gebiedcode) ?? (r.Niveau == Analysis.AreaLevel.Land ? "Nederland" : r.Gebiedcode)) with
            {
                VorigeDeadline = outcomes.GetValueOrDefault((r.Gebiedcode, r.Opgave.Code())),
                Rechtsstatus = status.TryGetValue((r.Gebiedcode, r.Opgave.Code()), out var s) ? s.Rechtsstatus : null,
                Bron = status.TryGetValue((r.Gebiedcode, r.Opgave.Code()), out var b) ? b.Bron : null,
            }).ToList();
        return explain ? await GapNotes.AddAsync(conn, read, codes, opgaven, datum, (c, o, d) => ReadAsync(c, o, d, explain: false)) : read;
    }

    /// <summary>Whether any cycli delivery is in the warehouse: without one asiel and amv have no deadline at all.</summary>
    public async Task<bool> HasCyclesAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM monitor.cycli)");
    }

    public async Task<IReadOnlyList<GapRow>> ReadAsync(IReadOnlyList<string> codes, IReadOnlyList<string> opgaven, DateOnly datum) =>
        await ReadAsync(codes, opgaven, datum, explain: true);
}
