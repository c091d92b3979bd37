using Monitor.Analysis;
using Dapper;
using Npgsql;

namespace Monitor.Alerts;

/// <summary>The throttle's memory (migration 0060): the last mail per recipient and topic, and the notices held back. Inside the caller's transaction.</summary>
public sealed class MailThrottleStore(NpgsqlConnection conn, NpgsqlTransaction tx)
{
    public async Task<Dictionary<(string Email, string Topic), TopicMail>> LastAsync() =>
        (await conn.QueryAsync<(string Email, string Onderwerp, DateOnly Datum, string Ernst)>(
            "SELECT email, onderwerp, laatst_verzonden, ernst FROM monitor.alert_mail_log", transaction: tx))
        .ToDictionary(r => (r.Email.ToLowerInvariant(), r.Onderwerp), r => new TopicMail(r.Datum, r.Ernst));

    /// <summary>The held notices, rebuilt with their alert's current state; a recipient no longer in contacten loses them.</summary>
    public async Task<List<Addressed>> HeldAsync(IReadOnlyList<Contact> contacts, AlertInput input, AlertStore alerts)
    {
        var held = (await conn.QueryAsync<(long Id, string Email, long AlertId, string Soort)>(
            "SELECT id, email, alert_id, soort FROM monitor.alert_mail_held ORDER BY id", transaction: tx)).ToList();
        if (held.Count == 0) return [];
        var states = (await alerts.LoadByIdsAsync(held.Select(h => h.AlertId).Distinct())).ToDictionary(s => s.Id);
        var result = new List<Addressed>();
        foreach (var h in held)
        {
            var contact = contacts.FirstOrDefault(c => string.Equals(c.Email, h.Email, StringComparison.OrdinalIgnoreCase));
            if (contact is null || !states.TryGetValue(h.AlertId, out var state))
            {
                await conn.ExecuteAsync("DELETE FROM monitor.alert_mail_held WHERE id = @Id", new { h.Id }, tx);
                continue;
            }
            var kind = Enum.Parse<NotificationKind>(h.Soort, ignoreCase: true);
            result.Add(new Addressed(contact, AlertNotice.Of(h.AlertId, state, kind, input), h.Id));
        }
        return result;
    }

    public Task HoldAsync(IEnumerable<Addressed> items, DateOnly date) =>
        conn.ExecuteAsync("""
            INSERT INTO monitor.alert_mail_held (email, onderwerp, alert_id, soort, datum) VALUES (@Email, @Topic, @AlertId, @Soort, @date)
            """, items.Select(a => new { a.Contact.Email, a.Topic, a.Notice.AlertId, Soort = a.Notice.Kind.ToString().ToLowerInvariant(), date }), tx);

    public Task ReleaseAsync(IEnumerable<long> heldIds) =>
        conn.ExecuteAsync("DELETE FROM monitor.alert_mail_held WHERE id = ANY(@ids)", new { ids = heldIds.ToArray() }, tx);

    public Task SentAsync(string email, string topic, DateOnly date, string severity) =>
        conn.ExecuteAsync("""
            INSERT INTO monitor.alert_mail_log (email, onderwerp, laatst_verzonden, ernst) VALUES (@email, @topic, @date, @severity)
            ON CONFLICT (email, onderwerp) DO UPDATE SET laatst_verzonden = EXCLUDED.laatst_verzonden, ernst = EXCLUDED.ernst
            """, new { email = email.ToLowerInvariant(), topic, date, severity }, tx);
}
