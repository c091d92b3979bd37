using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run (started as the postgres user when the tests run as root),
/// with a migrated template database; every test class gets its own fresh copy, so classes run in parallel safely.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<(LocalCluster cluster, string cs)> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static int _counter;

    private static (LocalCluster, string) Start()
    {
        RemoveClustersOfFinishedRuns();
        var dir = Path.Combine(Path.GetTempPath(), $"monitor-tests-{Environment.ProcessId}", "pg");
        var cluster = new LocalCluster(dir, fastAndUnsafe: true);
        var cs = cluster.EnsureRunning();
        using (var ds = NpgsqlDataSource.Create(cs))
            new Migrator(ds).MigrateAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { cluster.Stop(); Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true); } catch { /* best effort at exit */ }
        };
        return (cluster, cs);
    }

    /// <summary>
    /// A test host that is killed (or cut short at exit) leaves its cluster running; the next run stops and removes the
    /// clusters of runs whose process is gone, so a developer's machine does not fill up with them.
    /// </summary>
    private static void RemoveClustersOfFinishedRuns()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "monitor-tests-*"))
        {
            if (!int.TryParse(Path.GetFileName(dir)["monitor-tests-".Length..], out var pid) || Directory.Exists($"/proc/{pid}")) continue;
            try
            {
                var data = Path.Combine(dir, "pg");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    PostgresBinaries.Run(PostgresBinaries.FindBinDir(), "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another run's leftovers; not ours to fail on */ }
        }
    }

    /// <summary>The connection string of the migrated template database ("monitor").</summary>
    public static string TemplateConnectionString => Instance.Value.cs;

    private static readonly SemaphoreSlim SamplesLock = new(1, 1);
    private static string? _samplesTemplate;
    private static string? _referenceTemplate;

    /// <summary>A database holding the 342 gemeenten and the herindelingen, loaded once per run through the real loader.</summary>
    public static async Task<string> CreateReferenceDatabaseAsync()
    {
        await SamplesLock.WaitAsync();
        try
        {
            if (_referenceTemplate is null)
            {
                var cs = await CreateDatabaseAsync();
                await using (var db = NpgsqlDataSource.Create(cs)) await db.LoadReferenceDataAsync();
                _referenceTemplate = new NpgsqlConnectionStringBuilder(cs).Database;
            }
        }
        finally { SamplesLock.Release(); }
        return await CreateDatabaseAsync(_referenceTemplate);
    }

    /// <summary>
    /// A database holding every shipped sample feed, loaded once per test run through the real loader and then used as
    /// a template, so each test class gets the full sample warehouse in a second instead of reloading it.
    /// </summary>
    public static async Task<string> CreateSampleDatabaseAsync(Func<NpgsqlDataSource, Task>? prepare = null)
    {
        await SamplesLock.WaitAsync();
        try
        {
            if (_samplesTemplate is null)
            {
                var cs = await CreateDatabaseAsync();
                await using (var db = NpgsqlDataSource.Create(cs))
                {
                    var results = await Monitor.Samples.SampleFeedLoader.LoadAsync(db, RepoPaths.Samples("feeds"));
                    var rejected = results.Where(r => r.Result.Outcome == Monitor.Feeds.IngestOutcome.Rejected).ToList();
                    if (rejected.Count > 0)
                        throw new InvalidOperationException("Voorbeeldfeeds afgewezen: " + string.Join("; ", rejected.Select(r => r.Entry.File + ": " + r.Result.Problems.FirstOrDefault())));
                    if (prepare is not null) await prepare(db);
                }
                _samplesTemplate = new NpgsqlConnectionStringBuilder(cs).Database;
            }
        }
        finally { SamplesLock.Release(); }
        return await CreateDatabaseAsync(_samplesTemplate);
    }

    /// <summary>A new database copied from the migrated template (or another template database): isolated and ready.</summary>
    public static async Task<string> CreateDatabaseAsync(string? templateDatabase = null)
    {
        var template = new NpgsqlConnectionStringBuilder(TemplateConnectionString);
        if (templateDatabase is not null) template.Database = templateDatabase;
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        var admin = new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = "postgres", Pooling = false };
        await CreateLock.WaitAsync();
        try
        {
            // The template must have no open connections while it is copied.
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template.Database}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally { CreateLock.Release(); }
        return new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = name }.ConnectionString;
    }
}

/// <summary>Per test class: a fresh, migrated database. Use as IClassFixture or create per test for full isolation.</summary>
public class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource Db { get; private set; } = null!;

    protected virtual Task<string> CreateAsync() => TestCluster.CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateAsync();
        Db = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>Per test class: a fresh warehouse with the reference data (gemeenten, herindelingen) loaded.</summary>
public sealed class ReferenceDatabase : TestDatabase
{
    protected override Task<string> CreateAsync() => TestCluster.CreateReferenceDatabaseAsync();
}

/// <summary>Per test class: a fresh copy of the warehouse with every shipped sample feed loaded.</summary>
public sealed class SampleDatabase : TestDatabase
{
    protected override Task<string> CreateAsync() => TestCluster.CreateSampleDatabaseAsync();
}
