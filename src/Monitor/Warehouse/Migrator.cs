using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Monitor.Warehouse;

/// <summary>
/// Applies sql/migrations/NNNN_name.sql in order, each once, each in its own transaction, recorded in
/// monitor.schema_migrations. Forward-only: an applied file that changed afterwards is an error, not a silent skip.
/// What a migration says to the operator (RAISE NOTICE, e.g. a statement only a superuser can run) goes to
/// <paramref name="tell"/>; PostgreSQL's own notices ("already exists, skipping") do not.
/// </summary>
public sealed class Migrator(NpgsqlDataSource db, Action<string>? tell = null)
{
    public static string MigrationsFolder => Path.Combine(AppContext.BaseDirectory, "sql", "migrations");

    public sealed record Migration(int Version, string Name, string Sql, string Checksum);

    public static IReadOnlyList<Migration> Load(string folder)
    {
        var list = new List<Migration>();
        foreach (var path in Directory.GetFiles(folder, "*.sql"))
        {
            var file = Path.GetFileNameWithoutExtension(path);
            var sep = file.IndexOf('_');
            if (sep <= 0 || !int.TryParse(file[..sep], out var version))
                throw new InvalidOperationException($"Migratiebestand {file}.sql moet heten als 0001_naam.sql.");
            var sql = File.ReadAllText(path);
            list.Add(new Migration(version, file[(sep + 1)..], sql, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))));
        }
        // Sorted and checked without LINQ's grouping: every verb loads this list, and LINQ over an int key is code the
        // precompiled build lacks and each start compiles again (cli_gaps_ms).
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < list.Count; i++)
            if (list[i].Version == list[i - 1].Version) throw new InvalidOperationException($"Twee migraties met versie {list[i].Version}.");
        return list;
    }

    /// <returns>The migrations applied by this call (empty when the database was up to date).</returns>
    public Task<IReadOnlyList<Migration>> MigrateAsync(string? folder = null, CancellationToken ct = default) =>
        MigrateAsync(Load(folder ?? MigrationsFolder), ct);

    /// <param name="migrations">As <see cref="Load"/> read them (a caller may read them while the connection opens).</param>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        if (tell is not null)
            conn.Notice += (_, e) => { if (e.Notice.SqlState == PostgresErrorCodes.SuccessfulCompletion) tell(e.Notice.MessageText); };
        // Every verb migrates before it runs. On a warehouse that is up to date (nearly always) one read of the recorded
        // checksums settles it, without the lock and the DDL below: on the command line those cost more than the verb's own query.
        if (UpToDate(conn, migrations)) return [];
        // Two services starting at once must not both apply the same file.
        await conn.ExecuteAsync("SELECT pg_advisory_lock(hashtext('monitor:migrate'))");
        try
        {
            await conn.ExecuteAsync("""
                CREATE SCHEMA IF NOT EXISTS monitor;
                CREATE TABLE IF NOT EXISTS monitor.schema_migrations (
                    version    int PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var applied = (await conn.QueryAsync<(int Version, string Checksum)>(
                "SELECT version, checksum FROM monitor.schema_migrations")).ToDictionary(r => r.Version, r => r.Checksum);
            var done = new List<Migration>();
            foreach (var m in migrations)
            {
                if (applied.TryGetValue(m.Version, out var checksum))
                {
                    if (checksum != m.Checksum)
                        throw new InvalidOperationException(
                            $"Migratie {m.Version:0000}_{m.Name} is gewijzigd nadat hij is toegepast. Migraties zijn alleen vooruit: voeg een nieuwe toe.");
                    continue;
                }
                await using var tx = await conn.BeginTransactionAsync(ct);
                await conn.ExecuteAsync(new CommandDefinition(m.Sql, transaction: tx, cancellationToken: ct, commandTimeout: 0));
                await conn.ExecuteAsync("INSERT INTO monitor.schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
                    new { m.Version, m.Name, m.Checksum }, tx);
                await tx.CommitAsync(ct);
                done.Add(m);
            }
            return done;
        }
        finally
        {
            await conn.ExecuteAsync("SELECT pg_advisory_unlock(hashtext('monitor:migrate'))");
        }
    }

    /// <summary>Every migration file recorded with its own checksum. A changed or missing one takes the full path, which
    /// applies it or reports it under the lock. Synchronous: it is one small read, and <see cref="Hosting.MonitorContext"/>
    /// runs it on a thread of its own while the configuration is read.</summary>
    public static bool UpToDate(NpgsqlConnection conn, IReadOnlyList<Migration> migrations)
    {
        var applied = new Dictionary<int, string>();
        try
        {
            // One question, not first whether the table exists: a round trip and a plan less on every start.
            using var read = new NpgsqlCommand("SELECT version, checksum FROM monitor.schema_migrations", conn);
            using var reader = read.ExecuteReader();
            while (reader.Read()) applied[reader.GetInt32(0)] = reader.GetString(1);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return false; // a new database: the full path creates the table
        }
        foreach (var m in migrations)
            if (!applied.TryGetValue(m.Version, out var checksum) || checksum != m.Checksum) return false;
        return true;
    }
}
