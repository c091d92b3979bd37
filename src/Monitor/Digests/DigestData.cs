using Dapper;
using Monitor.Alerts;
using Monitor.Compute;
using Npgsql;
using Monitor.Analysis;

namespace Monitor.Digests;

/// <summary>Reads one provincie's digest from the warehouse: series, last stored digest, carry-over, agreements, open alerts.</summary>
public sealed class DigestData(NpgsqlDataSource db, DigestOptions options)
{
    public async Task<IReadOnlyList<(string Code, string Naam)>> ProvinciesAsync(bool withPrtOnly, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string, string)>(withPrtOnly
            ? "SELECT p.code, p.naam FROM monitor.provincies p WHERE EXISTS (SELECT 1 FROM monitor.contacten c WHERE c.gebiedcode = p.code AND c.rol IN ('prt', 'toezicht')) ORDER BY p.code"
            : "SELECT code, naam FROM monitor.provincies ORDER BY code")).ToList();
    }

    public async Task<List<Contact>> PrtContactsAsync(string provincie, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Contact>(
            "SELECT gebiedcode, rol, naam, email FROM monitor.contacten WHERE gebiedcode = @provincie AND rol = 'prt' ORDER BY email", new { provincie })).ToList();
    }

    public async Task<DigestModel> LoadAsync(string provincie, DateOnly date, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var naam = await conn.ExecuteScalarAsync<string?>("SELECT naam FROM monitor.provincies WHERE code = @provincie", new { provincie })
                   ?? throw new ArgumentException($"Onbekende provincie {provincie}.");
        var names = (await conn.QueryAsync<(string Code, string Naam)>(
            "SELECT code, naam FROM monitor.gemeenten_actueel WHERE provinciecode = @provincie ORDER BY naam", new { provincie })).ToList();
        var codes = names.Select(n => n.Code).ToArray();

        // A replay of a past date shows everything as the Monitor knew it then: the figures computed from the deliveries
        // fetched by then, the half years and deadline outcomes as then computed, the agreements as then delivered.
        var known = await KnownAt.EndOfAsync(conn, date, ct);
        var latest = (await SeriesReader.LatestAsync(conn, date, [provincie, .. codes], known, ct)).Select(Figure.From).ToList();

        var previous = await conn.QuerySingleOrDefaultAsync<(long Id, DateOnly Datum)?>(
            "SELECT id, datum FROM monitor.digests WHERE provinciecode = @provincie AND datum < @date ORDER BY datum DESC LIMIT 1", new { provincie, date });
        var before = previous is { } p
            ? (await conn.QueryAsync<Figure>("""
                SELECT gebiedcode, opgave, opgave_aantal AS opgaveaantal, gerealiseerd, gap, tekort, realisatie_pct AS realisatiepct, NULL::int AS prognoselaag,
                       prognose_midden AS prognosemidden, NULL::int AS prognosehoog, NULL::date AS deadline, @datum AS datum
                FROM monitor.digest_cijfers WHERE digest_id = @id
                """, new { p.Id, p.Datum })).ToList()
            : [];

        var passed = await PassedDeadlinesAsync(conn, provincie, date, known);
        // The chart covers the passed deadline too, so a reader sees what happened on it and since.
        var from = date.AddDays(-options.HistoryDays);
        if (passed.GetValueOrDefault("asiel") is { } p0 && p0.Date.AddDays(-60) < from) from = p0.Date.AddDays(-60);
        var history = (await SeriesReader.RangeAsync(conn, provincie, Opgave.Asiel, from, date, known, ct))
            .Select(r => new HistoryPoint(r.Datum, r.OpgaveAantal, r.Gerealiseerd)).ToList();

        var carry = (await HalfYearReader.ReadAsync(conn, Periode.HalfYearOf(date).ToString(), codes, known, ct))
            .Select(CarryOver.From).ToList();
        var agreements = await AgreementsInForce.ReadAsync(conn, codes, date, known);

        var alerts = await OpenAlertsOnAsync(conn, provincie, codes, date);

        var allNames = names.ToDictionary(n => n.Code, n => n.Naam);
        allNames[provincie] = naam;
        return new DigestModel(provincie, naam, date,
            DigestModel.Opgaven.Select(o => latest.FirstOrDefault(f => f.Gebiedcode == provincie && f.Opgave == o)).OfType<Figure>().ToList(),
            latest.Where(f => f.Gebiedcode != provincie).ToList(), allNames, previous?.Datum, before, history, carry, agreements, alerts)
        {
            Passed = passed,
            DashboardUrl = options.DashboardUrl,
        };
    }

    /// <summary>
    /// The alerts that were firing on <paramref name="date"/>: active by then and not resolved by then. A replay of a past
    /// date so never lists an alert opened later, nor misses one resolved since.
    /// </summary>
    internal static async Task<List<OpenAlert>> OpenAlertsOnAsync(NpgsqlConnection conn, string provincie, string[] codes, DateOnly date) =>
        (await conn.QueryAsync<OpenAlert>("""
            SELECT id, regel, gebiedcode, onderwerp, ernst, samenvatting, coalesce(actief_sinds, sinds) AS sinds FROM monitor.alerts
            WHERE actief_sinds IS NOT NULL AND actief_sinds <= @date AND (opgelost_op IS NULL OR opgelost_op > @date)
              AND (gebiedcode = @provincie OR gebiedcode = ANY(@codes))
            ORDER BY CASE ernst WHEN 'kritiek' THEN 0 WHEN 'waarschuwing' THEN 1 ELSE 2 END, sinds, id
            """, new { provincie, codes, date })).ToList();

    /// <summary>
    /// Per opgave the area's (a provincie's, or for a college digest a gemeente's) latest passed deadline as the compute job stored it (monitor.deadline_outcomes): net
    /// shortfall and realised on the day, and how many member gemeenten missed it. Shown until the next deadline.
    /// </summary>
    internal static async Task<Dictionary<string, PassedDeadline>> PassedDeadlinesAsync(NpgsqlConnection conn, string area, DateOnly date, KnownAt known) =>
        (await DeadlineOutcomeReader.LatestPassedAsync(conn, date, [area], known: known))
            .Where(o => o.Gebiedcode == area && o.ShownOn(date))
            .GroupBy(o => Analysis.AnalysisCodes.Code(o.Opgave))
            .Select(g => g.MaxBy(o => o.Deadline)!)
            .ToDictionary(o => Analysis.AnalysisCodes.Code(o.Opgave), o => new PassedDeadline(o.Deadline, o.NetGap, o.Missed.Count, o.Gerealiseerd));

    /// <summary>Stores what this digest showed, replacing a digest of the same provincie and date.</summary>
    public static async Task<long> StoreAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DigestModel m, IEnumerable<long> outboxIds)
    {
        var id = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO monitor.digests (provinciecode, datum, outbox_ids) VALUES (@Provincie, @Date, @ids)
            ON CONFLICT (provinciecode, datum) DO UPDATE SET outbox_ids = EXCLUDED.outbox_ids, created_at = now()
            RETURNING id
            """, new { m.Provincie, m.Date, ids = outboxIds.ToArray() }, tx);
        await conn.ExecuteAsync("DELETE FROM monitor.digest_cijfers WHERE digest_id = @id", new { id }, tx);
        await conn.ExecuteAsync("""
            INSERT INTO monitor.digest_cijfers (digest_id, gebiedcode, opgave, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, prognose_midden)
            VALUES (@id, @Gebiedcode, @Opgave, @OpgaveAantal, @Gerealiseerd, @Gap, @Tekort, @RealisatiePct, @PrognoseMidden)
            """, m.Headlines.Concat(m.Gemeenten).Select(f => new { id, f.Gebiedcode, f.Opgave, f.OpgaveAantal, f.Gerealiseerd, f.Gap, f.Tekort, f.RealisatiePct, f.PrognoseMidden }), tx);
        return id;
    }
}
