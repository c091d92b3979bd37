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

    private sealed record Row(string Gebiedcode, string Niveau, string Opgave, string Periode, DateOnly Deadline, bool LaatsteVanPeriode,
        int? OpgaveAantal, int Gerealiseerd, int? NettoGap, int? BrutoTekort, string[] GemistGemeenten, int OnbekendAantal, int LedenAantal,
        DateOnly? VolgendeDeadline, DateOnly? VervangenOp);
}
