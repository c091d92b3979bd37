using System.Security.Cryptography;
using Monitor.Feeds;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// A warehouse with data behind every dashboard panel: the sample reference data and the fixture's deliveries loaded
/// through the real loader (accepted, rejected and revising ones), the computed tables filled by Fixture/computed.sql,
/// and a login role that is a member of monitor_grafana only, as Grafana's grafana_ro is.
/// </summary>
public sealed class DashboardWarehouse : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public static string FixtureFolder => Path.Combine(RepoPaths.Root, "tests", "Monitor.Tests", "Dashboards", "Fixture");

    public NpgsqlDataSource Db => _database.Db;
    public string ReadOnlyConnectionString { get; private set; } = "";
    public string ReadOnlyRole { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await Db.LoadReferenceDataAsync();
        await Load("regios", "regios.csv", "regios", IngestOutcome.Accepted);
        await Load("opgave", "opgave.csv", "jenv-opgaven", IngestOutcome.Accepted);
        await Load("opgave", "opgave-bijstelling.csv", "jenv-opgaven", IngestOutcome.Accepted);
        await Load("plekken", "plekken.csv", "coa", IngestOutcome.Accepted);
        await Load("plekken", "plekken-fout.csv", "coa", IngestOutcome.Rejected);
        await Load("huisvesting", "huisvesting.csv", "coa-huisvesting", IngestOutcome.Accepted);
        await Load("huisvesting", "huisvesting-fout.csv", "coa-huisvesting", IngestOutcome.Rejected);
        await Load("afspraken", "afspraken.csv", "prt-afspraken", IngestOutcome.Accepted);
        await RunFileAsync("computed.sql");
        await RunFileAsync("alerts.sql");
        await CreateReadOnlyLoginAsync();
    }

    private async Task Load(string kind, string file, string feed, IngestOutcome expected)
    {
        var result = await Db.IngestFileAsync(kind, Path.Combine(FixtureFolder, file), feed);
        Assert.True(result.Outcome == expected, $"{file}: {result.Outcome} in plaats van {expected}\n{string.Join("\n", result.Problems)}");
    }

    private async Task RunFileAsync(string file)
    {
        await using var cmd = Db.CreateCommand(await File.ReadAllTextAsync(Path.Combine(FixtureFolder, file)));
        cmd.CommandTimeout = 120;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A login role of its own per database (roles are cluster-wide; test classes run in parallel).</summary>
    private async Task CreateReadOnlyLoginAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        ReadOnlyRole = "grafana_ro_" + builder.Database;
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using (var cmd = Db.CreateCommand($"CREATE ROLE {ReadOnlyRole} LOGIN PASSWORD '{password}' IN ROLE monitor_grafana"))
            await cmd.ExecuteNonQueryAsync();
        builder.Username = ReadOnlyRole;
        builder.Password = password;
        builder.Pooling = false;
        ReadOnlyConnectionString = builder.ConnectionString;
    }

    public async Task<NpgsqlConnection> OpenReadOnlyAsync()
    {
        var conn = new NpgsqlConnection(ReadOnlyConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardWarehouse>
{
    public const string Name = "Dashboards";
}
