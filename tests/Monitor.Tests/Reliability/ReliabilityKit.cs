using System.Diagnostics;
using System.Text;
using Dapper;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Reliability;

/// <summary>Large deliveries, polling with a deadline, and a look into the server's activity: shared by the fault tests.</summary>
internal static class ReliabilityKit
{
    private static readonly Lazy<string[]> GemeenteCodes = new(() => File.ReadLines(RepoPaths.Samples("feeds", "gemeenten.csv"))
        .Skip(1).Select(l => l.Split(';')[0]).ToArray());

    public const string PlekkenHeader = "peildatum,opgave,gemeentecode,locatiecode,locatienaam,status,capaciteit,bezetting,beschikbaar_vanaf,beschikbaar_tot";

    /// <summary>A plekken snapshot of <paramref name="rows"/> locations spread over every gemeente (about 70 bytes a row),
    /// the same bytes for the same arguments.</summary>
    public static string PlekkenCsv(int rows, string peildatum = "2025-06-01", int seed = 0, IReadOnlyList<string>? gemeenten = null)
    {
        var codes = gemeenten ?? GemeenteCodes.Value;
        var sb = new StringBuilder(rows * 80).Append(PlekkenHeader).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var capaciteit = (i * 7 + seed * 13) % 400 + 1;
            sb.Append(peildatum).Append(i % 5 == 0 ? ",amv," : ",asiel,").Append(codes[i % codes.Count])
              .Append(",L").Append(i.ToString("D7")).Append(",Locatie ").Append(i)
              .Append(",beschikbaar,").Append(capaciteit).Append(',').Append(capaciteit / 2).Append(",2024-0").Append(i % 9 + 1).Append("-01,\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// A small warehouse: the first 12 gemeenten of the sample reference data (three provincies), with the taakstelling
    /// and housing figures of the samples for those gemeenten. A full computation of it takes about a second instead of
    /// the quarter minute of all 342 gemeenten, so a test can afford a killed run, its retry and a clean run.
    /// </summary>
    public static readonly string[] SmallWorld = GemeenteCodesFirst(12);

    private static string[] GemeenteCodesFirst(int n) => File.ReadLines(RepoPaths.Samples("feeds", "gemeenten.csv")).Skip(1).Take(n)
        .Select(l => l.Split(';')[0]).ToArray();

    public static async Task LoadSmallWorldAsync(NpgsqlDataSource db)
    {
        var dir = Directory.CreateTempSubdirectory("monitor-small-").FullName;
        try
        {
            // The gemeenten file is Windows-1252, as Excel saves it: copied line by line as bytes (Latin-1 keeps them).
            var gemeenten = Path.Combine(dir, "gemeenten.csv");
            await File.WriteAllLinesAsync(gemeenten, File.ReadLines(RepoPaths.Samples("feeds", "gemeenten.csv"), Encoding.Latin1).Take(1 + SmallWorld.Length), Encoding.Latin1);
            await IngestAcceptedAsync(db, "gemeenten", gemeenten);
            await IngestAcceptedAsync(db, "opgave", await FilteredAsync(dir, RepoPaths.Samples("feeds", "opgave", "taakstelling-2025-03-31.csv")));
            await IngestAcceptedAsync(db, "huisvesting", await FilteredAsync(dir, RepoPaths.Samples("feeds", "huisvesting", "huisvesting-2025-H1.csv")));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static async Task<string> FilteredAsync(string dir, string source)
    {
        var lines = File.ReadLines(source).ToList();
        var path = Path.Combine(dir, Path.GetFileName(source));
        await File.WriteAllLinesAsync(path, lines.Take(1).Concat(lines.Skip(1).Where(l => SmallWorld.Any(l.Contains))));
        return path;
    }

    private static async Task IngestAcceptedAsync(NpgsqlDataSource db, string kind, string path)
    {
        var r = await db.IngestFileAsync(kind, path);
        Assert.True(r.Outcome == Monitor.Feeds.IngestOutcome.Accepted, $"{path}: {r.Outcome} {string.Join("; ", r.Problems)}");
    }

    public static async Task<string> WriteAsync(string directory, string name, string content)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false));
        // Drop folders wait for files to settle; tests set the settle time to zero, but never leave a file "just written".
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        return path;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, or fails the test with <paramref name="what"/> at the deadline.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? every = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout) Assert.Fail($"Niet binnen {timeout.TotalSeconds:0} s: {what}");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(25));
        }
    }

    /// <summary>Backends of this database (other than the caller's) running a statement LIKE <paramref name="pattern"/>
    /// (of a batch, pg_stat_activity shows the statement being executed), optionally only those waiting for a lock.</summary>
    public static async Task<long> ActiveAsync(NpgsqlDataSource db, string pattern, bool waitingOnLock = false)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
              AND ltrim(query) LIKE @pattern AND (NOT @waitingOnLock OR wait_event_type = 'Lock')
            """, new { pattern, waitingOnLock });
    }

    public static async Task<List<(long Id, string Feed, string Outcome, string Sha, long? DuplicateOf)>> DeliveriesAsync(NpgsqlDataSource db, string? kind = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<(long, string, string, string, long?)>("""
            SELECT id, feed, outcome, encode(sha256, 'hex'), duplicate_of FROM monitor.deliveries
            WHERE @kind IS NULL OR kind = @kind ORDER BY id
            """, new { kind })).ToList();
    }

    public sealed record HangfireJob(long Id, string Type, string Method, string State, string Arguments);

    /// <summary>Every job in Hangfire's storage, oldest first: type and method of the invocation, current state, arguments.</summary>
    public static async Task<List<HangfireJob>> HangfireJobsAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<(long, string, string, string?, string)>("""
            SELECT id, invocationdata->>'Type', invocationdata->>'Method', statename, coalesce(arguments::text, '') FROM hangfire.job ORDER BY id
            """)).Select(j => new HangfireJob(j.Item1, j.Item2, j.Item3, j.Item4 ?? "", j.Item5)).ToList();
    }

    /// <summary>Every state a job went through, in order, with the server that processed it (for Processing).</summary>
    public static async Task<List<(string Name, string? ServerId, DateTime At)>> HangfireStatesAsync(NpgsqlDataSource db, long jobId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<(string, string?, DateTime)>(
            "SELECT name, data->>'ServerId', createdat FROM hangfire.state WHERE jobid = @jobId ORDER BY id", new { jobId })).ToList();
    }

    /// <summary>Hangfire's storage in the warehouse, as <c>monitor serve</c> configures it: for enqueuing and triggering from a test.</summary>
    public static PostgreSqlStorage HangfireStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}

/// <summary>
/// The real <c>monitor</c> executable in a child process (monitor.dll beside the tests), pointed at a test database
/// through MONITOR_DB, with further configuration as MONITOR_* environment variables and its own working folder.
/// Output is collected for failure messages. <see cref="Kill"/> is SIGKILL: no finally, no Dispose, no goodbye.
/// </summary>
internal sealed class MonitorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private MonitorProcess(Process process) => _process = process;

    public static MonitorProcess Start(string connectionString, string workingDirectory, IDictionary<string, string>? settings, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["MONITOR_DB"] = connectionString;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.Environment["MONITOR_" + key] = value;
        var process = Process.Start(psi)!;
        var mp = new MonitorProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (mp._output) mp._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (mp._output) mp._output.AppendLine("! " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return mp;
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { Kill(); Assert.Fail($"monitor (pid {Id}) liep na {timeout.TotalSeconds:0} s nog:\n{Output}"); }
        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    private bool _disposed;

    public ValueTask DisposeAsync()
    {
        if (_disposed) return ValueTask.CompletedTask;
        _disposed = true;
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The tests that start processes, kill them or restart a database run one after another, not beside each other:
/// they are timed against deadlines, and two of them at once on two cores would only measure the machine.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityProcesses
{
    public const string Name = "Betrouwbaarheid: processen, kills en herstarts";
}
