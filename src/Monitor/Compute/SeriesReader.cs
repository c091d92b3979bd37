using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>
/// The one way rows of monitor.series are read back, by alerts, digests and the command line alike: one column list,
/// one mapping, to the same <see cref="SeriesRow"/> the compute job writes. The three questions differ only in their
/// WHERE: the latest row per area and opgave on or before a day (for given areas, or for given levels), and the rows of
/// one exact day.
/// </summary>
public static class SeriesReader
{
    private const string Columns = """
        s.gebiedcode, s.niveau, s.opgave, s.datum, s.opgave_aantal, s.gerealiseerd, s.gap, s.tekort, s.realisatie_pct, s.duurzaam,
        s.deadline, s.prognose_laag, s.prognose_midden, s.prognose_hoog, s.methode
        """;

    private const string LatestOfAreasSql = $"""
        SELECT DISTINCT ON (s.gebiedcode, s.opgave) {Columns}
        FROM monitor.series s
        WHERE s.gebiedcode = ANY(@codes) AND s.datum <= @date
        ORDER BY s.gebiedcode, s.opgave, s.datum DESC
        """;

    private const string LatestOfLevelsSql = $"""
        SELECT DISTINCT ON (s.gebiedcode, s.opgave) {Columns}
        FROM monitor.series s
        WHERE s.niveau = ANY(@levels) AND s.datum <= @date AND s.datum >= @from
        ORDER BY s.gebiedcode, s.opgave, s.datum DESC
        """;

    private const string OnDaySql = $"""
        SELECT {Columns}
        FROM monitor.series s
        WHERE s.datum = @date AND s.gebiedcode = ANY(@codes) AND s.opgave = ANY(@opgaven)
        ORDER BY array_position(@codes, s.gebiedcode), array_position(@opgaven, s.opgave)
        """;

    /// <summary>Per area and opgave the latest row on or before <paramref name="date"/>.</summary>
    public static Task<List<SeriesRow>> LatestAsync(NpgsqlConnection conn, DateOnly date, IReadOnlyCollection<string> codes, CancellationToken ct = default) =>
        ReadAsync(conn, LatestOfAreasSql, ct, ("codes", codes.ToArray()), ("date", date));

    /// <summary>Per area of the given levels and opgave the latest row in [<paramref name="from"/>, <paramref name="date"/>].</summary>
    public static Task<List<SeriesRow>> LatestAsync(NpgsqlConnection conn, DateOnly date, DateOnly from, IReadOnlyCollection<AreaLevel> levels, CancellationToken ct = default) =>
        ReadAsync(conn, LatestOfLevelsSql, ct, ("levels", levels.Select(LevelCode).ToArray()), ("date", date), ("from", from));

    /// <summary>The rows of exactly <paramref name="date"/>, in the order of the codes given, then of the opgaven given.</summary>
    public static Task<List<SeriesRow>> OnDayAsync(NpgsqlConnection conn, DateOnly date, IReadOnlyCollection<string> codes, IReadOnlyCollection<string> opgaven, CancellationToken ct = default) =>
        ReadAsync(conn, OnDaySql, ct, ("codes", codes.ToArray()), ("opgaven", opgaven.ToArray()), ("date", date));

    public static string LevelCode(AreaLevel level) => SeriesWriter.Level(level);

    public static AreaLevel ParseLevel(string s) => s switch
    {
        "gemeente" => AreaLevel.Gemeente, "provincie" => AreaLevel.Provincie, "regio" => AreaLevel.Regio, "land" => AreaLevel.Land,
        _ => throw new FormatException($"Onbekend niveau '{s}'."),
    };

    private static async Task<List<SeriesRow>> ReadAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<SeriesRow>();
        while (await r.ReadAsync(ct))
            rows.Add(new SeriesRow(
                r.GetString(0), ParseLevel(r.GetString(1)), AnalysisCodes.ParseOpgave(r.GetString(2)), r.GetFieldValue<DateOnly>(3),
                Int(r, 4), r.GetInt32(5), Int(r, 6), Int(r, 7), r.IsDBNull(8) ? null : (double)r.GetDecimal(8), Int(r, 9),
                r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10), Int(r, 11), Int(r, 12), Int(r, 13), r.IsDBNull(14) ? null : r.GetString(14)));
        return rows;
    }

    private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
}
