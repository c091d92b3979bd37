using Monitor.Alerts;
using Monitor.Tests.Support;
using MimeKit;

namespace Monitor.Tests.Alerts;

/// <summary>Alert runs on consecutive days against a real database and a real SMTP server on loopback.</summary>
public sealed class AlertRunTests : IAsyncLifetime
{
    private static readonly DateOnly D1 = new(2025, 5, 1);
    private static readonly DateOnly Deadline = new(2025, 7, 1);
    private SmtpTestServer _smtp = null!;
    private OutputsKit _kit = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _kit = await OutputsKit.StartAsync(_smtp);
        await _kit.Rows.GemeenteAsync("GM0363", "Amsterdam", "PV27", "Noord-Holland");
        await _kit.Rows.GemeenteAsync("GM0344", "Utrecht", "PV26", "Utrecht");
        await _kit.Rows.ContactAsync("GM0363", "college", "College van B&W Amsterdam", "college@amsterdam.test");
        await _kit.Rows.ContactAsync("GM0344", "college", "College Utrecht", "college@utrecht.test");
        await _kit.Rows.ContactAsync("PV27", "prt", "PRT Noord-Holland", "prt@nh.test");
        await _kit.Rows.ContactAsync("NL", "operator", "Beheer", "beheer@monitor.test");
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    /// <summary>Amsterdam's asiel and amv projections on a day: short (alert) or on track.</summary>
    private async Task AmsterdamAsync(DateOnly day, bool short_)
    {
        await _kit.Rows.SeriesAsync("GM0363", "asiel", day, 1000, 600, laag: 700, midden: short_ ? 900 : 1000, hoog: short_ ? 1100 : 1200, deadline: Deadline);
        await _kit.Rows.SeriesAsync("GM0363", "amv", day, 40, 20, laag: 25, midden: short_ ? 30 : 40, hoog: 45, deadline: Deadline);
    }

    [Fact]
    public async Task ConsecutiveDays_OneMailAtStart_NoneInsideRepeat_ReminderAfter_OneResolved()
    {
        var perDay = new List<int>();
        for (var i = 0; i < 17; i++)
        {
            await AmsterdamAsync(D1.AddDays(i), short_: i < 10);
            var before = _smtp.Received().Count;
            await _kit.DayAsync(D1.AddDays(i));
            perDay.Add(_smtp.Received().Count - before);
        }
        // day 0 pending; day 1 fires; reminder 7 days later (day 8); resolved on day 10, but the reader had a mail on this
        // topic two days before: the "opgelost" waits for the group interval (Alerts:GroupIntervalDays, 7) and goes on day 15.
        Assert.Equal([0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0], perDay);

        var mails = _smtp.Received();
        Assert.All(mails, m => Assert.Equal(["college@amsterdam.test"], SmtpTestServer.EnvelopeRecipients(m)));
        var first = mails[0];
        Assert.Equal("College van B&W Amsterdam", first.To.Mailboxes.Single().Name);
        // Area, topics and the worst severity in the subject.
        Assert.StartsWith("Amsterdam — 2 meldingen: ", first.Subject);
        Assert.Contains("asielopvang: tekort verwacht op 1 juli 2025", first.Subject);
        Assert.Contains("opvang amv: tekort verwacht op 1 juli 2025", first.Subject);
        Assert.Matches(@"\((waarschuwing|kritiek)\)$", first.Subject);
        Assert.Equal("auto-generated", first.Headers["Auto-Submitted"]);
        // Both alerts for this recipient in one email, in both parts; the name with & is escaped in HTML.
        Assert.Contains("Amsterdam (GM0363): asiel verwacht 900 van 1.000 plekken op 1 juli 2025", first.TextBody);
        Assert.Contains("Amsterdam (GM0363): amv verwacht 30 van 40 plekken", first.TextBody);
        Assert.Contains("Beste College van B&amp;W Amsterdam,", first.HtmlBody);
        Assert.Contains("asiel verwacht 900 van 1.000", first.HtmlBody);
        Assert.StartsWith("Herinnering: Amsterdam — 2 meldingen: ", mails[1].Subject);
        Assert.StartsWith("Amsterdam — 2 meldingen: ", mails[2].Subject);
        Assert.Contains("1 juli 2025 opgelost", mails[2].Subject);
        // A college's mail carries no operator commands.
        Assert.All(mails, m => Assert.DoesNotContain("monitor alerts", m.TextBody));
        Assert.Equal(3, mails.Select(m => m.MessageId).Distinct().Count());

        // Every state change and notification is visible for Grafana.
        var events = await _kit.Database.Db.QueryAsync<string>("""
            SELECT gebeurtenis FROM grafana.alert_events WHERE regel = 'prognose_tekort' AND gebiedcode = 'GM0363'
            AND alert_id = (SELECT min(alert_id) FROM grafana.alerts) ORDER BY time, gebeurtenis
            """);
        // Resolved on day 10, mailed on day 15 (held by the group interval).
        Assert.Equal(["wachtend", "actief", "melding_nieuw", "melding_herinnering", "opgelost", "melding_opgelost"], events);
        var view = await _kit.Database.Db.QueryAsync<(string Status, string Gebiednaam, string Ontvangers, DateTime Opgelost)>(
            "SELECT status, gebiednaam, ontvangers, opgelost FROM grafana.alerts ORDER BY alert_id");
        // Grafana names the recipient and its role, never the address (issue 12).
        Assert.All(view, v => Assert.Equal(("opgelost", "Amsterdam", "College van B&W Amsterdam (college)"), (v.Status, v.Gebiednaam, v.Ontvangers)));
    }

