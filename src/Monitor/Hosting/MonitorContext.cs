using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Hosting;

/// <summary>What every verb needs: configuration and the warehouse (embedded when nothing is configured).</summary>
public sealed class MonitorContext : IAsyncDisposable
{
    public IConfiguration Config { get; }
    public NpgsqlDataSource Db { get; }
    public string ConnectionString { get; }
    /// <summary>Built on first use: <c>serve</c> builds its own host container and never this one, and a verb that
    /// needs no service (such as <c>gaps</c>) does not pay for it.</summary>
    public ServiceProvider Services => services.Value;
    private readonly Lazy<ServiceProvider> services;

    private MonitorContext(IConfiguration config, string connectionString, NpgsqlDataSource db)
    {
        Config = config;
        ConnectionString = connectionString;
        Db = db;
        services = new(() => new ServiceCollection().AddMonitorServices(config, Db).BuildServiceProvider());
    }

    private static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(ForShortCommands(connectionString));
        builder.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        return builder.Build();
    }

    /// <summary>
    /// Two things Npgsql does on the first connection of a process that cost a command-line verb more than its query
    /// (cli_gaps_ms, docs/PERFORMANCE.md): the catalogue query that learns extension, enum and composite types (the schema
    /// uses only built-in types; switched off on the data source above), and trying GSS (Kerberos) encryption first, which
    /// loads the Kerberos libraries and looks for a keytab. An explicit Require (or any mode other than the default
    /// Prefer) is left as configured.
    /// </summary>
    internal static string ForShortCommands(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.GssEncryptionMode == GssEncryptionMode.Prefer) b.GssEncryptionMode = GssEncryptionMode.Disable;
        return b.ConnectionString;
    }

    public static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "monitor.json"), optional: true)
        .AddEnvironmentVariables("MONITOR_")
        .Build();

    /// <summary>Opens the warehouse and brings its schema up to date, so no verb ever runs on a stale schema.</summary>
    public static async Task<MonitorContext> OpenAsync(bool migrate = true, IConfiguration? config = null)
    {
        // MONITOR_DB decides the warehouse before any configuration file does (WarehouseLocation). When it is set, the
        // connection opens on another thread while this one reads the configuration and the migration files: on the
        // command line that connection is the largest single cost, much of it the server starting a backend (cli_gaps_ms).
        // A wrong Serve/Schedule setting still stops the verb before it runs anything.
        var opening = Interlocked.Exchange(ref started, null) ?? Opening.StartFromEnvironment();
        IReadOnlyList<Migrator.Migration>? migrations;
        try
        {
            config ??= LoadConfiguration();
            StartupSettings.Check(config);
            opening ??= Opening.Start(WarehouseLocation.Resolve(config, msg => Console.Error.WriteLine(msg)));
            migrations = migrate ? Migrator.Load(Migrator.MigrationsFolder) : null;
        }
        catch
        {
            if (opening is not null) await opening.AbandonAsync();
            throw;
        }
        try
        {
            // Waited for before anything else, so a wrong setting is reported as such and not as the first query's failure.
            var (db, first) = await opening.Ready;
            var ctx = new MonitorContext(config, opening.ConnectionString, db);
            try
            {
                bool upToDate;
                using (first) upToDate = migrations is null || Migrator.UpToDate(first, migrations);
                if (!upToDate) await new Migrator(db, Console.Error.WriteLine).MigrateAsync(migrations!);
            }
            catch
            {
                await ctx.DisposeAsync();
                throw;
            }
            return ctx;
        }
        catch (Exception e) when (ConnectionFailure.Describe(e, opening.ConnectionString, ConnectionFailure.SettingName(config)) is { } why)
        {
            throw new InvalidOperationException(why, e);
        }
    }

    /// <summary>For a verb that opens the warehouse first thing: starts opening it (when MONITOR_DB names it) before the
    /// command line is parsed. The next <see cref="OpenAsync"/> takes it over; when none comes (help, a parse error) the
    /// process ends with it.</summary>
    public static void StartOpening() => started ??= Opening.StartFromEnvironment();

    /// <summary>Closes an opening no verb took over (help, a parse error), so the server sees the connection end rather
    /// than dropped halfway.</summary>
    public static Task CloseUnusedOpeningAsync() => Interlocked.Exchange(ref started, null)?.AbandonAsync() ?? Task.CompletedTask;

    private static Opening? started;

    /// <summary>The data source and its first connection, under way on a pool thread.</summary>
    private sealed record Opening(string ConnectionString, Task<(NpgsqlDataSource Db, NpgsqlConnection First)> Ready)
    {
        /// <param name="checkAs">The setting to name when <paramref name="connectionString"/> is not one, when it is not
        /// checked yet: the first look at a connection string loads Npgsql, which the main thread need not wait for.</param>
        public static Opening Start(string connectionString, string? checkAs = null) => new(connectionString, Task.Run(() =>
        {
            if (checkAs is not null) WarehouseLocation.Checked(connectionString, checkAs);
            var db = DataSource(connectionString);
            // Synchronous: the asynchronous open would compile a dozen more methods on every start, for a connection
            // that is waited for anyway.
            try { return (db, db.OpenConnection()); }
            catch
            {
                db.Dispose();
                throw;
            }
        }));

        /// <summary>Null when MONITOR_DB is not set. When it is not a connection string, the opening fails with the
        /// message that says so, after the settings are checked, as when it is read in its turn.</summary>
        public static Opening? StartFromEnvironment() =>
            WarehouseLocation.RawFromEnvironment() is { } fromEnvironment ? Start(fromEnvironment, checkAs: WarehouseLocation.EnvironmentVariable) : null;

        /// <summary>Lets the opening finish (its failure is not the one to report) and closes what it opened.</summary>
        public async Task AbandonAsync()
        {
            try
            {
                var (db, first) = await Ready;
                await first.DisposeAsync();
                await db.DisposeAsync();
            }
            catch (Exception) { /* the error being reported is another one */ }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (services.IsValueCreated) await services.Value.DisposeAsync();
        await Db.DisposeAsync();
    }
}
