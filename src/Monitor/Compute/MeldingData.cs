using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Everything the drafted melding shows: the facts from the analysis engine, where the opgave figure came from
/// (its delivery and line), and the names of the locations.</summary>
public sealed record MeldingInput(MeldingFacts Facts, string? Bron, IReadOnlyDictionary<string, string> Locatienamen, string Provincienaam);

/// <summary>Reads the warehouse into the analysis model (the calendar of cycles and deadlines included) and builds the
/// melding's facts for one gemeente and opgave.</summary>
public static class MeldingData
{
    private const string SourceSql = """
        SELECT d.source, o.source_lines[1] AS line, d.id
        FROM monitor.opgaven o JOIN monitor.deliveries d ON d.id = o.delivery_id
        WHERE o.opgave = @opgave AND o.periode = @periode AND o.gebiedcode = @gemeente AND o.versie = @versie AND o.publicatiedatum = @published
        """;

    private const string NamesSql = """
        SELECT DISTINCT ON (locatiecode) locatiecode, coalesce(locatienaam, locatiecode)
        FROM monitor.plekken WHERE gemeentecode = @gemeente AND opgave = @opgave AND peildatum <= @date
        ORDER BY locatiecode, peildatum DESC
        """;

    public static async Task<MeldingInput> ReadAsync(NpgsqlDataSource db, string gemeente, Opgave opgave, DateOnly date)
    {
        await using var conn = await db.OpenConnectionAsync();
        var model = new AnalysisModel(await AnalysisInputReader.ReadAsync(conn));
        var facts = CollegeMelding.For(model, gemeente, opgave, date);
        string? bron = null;
        if (facts.Opgavewaarde is { Bronversie: { } v, Periode: { } p })
        {
            var s = await conn.QuerySingleOrDefaultAsync<(string Source, int Line, long Id)?>(SourceSql,
                new { opgave = opgave.Code(), periode = p.ToString(), gemeente, versie = v.Versie.Code(), published = v.Publicatiedatum });
            if (s is { } found) bron = $"{Path.GetFileName(found.Source)}, regel {found.Line} (levering {found.Id})";
        }
        var names = (await conn.QueryAsync<(string Code, string Naam)>(NamesSql, new { gemeente, opgave = opgave.Code(), date }))
            .ToDictionary(x => x.Code, x => x.Naam, StringComparer.Ordinal);
        var provincie = await conn.ExecuteScalarAsync<string?>("""
            SELECT p.naam FROM monitor.gemeenten_actueel g JOIN monitor.provincies p ON p.code = g.provinciecode WHERE g.code = @gemeente
            """, new { gemeente }) ?? "";
        return new(facts, bron, names, provincie);
    }
}
