using System.Diagnostics;

namespace Monitor.Bench;

/// <summary>
/// The command line as an operator meets it: wall time of the built executable and of the <c>./monitor</c> wrapper,
/// each a fresh process from start to exit (runtime start, configuration, connection, query, printing).
/// </summary>
public static class CliBench
{
    /// <summary>Wall-clock milliseconds of one run; a run that fails stops the figure rather than timing an error.</summary>
    public static async Task<double> TimeAsync(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileName(program) == "monitor.dll") psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, ArgumentList = { program } };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The bench's own settings must not leak in: a forced rebuild, or another warehouse.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MONITOR_", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(key);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{program} kon niet worden gestart.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} faalde ({p.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}");
        return ms;
    }

    /// <summary>The executable this bench runs as (the apphost beside it), or monitor.dll when only that exists.</summary>
    public static string Executable()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, "monitor");
        return File.Exists(apphost) ? apphost : Path.Combine(AppContext.BaseDirectory, "monitor.dll");
    }

    /// <summary>The checkout holding the <c>./monitor</c> wrapper, found upwards from the executable (.monitor/bin, or a
    /// test's bin folder); null in a deployment without sources.</summary>
    public static string? Checkout()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "monitor")) && File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>Why the wrapper would build now (the same test as its needs_build: anything under src/, sql/ or the build
    /// files newer than the stamp), or null when it would only start the program. Timing a build is not the overhead.</summary>
    public static string? WrapperWouldBuild(string checkout)
    {
        var bin = Path.Combine(checkout, ".monitor", "bin", "monitor");
        var stamp = new FileInfo(Path.Combine(checkout, ".monitor", "build.stamp"));
        if (!File.Exists(bin) || !stamp.Exists) return "er is nog geen gebouwde .monitor/bin/monitor";
        var roots = new[] { "src", "sql" }.Select(r => Path.Combine(checkout, r)).Where(Directory.Exists);
        var entries = roots.SelectMany(r => new[] { r }.Concat(Directory.EnumerateFileSystemEntries(r, "*", SearchOption.AllDirectories)))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !p.EndsWith($"{Path.DirectorySeparatorChar}bin") && !p.EndsWith($"{Path.DirectorySeparatorChar}obj"))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props" }.Select(f => Path.Combine(checkout, f)).Where(File.Exists));
        var newer = entries.FirstOrDefault(p => (Directory.Exists(p) ? Directory.GetLastWriteTimeUtc(p) : File.GetLastWriteTimeUtc(p)) > stamp.LastWriteTimeUtc);
        return newer is null ? null : $"{Path.GetRelativePath(checkout, newer)} is nieuwer dan de laatste bouw";
    }
}
