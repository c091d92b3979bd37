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

    private MonitorContext(IConfiguration config, string connectionString)
    {
        Config = config;
        ConnectionString = connectionString;
        var builder = new NpgsqlDataSourceBuilder(ForShortCommands(connectionString));
        builder.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        Db = builder.Build();
        services = new(() => new ServiceCollection().AddMonitorServices(config, Db).BuildServiceProvider());
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
        config ??= LoadConfiguration();
        StartupSettings.Check(config); // issue 15: a wrong Serve/Schedule setting stops every verb, before the warehouse is touched
        var cs = WarehouseLocation.Resolve(config, msg => Console.Error.WriteLine(msg));
        var ctx = new MonitorContext(config, cs);
        try
        {
            // Connect once up front, so a wrong setting is reported as such and not as the first query's failure.
            if (migrate) await new Migrator(ctx.Db, Console.Error.WriteLine).MigrateAsync();
            else await (await ctx.Db.OpenConnectionAsync()).DisposeAsync();
        }
        catch (Exception e) when (ConnectionFailure.Describe(e, cs, ConnectionFailure.SettingName(config)) is { } why)
        {
            await ctx.DisposeAsync();
            throw new InvalidOperationException(why, e);
        }
        return ctx;
    }

    public async ValueTask DisposeAsync()
    {
        if (services.IsValueCreated) await services.Value.DisposeAsync();
        await Db.DisposeAsync();
    }
}
