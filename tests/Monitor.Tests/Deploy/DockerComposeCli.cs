using System.Diagnostics;
using Monitor.Tests.Support;

namespace Monitor.Tests.Deploy;

/// <summary>
/// Debian's docker-compose 1.29 (apt package docker-compose; ./run-tests installs it): it reads and checks a compose
/// file without a Docker engine. A test that needs it is skipped, with the reason, where it is not installed.
/// </summary>
public static class DockerComposeCli
{
    public static readonly string? Executable = Find();

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, "docker-compose");
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>
    /// Runs docker-compose in the repository with <paramref name="envFile"/> as its .env and nothing of this process's
    /// own environment that compose would read (a POSTGRES_PASSWORD exported in the shell would win over the file).
    /// </summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string envFile, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("docker-compose is niet geïnstalleerd"))
        {
            WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add("--env-file");
        psi.ArgumentList.Add(envFile);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var example = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".env.example"))
            .Select(l => l.TrimStart('#', ' ')).Where(l => l.Contains('=')).Select(l => l.Split('=')[0].Trim());
        foreach (var key in example.Concat(["COMPOSE_FILE", "COMPOSE_PROFILES", "COMPOSE_PROJECT_NAME"])) psi.Environment.Remove(key);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A fact that needs docker-compose: skipped (not silently passed) where it is not installed.</summary>
public sealed class DockerComposeFactAttribute : FactAttribute
{
    public DockerComposeFactAttribute()
    {
        if (DockerComposeCli.Executable is null)
            Skip = "docker-compose (Debian 1.29) is niet geïnstalleerd; ./run-tests installeert het (scripts/ensure-test-tools.sh).";
    }
}
