using System.Security.Cryptography;
using Monitor.Feeds;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// A warehouse with data behind every dashboard panel: every shipped sample feed, computed by the real compute job up to
/// a day before the 1 July 2025 deadline (so projections to a deadline ahead exist), then the fixture's deliveries
/// loaded through the real loader (accepted, rejected and revising ones) and computed again incrementally (so the
/// revisions are real), the fixture's alerts, and a login role that is a member of monitor_grafana only, as Grafana's
/// grafana_ro is.
/// </summary>
public sealed class DashboardWarehouse : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2025, 6, 15);
    private readonly SampleDatabase _database = new();

    public static string FixtureFolder => Path.Combine(RepoPaths.Root, "tests", "Monitor.Tests", "Dashboards", "Fixture");

    public NpgsqlDataSource Db => _database.Db;
    public string ReadOnlyConnectionString { get; private set; } = "";
    public string ReadOnlyRole { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var compute = new Monitor.Compute.ComputeService(Db);
        await Load("regios", "regios.csv", "regios", IngestOutcome.Accepted);
        await compute.RunAsync(full: true, [], AsOf);
        await Load("opgave", "opgave.csv", "jenv-opgaven", IngestOutcome.Accepted);
        await Load("opgave", "opgave-bijstelling.csv", "jenv-opgaven", IngestOutcome.Accepted);
        await Load("plekken", "plekken.csv", "coa", IngestOutcome.Accepted);
        await Load("plekken", "plekken-fout.csv", "coa", IngestOutcome.Rejected);
        await Load("huisvesting", "huisvesting.csv", "coa-huisvesting", IngestOutcome.Accepted);
        await Load("huisvesting", "huisvesting-fout.csv", "coa-huisvesting", IngestOutcome.Rejected);
        await Load("afspraken", "afspraken.csv", "prt-afspraken", IngestOutcome.Accepted);
        await compute.RunAsync(full: false, await Monitor.Compute.PendingDeliveries.SinceLastRunAsync(Db, CancellationToken.None), AsOf);
        await RunFileAsync("as-of-2025.sql");
        // And this month, the feeds dashboard's last 30 days: the same two bad files came in again and were rejected
        // again, and the coa snapshot of 1 June was corrected (Paviljoen Oisterwijk has 80 places, not 60), which revised
        // a fact and the figures computed from it.
        await Load("plekken", "plekken-fout.csv", "coa", IngestOutcome.Rejected);
        await Load("huisvesting", "huisvesting-fout.csv", "coa-huisvesting", IngestOutcome.Rejected);
        var corrected = (await File.ReadAllTextAsync(Path.Combine(FixtureFolder, "plekken.csv"))).Replace("beschikbaar,60,58,", "beschikbaar,80,58,");
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestTextAsync("plekken", corrected, "plekken-correctie.csv", "coa")).Outcome);
        await compute.RunAsync(full: false, await Monitor.Compute.PendingDeliveries.SinceLastRunAsync(Db, CancellationToken.None), AsOf);
        await RunFileAsync("alerts.sql");
        await RunFileAsync("deadline-uitkomsten.sql");
        // The Toezicht dashboard shows the ladder proposals the alert run stores; the real evaluation writes them.
        await using (var conn = await Db.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Monitor.Alerts.ToezichtAlerts.EvaluateAsync(conn, tx, AsOf, new Monitor.Analysis.ToezichtOptions(), code => code);
            await tx.CommitAsync();
        }
        // The plans DashboardPlanTests checks depend on statistics: without this, whether autovacuum happened to analyse
        // the fixture yet decided the plan (a fresh clone once planned the feeds panel without its index condition). The
        // statistics are taken from every row (not a random sample), and autovacuum leaves these tables alone from here
        // on, so every run plans from the same statistics.
        await using (var analyze = Db.CreateCommand("""
            DO $$
            DECLARE t regclass;
            BEGIN
                FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'monitor' AND c.relkind IN ('r', 'p')
                LOOP
                    EXECUTE format('ALTER TABLE %s SET (autovacuum_enabled = off)', t);
                END LOOP;
            END $$;
            SET default_statistics_target = 10000;
            ANALYZE;
            """)) await analyze.ExecuteNonQueryAsync();
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
