using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Monitor.Samples;
using Monitor.Tests.Support;

namespace Monitor.Tests.Deploy;

/// <summary>
/// deploy/monitor/entrypoint.sh, the container's entrypoint, run outside Docker with sh against the test PostgreSQL and
/// the monitor built beside the tests: as a login whose password has ';', '=' and quotes (the separate settings of
/// docker-compose.yml), the migrate path brings an empty database up to date, the demo path (the compose profile) loads
/// every sample feed of the manifest and mails the alerts and digests over SMTP, and the serve path starts the service
/// with the stack's own feeds (deploy/monitor/monitor.json) on a free loopback port.
/// </summary>
public sealed class EntrypointScriptTests : IDisposable
{
    private static string Script => Path.Combine(RepoPaths.Root, "deploy", "monitor", "entrypoint.sh");
    private readonly string _workDir = Directory.CreateTempSubdirectory("monitor-entrypoint-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    private ProcessStartInfo Start(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo("sh")
        {
            WorkingDirectory = _workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(Script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MONITOR_", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(key);
        psi.Environment["MONITOR_BIN"] = Path.Combine(AppContext.BaseDirectory, "monitor");
        foreach (var (k, v) in env) psi.Environment[k] = v;
        return psi;
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> env, TimeSpan timeout, params string[] args)
    {
        using var p = Process.Start(Start(env, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw; }
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Migrate_ThenDemo_ThenServe_AgainstTheTestPostgres_WithAnAwkwardPassword()
    {
        var role = await PasswordRole.CreateAsync(withDatabase: true);
        await using var db = role.DataSource();
        await using var smtp = await SmtpTestServer.StartAsync();
        var env = new Dictionary<string, string>(role.Environment())
        {
            ["MONITOR_SAMPLES"] = RepoPaths.Samples("feeds"),
            ["MONITOR_Smtp__Host"] = "127.0.0.1", ["MONITOR_Smtp__Port"] = smtp.Port.ToString(), ["MONITOR_Smtp__Security"] = "none",
            ["MONITOR_Smtp__From"] = "monitor@localhost",
        };

        // migrate: an empty database gets every migration, once.
        var migrate = await RunAsync(env, TimeSpan.FromMinutes(2), "migrate");
        Assert.True(migrate.Exit == 0, migrate.Out + migrate.Err);
        var migrations = Directory.GetFiles(Path.Combine(RepoPaths.Root, "sql", "migrations"), "*.sql").Length;
        Assert.Equal(migrations, await db.ScalarAsync<long>("SELECT count(*) FROM monitor.schema_migrations"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries"));
        Assert.DoesNotContain(role.Password, migrate.Out + migrate.Err);

        // demo: what the profile's one-shot service runs. Every file of the manifest, as `./monitor demo` loads it.
        var demo = await RunAsync(env, TimeSpan.FromMinutes(8), "demo");
        Assert.True(demo.Exit == 0, demo.Out + demo.Err);
        var manifest = SampleManifest.Read(RepoPaths.Samples("feeds"))!;
        Assert.Equal(manifest.Files.Count, await db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries WHERE outcome = 'accepted'"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM monitor.series") > 0);
        // Everything composed went out over SMTP, as it goes to Mailpit in the stack: alerts and a digest per PRT.
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM monitor.outbox WHERE status <> 'sent'"));
        var sent = await db.QueryAsync<string>("SELECT soort FROM monitor.outbox");
        Assert.Contains("alert", sent);
        Assert.Contains("digest", sent);
        var received = smtp.Received();
        Assert.Equal(sent.Count, received.Count);
        Assert.Contains(received, m => m.Subject.StartsWith("Weekoverzicht ", StringComparison.Ordinal));
        // Nothing written to the working directory (in the image /app, not writable for the container's user): no outbox
        // folder with SMTP set, no embedded cluster.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_workDir));

        // serve: with the stack's feeds, on a port chosen at bind time; answers /health, registers the feeds, stops on TERM.
        File.Copy(Path.Combine(RepoPaths.Root, "deploy", "monitor", "monitor.json"), Path.Combine(_workDir, "monitor.json"));
        env["MONITOR_URLS"] = "http://127.0.0.1:0";
        using var serve = Process.Start(Start(env, "serve"))!;
        var stderr = serve.StandardError.ReadToEndAsync();
        try
        {
            var url = await ListeningUrlAsync(serve, TimeSpan.FromMinutes(2));
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using (var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
                Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
            var jobs = await db.QueryAsync<string>("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs'");
            Assert.Contains("feed:coa", jobs);
            Assert.Contains("feed:coa-huisvesting", jobs);
        }
        finally
        {
            // exec: the script's process is the monitor itself, so TERM reaches it as Docker's stop would.
            using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString()])) await kill.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try { await serve.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { serve.Kill(entireProcessTree: true); throw; }
        }
        Assert.Equal(0, serve.ExitCode);
        Assert.DoesNotContain(role.Password, await stderr);
    }

    /// <summary>The line serve prints once it is bound: "Monitor draait op http://127.0.0.1:PORT (…)".</summary>
    private static async Task<string> ListeningUrlAsync(Process serve, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = new List<string>();
        while (await serve.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            seen.Add(line);
            var m = System.Text.RegularExpressions.Regex.Match(line, @"Monitor draait op (http://127\.0\.0\.1:(\d+))");
            if (m.Success)
            {
                Assert.NotEqual("0", m.Groups[2].Value);
                // Keep reading, so a full pipe never blocks the service.
                _ = serve.StandardOutput.ReadToEndAsync();
                return m.Groups[1].Value;
            }
        }
        throw new InvalidOperationException("serve stopte zonder te luisteren:\n" + string.Join("\n", seen));
    }

    [Fact]
    public async Task WithoutAWarehouse_ItStopsAtOnce_InsteadOfStartingAnEmbeddedPostgresInTheContainer()
    {
        var (exit, _, err) = await RunAsync(new Dictionary<string, string>(), TimeSpan.FromSeconds(30), "serve");
        Assert.Equal(1, exit);
        Assert.Contains("geen magazijn ingesteld", err);
        Assert.False(Directory.Exists(Path.Combine(_workDir, ".monitor")));
    }
}
