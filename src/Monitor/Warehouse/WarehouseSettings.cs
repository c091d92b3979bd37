using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Monitor.Warehouse;

/// <summary>
/// The warehouse as separate settings: Warehouse:Host, Port, Database, Username and Password (in the environment
/// MONITOR_Warehouse__Host and so on). Npgsql's builder combines them and quotes each value, so no character in a
/// password (';', '=', quotes, spaces) can break the connection string, as it can when a person or a compose file
/// pastes the password into "Host=…;Password=…".
/// </summary>
public static class WarehouseSettings
{
    public const string Section = "Warehouse";

    /// <summary>The connection string from the section, or null when the section names no host.</summary>
    public static string? ConnectionString(IConfiguration config)
    {
        var s = config.GetSection(Section);
        if (string.IsNullOrWhiteSpace(s["Host"]))
        {
            // Half a configuration would otherwise fall through to the embedded cluster, which looks like it worked.
            var given = new[] { "Port", "Database", "Username", "Password" }.Where(k => !string.IsNullOrEmpty(s[k])).ToList();
            if (given.Count > 0)
                throw new InvalidOperationException($"{Section}:{string.Join(", ", given)} is ingesteld maar {Section}:Host niet; " +
                                                    $"zet ook MONITOR_{Section}__Host (de naam of het adres van de PostgreSQL-server).");
            return null;
        }
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = s["Host"]!.Trim(),
            Database = Blank(s["Database"]),
            Username = Blank(s["Username"]),
            // Not trimmed: a space may be part of a password.
            Password = string.IsNullOrEmpty(s["Password"]) ? null : s["Password"],
        };
        if (Blank(s["Port"]) is { } port)
            b.Port = int.TryParse(port, out var p) && p is > 0 and < 65536 ? p
                : throw new InvalidOperationException($"{Section}:Port '{port}' is geen poortnummer (1–65535).");
        return b.ConnectionString;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
