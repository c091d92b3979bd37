using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Deploy;

/// <summary>
/// A login role on the test cluster whose password has every character that breaks a hand-made connection string
/// (';', '=', both quotes, a space, a backslash), and optionally an empty database it owns. Roles are cluster-wide, so
/// each gets a name of its own.
/// </summary>
public sealed record PasswordRole(string Host, int Port, string Name, string Password, string? Database)
{
    public const string AwkwardPassword = "wa;cht=wo\"ord'met spatie\\en;Password=fout";
    private static int _counter;

    public static async Task<PasswordRole> CreateAsync(bool withDatabase)
    {
        var cluster = new NpgsqlConnectionStringBuilder(TestCluster.TemplateConnectionString);
        var suffix = $"{System.Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        var role = new PasswordRole(cluster.Host!, cluster.Port, $"pw_{suffix}", AwkwardPassword, withDatabase ? $"pw_{suffix}" : null);
        var admin = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        // CREATE ROLE and CREATE DATABASE take no parameters: format() quotes the values server-side (%I, %L).
        await ExecuteFormattedAsync(conn, "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', @a, @b)", role.Name, role.Password);
        if (role.Database is not null)
            await ExecuteFormattedAsync(conn, "SELECT format('CREATE DATABASE %I OWNER %I', @a, @b)", role.Database, role.Name);
        return role;
    }

    private static async Task ExecuteFormattedAsync(NpgsqlConnection conn, string formatSql, string a, string b)
    {
        await using var format = new NpgsqlCommand(formatSql, conn);
        format.Parameters.AddWithValue("a", a);
        format.Parameters.AddWithValue("b", b);
        var statement = (string)(await format.ExecuteScalarAsync())!;
        await using var run = new NpgsqlCommand(statement, conn);
        await run.ExecuteNonQueryAsync();
    }

    /// <summary>The separate settings, as docker-compose.yml passes them (MONITOR_Warehouse__…).</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["MONITOR_Warehouse__Host"] = Host,
        ["MONITOR_Warehouse__Port"] = Port.ToString(),
        ["MONITOR_Warehouse__Database"] = Database ?? "postgres",
        ["MONITOR_Warehouse__Username"] = Name,
        ["MONITOR_Warehouse__Password"] = Password,
    };

    /// <summary>A connection of the test itself to the role's database (built by the builder too, as the test's own).</summary>
    public NpgsqlDataSource DataSource() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder
    {
        Host = Host, Port = Port, Database = Database ?? "postgres", Username = Name, Password = Password, Pooling = false,
    }.ConnectionString);
}
