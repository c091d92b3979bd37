using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>Reads monitor.deadline_outcomes back as <see cref="DeadlineOutcome"/> records: for alerts, <c>monitor gaps</c>
/// and the digest (which reads the same table).</summary>
public static class DeadlineOutcomeReader
{
    /// <summary>Per area and opgave the latest deadline before <paramref name="date"/> that closes its periode (an earlier
    /// deadline of an extended periode is skipped). Null <paramref name="areas"/>: every area.</summary>
    public static async Task<IReadOnlyList<DeadlineOutcome>> LatestPassedAsync(NpgsqlConnection conn, DateOnly date,
        IReadOnlyCollection<string>? areas = null, NpgsqlTransaction? tx = null)
    {
        var rows = await conn.QueryAsync<Row>("""
            SELECT DISTINCT ON (gebiedcode, opgave)
                   gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode AS laatstevanperiode, opgave_aantal AS opgaveaantal,
                   gerealiseerd, netto_gap AS nettogap, bruto_tekort AS brutotekort, gemist_gemeenten AS gemistgemeenten,
                   onbekend_aantal AS onbekendaantal, leden_aantal AS ledenaantal, volgende_deadline AS volgendedeadline, vervangen_op AS vervangenop
            FROM monitor.deadline_outcomes
            WHERE laatste_van_periode AND deadline < @date AND (@areas::text[] IS NULL OR gebiedcode = ANY(@areas))
            ORDER BY gebiedcode, opgave, deadline DESC
            """, new { date, areas = areas?.ToArray() }, tx);
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
