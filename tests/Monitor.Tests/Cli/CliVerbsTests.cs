using Monitor.Tests.Digests;
using Monitor.Tests.Support;

namespace Monitor.Tests.Cli;

/// <summary>A test database with the digest scenario, the loopback SMTP server and a working folder for `monitor` processes.</summary>
public abstract class CliFixture : IAsyncLifetime
{
    protected SmtpTestServer Smtp { get; private set; } = null!;
    protected OutputsKit Kit { get; private set; } = null!;
    protected string Work { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        Kit = await OutputsKit.StartAsync(Smtp);
        await DigestScenario.LoadAsync(Kit, new DateOnly(2025, 5, 12));
        await Kit.Rows.ContactAsync("GM0344", "college", "College Utrecht", "college@utrecht.test");
        Work = Path.Combine(Kit.Folder, "werkmap");
        Directory.CreateDirectory(Work);
    }

    public async Task DisposeAsync()
    {
        await Kit.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected Task<(int Exit, string Out, string Err)> Monitor(bool smtp, params string[] args) =>
        MonitorProcess.RunAsync(Work, new Dictionary<string, string>
        {
            ["MONITOR_DB"] = Kit.Database.ConnectionString,
            ["MONITOR_Alerts__ForDays"] = "0",
            ["MONITOR_Smtp__From"] = "Monitor <monitor@monitor.test>",
            ["MONITOR_Outbox__Folder"] = Path.Combine(Work, "outbox"),
            ["MONITOR_Logging__LogLevel__Default"] = "Error",
            ["MONITOR_Logging__LogLevel__Monitor"] = "Error",
            [smtp ? "MONITOR_Smtp__Host" : "MONITOR_UNUSED"] = "127.0.0.1",
            ["MONITOR_Smtp__Port"] = Smtp.Port.ToString(),
            ["MONITOR_Smtp__Security"] = "none",
        }, args);
}

/// <summary>`monitor alerts run|silence|list` as processes.</summary>
public sealed class CliAlertVerbsTests : CliFixture
{
    [Fact]
    public async Task Run_Silence_List()
    {
        var run = await Monitor(smtp: true, "alerts", "run", "--now", "2025-05-12");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("Meldingen op 2025-05-12:", run.Out);
        Assert.Contains("Verzonden via SMTP 127.0.0.1:", run.Out);
        Assert.Contains(Smtp.Received(), m => SmtpTestServer.EnvelopeRecipients(m).Contains("college@utrecht.test"));

        var id = await Kit.Database.Db.ScalarAsync<long>("SELECT alert_id FROM grafana.alerts WHERE regel = 'prognose_tekort' AND gebiedcode = 'GM0344' AND opgave = 'asiel'");
        var silence = await Monitor(smtp: true, "alerts", "silence", "--id", id.ToString(), "--until", "2099-01-01", "--reason", "bekend bij JenV");
        Assert.True(silence.Exit == 0, silence.Err);
        Assert.Contains("Stilgezet tot 2099-01-01: prognose_tekort voor GM0344 (asiel).", silence.Out);

        var list = await Monitor(smtp: true, "alerts", "list", "--open");
        Assert.Equal(0, list.Exit);
        Assert.Contains($"{id,6}  actief    kritiek       prognose_tekort GM0344 asiel  sinds 2025-05-12  [stil tot 2099-01-01: bekend bij JenV]", list.Out);
        Assert.Contains("aan: College Utrecht (college)", list.Out); // grafana.alerts names recipients, not addresses (issue 12)
    }

    [Fact]
    public async Task BadInput_ExitsOneWithAPlainDutchMessage()
    {
        var bad = await Monitor(smtp: true, "alerts", "run", "--now", "31-02-2025");
        Assert.Equal(1, bad.Exit);
        Assert.Contains("--datum: '31-02-2025' is geen bestaande datum", bad.Err);
        var missing = await Monitor(smtp: true, "alerts", "silence", "--id", "1");
        Assert.NotEqual(0, missing.Exit);
        Assert.Contains("Optie --tot is verplicht", missing.Err);
    }

    [Fact]
    public async Task SmtpDown_RunExitsOne_AndNothingIsLost()
    {
        await Smtp.DownAsync();
        var run = await Monitor(smtp: true, "alerts", "run", "--now", "2025-05-12");
        Assert.Equal(1, run.Exit);
        Assert.Contains("Niets gaat verloren", run.Err);
        Assert.True(await Kit.Outbox.PendingAsync(CancellationToken.None) > 0);
    }
}

/// <summary>`monitor digest` as a process: a preview folder, and --send through SMTP.</summary>
public sealed class CliDigestVerbTests : CliFixture
{
    [Fact]
    public async Task Preview_ThenSend()
    {
        var preview = await Monitor(smtp: false, "digest", "--provincie", "PV26", "--now", "2025-05-12", "--out", "voorbeeld");
        Assert.True(preview.Exit == 0, preview.Err);
        DigestTests.AssertHtmlFolder(Path.Combine(Work, "voorbeeld", "weekoverzicht-PV26-2025-05-12.html"));

        var send = await Monitor(smtp: true, "digest", "--now", "2025-05-12", "--send");
        Assert.True(send.Exit == 0, send.Err);
        Assert.Contains("Weekoverzicht PV26 2025-05-12: in de outbox", send.Out);
        var digest = Assert.Single(Smtp.Received());
        Assert.Equal("Weekoverzicht Utrecht 2025-05-12", digest.Subject);
        Assert.Equal(["cdk@utrecht.test", "prt@utrecht.test"], SmtpTestServer.EnvelopeRecipients(digest).Order());
    }
}
