using Dapper;
using Npgsql;

namespace Monitor.Alerts;

/// <summary>The thin store around the lifecycle: open episodes, silences, state and events. Runs inside the caller's transaction.</summary>
public sealed class AlertStore(NpgsqlConnection conn, NpgsqlTransaction tx)
{
    // Property-mapped (not positional): Dapper's constructor matching does not accept text[] columns.
    private sealed class Row
    {
        public long Id { get; init; }
        public string Regel { get; init; } = "";
        public string Gebiedcode { get; init; } = "";
        public string Onderwerp { get; init; } = "";
        public string Status { get; init; } = "";
        public string Ernst { get; init; } = "";
        public string Samenvatting { get; init; } = "";
        public string[] Rollen { get; init; } = [];
        public DateOnly Sinds { get; init; }
        public DateOnly? ActiefSinds { get; init; }
        public DateOnly? LaatstVerzonden { get; init; }
        public bool Geescaleerd { get; init; }
        public DateOnly? OpgelostOp { get; init; }
    }

    public async Task<List<AlertState>> LoadOpenAsync()
    {
        var rows = await conn.QueryAsync<Row>("""
            SELECT id, regel, gebiedcode, onderwerp, status, ernst, samenvatting, rollen, sinds, actief_sinds AS actiefsinds, laatst_verzonden AS laatstverzonden,
                   geescaleerd, opgelost_op AS opgelostop
            FROM monitor.alerts WHERE status <> 'resolved' FOR UPDATE
            """, transaction: tx);
        return rows.Select(r => new AlertState(r.Id, new AlertKey(r.Regel, r.Gebiedcode, r.Onderwerp),
            r.Status == "pending" ? AlertStatus.Pending : AlertStatus.Firing, r.Ernst, r.Samenvatting, r.Rollen,
            r.Sinds, r.ActiefSinds, r.LaatstVerzonden, r.Geescaleerd, r.OpgelostOp)).ToList();
    }

    /// <summary>Alerts by id, whatever their status (a held notice may belong to an alert resolved since).</summary>
    public async Task<List<AlertState>> LoadByIdsAsync(IEnumerable<long> ids)
    {
        var rows = await conn.QueryAsync<Row>("""
            SELECT id, regel, gebiedcode, onderwerp, status, ernst, samenvatting, rollen, sinds, actief_sinds AS actiefsinds, laatst_verzonden AS laatstverzonden,
                   geescaleerd, opgelost_op AS opgelostop
            FROM monitor.alerts WHERE id = ANY(@ids)
            """, new { ids = ids.ToArray() }, tx);
        return rows.Select(r => new AlertState(r.Id, new AlertKey(r.Regel, r.Gebiedcode, r.Onderwerp),
            r.Status switch { "pending" => AlertStatus.Pending, "firing" => AlertStatus.Firing, _ => AlertStatus.Resolved }, r.Ernst, r.Samenvatting, r.Rollen,
            r.Sinds, r.ActiefSinds, r.LaatstVerzonden, r.Geescaleerd, r.OpgelostOp)).ToList();
    }

    public async Task<HashSet<AlertKey>> SilencedOnAsync(DateOnly date) =>
        (await conn.QueryAsync<(string Regel, string Gebiedcode, string Onderwerp)>(
            "SELECT regel, gebiedcode, onderwerp FROM monitor.alert_silences WHERE tot > @date", new { date }, tx))
        .Select(s => new AlertKey(s.Regel, s.Gebiedcode, s.Onderwerp)).ToHashSet();

    /// <returns>The alert's id (new for a new episode).</returns>
    public async Task<long> SaveAsync(AlertState s, DateOnly date)
    {
        var args = new
        {
            s.Id, regel = s.Key.Rule, gebiedcode = s.Key.Gebiedcode, onderwerp = s.Key.Subject, status = Status(s.Status), ernst = s.Severity,
            samenvatting = s.Summary, rollen = s.Roles.ToArray(), sinds = s.Since, actief = s.FiredOn, verzonden = s.LastNotified,
            s.Escalated, opgelost = s.ResolvedOn, date,
        };
        if (s.Id == 0)
            return await conn.ExecuteScalarAsync<long>("""
                INSERT INTO monitor.alerts (regel, gebiedcode, onderwerp, status, ernst, samenvatting, rollen, sinds, actief_sinds,
                                            laatst_verzonden, geescaleerd, opgelost_op, laatst_geevalueerd)
                VALUES (@regel, @gebiedcode, @onderwerp, @status, @ernst, @samenvatting, @rollen, @sinds, @actief, @verzonden, @Escalated,
                        @opgelost, @date)
                RETURNING id
                """, args, tx);
        await conn.ExecuteAsync("""
            UPDATE monitor.alerts SET status = @status, ernst = @ernst, samenvatting = @samenvatting, rollen = @rollen, actief_sinds = @actief,
                   laatst_verzonden = @verzonden, geescaleerd = @Escalated, opgelost_op = @opgelost, laatst_geevalueerd = @date, updated_at = now()
            WHERE id = @Id
            """, args, tx);
        return s.Id;
    }

    public Task AddEventAsync(long alertId, DateOnly date, string what, IEnumerable<string>? recipients = null, IEnumerable<long>? outboxIds = null,
        string? detail = null) =>
        conn.ExecuteAsync("""
            INSERT INTO monitor.alert_events (alert_id, datum, gebeurtenis, ontvangers, outbox_ids, detail)
            VALUES (@alertId, @date, @what, @recipients, @outboxIds, @detail)
            """, new { alertId, date, what, recipients = (recipients ?? []).ToArray(), outboxIds = (outboxIds ?? []).ToArray(), detail }, tx);

    public Task SetRecipientsAsync(long alertId, IEnumerable<string> emails) =>
        conn.ExecuteAsync("UPDATE monitor.alerts SET ontvangers = @emails WHERE id = @alertId", new { alertId, emails = emails.ToArray() }, tx);

    public async Task<List<Contact>> ContactsAsync() =>
        (await conn.QueryAsync<Contact>("SELECT gebiedcode, rol, naam, email FROM monitor.contacten ORDER BY gebiedcode, rol, email",
            transaction: tx)).ToList();

    public async Task<Dictionary<string, string>> ProvincieOfAsync() =>
        (await conn.QueryAsync<(string Code, string Provincie)>("SELECT code, provinciecode FROM monitor.gemeenten_actueel", transaction: tx))
        .ToDictionary(r => r.Code, r => r.Provincie);

    public static string Status(AlertStatus s) => s switch
    {
        AlertStatus.Pending => "pending",
        AlertStatus.Firing => "firing",
        _ => "resolved",
    };
}
