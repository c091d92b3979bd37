using System.Diagnostics;

namespace Monitor.Tests.Support;

/// <summary>Runs the real `monitor` executable (built beside the tests) with environment configuration, as an operator would.</summary>
public static class MonitorProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string workDir, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "monitor"))
        {
            WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MONITOR_", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(key);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout, await stderr);
    }
}
