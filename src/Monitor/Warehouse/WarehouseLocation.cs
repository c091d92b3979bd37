using Microsoft.Extensions.Configuration;

namespace Monitor.Warehouse;

/// <summary>
/// Decides which PostgreSQL the Monitor uses: MONITOR_DB, then ConnectionStrings:Warehouse, then the separate settings
/// of section Warehouse (<see cref="WarehouseSettings"/>), then the embedded cluster.
/// </summary>
public static class WarehouseLocation
{
    public const string EmbeddedFolder = ".monitor/pg";

    public static string Resolve(IConfiguration config, Action<string>? tell = null)
    {
        if (FromEnvironment() is { } fromEnv) return fromEnv;
        var fromConfig = config.GetConnectionString("Warehouse");
        if (!string.IsNullOrWhiteSpace(fromConfig)) return Checked(fromConfig, "ConnectionStrings:Warehouse");
        if (WarehouseSettings.ConnectionString(config) is { } fromParts) return fromParts;

        var dir = Path.Combine(Directory.GetCurrentDirectory(), EmbeddedFolder);
        tell?.Invoke($"Geen MONITOR_DB ingesteld: ingebouwde PostgreSQL in {dir}");
        return new LocalCluster(dir).EnsureRunning();
    }

    /// <summary>MONITOR_DB, checked, or null when it is not set: it wins over every configuration file, so it can be
    /// used before they are read.</summary>
    public static string? FromEnvironment() => RawFromEnvironment() is { } fromEnv ? Checked(fromEnv, EnvironmentVariable) : null;

    /// <summary>MONITOR_DB as set, not yet checked (<see cref="Checked"/>); null when it is not set.</summary>
    public static string? RawFromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { } fromEnv && !string.IsNullOrWhiteSpace(fromEnv) ? fromEnv : null;

    public const string EnvironmentVariable = "MONITOR_DB";

    /// <summary>
    /// Npgsql's complaint about a malformed connection string quotes pieces of it: an unquoted ';' in a password gives
    /// "Couldn't set wachtwoord;timeout", half the password. So the complaint is replaced by one that quotes nothing.
    /// </summary>
    internal static string Checked(string connectionString, string source)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // Worded without "Password=": the scrubber would mask the example itself.
            throw new InvalidOperationException($"{source} is geen geldige verbindingsreeks voor PostgreSQL. Verwacht iets als " +
                "Host=db;Port=5432;Database=monitor;Username=monitor plus het wachtwoord; staat er ; of = in een waarde, zet die waarde " +
                "dan tussen enkele aanhalingstekens ('a;b').");
        }
    }

    /// <summary>Connection strings carry passwords; anything shown to a person goes through this.</summary>
    public static string Describe(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database} als {b.Username}";
    }
}
