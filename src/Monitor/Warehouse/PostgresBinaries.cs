using System.Diagnostics;

namespace Monitor.Warehouse;

/// <summary>Finds the installed PostgreSQL server binaries (initdb, pg_ctl).</summary>
public static class PostgresBinaries
{
    /// <summary>The directory holding initdb and pg_ctl; MONITOR_PG_BIN wins, then the newest Debian layout, then PATH.</summary>
    public static string FindBinDir()
    {
        var fromEnv = Environment.GetEnvironmentVariable("MONITOR_PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnv))
            return File.Exists(Path.Combine(fromEnv, "initdb")) ? fromEnv
                : throw new InvalidOperationException($"MONITOR_PG_BIN={fromEnv} bevat geen initdb.");

        // Debian installs each major version side by side; the newest one is the sensible default.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (dir: Path.Combine(d, "bin"), version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.dir, "initdb")))
                .OrderByDescending(x => x.version)
                .FirstOrDefault();
            if (newest.dir is not null) return newest.dir;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                return dir;

        throw new InvalidOperationException(
            "PostgreSQL-serverprogramma's (initdb, pg_ctl) niet gevonden. Installeer ze met 'apt-get install -y postgresql', " +
            "zet MONITOR_PG_BIN, of geef een bestaande database op met MONITOR_DB.");
    }

    /// <summary>PostgreSQL refuses to run as root, so as root every server command runs as the postgres user.</summary>
    public static bool RunningAsRoot => Environment.UserName == "root" || geteuid() == 0;

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();

    public static (int exitCode, string output) Run(string binDir, string program, params string[] args)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (RunningAsRoot)
        {
            psi.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", Path.Combine(binDir, program) }) psi.ArgumentList.Add(a);
        }
        else psi.FileName = Path.Combine(binDir, program);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Keep server processes out of the caller's locale quirks; messages are read by people in logs only.
        psi.Environment["LC_ALL"] = "C.UTF-8";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Kon {program} niet starten.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
