using Monitor.Tests.Support;

namespace Monitor.Tests.Outputs;

/// <summary>`monitor alerts …` and `monitor digest …` as processes, against a test database and the loopback SMTP server.</summary>
public sealed class CliVerbsTests : IAsyncLifetime
{
    private SmtpTestServer _smtp = null!;
    private OutputsKit _kit = null!;
    private string _work = "";

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _kit = await OutputsKit.StartAsync(_smtp);
        await DigestScenario.LoadAsync(_kit, new DateOnly(2025, 5, 12));
        await _kit.Rows.ContactAsync("GM0344", "college", "College Utrecht", "college@utrecht.test");
        _work = Path.Combine(_kit.Folder, "werkmap");
        Directory.CreateDirectory(_work);
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Dictionary<string, string> Env(bool smtp) => new()
    {
        ["MONITOR_DB"] = _kit.Database.ConnectionString,
        ["MONITOR_Alerts__ForDays"] = "0",
        ["MONITOR_Smtp__From"] = "Monitor <monitor@monitor.test>",
        ["MONITOR_Outbox__Folder"] = Path.Combine(_work, "outbox"),
        ["MONITOR_Logging__LogLevel__Default"] = "Error",
        ["MONITOR_Logging__LogLevel__Monitor"] = "Error",
        [smtp ? "MONITOR_Smtp__Host" : "MONITOR_UNUSED"] = "127.0.0.1",
        ["MONITOR_Smtp__Port"] = _smtp.Port.ToString(),
        ["MONITOR_Smtp__Security"] = "none",
    };

    [Fact]
    public async Task AlertsRunListSilence_AndDigestPreviewAndSend()
    {
        var run = await MonitorProcess.RunAsync(_work, Env(smtp: true), "alerts", "run", "--now", "2025-05-12");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("Meldingen op 2025-05-12:", run.Out);
        Assert.Contains("Verzonden via SMTP 127.0.0.1:", run.Out);
        Assert.Contains(_smtp.Received(), m => SmtpTestServer.EnvelopeRecipients(m).Contains("college@utrecht.test"));

        var list = await MonitorProcess.RunAsync(_work, Env(smtp: true), "alerts", "list", "--open");
        Assert.Equal(0, list.Exit);
        Assert.Contains("actief", list.Out);
        Assert.Contains("prognose_tekort GM0344 asiel", list.Out);
        var id = await _kit.Database.Db.ScalarAsync<long>("SELECT alert_id FROM grafana.alerts WHERE regel = 'prognose_tekort' AND gebiedcode = 'GM0344' AND opgave = 'asiel'");

        var silence = await MonitorProcess.RunAsync(_work, Env(smtp: true), "alerts", "silence", "--id", id.ToString(), "--until", "2099-01-01", "--reason", "bekend bij JenV");
        Assert.True(silence.Exit == 0, silence.Err);
        Assert.Contains("Stilgezet tot 2099-01-01: prognose_tekort voor GM0344 (asiel).", silence.Out);
        Assert.Contains("[stil tot 2099-01-01: bekend bij JenV]", (await MonitorProcess.RunAsync(_work, Env(smtp: true), "alerts", "list")).Out);

        var preview = await MonitorProcess.RunAsync(_work, Env(smtp: false), "digest", "--provincie", "PV26", "--now", "2025-05-12", "--out", "voorbeeld");
        Assert.True(preview.Exit == 0, preview.Err);
        DigestTests.AssertHtmlFolder(Path.Combine(_work, "voorbeeld", "weekoverzicht-PV26-2025-05-12.html"));

        var before = _smtp.Received().Count;
        var send = await MonitorProcess.RunAsync(_work, Env(smtp: true), "digest", "--now", "2025-05-12", "--send");
        Assert.True(send.Exit == 0, send.Err);
        Assert.Contains("Weekoverzicht PV26 2025-05-12: in de outbox", send.Out);
        var digest = Assert.Single(_smtp.Received().Skip(before));
        Assert.Equal("Weekoverzicht Utrecht 2025-05-12", digest.Subject);
    }

    [Fact]
    public async Task BadInput_ExitsOneWithAPlainDutchMessage()
    {
        var bad = await MonitorProcess.RunAsync(_work, Env(smtp: true), "alerts", "run", "--now", "12-05-2025");
        Assert.Equal(1, bad.Exit);
        Assert.Contains("--now '12-05-2025' is geen datum; schrijf JJJJ-MM-DD", bad.Err);
        var missing = await MonitorProcess.RunAsync(_work, Env(smtp: true), "alerts", "silence", "--id", "1");
        Assert.NotEqual(0, missing.Exit);
        Assert.Contains("--until", missing.Err);
    }

    [Fact]
    public async Task SmtpDown_RunExitsOne_AndNothingIsLost()
    {
        await _smtp.DownAsync();
        var run = await MonitorProcess.RunAsync(_work, Env(smtp: true) , "alerts", "run", "--now", "2025-05-12");
        Assert.Equal(1, run.Exit);
        Assert.Contains("Niets gaat verloren", run.Err);
        Assert.DoesNotContain("Password", run.Err);
        Assert.True(await _kit.Outbox.PendingAsync(CancellationToken.None) > 0);
    }
}
