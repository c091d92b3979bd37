using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Reads monitor.deadline_outcomes back as <see cref="DeadlineOutcome"/> records: for alerts, <c>monitor gaps</c>
/// and the digest (which reads the same table).</summary>
public static class DeadlineOutcomeReader
{
    private const string Columns = """
        gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd, netto_gap,
        bruto_tekort, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op
        """;

    private const string Passed = "laatste_van_periode AND deadline < @date AND (@areas::text[] IS NULL OR gebiedcode = ANY(@areas))";

    // As stored now: the table alone. Asked of the union below with its second branch switched off, PostgreSQL still
    // planned that branch, which on the command line cost more than the answer (cli_gaps_ms).
    private const string NowSql = $"""
        SELECT DISTINCT ON (gebiedcode, opgave) {Columns}
        FROM monitor.deadline_outcomes
        WHERE {Passed}
        ORDER BY gebiedcode, opgave, deadline DESC
        """;

    private const string KnownThenSql = $"""
        SELECT DISTINCT ON (gebiedcode, opgave) {Columns}
        FROM (SELECT gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd, netto_gap, bruto_tekort,
                     gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id,
                     NULL::bigint AS vervangen_door_run, 9223372036854775807 AS seq
              FROM monitor.deadline_outcomes
              WHERE {Passed}
              UNION ALL
              SELECT gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd, netto_gap, bruto_tekort,
                     gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id,
                     vervangen_door_run, id
              FROM monitor.deadline_outcomes_revisies
              WHERE {Passed}) v
        -- The version current at the instant (see HalfYearReader); then per area and opgave the latest deadline.
        WHERE run_id <> ALL(@laterRuns) AND (vervangen_door_run IS NULL OR vervangen_door_run = ANY(@laterRuns))
        ORDER BY gebiedcode, opgave, deadline DESC, seq DESC
        """;

    /// <summary>Per area and opgave the latest deadline before <paramref name="date"/> that closes its periode (an earlier
    /// deadline of an extended periode is skipped). Null <paramref name="areas"/>: every area. <paramref name="known"/>: as the
    /// outcomes were known at an instant (a replay, <see cref="KnownAt"/>); null is as they are stored now.</summary>
    public static async Task<IReadOnlyList<DeadlineOutcome>> LatestPassedAsync(NpgsqlConnection conn, DateOnly date,
        IReadOnlyCollection<string>? areas = null, NpgsqlTransaction? tx = null, KnownAt? known = null)
    {
        // Read without Dapper: on the command line (monitor gaps) mapping this shape cost more than the query (cli_gaps_ms).
        var laterRuns = (known ?? KnownAt.Now).LaterRuns;
        await using var cmd = new NpgsqlCommand(laterRuns.Length == 0 ? NowSql : KnownThenSql, conn, tx);
        if (laterRuns.Length > 0) cmd.Parameters.AddWithValue("laterRuns", laterRuns);
        cmd.Parameters.AddWithValue("date", date);
        cmd.Parameters.Add(new NpgsqlParameter("areas", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)areas?.ToArray() ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<DeadlineOutcome>();
        while (await r.ReadAsync())
            list.Add(new DeadlineOutcome(r.GetString(0), Enum.Parse<AreaLevel>(r.GetString(1), ignoreCase: true), AnalysisCodes.ParseOpgave(r.GetString(2)),
                r.GetString(3), r.GetFieldValue<DateOnly>(4), r.GetBoolean(5), Int(r, 6), r.GetInt32(7), Int(r, 8), Int(r, 9),
                r.IsDBNull(10) ? [] : r.GetFieldValue<string[]>(10), r.GetInt32(11), r.GetInt32(12), Date(r, 13), Date(r, 14)));
        return list;
    }

    private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
