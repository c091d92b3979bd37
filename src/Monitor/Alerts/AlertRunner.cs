using Monitor.Analysis;
using Dapper;
using Npgsql;
using Monitor.Outbox;

namespace Monitor.Alerts;

public sealed record AlertRunResult(DateOnly Date, int Conditions, int Open, int Firing, int Notices, int Messages, IReadOnlyList<string> Unaddressed,
    int WithoutData = 0, IReadOnlyList<UnaddressableRecipient>? Unaddressable = null)
{
    /// <summary>Notices held back by the throttle this run (they go out with the next mail on their topic).</summary>
    public int Held { get; init; }
}


/// <summary>
/// One evaluation: rules → lifecycle step per alert → one message per recipient into the outbox, all in one transaction.
/// An alert counts as notified once its message is durably in the outbox; the outbox then delivers it (OutboxSender).
/// </summary>
public sealed class AlertRunner(NpgsqlDataSource db, AlertData data, AlertOptions options, SmtpOptions smtp, DashboardLinkOptions links, Analysis.ToezichtOptions? toezicht = null)
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
                && !input.EndedOpgaven.Contains(key.Subject)
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
            if (step.Notify is { } kind)
                notices.Add(AlertNotice.Of(id, step.Next with { Id = id }, kind, input));
        }

        var allContacts = await store.ContactsAsync();
        var provincieOf = await store.ProvincieOfAsync();
        var recipients = new Recipients(allContacts, provincieOf);
        var perNotice = notices.ToDictionary(n => n, n => recipients.For(n.Alert.Key.Gebiedcode, n.Alert.Roles));
        // Fewer mails: per recipient and topic at most one mail per GroupIntervalDays unless it gets worse; the rest waits.
        var throttle = new MailThrottleStore(conn, tx);
        var fresh = perNotice.SelectMany(p => p.Value.Select(c => new Addressed(c, p.Key))).ToList();
        var decision = MailThrottle.Decide(date, options.GroupIntervalDays, fresh, await throttle.HeldAsync(allContacts, input, store), await throttle.LastAsync());
        var outboxIds = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var messages = 0;
        var unaddressable = new List<UnaddressableRecipient>();
        // All alerts for one recipient in this run → one email.
        foreach (var group in decision.Send.GroupBy(x => x.Contact.Email, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var contact = group.First().Contact;
            // An address the sender cannot use fails this recipient alone: the operators hear of it below.
            if (Mail.AddressProblem(contact.Email) is { } problem)
            {
                unaddressable.Add(new UnaddressableRecipient(contact, problem, string.Join(", ", group.Select(x => $"melding {x.Notice.AlertId} ({x.Notice.Alert.Key})"))));
                continue;
            }
            var mailNotices = group.Select(x => x.Notice).ToList();
            var mail = AlertMail.Compose(smtp.FromAddress, Mail.Mailbox(contact.Naam, contact.Email), mailNotices, date, evaluatedAt,
                MailContext(contact, allContacts, provincieOf, input));
            outboxIds[group.Key] = await OutboxStore.EnqueueAsync(conn, tx, mail, "alert");
            messages++;
            foreach (var topic in group.GroupBy(x => x.Topic))
                await throttle.SentAsync(contact.Email, topic.Key, date,
                    topic.Select(x => x.Notice.Alert.Severity).OrderByDescending(MailThrottle.Rank).First());
        }
        await throttle.ReleaseAsync(decision.Send.Where(a => a.HeldId is not null).Select(a => a.HeldId!.Value).Concat(decision.Dropped));
        await throttle.HoldAsync(decision.Hold, date);

        foreach (var sent in decision.Send.GroupBy(a => (a.Notice.AlertId, a.Notice.Kind)))
        {
            var emails = sent.Select(a => a.Contact.Email).Distinct(StringComparer.OrdinalIgnoreCase).Where(outboxIds.ContainsKey).ToList();
            var skipped = sent.Where(a => !outboxIds.ContainsKey(a.Contact.Email)).Select(a => $"{a.Contact.Naam} ({a.Contact.Rol})").Distinct().ToList();
            var notes = new List<string>();
            if (sent.Any(a => a.HeldId is not null)) notes.Add("uitgesteld verstuurd (hoogstens één bericht per onderwerp per interval)");
            if (skipped.Count > 0) notes.Add($"niet verstuurd aan {string.Join(", ", skipped)}: adres onbruikbaar");
            await store.AddEventAsync(sent.Key.AlertId, date, "melding_" + sent.Key.Kind.ToString().ToLowerInvariant(), emails,
                emails.Select(e => outboxIds[e]).Distinct(), notes.Count > 0 ? string.Join("; ", notes) : null);
        }
        var unaddressed = new List<string>();
        foreach (var (notice, contacts) in perNotice)
        {
            var emails = contacts.Select(c => c.Email).Where(e => Mail.AddressProblem(e) is null).ToList();
            await store.SetRecipientsAsync(notice.AlertId, emails);
            if (contacts.Count == 0)
            {
                await store.AddEventAsync(notice.AlertId, date, "melding_" + notice.Kind.ToString().ToLowerInvariant(), [], [],
                    $"geen contact voor {string.Join(", ", notice.Alert.Roles)}");
                unaddressed.Add($"{notice.Alert.Key} ({string.Join(", ", notice.Alert.Roles)})");
            }
        }
        messages += await UnaddressableReport.EnqueueAsync(conn, tx, unaddressable, smtp.FromAddress, date, evaluatedAt);
        await tx.CommitAsync(ct);
        return new AlertRunResult(date, conditions.Count, openCount, firing, notices.Count, messages, unaddressed, withoutData, unaddressable) { Held = decision.Hold.Count };
    }

    /// <summary>
    /// What the mail for one contact can point to: a college gets its provincie's PRT contacts (else toezicht) to ask;
    /// the dashboard link comes from Digest:DashboardUrl.
    /// </summary>
    private AlertMailContext MailContext(Contact contact, IReadOnlyList<Contact> contacts, IReadOnlyDictionary<string, string> provincieOf, AlertInput input)
    {
        var provincie = contact.Gebiedcode.StartsWith("PV", StringComparison.Ordinal) ? contact.Gebiedcode : provincieOf.GetValueOrDefault(contact.Gebiedcode);
        var ask = contact.Rol == Roles.College
            ? contacts.Where(c => c.Gebiedcode == provincie && c.Rol == Roles.Prt).ToList() is { Count: > 0 } prt ? prt
              : contacts.Where(c => c.Gebiedcode == provincie && c.Rol == Roles.Toezicht).ToList()
            : [];
        return new AlertMailContext(contact.Rol, contact.Gebiedcode, code => input.Names.TryGetValue(code, out var n) ? n : code, ask, links.DashboardUrl);
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
