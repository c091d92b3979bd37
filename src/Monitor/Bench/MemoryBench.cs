using System.Diagnostics;

namespace Monitor.Bench;

/// <summary>
/// Peak memory of <c>monitor ingest</c> as an operator runs it: the real executable in a child process, its peak
/// resident set (VmHWM in /proc/PID/status) sampled until it exits.
/// </summary>
public static class MemoryBench
{
    public sealed record Outcome(int ExitCode, double PeakRssMb, double Seconds, string Output);

    public static async Task<Outcome> IngestInChildAsync(string connectionString, string path, string feed, CancellationToken ct)
    {
        var psi = MonitorProcess("ingest", "--kind", "plekken", "--feed", feed, path);
        psi.Environment["MONITOR_DB"] = connectionString;
        // Each file is its own configured feed: its locations repeat the previous file's, which an unconfigured feed name
        // may not do (it would count every location twice; issue 12).
        psi.Environment["MONITOR_Feeds__0__Name"] = feed;
        psi.Environment["MONITOR_Feeds__0__Kind"] = "plekken";
        psi.Environment["MONITOR_Feeds__0__Location"] = path;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("monitor ingest kon niet worden gestart.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        double peakKb = 0;
        var statusFile = $"/proc/{p.Id}/status";
        while (!p.HasExited)
        {
            // VmHWM is the kernel's own high-water mark, so sampling only has to catch the process before it exits.
            if (ReadKb(statusFile, "VmHWM:") is { } hwm) peakKb = Math.Max(peakKb, hwm);
            try { await p.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(25)).Token); }
            catch (OperationCanceledException) { }
        }
        await p.WaitForExitAsync(ct);
        return new Outcome(p.ExitCode, peakKb / 1024, clock.Elapsed.TotalSeconds, (await stdout).Trim() + (await stderr).Trim());
    }

    /// <summary>The running monitor executable (apphost), or <c>dotnet monitor.dll</c> when started through dotnet.</summary>
    private static ProcessStartInfo MonitorProcess(params string[] args)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    private static double? ReadKb(string statusFile, string field)
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return double.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException) { }              // the process has just exited
        catch (UnauthorizedAccessException) { }
        return null;
    }
}
