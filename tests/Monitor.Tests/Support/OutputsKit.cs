using Monitor.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Alerts;
using Monitor.Cli;
using Monitor.Digests;
using Monitor.Outbox;

namespace Monitor.Tests.Support;

/// <summary>
/// The production services (AddMonitorServices) on a fresh test database, with configuration given as key/value pairs:
/// point Smtp at an <see cref="SmtpTestServer"/>, or leave Smtp:Host out to get the folder outbox.
/// </summary>
public sealed class OutputsKit : IAsyncDisposable
{
    public TestDatabase Database { get; }
    public ServiceProvider Services { get; private set; } = null!;
    public MonitorRows Rows { get; private set; } = null!;
    public string Folder { get; } = Directory.CreateTempSubdirectory("monitor-outbox-").FullName;

    private OutputsKit(TestDatabase database) => Database = database;

    public static Task<OutputsKit> StartAsync(SmtpTestServer? smtp, params (string Key, string Value)[] settings) =>
        StartOnAsync(new TestDatabase(), smtp, settings);

    /// <summary>The same on another kind of test database (reference data or every sample feed loaded).</summary>
    public static async Task<OutputsKit> StartOnAsync(TestDatabase database, SmtpTestServer? smtp, params (string Key, string Value)[] settings)
    {
        var kit = new OutputsKit(database);
        await kit.Database.InitializeAsync();
        var values = new Dictionary<string, string?>
        {
            ["Smtp:From"] = "Monitor <monitor@monitor.test>",
            ["Outbox:Folder"] = kit.Folder,
            ["Alerts:ForDays"] = "1",
            ["Alerts:RepeatDays"] = "7",
        };
        if (smtp is not null)
        {
            values["Smtp:Host"] = "127.0.0.1";
            values["Smtp:Port"] = smtp.Port.ToString();
            values["Smtp:Security"] = "none";
            values["Smtp:TimeoutSeconds"] = "5";
        }
        foreach (var (k, v) in settings) values[k] = v;
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        kit.Services = new ServiceCollection().AddMonitorServices(config, kit.Database.Db).BuildServiceProvider();
        kit.Rows = new MonitorRows(kit.Database.Db);
        return kit;
    }

    public AlertRunner Alerts => Services.GetRequiredService<AlertRunner>();
    public OutboxSender Outbox => Services.GetRequiredService<OutboxSender>();
    public DigestRunner Digests => Services.GetRequiredService<DigestRunner>();

    /// <summary>One daily run as the job does it: evaluate, then send what is due.</summary>
    public async Task<(AlertRunResult Run, OutboxRun Sent)> DayAsync(DateOnly date)
    {
        var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        var run = await Alerts.RunAsync(date, at, CancellationToken.None);
        var sent = await Outbox.SendDueAsync(at.AddDays(1000), CancellationToken.None); // the test's clock never holds a retry back
        if (sent.Retrying + sent.Failed > 0)
            throw new InvalidOperationException("Outbox kon niet versturen: " + string.Join("; ",
                await Database.Db.QueryAsync<string>("SELECT laatste_fout FROM monitor.outbox WHERE laatste_fout IS NOT NULL")));
        return (run, sent);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
