using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Adds the toelichting to gap rows: why an area's opgave is unknown (its members on the same day), and for an
/// opgave whose task ended by the asked date, its last computed figures with "… beëindigd per …" (history stays readable;
/// nothing is computed after the end).</summary>
public static class GapNotes
{
    public static async Task<List<GapRow>> AddAsync(NpgsqlConnection conn, List<GapRow> rows, IReadOnlyList<string> codes,
        IReadOnlyList<string> opgaven, DateOnly datum, Func<IReadOnlyList<string>, IReadOnlyList<string>, DateOnly, Task<List<GapRow>>> read)
    {
        var regimes = new RegimeStatus(await AnalysisInputReader.ReadRegimesAsync(conn));
        var result = new List<GapRow>(rows);
        // An ended opgave has no rows from its end on: show its last day, marked.
        foreach (var opgave in opgaven)
        {
            var o = AnalysisCodes.ParseOpgave(opgave);
            if (regimes.EndedOn(o, datum) is not { } end) continue;
            var text = RegimeStatus.EndedText(o, end);
            result.RemoveAll(x => x.Opgave == opgave);
            result.AddRange((await read(codes, [opgave], end.AddDays(-1))).Select(x => x with { Toelichting = text }));
        }
        for (var i = 0; i < result.Count; i++)
            if (result[i] is { Niveau: not "gemeente" } r && (r.OpgaveAantal is null || r.Tekort is null) && await UnknownAsync(conn, r) is { } u)
            {
                var why = r.OpgaveAantal is null ? u.Text : u.ShortfallText;
                result[i] = r with { Toelichting = r.Toelichting is null ? why : $"{why}; {r.Toelichting}" };
            }
        return result.OrderBy(x => IndexOf(codes, x.Gebiedcode)).ThenBy(x => IndexOf(opgaven, x.Opgave)).ToList();
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return list.Count;
    }

    /// <summary>The members of the area and their opgave on the row's date (missing rows count as unknown).</summary>
    private static async Task<UnknownAggregate?> UnknownAsync(NpgsqlConnection conn, GapRow r)
    {
        // Read without Dapper, like the rest of monitor gaps (cli_gaps_ms).
        await using var cmd = new NpgsqlCommand("""
            SELECT m.opgave_aantal
            FROM monitor.gemeenten_actueel g
            LEFT JOIN monitor.series m ON m.gebiedcode = g.code AND m.opgave = @opgave AND m.datum = @datum
            WHERE @niveau = 'land'
               OR (@niveau = 'provincie' AND g.provinciecode = @gebied)
               OR (@niveau = 'regio' AND g.code IN (SELECT l.gemeentecode FROM monitor.regio_leden l WHERE l.regiocode = @gebied))
            """, conn);
        cmd.Parameters.AddWithValue("opgave", r.Opgave);
        cmd.Parameters.AddWithValue("datum", r.Datum.ToDateTime(TimeOnly.MinValue));
        cmd.Parameters.AddWithValue("niveau", r.Niveau);
        cmd.Parameters.AddWithValue("gebied", r.Gebiedcode);
        var members = new List<int?>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) members.Add(reader.IsDBNull(0) ? null : reader.GetInt32(0));
        return UnknownAggregate.Of(members);
    }
}
