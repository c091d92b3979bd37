using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Monitor.Warehouse;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own, listening on a loopback port only.
/// Used as the embedded default warehouse (./.monitor/pg) and as the tests' throwaway database. The port is a free one
/// unless <paramref name="choosePort"/> says otherwise (tests use it to hand out a port that is already taken).
/// </summary>
public sealed class LocalCluster(string dataDir, bool fastAndUnsafe = false, Func<int>? choosePort = null)
{
    public const string Database = "monitor";
    public const string User = "monitor";

    public string DataDir { get; } = Path.GetFullPath(dataDir);
    private string PasswordFile => Path.Combine(Path.GetDirectoryName(DataDir)!, Path.GetFileName(DataDir) + ".password");
    private string LogFile => Path.Combine(Path.GetDirectoryName(DataDir)!, Path.GetFileName(DataDir) + ".log");

    /// <summary>Initialises the cluster when needed, starts it when it is not running, and returns a connection string.</summary>
    /// <remarks>The database is made when the cluster is started here. A running cluster was started by an earlier call,
    /// which made it: asking again cost every command-line verb a second connection, more than its own query
    /// (cli_gaps_ms). Should it be gone all the same, the first connection says so (ConnectionFailure), and a stop and
    /// start of the cluster makes it again.</remarks>
    public string EnsureRunning()
    {
        var port = RunningPort();
        var started = port is null;
        if (port is null)
        {
            var bin = PostgresBinaries.FindBinDir();
            if (!File.Exists(Path.Combine(DataDir, "PG_VERSION"))) Initialise(bin);
            port = Start(bin);
        }
        var cs = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port.Value, Database = Database, Username = User,
            Password = File.ReadAllText(PasswordFile).Trim(), Pooling = true, MaxPoolSize = 20,
        };
        if (started) EnsureDatabase(cs);
        return cs.ConnectionString;
    }

    /// <returns>Whether a running cluster was stopped (false: there was none, or nothing here at all).</returns>
    public bool Stop()
    {
        if (!File.Exists(Path.Combine(DataDir, "postmaster.pid"))) return false;
        var (code, _) = PostgresBinaries.Run(PostgresBinaries.FindBinDir(), "pg_ctl", "-D", DataDir, "-m", "fast", "-w", "stop");
        return code == 0;
    }

    private void Initialise(string bin)
    {
        var parent = Path.GetDirectoryName(DataDir)!;
        Directory.CreateDirectory(parent);
        Directory.CreateDirectory(DataDir);
        if (!File.Exists(PasswordFile))
        {
            File.WriteAllText(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var pwCopy = Path.Combine(DataDir, "..", Path.GetFileName(DataDir) + ".pwinit");
        File.Copy(PasswordFile, pwCopy, overwrite: true);
        if (PostgresBinaries.RunningAsRoot) { Chown(DataDir); Chown(pwCopy); Chown(parent, recursive: false); }
        try
        {
            var (code, output) = PostgresBinaries.Run(bin, "initdb", "-D", DataDir, "-U", User, "--pwfile", Path.GetFullPath(pwCopy),
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            if (code != 0) throw new InvalidOperationException($"initdb mislukte in {DataDir}:\n{output}");
        }
        finally { File.Delete(pwCopy); }
    }

    private int Start(string bin)
    {
        // The free port is found by binding and releasing it; another process may take it before PostgreSQL binds it.
        // That is rare, and another free port then does.
        for (var attempt = 1; ; attempt++)
        {
            try { return Start(bin, (choosePort ?? FreeLoopbackPort)()); }
            catch (PortTakenException) when (attempt < 3) { }
        }
    }

    private sealed class PortTakenException(string message) : InvalidOperationException(message);

    private int Start(string bin, int port)
    {
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200" +
            // A private cluster has no replicas: minimal WAL lets bulk loads into freshly emptied tables skip the WAL entirely.
            " -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=2GB";
        if (fastAndUnsafe) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        if (PostgresBinaries.RunningAsRoot && !File.Exists(LogFile)) { File.WriteAllText(LogFile, ""); Chown(LogFile); }
        var (code, output) = PostgresBinaries.Run(bin, "pg_ctl", "-D", DataDir, "-l", LogFile, "-o", options, "-w", "-t", "60", "start");
        if (code != 0)
        {
            var log = File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(20)) : "";
            var message = $"PostgreSQL starten mislukte ({DataDir}):\n{output}\n{log}";
            throw log.Contains($"port {port}") && log.Contains("Address already in use") ? new PortTakenException(message) : new InvalidOperationException(message);
        }
        return port;
    }

    /// <summary>The port from postmaster.pid when that postmaster is alive; null when the cluster is down.</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDir, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        string[] lines;
        try { lines = File.ReadAllLines(pidFile); } catch (UnauthorizedAccessException) { return null; }
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        if (!Directory.Exists($"/proc/{pid}")) return null;
        return port;
    }

    private static void EnsureDatabase(NpgsqlConnectionStringBuilder cs)
    {
        var admin = new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Database = "postgres", Pooling = false };
        using var conn = new NpgsqlConnection(admin.ConnectionString);
        conn.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = cs.Database } } };
        if (exists.ExecuteScalar() is null)
            using (var create = new NpgsqlCommand($"CREATE DATABASE \"{cs.Database}\"", conn)) create.ExecuteNonQuery();
    }

    public static int FreeLoopbackPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static void Chown(string path, bool recursive = true)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("chown") { UseShellExecute = false };
        if (recursive) psi.ArgumentList.Add("-R");
        psi.ArgumentList.Add("postgres:postgres");
        psi.ArgumentList.Add(path);
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.WaitForExit();
    }
}
