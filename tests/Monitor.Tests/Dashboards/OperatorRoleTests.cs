using System.Diagnostics;
using System.Text.RegularExpressions;
using Dapper;
using Monitor.Tests.Support;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// On a managed server the Monitor's user may not create roles. The migration must then still succeed, tell the
/// operator the one statement to run (the same one dashboards/README.md gives), and that statement must make the
/// role work. Then the compose init script gives Grafana its login. A private cluster, because roles are cluster-wide
/// and the shared test cluster already has monitor_grafana.
/// </summary>
public sealed partial class OperatorRoleTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"monitor-operator-{Guid.NewGuid():N}");
    private LocalCluster _cluster = null!;
    private string _superuser = "";

    public Task InitializeAsync()
    {
        _cluster = new LocalCluster(Path.Combine(_folder, "pg"), fastAndUnsafe: true);
        _superuser = _cluster.EnsureRunning();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _cluster.Stop();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"uitvoeren: (DO \$op\$.*\$op\$;)")] private static partial Regex OperatorStatement();
    [GeneratedRegex(@"uitvoeren: (CALL monitor\.withhold_from_public\('[^']+'\);)")] private static partial Regex WithholdStatement();

    [Fact]
    public async Task MigrationWithoutCreateRole_NamesTheStatement_ThatMakesTheRoleWork()
    {
        var owner = await CreateOwnerDatabaseAsync();
        var notices = new List<string>();
        await using (var db = NpgsqlDataSource.Create(owner))
            await new Migrator(db, notices.Add).MigrateAsync();

        var statement = notices.Select(n => OperatorStatement().Match(n)).SingleOrDefault(m => m.Success)?.Groups[1].Value;
        Assert.True(statement is not null, "geen melding met de opdracht voor de beheerder:\n" + string.Join("\n", notices));
        Assert.Equal("DO $op$ BEGIN CREATE ROLE monitor_grafana NOLOGIN; CALL monitor.grant_grafana_access(); END $op$;", statement);
        Assert.Contains(statement, await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "dashboards", "README.md")));
        Assert.Equal(0L, await Scalar<long>(Admin("warehouse"), "SELECT count(*) FROM pg_roles WHERE rolname = 'monitor_grafana'"));

        await Execute(Admin("warehouse"), statement);
        // With the characters that break a hand-made connection string or a quoted SQL literal.
        const string password = "geheim;voor=gra\"fa'na";
        await RunInitScriptAsync(password);

        var grafana = new NpgsqlConnectionStringBuilder(Admin("warehouse")) { Username = "grafana_ro", Password = password }.ConnectionString;
        Assert.Equal(0L, await Scalar<long>(grafana, "SELECT count(*) FROM grafana.stand"));
        Assert.Equal("on", await Scalar<string>(grafana, "SHOW default_transaction_read_only"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => Scalar<long>(grafana, "SELECT count(*) FROM monitor.series"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

        // Issue 12: withholding the advisory-lock and large-object functions needs a superuser too; the migration names
        // the statement, and after it the loader (the owner) still takes its locks while Grafana cannot.
        var withhold = notices.Select(n => WithholdStatement().Match(n)).SingleOrDefault(m => m.Success)?.Groups[1].Value;
        Assert.Equal("CALL monitor.withhold_from_public('eigenaar');", withhold);
        Assert.True(await Scalar<bool>(grafana, "SELECT pg_try_advisory_lock(hashtext('ingest:plekken'))")); // before: anyone may
        await Execute(Admin("warehouse"), withhold!);
        Assert.True(await Scalar<bool>(owner, "SELECT pg_try_advisory_xact_lock(hashtext('ingest:plekken'))"));
        var locked = await Assert.ThrowsAsync<PostgresException>(() => Scalar<bool>(grafana, "SELECT pg_try_advisory_lock(hashtext('ingest:plekken'))"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, locked.SqlState);

        // A view a later migration adds (as the same owner) is readable without another grant.
        await Execute(owner, "CREATE VIEW grafana.later_toegevoegd AS SELECT 1 AS een");
        Assert.Equal(1, await Scalar<int>(grafana, "SELECT een FROM grafana.later_toegevoegd"));
    }

    /// <summary>A non-superuser without CREATEROLE that owns the database, as on a managed PostgreSQL.</summary>
    private async Task<string> CreateOwnerDatabaseAsync()
    {
        await Execute(Admin("postgres"), "CREATE ROLE eigenaar LOGIN PASSWORD 'eigenaar' NOSUPERUSER NOCREATEROLE NOCREATEDB");
        await Execute(Admin("postgres"), "CREATE DATABASE warehouse OWNER eigenaar");
        return new NpgsqlConnectionStringBuilder(Admin("warehouse")) { Username = "eigenaar", Password = "eigenaar" }.ConnectionString;
    }

    /// <summary>deploy/postgres/init-grafana-ro.sh as the postgres image runs it: psql as the superuser, env from compose.</summary>
    private async Task RunInitScriptAsync(string password)
    {
        var admin = new NpgsqlConnectionStringBuilder(_superuser);
        var psi = new ProcessStartInfo("sh", [Path.Combine(RepoPaths.Root, "deploy", "postgres", "init-grafana-ro.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["PATH"] = PostgresBinaries.FindBinDir() + ":" + Environment.GetEnvironmentVariable("PATH"),
                ["PGHOST"] = admin.Host, ["PGPORT"] = admin.Port.ToString(), ["PGPASSWORD"] = admin.Password,
                ["POSTGRES_USER"] = admin.Username, ["POSTGRES_DB"] = "warehouse", ["GRAFANA_PG_PASSWORD"] = password,
            },
        };
        using var process = Process.Start(psi)!;
        // Both streams at once: a script that fills one pipe while the other is being read would otherwise never end.
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await stdout + await stderr);
    }

    private string Admin(string database) => new NpgsqlConnectionStringBuilder(_superuser) { Database = database, Pooling = false }.ConnectionString;

    private static async Task Execute(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.ExecuteAsync(sql);
    }

    private static async Task<T> Scalar<T>(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        return await conn.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException(sql);
    }
}
