using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>
/// The one way rows of monitor.series are read back, by alerts, digests and the command line alike: one column list,
/// one mapping, to the same <see cref="SeriesRow"/> the compute job writes, and every question asked of the series as it
/// was known at an instant (<see cref="KnownAt"/>). The questions differ only in their WHERE: the latest row per area
/// and opgave on or before a day (for given areas, or for given levels), the rows of one exact day, and one area's days
/// in a range.
/// </summary>
public static class SeriesReader
{
    /// <summary>
    /// monitor.series as known at an instant that later runs have since changed: each figure is its latest version (the
    /// row, or a revision of it) that no later run wrote. The callers' conditions are on gebiedcode, opgave and datum, the
    /// columns the versions are distinct on, so PostgreSQL pushes them into both branches and reads through the indexes.
    /// Revisions keep the figure, not the level, duurzaam or method: those come from the row as it is now, and revisions
    /// from before migration 0090 lack tekort, percentage, deadline and the low and high projection.
    /// </summary>
    private const string KnownSeries = """
        (SELECT v.gebiedcode, cur.niveau, v.opgave, v.datum, v.opgave_aantal, v.gerealiseerd, v.gap, v.tekort, v.realisatie_pct, cur.duurzaam,
                v.deadline, v.prognose_laag, v.prognose_midden, v.prognose_hoog, cur.methode
         FROM (SELECT DISTINCT ON (gebiedcode, opgave, datum) * FROM (
                   SELECT gebiedcode, opgave, datum, run_id, 9223372036854775807 AS seq, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct,
                          deadline, prognose_laag, prognose_midden, prognose_hoog
                   FROM monitor.series
                   UNION ALL
                   SELECT gebiedcode, opgave, datum, oud_run_id, id, oud_opgave_aantal, oud_gerealiseerd, oud_gap, oud_tekort, oud_realisatie_pct,
                          oud_deadline, oud_prognose_laag, oud_prognose_midden, oud_prognose_hoog
                   FROM monitor.series_revisions) versions
               WHERE run_id <> ALL(@laterRuns)
               ORDER BY gebiedcode, opgave, datum, seq DESC) v
         JOIN monitor.series cur ON cur.gebiedcode = v.gebiedcode AND cur.opgave = v.opgave AND cur.datum = v.datum)
        """;

    private const string Columns = """
        s.gebiedcode, s.niveau, s.opgave, s.datum, s.opgave_aantal, s.gerealiseerd, s.gap, s.tekort, s.realisatie_pct, s.duurzaam,
        s.deadline, s.prognose_laag, s.prognose_midden, s.prognose_hoog, s.methode
        """;

    // Each question is its WHERE, asked of the plain table when no later run is to be left out (nearly always) and of
    // the versions above otherwise. One union for both, with the unused branch switched off by a condition, cost nothing
    // to run but PostgreSQL still planned it: seven times as long as the answer (cli_gaps_ms).
    private const string LatestOfAreas = """
        WHERE s.gebiedcode = ANY(@codes) AND s.datum <= @date
        ORDER BY s.gebiedcode, s.opgave, s.datum DESC
        """;

    private const string LatestOfLevels = """
        WHERE s.niveau = ANY(@levels) AND s.datum <= @date AND s.datum >= @from
        ORDER BY s.gebiedcode, s.opgave, s.datum DESC
        """;

    private const string OnDay = """
        WHERE s.datum = @date AND s.gebiedcode = ANY(@codes) AND s.opgave = ANY(@opgaven)
        ORDER BY array_position(@codes, s.gebiedcode), array_position(@opgaven, s.opgave)
        """;

    private const string InRange = """
        WHERE s.gebiedcode = @code AND s.opgave = @opgave AND s.datum BETWEEN @from AND @date
        ORDER BY s.datum
        """;

    /// <summary>One question asked of the series as stored now, and of the series as known at an earlier instant.</summary>
    private sealed record Question(string Now, string KnownThen)
    {
        public static Question Of(string select, string rest) =>
            new($"{select} FROM monitor.series s {rest}", $"{select} FROM {KnownSeries} s {rest}");
    }

    private static readonly Question LatestOfAreasSql = Question.Of($"SELECT DISTINCT ON (s.gebiedcode, s.opgave) {Columns}", LatestOfAreas);
    private static readonly Question LatestOfLevelsSql = Question.Of($"SELECT DISTINCT ON (s.gebiedcode, s.opgave) {Columns}", LatestOfLevels);
    private static readonly Question OnDaySql = Question.Of($"SELECT {Columns}", OnDay);
    private static readonly Question RangeSql = Question.Of($"SELECT {Columns}", InRange);

    // Every question takes what was known at an instant; null is everything stored now.

    /// <summary>Per area and opgave the latest row on or before <paramref name="date"/>.</summary>
    public static Task<List<SeriesRow>> LatestAsync(NpgsqlConnection conn, DateOnly date, IReadOnlyCollection<string> codes, KnownAt? known = null, CancellationToken ct = default) =>
        ReadAsync(conn, LatestOfAreasSql, known, ct, ("codes", codes.ToArray()), ("date", date));

    /// <summary>Per area of the given levels and opgave the latest row in [<paramref name="from"/>, <paramref name="date"/>].</summary>
    public static Task<List<SeriesRow>> LatestAsync(NpgsqlConnection conn, DateOnly date, DateOnly from, IReadOnlyCollection<AreaLevel> levels, KnownAt? known = null, CancellationToken ct = default) =>
        ReadAsync(conn, LatestOfLevelsSql, known, ct, ("levels", levels.Select(LevelCode).ToArray()), ("date", date), ("from", from));

    /// <summary>The rows of exactly <paramref name="date"/>, in the order of the codes given, then of the opgaven given.</summary>
    public static Task<List<SeriesRow>> OnDayAsync(NpgsqlConnection conn, DateOnly date, IReadOnlyCollection<string> codes, IReadOnlyCollection<string> opgaven, KnownAt? known = null, CancellationToken ct = default) =>
        ReadAsync(conn, OnDaySql, known, ct, ("codes", codes.ToArray()), ("opgaven", opgaven.ToArray()), ("date", date));

    /// <summary>One area's rows of one opgave from <paramref name="from"/> to <paramref name="date"/>, oldest first.</summary>
    public static Task<List<SeriesRow>> RangeAsync(NpgsqlConnection conn, string code, Opgave opgave, DateOnly from, DateOnly date, KnownAt? known = null, CancellationToken ct = default) =>
        ReadAsync(conn, RangeSql, known, ct, ("code", code), ("opgave", opgave.Code()), ("from", from), ("date", date));

    public static string LevelCode(AreaLevel level) => SeriesWriter.Level(level);

    public static AreaLevel ParseLevel(string s) => s switch
    {
        "gemeente" => AreaLevel.Gemeente, "provincie" => AreaLevel.Provincie, "regio" => AreaLevel.Regio, "land" => AreaLevel.Land,
        _ => throw new FormatException($"Onbekend niveau '{s}'."),
    };

    private static async Task<List<SeriesRow>> ReadAsync(NpgsqlConnection conn, Question question, KnownAt? known, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var laterRuns = (known ?? KnownAt.Now).LaterRuns;
        await using var cmd = new NpgsqlCommand(laterRuns.Length == 0 ? question.Now : question.KnownThen, conn);
        if (laterRuns.Length > 0) cmd.Parameters.AddWithValue("laterRuns", laterRuns);
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
