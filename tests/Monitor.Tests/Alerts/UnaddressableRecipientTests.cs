using Monitor.Tests.Digests;
using Monitor.Feeds;
using Monitor.Feeds.Values;
using Monitor.Tests.Support;
using Monitor.Outbox;

namespace Monitor.Tests.Alerts;

/// <summary>
/// One bad address must not stop all mail (issue 12, point 6). Contacten ingest now refuses what the sender cannot
/// address, so a bad address here comes from before that rule: it is written into the table directly. With a real SMTP
/// server on loopback: that recipient's message fails, the operators are told, every other message goes.
/// </summary>
public sealed class UnaddressableRecipientTests : IAsyncLifetime
{
    private static readonly DateOnly D1 = new(2025, 5, 1);
    private static readonly DateOnly Monday = new(2025, 5, 12);
    private const string Bad = "\"college,b&w\"@amersfoort.test";
    private SmtpTestServer _smtp = null!;
    private OutputsKit _kit = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _kit = await OutputsKit.StartAsync(_smtp, ("Alerts:ForDays", "0"));
        await _kit.Rows.ContactAsync("NL", "operator", "Beheer", "beheer@monitor.test");
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private static DateTimeOffset Now => DateTimeOffset.UtcNow.AddSeconds(1);

    private async Task ThreeCollegesAsync(string amersfoort)
    {
        foreach (var (code, naam, pv, pvNaam, email) in new[]
                 {
                     ("GM0363", "Amsterdam", "PV27", "Noord-Holland", "college@amsterdam.test"), ("GM0344", "Utrecht", "PV26", "Utrecht", "college@utrecht.test"),
                     ("GM0307", "Amersfoort", "PV26", "Utrecht", amersfoort),
                 })
        {
            await _kit.Rows.GemeenteAsync(code, naam, pv, pvNaam);
            await _kit.Rows.ContactAsync(code, "college", "College " + naam, email);
            await _kit.Rows.SeriesAsync(code, "asiel", D1, 1000, 500, laag: 600, midden: 700, hoog: 800, deadline: new DateOnly(2025, 7, 1));
        }
    }

    [Fact]
    public async Task AlertRun_WithOneUnaddressableCollege_MailsTheOthers_AndTellsTheOperators()
    {
        await ThreeCollegesAsync(Bad);

        var run = await _kit.Alerts.RunAsync(D1, Now, CancellationToken.None);
        var sent = await _kit.Outbox.SendDueAsync(Now, CancellationToken.None);

        Assert.Equal(3, run.Messages); // two colleges and the report to the operators
        Assert.Equal("College Amersfoort", Assert.Single(run.Unaddressable!).Contact.Naam);
        Assert.Equal((3, 0, 0, 0), (sent.Sent, sent.Retrying, sent.Failed, sent.StillPending));
        var received = _smtp.Received();
        Assert.Equal(["beheer@monitor.test", "college@amsterdam.test", "college@utrecht.test"], received.SelectMany(SmtpTestServer.EnvelopeRecipients).Order());
        var report = Assert.Single(received, m => SmtpTestServer.EnvelopeRecipients(m).Contains("beheer@monitor.test"));
        Assert.Equal("Monitor 2025-05-01: 1 bericht(en) niet verstuurd, adres onbruikbaar", report.Subject);
        Assert.Contains($"College Amersfoort (college, GM0307), adres '{Bad}': een deel tussen aanhalingstekens", report.TextBody);
        Assert.Contains("/GM0307/asiel", report.TextBody);
        Assert.Equal("niet verstuurd aan College Amersfoort (college): adres onbruikbaar", await _kit.Database.Db.ScalarAsync<string>("""
            SELECT e.detail FROM monitor.alert_events e JOIN monitor.alerts a ON a.id = e.alert_id
            WHERE a.gebiedcode = 'GM0307' AND e.gebeurtenis = 'melding_nieuw'
            """));
    }

