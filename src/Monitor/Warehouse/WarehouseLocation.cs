using Microsoft.Extensions.Configuration;

namespace Monitor.Warehouse;

/// <summary>Decides which PostgreSQL the Monitor uses: MONITOR_DB, then ConnectionStrings:Warehouse, then the embedded cluster.</summary>
public static class WarehouseLocation
{
    public const string EmbeddedFolder = ".monitor/pg";

    public static string Resolve(IConfiguration config, Action<string>? tell = null)
    {
        var fromEnv = Environment.GetEnvironmentVariable("MONITOR_DB");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        var fromConfig = config.GetConnectionString("Warehouse");
        if (!string.IsNullOrWhiteSpace(fromConfig)) return fromConfig;

        var dir = Path.Combine(Directory.GetCurrentDirectory(), EmbeddedFolder);
        tell?.Invoke($"Geen MONITOR_DB ingesteld: ingebouwde PostgreSQL in {dir}");
        return new LocalCluster(dir).EnsureRunning();
    }

    /// <summary>Connection strings carry passwords; anything shown to a person goes through this.</summary>
    public static string Describe(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database} als {b.Username}";
    }
}
