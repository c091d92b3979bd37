using Dapper;
using Monitor.Outputs;
using Npgsql;

namespace Monitor.Alerts;

public sealed record AlertRunResult(DateOnly Date, int Conditions, int Open, int Firing, int Notices, int Messages, IReadOnlyList<string> Unaddressed,
    int WithoutData = 0);

/// <summary>
/// One evaluation: rules → lifecycle step per alert → one message per recipient into the outbox, all in one transaction.
/// An alert counts as notified once its message is durably in the outbox; the outbox then delivers it (OutboxSender).
/// </summary>
public sealed class AlertRunner(NpgsqlDataSource db, AlertData data, AlertOptions options, SmtpOptions smtp, Analysis.ToezichtOptions? toezicht = null)
{
    public async Task<AlertRunResult> RunAsync(DateOnly date, DateTimeOffset evaluatedAt, CancellationToken ct)
    {
        var input = await data.LoadAsync(date, evaluatedAt, options, ct);
        var conditions = AlertRules.Evaluate(input, options).ToDictionary(c => c.Key);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('monitor:alerts'))", transaction: tx);
        // Going back in time on a live warehouse would re-fire what was resolved since and mail it again.
        var last = await conn.ExecuteScalarAsync<DateOnly?>("SELECT max(laatst_geevalueerd) FROM monitor.alerts", transaction: tx);
        if (last > date)
            throw new InvalidOperationException($"De meldingen zijn al beoordeeld tot en met {last:yyyy-MM-dd}; {date:yyyy-MM-dd} opnieuw beoordelen " +
                                                $"zou verouderde meldingen versturen. Kies {last:yyyy-MM-dd} of later.");
        // Issue 14: the toezichthouder's warnings, from the register and the ladder, evaluated in this transaction.
        foreach (var c in await ToezichtAlerts.EvaluateAsync(conn, tx, date, toezicht ?? new(), input.Name)) conditions[c.Key] = c;
        var store = new AlertStore(conn, tx);
        var open = (await store.LoadOpenAsync()).ToDictionary(a => a.Key);
        var silenced = await store.SilencedOnAsync(date);

        var covered = AlertRules.Covered(input, options);
        var notices = new List<AlertNotice>();
        int openCount = 0, firing = 0, withoutData = 0;
        foreach (var key in open.Keys.Union(conditions.Keys).OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            var weekly = ToezichtCadence.Mutes(key, date, (toezicht ?? new()).Weekoverzicht);
            if (weekly && !conditions.ContainsKey(key))
            {
                // A toezicht warning that cleared stays open until the weekly summary, which says it is resolved.
                openCount++;
                if (open[key].Status == AlertStatus.Firing) firing++;
                continue;
            }
            if (!conditions.ContainsKey(key) && !key.Subject.StartsWith("feed:", StringComparison.Ordinal) && !ToezichtRules.IsToezicht(key.Rule)
                && !covered.Contains((key.Gebiedcode, key.Subject)))
            {
                // No fresh figures for this area and opgave: neither resolved nor reminded until data returns.
                withoutData++;
                openCount++;
                if (open[key].Status == AlertStatus.Firing) firing++;
                continue;
            }
            var step = AlertLifecycle.Step(open.GetValueOrDefault(key), conditions.GetValueOrDefault(key), silenced.Contains(key) || weekly, date, options);
            if (step is null) continue;
            var id = await store.SaveAsync(step.Next, date);
            foreach (var e in step.Events) await store.AddEventAsync(id, date, e);
            if (step.Next.Status != AlertStatus.Resolved) openCount++;
            if (step.Next.Status == AlertStatus.Firing) firing++;
            if (step.Notify is { } kind) notices.Add(new AlertNotice(id, step.Next with { Id = id }, kind, input.Name(key.Gebiedcode)));
        }

        var recipients = new Recipients(await store.ContactsAsync(), await store.ProvincieOfAsync());
        var perNotice = notices.ToDictionary(n => n, n => recipients.For(n.Alert.Key.Gebiedcode, n.Alert.Roles));
        var outboxIds = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var messages = 0;
        // All alerts for one recipient in this run → one email.
        foreach (var group in perNotice.SelectMany(p => p.Value.Select(c => (Contact: c, Notice: p.Key)))
                     .GroupBy(x => x.Contact.Email, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var contact = group.First().Contact;
            var mail = AlertMail.Compose(smtp.FromAddress, Mail.Mailbox(contact.Naam, contact.Email), group.Select(x => x.Notice).ToList(), date, evaluatedAt);
            outboxIds[group.Key] = await OutboxStore.EnqueueAsync(conn, tx, mail, "alert");
            messages++;
        }
        var unaddressed = new List<string>();
        foreach (var (notice, contacts) in perNotice)
        {
            var emails = contacts.Select(c => c.Email).ToList();
            await store.AddEventAsync(notice.AlertId, date, "melding_" + notice.Kind.ToString().ToLowerInvariant(), emails,
                emails.Select(e => outboxIds[e]).Distinct(), emails.Count == 0 ? $"geen contact voor {string.Join(", ", notice.Alert.Roles)}" : null);
            await store.SetRecipientsAsync(notice.AlertId, emails);
            if (emails.Count == 0) unaddressed.Add($"{notice.Alert.Key} ({string.Join(", ", notice.Alert.Roles)})");
        }
        await tx.CommitAsync(ct);
        return new AlertRunResult(date, conditions.Count, openCount, firing, notices.Count, messages, unaddressed, withoutData);
    }

    /// <summary>Creates a silence for the identity of alert <paramref name="alertId"/>: notifications stop on dates before <paramref name="until"/>.</summary>
    public async Task<AlertKey> SilenceAsync(long alertId, DateOnly until, string reason, DateOnly today, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("Een stilte heeft een reden nodig (--reason).");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var key = await conn.QuerySingleOrDefaultAsync<KeyRow>(
            "SELECT regel, gebiedcode, onderwerp FROM monitor.alerts WHERE id = @alertId", new { alertId }, tx)
            ?? throw new ArgumentException($"Geen melding met id {alertId}.");
        await conn.ExecuteAsync("""
            INSERT INTO monitor.alert_silences (regel, gebiedcode, onderwerp, tot, reden, alert_id) VALUES (@Regel, @Gebiedcode, @Onderwerp, @until, @reason, @alertId)
            """, new { key.Regel, key.Gebiedcode, key.Onderwerp, until, reason = reason.Trim(), alertId }, tx);
        await new AlertStore(conn, tx).AddEventAsync(alertId, today, "stilgezet", detail: $"tot {until:yyyy-MM-dd}: {reason.Trim()}");
        await tx.CommitAsync(ct);
        return new AlertKey(key.Regel, key.Gebiedcode, key.Onderwerp);
    }

    private sealed record KeyRow(string Regel, string Gebiedcode, string Onderwerp);
}
