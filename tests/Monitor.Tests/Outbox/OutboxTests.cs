using Monitor.Tests.Support;
using Monitor.Outbox;

namespace Monitor.Tests.Outbox;

/// <summary>The outbox against a real SMTP server that goes down and comes back.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private static readonly DateOnly D1 = new(2025, 5, 1);
    private SmtpTestServer _smtp = null!;
    private OutputsKit _kit = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _kit = await OutputsKit.StartAsync(_smtp, ("Alerts:ForDays", "0"));
        foreach (var (code, naam, pv, pvNaam) in new[] { ("GM0363", "Amsterdam", "PV27", "Noord-Holland"), ("GM0344", "Utrecht", "PV26", "Utrecht"), ("GM0307", "Amersfoort", "PV26", "Utrecht") })
        {
            await _kit.Rows.GemeenteAsync(code, naam, pv, pvNaam);
            await _kit.Rows.ContactAsync(code, "college", "College " + naam, $"college@{naam.ToLowerInvariant()}.test");
            await _kit.Rows.SeriesAsync(code, "asiel", D1, 1000, 500, laag: 600, midden: 700, hoog: 800, deadline: new DateOnly(2025, 7, 1));
        }
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    /// <summary>The sender's clock is real time: a new message is due from the moment it is stored (now() in the database).</summary>
    private static DateTimeOffset Now => DateTimeOffset.UtcNow.AddSeconds(1);

    [Fact]
    public async Task SmtpDownForARun_UpForTheNext_EveryMessageArrivesExactlyOnce()
    {
        await _smtp.DownAsync();
        var run = await _kit.Alerts.RunAsync(D1, Now, CancellationToken.None);
        Assert.Equal(3, run.Messages);
        var down = await _kit.Outbox.SendDueAsync(Now, CancellationToken.None);
        Assert.Equal((0, 1, 0, 3), (down.Sent, down.Retrying, down.Failed, down.StillPending)); // stops at the first refused connection
        var error = await _kit.Database.Db.ScalarAsync<string>("SELECT laatste_fout FROM monitor.outbox WHERE pogingen = 1");
        Assert.False(string.IsNullOrWhiteSpace(error));

        // Still down ten seconds later: the failed message waits for its backoff; the next untried one gets its turn.
        await _kit.Outbox.SendDueAsync(Now.AddSeconds(10), CancellationToken.None);
        Assert.Equal([1, 1, 0], await _kit.Database.Db.QueryAsync<int>("SELECT pogingen FROM monitor.outbox ORDER BY id"));

        await _smtp.UpAsync();
        var up = await _kit.Outbox.SendDueAsync(Now.AddMinutes(5), CancellationToken.None);
        Assert.Equal((3, 0, 0, 0), (up.Sent, up.Retrying, up.Failed, up.StillPending));
        var again = await _kit.Outbox.SendDueAsync(Now.AddDays(1), CancellationToken.None);
        Assert.Equal(0, again.Sent);

        var received = _smtp.Received();
        Assert.Equal(["college@amersfoort.test", "college@amsterdam.test", "college@utrecht.test"],
            received.SelectMany(SmtpTestServer.EnvelopeRecipients).Order());
        Assert.Equal(3, received.Select(m => m.MessageId).Distinct().Count());
        var stored = await _kit.Database.Db.QueryAsync<string>("SELECT message_id FROM monitor.outbox WHERE status = 'sent' ORDER BY id");
        Assert.Equal(stored.Order(), received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task CrashAfterTheRelayAccepted_ResendsTheSameBytesWithTheSameMessageId()
    {
        await _kit.Alerts.RunAsync(D1, Now, CancellationToken.None);
        var transports = new MailTransportFactory(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = "none" }, new OutboxOptions());
        await using (var crashing = new CrashAfterSend(transports.Create()))
            await Assert.ThrowsAsync<OperationCanceledException>(() => _kit.Outbox.SendDueAsync(crashing, Now, CancellationToken.None));
        Assert.Single(_smtp.Received());
        Assert.Equal(3, await _kit.Outbox.PendingAsync(CancellationToken.None)); // the first one was never marked sent

        await _kit.Outbox.SendDueAsync(Now, CancellationToken.None);
        var received = _smtp.Received();
        Assert.Equal(4, received.Count);
        // The one duplicate is the message the relay had accepted before the crash: same Message-Id, same content.
        var dup = Assert.Single(received.GroupBy(m => m.MessageId), g => g.Count() == 2);
        Assert.Equal(dup.First().TextBody, dup.Last().TextBody);
        Assert.Equal(0, await _kit.Outbox.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task NoSmtpHost_WritesEmlFiles_OncePerMessage()
    {
        await using var kit = await OutputsKit.StartAsync(null, ("Alerts:ForDays", "0"));
        await kit.Rows.GemeenteAsync("GM0363", "Amsterdam", "PV27", "Noord-Holland");
        await kit.Rows.ContactAsync("GM0363", "college", "College", "college@amsterdam.test");
        await kit.Rows.SeriesAsync("GM0363", "asiel", D1, 1000, 500, midden: 700, deadline: new DateOnly(2025, 7, 1));
        await kit.DayAsync(D1);
        await kit.Outbox.SendDueAsync(Now.AddDays(2), CancellationToken.None);
        var file = Assert.Single(Directory.GetFiles(kit.Folder, "*.eml"));
        var message = MimeKit.MimeMessage.Load(file);
        Assert.Equal("college@amsterdam.test", message.To.Mailboxes.Single().Address);
        Assert.Equal(file, await kit.Database.Db.ScalarAsync<string>("SELECT bestand FROM monitor.outbox"));
    }

    /// <summary>Hands the message to the relay, then "dies" before the outbox can mark it sent.</summary>
    private sealed class CrashAfterSend(IMailTransport inner) : IMailTransport
    {
        public async Task<string?> SendAsync(OutboxMessage message, CancellationToken ct)
        {
            await inner.SendAsync(message, ct);
            throw new OperationCanceledException("proces gestopt");
        }

        public bool IsMessageSpecific(Exception error) => false;
        public bool IsPermanent(Exception error) => false;
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