    [Fact]
    public async Task Silence_HoldsTheReminder_AndIsVisible()
    {
        for (var i = 0; i < 2; i++) { await AmsterdamAsync(D1.AddDays(i), true); await _kit.DayAsync(D1.AddDays(i)); }
        Assert.Single(_smtp.Received());
        var id = await _kit.Database.Db.ScalarAsync<long>("SELECT alert_id FROM grafana.alerts WHERE opgave = 'asiel'");
        var key = await _kit.Alerts.SilenceAsync(id, D1.AddDays(20), "Locatie Zuidas opent 1 juni; bekend bij JenV", D1.AddDays(1), CancellationToken.None);
        Assert.Equal(new AlertKey("prognose_tekort", "GM0363", "asiel"), key);

        for (var i = 2; i < 16; i++) { await AmsterdamAsync(D1.AddDays(i), true); await _kit.DayAsync(D1.AddDays(i)); }
        // The amv alert is not silenced: its reminders (days 8 and 15) still go out, without the asiel alert.
        var mails = _smtp.Received();
        Assert.Equal(3, mails.Count);
        Assert.All(mails.Skip(1), m => Assert.DoesNotContain("asiel verwacht", m.TextBody));
        Assert.All(mails.Skip(1), m => Assert.Contains("amv verwacht", m.TextBody));

        var (tot, reden) = (await _kit.Database.Db.QueryAsync<(DateTime, string)>("SELECT stil_tot, stil_reden FROM grafana.alerts WHERE alert_id = @id", new { id })).Single();
        Assert.Equal("Locatie Zuidas opent 1 juni; bekend bij JenV", reden);
        Assert.Equal(new DateTime(2025, 5, 20, 22, 0, 0), tot.ToUniversalTime()); // 21 May 00:00 in Amsterdam
        Assert.Contains("stilgezet", await _kit.Database.Db.QueryAsync<string>("SELECT gebeurtenis FROM grafana.alert_events WHERE alert_id = @id", new { id }));
        await Assert.ThrowsAsync<ArgumentException>(() => _kit.Alerts.SilenceAsync(id, D1.AddDays(30), "  ", D1, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _kit.Alerts.SilenceAsync(99999, D1.AddDays(30), "x", D1, CancellationToken.None));
    }

    [Fact]
    public async Task Escalation_AddsPrtToTheTaakstellingAlert()
    {
        await using var kit = await OutputsKit.StartAsync(_smtp, ("Alerts:ForDays", "0"), ("Alerts:EscalateAfterWeeks", "1"));
        await kit.Rows.GemeenteAsync("GM0363", "Amsterdam", "PV27", "Noord-Holland");
        await kit.Rows.ContactAsync("GM0363", "college", "College", "college2@amsterdam.test");
        await kit.Rows.ContactAsync("PV27", "prt", "PRT", "prt2@nh.test");
        await kit.Rows.ContactAsync("PV27", "toezicht", "GS", "gs2@nh.test");
        await kit.Rows.HalfYearAsync("GM0363", "2025-H1", 100, 30, 10);
        for (var i = 0; i < 8; i++)
        {
            await kit.Rows.SeriesAsync("GM0363", "taakstelling", D1.AddDays(i), 130, 10);
            await kit.DayAsync(D1.AddDays(i));
        }
        var mails = _smtp.Received();
        Assert.Equal(["college2@amsterdam.test"], SmtpTestServer.EnvelopeRecipients(mails[0]));
        Assert.Equal("Amsterdam — taakstelling 2025-H1 loopt achter (waarschuwing)", mails[0].Subject);
        var escalation = mails.Where(m => (m.Subject ?? "").StartsWith("Escalatie: ")).ToList();
        Assert.Equal(3, escalation.Count); // college, PRT and toezicht each get their own email on day 7
        Assert.Equal(["college2@amsterdam.test", "gs2@nh.test", "prt2@nh.test"], escalation.SelectMany(SmtpTestServer.EnvelopeRecipients).Order());
        Assert.Contains("achterstand van 30 meegenomen", escalation[0].TextBody);
    }

    [Fact]
    public async Task RejectedDelivery_TellsTheOperators_AndLineBreaksNeverReachContacten()
    {
        var csv = "gebiedcode,rol,naam,email\r\nGM0363,college,\"Evil\r\nBcc: x@y\",evil@amsterdam.test\r\n";
        var result = await _kit.Database.Db.IngestTextAsync("contacten", csv);
        Assert.Equal(Monitor.Feeds.IngestOutcome.Rejected, result.Outcome);
        Assert.Contains(result.Problems, p => p.Message.Contains("regeleinde"));
        Assert.Equal(0L, await _kit.Database.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.contacten WHERE naam LIKE '%Bcc%' OR email LIKE 'evil%'"));

        await using var kit = await OutputsKit.StartAsync(_smtp, ("Alerts:ForDays", "0"));
        await kit.Rows.ContactAsync("NL", "operator", "Beheer", "ops@monitor.test");
        var rejected = await kit.Database.Db.IngestTextAsync("contacten", csv);
        // The run looks at deliveries fetched up to its own moment (06:00 UTC on the day it evaluates): the delivery is
        // dated that morning, so the test does not depend on the hour it runs at.
        await kit.Database.Db.ScalarAsync<long>("UPDATE monitor.deliveries SET fetched_at = @at WHERE id = @id RETURNING id",
            new { at = D1.ToDateTime(new TimeOnly(5, 0), DateTimeKind.Utc), id = rejected.DeliveryId });
        await kit.DayAsync(D1);
        var mail = Assert.Single(_smtp.Received());
        Assert.Equal(["ops@monitor.test"], SmtpTestServer.EnvelopeRecipients(mail));
        Assert.Contains("Feed contacten: levering", mail.TextBody);
        Assert.Contains("is afgewezen", mail.TextBody);
        Assert.Null(mail.Headers["Bcc"]);
    }

    [Fact]
    public async Task SameDayTwice_SendsNothingNew_AndAnEarlierDayIsRefused()
    {
        for (var i = 0; i < 2; i++) { await AmsterdamAsync(D1.AddDays(i), true); await _kit.DayAsync(D1.AddDays(i)); }
        await _kit.DayAsync(D1.AddDays(1));
        Assert.Single(_smtp.Received());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _kit.DayAsync(D1));
        Assert.Contains("al beoordeeld tot en met 2025-05-02", error.Message);
        Assert.Single(_smtp.Received());
    }

    [Fact]
    public async Task NoFreshFigures_KeepsTheAlertOpen_WithoutAFalseResolved()
    {
        for (var i = 0; i < 2; i++) { await AmsterdamAsync(D1.AddDays(i), true); await _kit.DayAsync(D1.AddDays(i)); }
        Assert.Single(_smtp.Received());
        // The computation stalls: no new rows for 12 days. Nothing is resolved, and no reminder goes out on stale data.
        for (var i = 2; i < 14; i++)
        {
            var (run, _) = await _kit.DayAsync(D1.AddDays(i));
            Assert.Equal(i > 8 ? 2 : 0, run.WithoutData);
        }
        Assert.Equal(2, _smtp.Received().Count); // the reminder on day 8 still had 7-day-old figures
        Assert.Equal(["actief", "actief"], await _kit.Database.Db.QueryAsync<string>("SELECT status FROM grafana.alerts ORDER BY alert_id"));
        // Figures return, on track: now it resolves, once.
        await AmsterdamAsync(D1.AddDays(14), false);
        await _kit.DayAsync(D1.AddDays(14));
        Assert.Equal(2, _smtp.Received().Count); // resolved, but within a week of the last mail on this topic: held
        await AmsterdamAsync(D1.AddDays(15), false);
        await _kit.DayAsync(D1.AddDays(15));
        Assert.Equal(3, _smtp.Received().Count);
        Assert.EndsWith("opgelost", _smtp.Received()[2].Subject);
    }
}
