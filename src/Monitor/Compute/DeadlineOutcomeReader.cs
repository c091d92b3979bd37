using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Reads monitor.deadline_outcomes back as <see cref="DeadlineOutcome"/> records: for alerts, <c>monitor gaps</c>
/// and the digest (which reads the same table).</summary>
public static class DeadlineOutcomeReader
{
    /// <summary>Per area and opgave the latest deadline before <paramref name="date"/> that closes its periode (an earlier
    /// deadline of an extended periode is skipped). Null <paramref name="areas"/>: every area. <paramref name="known"/>: as the
    /// outcomes were known at an instant (a replay, <see cref="KnownAt"/>); null is as they are stored now.</summary>
    public static async Task<IReadOnlyList<DeadlineOutcome>> LatestPassedAsync(NpgsqlConnection conn, DateOnly date,
        IReadOnlyCollection<string>? areas = null, NpgsqlTransaction? tx = null, KnownAt? known = null)
    {
        var rows = await conn.QueryAsync<Row>("""
            SELECT DISTINCT ON (gebiedcode, opgave)
                   gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode AS laatstevanperiode, opgave_aantal AS opgaveaantal,
                   gerealiseerd, netto_gap AS nettogap, bruto_tekort AS brutotekort, gemist_gemeenten AS gemistgemeenten,
                   onbekend_aantal AS onbekendaantal, leden_aantal AS ledenaantal, volgende_deadline AS volgendedeadline, vervangen_op AS vervangenop
            FROM (SELECT gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd, netto_gap, bruto_tekort,
                         gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id,
                         NULL::bigint AS vervangen_door_run, 9223372036854775807 AS seq
                  FROM monitor.deadline_outcomes
                  WHERE laatste_van_periode AND deadline < @date AND (@areas::text[] IS NULL OR gebiedcode = ANY(@areas))
                  UNION ALL
                  SELECT gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd, netto_gap, bruto_tekort,
                         gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id,
                         vervangen_door_run, id
                  FROM monitor.deadline_outcomes_revisies
                  WHERE cardinality(@laterRuns) > 0
                    AND laatste_van_periode AND deadline < @date AND (@areas::text[] IS NULL OR gebiedcode = ANY(@areas))) v
            -- The version current at the instant (see HalfYearReader); then per area and opgave the latest deadline.
            WHERE run_id <> ALL(@laterRuns) AND (vervangen_door_run IS NULL OR vervangen_door_run = ANY(@laterRuns))
            ORDER BY gebiedcode, opgave, deadline DESC, seq DESC
            """, new { date, areas = areas?.ToArray(), laterRuns = (known ?? KnownAt.Now).LaterRuns }, tx);
        return rows.Select(r => new DeadlineOutcome(r.Gebiedcode, Enum.Parse<AreaLevel>(r.Niveau, ignoreCase: true), AnalysisCodes.ParseOpgave(r.Opgave),
            r.Periode, r.Deadline, r.LaatsteVanPeriode, r.OpgaveAantal, r.Gerealiseerd, r.NettoGap, r.BrutoTekort, r.GemistGemeenten,
            r.OnbekendAantal, r.LedenAantal, r.VolgendeDeadline, r.VervangenOp)).ToList();
    }

    // Settable properties rather than a constructor: Dapper maps text[] to string[] only through a property.
    private sealed class Row
    {
        public string Gebiedcode { get; set; } = "";
        public string Niveau { get; set; } = "";
        public string Opgave { get; set; } = "";
        public string Periode { get; set; } = "";
        public DateOnly Deadline { get; set; }
        public bool LaatsteVanPeriode { get; set; }
        public int? OpgaveAantal { get; set; }
        public int Gerealiseerd { get; set; }
        public int? NettoGap { get; set; }
        public int? BrutoTekort { get; set; }
        public string[] GemistGemeenten { get; set; } = [];
        public int OnbekendAantal { get; set; }
        public int LedenAantal { get; set; }
        public DateOnly? VolgendeDeadline { get; set; }
        public DateOnly? VervangenOp { get; set; }
    }
}
