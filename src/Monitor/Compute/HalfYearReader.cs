using Dapper;
using Npgsql;

namespace Monitor.Compute;

/// <summary>One gemeente's half year of the taakstelling as the compute job stored it (monitor.taakstelling_halfjaren).</summary>
public sealed record HalfYearFigures(string Gemeentecode, string Periode, int? Taakstelling, int CarryIn, int? Due, int Gehuisvest,
    int? Achterstand, bool Afgerond, int GemistOpRij);

/// <summary>
/// Reads the half years of one periode as they were known at an instant (<see cref="KnownAt"/>), for alerts and digests
/// alike: the row as it is, or the version a later run replaced or removed (monitor.taakstelling_halfjaren_revisies).
/// </summary>
public static class HalfYearReader
{
    // A version was current at the instant when the run that wrote it is not a later run and the run that replaced it
    // (none for the row as it is) is. Were two such (a nightly run without a delivery in between), the newest wins.
    private const string Sql = """
        SELECT DISTINCT ON (gemeentecode) gemeentecode, periode, taakstelling, carry_in AS carryin, due, gehuisvest, achterstand, afgerond,
               gemist_op_rij AS gemistoprij
        FROM (SELECT gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id,
                     NULL::bigint AS vervangen_door_run, 9223372036854775807 AS seq
              FROM monitor.taakstelling_halfjaren WHERE periode = @periode
              UNION ALL
              SELECT gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id,
                     vervangen_door_run, id
              FROM monitor.taakstelling_halfjaren_revisies WHERE periode = @periode AND cardinality(@laterRuns) > 0) v
        WHERE run_id <> ALL(@laterRuns) AND (vervangen_door_run IS NULL OR vervangen_door_run = ANY(@laterRuns))
          AND (@codes::text[] IS NULL OR gemeentecode = ANY(@codes))
        ORDER BY gemeentecode, seq DESC
        """;

    /// <summary>The half year <paramref name="periode"/> of the given gemeenten (null: all), as known then.</summary>
    public static async Task<List<HalfYearFigures>> ReadAsync(NpgsqlConnection conn, string periode, IReadOnlyCollection<string>? codes,
        KnownAt? known = null, CancellationToken ct = default) =>
        (await conn.QueryAsync<HalfYearFigures>(new CommandDefinition(Sql,
            new { periode, codes = codes?.ToArray(), laterRuns = (known ?? KnownAt.Now).LaterRuns }, cancellationToken: ct))).ToList();
}
