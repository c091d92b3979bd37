using System.Diagnostics;
using Monitor.Tests.Support;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Tests.Security;

/// <summary>
/// The real <c>monitor</c> executable (the build the tests reference) with a connection string that fails in every way
/// a person gets one wrong: whatever goes wrong, the password is not on the terminal, and there is no stack trace.
/// </summary>
public sealed class CliSecretsTests
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    private static async Task<Run> MonitorAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("monitor-cli-").FullName, // no monitor.json, no embedded cluster
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MONITOR_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["MONITOR_DB"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Directory.Delete(start.WorkingDirectory, recursive: true);
        return new Run(process.ExitCode, await output, await errors);
    }

    /// <summary>{dicht}: a loopback port nobody listens on; {poort}: the test cluster, which does check passwords.</summary>
    [Theory]
    [InlineData("poort dicht", "Host=127.0.0.1;Port={dicht};Database=monitor;Username=monitor;Password=GeheimWachtwoord123;Timeout=5")]
    [InlineData("verkeerd wachtwoord", "Host=127.0.0.1;Port={poort};Database=postgres;Username=monitor;Password=GeheimWachtwoord123")]
    [InlineData("; in wachtwoord zonder aanhalingstekens", "Host=127.0.0.1;Port={dicht};Password=Geheim;Wachtwoord123;Timeout=5")]
    [InlineData("aanhalingsteken niet gesloten", "Host=127.0.0.1;Port={dicht};Password='GeheimWachtwoord123;Timeout=5")]
    [InlineData("URL in plaats van verbindingsreeks", "postgresql://monitor:GeheimWachtwoord123@127.0.0.1:{dicht}/monitor")]
    [InlineData("onbekende sleutel", "Host=127.0.0.1;Port={dicht};Wachtwoord=GeheimWachtwoord123")]
    public async Task DbMigrate_WithABrokenConnection_FailsInOneLineWithoutThePassword(string what, string connectionString)
    {
        var cluster = new NpgsqlConnectionStringBuilder(TestCluster.TemplateConnectionString);
        connectionString = connectionString.Replace("{dicht}", LocalCluster.FreeLoopbackPort().ToString()).Replace("{poort}", cluster.Port.ToString());

        var run = await MonitorAsync(connectionString, "db", "migrate");

        var everything = run.Output + run.Errors;
        Assert.True(run.ExitCode == 1, $"{what}: exit {run.ExitCode}\n{everything}");
        Assert.StartsWith("Fout: ", run.Errors);
        Assert.DoesNotContain("Wachtwoord123", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Geheim", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", everything); // no stack trace
    }

    [Fact]
    public async Task DbMigrate_Succeeding_NamesTheDatabaseButNotItsPassword()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        var password = new NpgsqlConnectionStringBuilder(database.ConnectionString).Password!;

        var run = await MonitorAsync(database.ConnectionString, "db", "migrate");
        await database.DisposeAsync();

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("is bijgewerkt", run.Output);
        Assert.DoesNotContain(password, run.Output + run.Errors);
    }

    [Theory]
    [InlineData("gaps")]
    [InlineData("db", "migrate")]
    public async Task AVerb_WithAMalformedMonitorDb_SaysSoWithoutQuotingIt(params string[] verb)
    {
        // gaps checks MONITOR_DB on the thread that opens the warehouse beside the command line, db migrate where it
        // reads it: both say the same.
        var run = await MonitorAsync("Host=db;Password=Geheim;Wachtwoord123", verb);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("MONITOR_DB is geen geldige verbindingsreeks", run.Errors);
        Assert.DoesNotContain("Wachtwoord123", run.Output + run.Errors, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Host=db;Password=Geheim;Wachtwoord123")]
    [InlineData("Host=db;Password='Geheim;Wachtwoord123")]
    [InlineData("postgres://monitor:GeheimWachtwoord123@db/monitor")]
    public void MalformedConnectionString_IsRefusedWithoutQuotingIt(string connectionString)
    {
        var error = Assert.Throws<InvalidOperationException>(() => WarehouseLocation.Checked(connectionString, "MONITOR_DB"));

        Assert.StartsWith("MONITOR_DB is geen geldige verbindingsreeks", error.Message);
        Assert.DoesNotContain("Wachtwoord123", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
