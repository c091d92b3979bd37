using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Monitor.Bench;

/// <summary>
/// CPU seconds spent by this process and by the PostgreSQL server (the postmaster and all its processes, when the server
/// runs on this machine). On a shared machine wall time says little; the CPU split says which side a phase waits on.
/// </summary>
public sealed class CpuMeter
{
    private readonly int? _postmaster;
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    public static async Task<CpuMeter> ForAsync(NpgsqlDataSource db)
    {
        try
        {
            await using var conn = await db.OpenConnectionAsync();
            await using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", conn);
            var backend = (int)(await cmd.ExecuteScalarAsync())!;
            return new CpuMeter(ParentOf(backend));
        }
        catch (IOException) { return new CpuMeter(null); }
    }

    public (double Client, double? Server) Now() =>
        (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, _postmaster is { } pm ? ServerSeconds(pm) : null);

    private static int? ParentOf(int pid)
    {
        var stat = Stat(pid);
        return stat is null ? null : int.Parse(stat[1], CultureInfo.InvariantCulture);
    }

    /// <summary>utime + stime of the postmaster's children alive now, plus cutime + cstime of the postmaster (children that exited).</summary>
    private static double? ServerSeconds(int postmaster)
    {
        var own = Stat(postmaster);
        if (own is null) return null;
        double ticks = long.Parse(own[11]) + long.Parse(own[12]) + long.Parse(own[13]) + long.Parse(own[14]);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var s = Stat(pid);
            if (s is not null && s[1] == postmaster.ToString(CultureInfo.InvariantCulture)) ticks += long.Parse(s[11]) + long.Parse(s[12]);
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
