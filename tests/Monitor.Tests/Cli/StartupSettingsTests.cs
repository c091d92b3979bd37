using Monitor.Hosting;
using Microsoft.Extensions.Configuration;
using Monitor.Cli;
using Monitor.Scheduling;
using Monitor.Tests.Support;

namespace Monitor.Tests.Cli;

/// <summary>Issue 15: Serve:* and Schedule:* bound to options and checked when a verb starts, in Dutch, naming key and value.</summary>
public sealed class StartupSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Missing_GivesTheDefaults()
    {
        var serve = StartupSettings.Serve(Config());
        Assert.Equal(("http://127.0.0.1:5080", 2, TimeSpan.FromMinutes(5), true), (serve.Urls, serve.Workers, serve.InvisibilityTimeout, serve.TrustLoopback));
        var schedule = StartupSettings.Schedule(Config());
        Assert.Equal(("30 2 * * *", "0 6 * * *", "0 8 * * 1", "0 8 1 * *", "*/5 * * * *"),
            (schedule.Compute, schedule.Alerts, schedule.Digest, schedule.CollegeDigest, schedule.Outbox));
        StartupSettings.Check(Config());
    }

    [Fact]
    public void Valid_IsBound()
    {
        var serve = StartupSettings.Serve(Config(("Serve:Workers", "4"), ("Serve:InvisibilityTimeout", "00:00:30"), ("Serve:TrustLoopback", "false"),
            ("Serve:Urls", "http://0.0.0.0:8080")));
        Assert.Equal((4, TimeSpan.FromSeconds(30), false, "http://0.0.0.0:8080"), (serve.Workers, serve.InvisibilityTimeout, serve.TrustLoopback, serve.Urls));
        Assert.Equal("15 3 * * 1-5", StartupSettings.Schedule(Config(("Schedule:Compute", "15 3 * * 1-5"))).Compute);
        Assert.Equal("0 */10 * * * *", StartupSettings.Schedule(Config(("Schedule:Outbox", "0 */10 * * * *"))).Outbox); // six fields: seconds first
    }

    [Theory]
    [InlineData("Serve:Workers", "vier", "Instelling Serve:Workers = 'vier' is geen geheel getal")]
    [InlineData("Serve:Workers", "0", "Instelling Serve:Workers = '0' ligt niet tussen 1 en 64")]
    [InlineData("Serve:TrustLoopback", "ja", "Instelling Serve:TrustLoopback = 'ja' is geen true of false")]
    [InlineData("Serve:InvisibilityTimeout", "vijf minuten", "Instelling Serve:InvisibilityTimeout = 'vijf minuten' is geen tijdsduur")]
    [InlineData("Serve:InvisibilityTimeout", "00:00:00", "Instelling Serve:InvisibilityTimeout = '00:00:00' ligt niet tussen 1 seconde en 1 dag")]
    [InlineData("Serve:Urls", "127.0.0.1:5080", "Instelling Serve:Urls = '127.0.0.1:5080' is geen http(s)-adres")]
    [InlineData("Schedule:Compute", "elke nacht", "Instelling Schedule:Compute = 'elke nacht' is geen cron-uitdrukking")]
    [InlineData("Schedule:Outbox", "*/5 * * *", "Instelling Schedule:Outbox = '*/5 * * *' is geen cron-uitdrukking")]
    [InlineData("Schedule:Digest", "0 25 * * 1", "Instelling Schedule:Digest = '0 25 * * 1' is geen cron-uitdrukking")]
    public void Invalid_StopsTheStart_NamingKeyAndValue(string key, string value, string expected)
    {
        var e = Assert.Throws<InvalidOperationException>(() => StartupSettings.Check(Config((key, value))));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void SeveralWrongSettings_AreAllNamed()
    {
        var e = Assert.Throws<InvalidOperationException>(() => StartupSettings.Check(Config(("Serve:Workers", "vier"), ("Schedule:Alerts", "dagelijks"))));
        Assert.Contains("Serve:Workers = 'vier'", e.Message);
        Assert.Contains("Schedule:Alerts = 'dagelijks'", e.Message);
    }

    [Fact]
    public void ThePassword_IsNeverInTheMessage()
    {
        var e = Assert.Throws<InvalidOperationException>(() => StartupSettings.Check(Config(("Serve:DashboardPassword", "heel-geheim-3"), ("Serve:Workers", "x"))));
        Assert.DoesNotContain("heel-geheim-3", e.Message);
    }
}

/// <summary>The real executable: any verb that opens the warehouse refuses a wrong Serve/Schedule setting with exit code 1
/// (configuration error, Cli/ExitCodes.cs), before it touches the database.</summary>
public sealed class StartupSettingsProcessTests
{
    [Theory]
    [InlineData("gaps")]
    [InlineData("serve")]
    [InlineData("compute")]
    public async Task WrongWorkers_FailsEveryVerb_InDutch(string verb)
    {
        // The database is never reached: the settings are checked first (port 1 would otherwise fail with another message).
        var env = new Dictionary<string, string>
        {
            ["MONITOR_DB"] = "Host=127.0.0.1;Port=1;Database=monitor;Username=monitor;Password=geheim-9",
            ["MONITOR_Serve__Workers"] = "vier",
        };
        var r = await MonitorProcess.RunAsync(Directory.CreateTempSubdirectory("monitor-settings-").FullName, env, verb);
        Assert.Equal(ExitCodes.Failure, r.Exit);
        Assert.Contains("Fout: Instelling Serve:Workers = 'vier' is geen geheel getal", r.Err);
        Assert.DoesNotContain("127.0.0.1:1", r.Err);
        Assert.DoesNotContain("Failed to convert", r.Err);
    }
}