    [Fact]
    public async Task Digest_WithOneUnaddressablePrt_GoesToTheOtherPrt_AndTheOperatorsAreTold()
    {
        await DigestScenario.LoadAsync(_kit, Monday);
        await _kit.Rows.ContactAsync("PV26", "prt", "Gedeputeerde", "gedeputeerde,utrecht@utrecht.test");

        var queued = await _kit.Digests.QueueAsync("PV26", Monday, DateTimeOffset.UtcNow, CancellationToken.None);
        var sent = await _kit.Outbox.SendDueAsync(Now, CancellationToken.None);

        Assert.NotNull(queued.OutboxId);
        Assert.Equal(2, queued.Recipients);
        Assert.Contains("Gedeputeerde (prt, PV26)", queued.Note);
        Assert.Equal((2, 0, 0, 0), (sent.Sent, sent.Retrying, sent.Failed, sent.StillPending));
        var received = _smtp.Received();
        var digest = Assert.Single(received, m => m.Subject.StartsWith("Weekoverzicht", StringComparison.Ordinal));
        Assert.Equal(["cdk@utrecht.test", "prt@utrecht.test"], SmtpTestServer.EnvelopeRecipients(digest).Order());
        var report = Assert.Single(received, m => SmtpTestServer.EnvelopeRecipients(m).SequenceEqual(["beheer@monitor.test"]));
        Assert.Contains("weekoverzicht PV26 2025-05-12", report.TextBody);
        Assert.Contains("het teken ',' vóór de @ kan de verzender niet adresseren", report.TextBody);
    }

    [Fact]
    public async Task Sender_AStoredRecipientItCannotAddress_FailsThatMessageAlone_TheRestGo()
    {
        await ThreeCollegesAsync("college@amersfoort.test");
        await _kit.Alerts.RunAsync(D1, Now, CancellationToken.None);
        // An outbox row from before the address rule: its envelope recipient cannot be addressed.
        var bad = await _kit.Database.Db.ScalarAsync<long>(
            "UPDATE monitor.outbox SET ontvangers = ARRAY[@Bad] WHERE id = (SELECT min(id) FROM monitor.outbox) RETURNING id", new { Bad });

        var sent = await _kit.Outbox.SendDueAsync(Now, CancellationToken.None);

        Assert.Equal((2, 0, 1, 0), (sent.Sent, sent.Retrying, sent.Failed, sent.StillPending));
        Assert.Equal(2, _smtp.Received().Count);
        var row = (await _kit.Database.Db.QueryAsync<(string Status, int Pogingen, string Fout)>(
            "SELECT status, pogingen, laatste_fout FROM monitor.outbox WHERE id = @bad", new { bad })).Single();
        Assert.Equal(("failed", 1), (row.Status, row.Pogingen)); // refused for good, not retried twelve times
        Assert.Contains($"Ontvanger '{Bad}' is niet te adresseren", row.Fout);
    }

    [Fact]
    public async Task ContactenIngest_RefusesWhatTheSenderCannotAddress_WithLineAndColumn()
    {
        var csv = "gebiedcode,rol,naam,email\nNL,operator,Beheer,beheer@monitor.test\nPV26,prt,PRT,\"\"\"prt,utrecht\"\"@utrecht.test\"\n";

        var result = await _kit.Database.Db.IngestTextAsync("contacten", csv, "contacten.csv");

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        var problem = Assert.Single(result.Problems, p => p.Column == "email");
        Assert.Equal(3L, problem.Line);
        Assert.Equal("'\"prt,utrecht\"@utrecht.test' is geen geldig e-mailadres: een deel tussen aanhalingstekens vóór de @ kan de verzender niet adresseren.",
            problem.Message);
    }

    [Theory]
    [InlineData("college@amsterdam.nl")]
    [InlineData("p.de.vries+monitor@gemeente-súdwest-fryslân.nl")]
    [InlineData("o'brien@x.test")]
    public void UsableAddress_IsAcceptedByIngestAndAddressedByTheSender(string address)
    {
        Assert.Null(EmailAddress.Problem(address));
        Assert.Equal(address, Mail.Mailbox("Naam", address).Address);
    }

    [Theory]
    [InlineData("\"a,b\"@x.nl", "een deel tussen aanhalingstekens")]
    [InlineData("a,b@x.nl", "het teken ','")]
    [InlineData("a;b@x.nl", "het teken ';'")]
    [InlineData("Jan <jan@x.nl>", "spatie")]
    [InlineData("jan@x.nl,piet@x.nl", "het teken '@'")]   // two addresses: the first @ is then before the last
    [InlineData("jüri@x.nl", "SMTPUTF8")]
    [InlineData("prt@@groningen", "het teken '@'")]
    [InlineData("jan@localhost", "geen punt")]
    [InlineData("jan.@x.nl", "punt")]
    [InlineData("jan@-x.nl", "geen domeinnaam")]
    [InlineData("jan@[10.0.0.1]", "geen domeinnaam")]
    [InlineData("", "leeg")]
    public void UnusableAddress_IsRefusedByIngestAndBySenderAlike(string address, string reason)
    {
        Assert.Contains(reason, EmailAddress.Problem(address));
        Assert.Throws<ArgumentException>(() => Mail.Mailbox("Naam", address));
    }
}
