using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Bench;

/// <summary>
/// A database of the bench's own beside the user's warehouse on the same server (embedded or MONITOR_DB): created
/// fresh and migrated at the start, dropped at the end, so the user's data is never touched.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly bool _keep;

    public string Name { get; }
    public string ConnectionString { get; }
    public NpgsqlDataSource Db { get; }

    private BenchDatabase(string admin, string name, string connectionString, bool keep)
    {
        (_admin, Name, ConnectionString, _keep) = (admin, name, connectionString, keep);
        Db = NpgsqlDataSource.Create(connectionString);
    }

    /// <param name="serverConnectionString">Any connection string to the server (its database is replaced).</param>
    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString, string name, bool keep = false)
    {
        var cs = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, CommandTimeout = 0 };
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await DropAsync(admin, name);
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            try { await Execute(conn, $"CREATE DATABASE \"{name}\""); }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new InvalidOperationException(
                    $"De benchmark maakt een eigen database {name} naast het magazijn, maar deze gebruiker mag geen databases maken (CREATEDB).", e);
            }
        }
        var db = new BenchDatabase(admin, name, cs.ConnectionString, keep);
        await new Migrator(db.Db).MigrateAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (!_keep) await DropAsync(_admin, Name);
    }

    private static async Task DropAsync(string admin, string name)
    {
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await Execute(conn, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task Execute(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
