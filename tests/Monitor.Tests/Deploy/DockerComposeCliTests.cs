using Monitor.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Monitor.Tests.Deploy;

/// <summary>
/// docker-compose.yml read by docker-compose itself (Debian's 1.29, no engine needed): it parses with and without the
/// demo profile and with the override that publishes PostgreSQL, refuses to start without the secrets, and a password
/// full of ';', '=' and quotes in .env arrives in the monitor's settings unchanged.
/// </summary>
public sealed class DockerComposeCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("monitor-compose-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>.env.example with every empty value filled in (or replaced), as a person fills it in.</summary>
    private string EnvFile(IReadOnlyDictionary<string, string>? values = null)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".env.example")).Select(line =>
        {
            if (line.StartsWith('#') || !line.Contains('=')) return line;
            var key = line.Split('=')[0];
            if (values is not null && values.TryGetValue(key, out var v)) return $"{key}={v}";
            return line.EndsWith('=') ? line + "Proef-" + key.ToLowerInvariant() : line;
        });
        var path = Path.Combine(_dir, $"env-{Guid.NewGuid():N}");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode ServiceOf(YamlMappingNode config, string name) => (YamlMappingNode)((YamlMappingNode)config["services"])[name];

    private static string EnvOf(YamlMappingNode config, string service, string key) =>
        ((YamlScalarNode)((YamlMappingNode)ServiceOf(config, service)["environment"])[key]).Value!;

    [DockerComposeFact]
    public async Task Config_Parses_WithAndWithoutTheDemoProfile_WithoutWarnings()
    {
        var env = EnvFile();
        foreach (var args in new[] { new[] { "config", "-q" }, ["--profile", "demo", "config", "-q"] })
        {
            var (exit, _, err) = await DockerComposeCli.RunAsync(env, null, args);
            Assert.True(exit == 0, $"docker-compose {string.Join(' ', args)}: exit {exit}\n{err}");
            // Warnings are how compose reports a variable that is used but set nowhere.
            Assert.True(err.Trim().Length == 0, err);
        }
        var (_, yaml, _) = await DockerComposeCli.RunAsync(env, null, "--profile", "demo", "config");
        var config = Parse(yaml);
        Assert.Equal(["demo"], ((YamlSequenceNode)ServiceOf(config, "demo")["profiles"]).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal("no", ((YamlScalarNode)ServiceOf(config, "demo")["restart"]).Value);
        Assert.Equal("1000:1000", ((YamlScalarNode)ServiceOf(config, "monitor")["user"]).Value);
    }

    [DockerComposeFact]
    public async Task Config_RefusesToStart_WhileASecretIsMissing()
    {
        var (exit, _, err) = await DockerComposeCli.RunAsync(EnvFile(new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "" }), null, "config", "-q");
        Assert.NotEqual(0, exit);
        Assert.Contains("zet POSTGRES_PASSWORD in .env", err);
    }

    [DockerComposeFact]
    public async Task PostgresOnTheHost_WithTheOverrideFromEnvExample_IsOnLoopbackOnly()
    {
        var env = EnvFile();
        var (_, plain, _) = await DockerComposeCli.RunAsync(env, null, "config");
        Assert.False(ServiceOf(Parse(plain), "postgres").Children.ContainsKey("ports"));

        var line = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".env.example")).Single(l => l.StartsWith("# COMPOSE_FILE="));
        var (exit, yaml, err) = await DockerComposeCli.RunAsync(env, new Dictionary<string, string>
        {
            ["COMPOSE_FILE"] = line.Split('=', 2)[1], ["POSTGRES_HOST_PORT"] = "55432",
        }, "config");
        Assert.True(exit == 0, err);
        var ports = ((YamlSequenceNode)ServiceOf(Parse(yaml), "postgres")["ports"]).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        Assert.Equal(["127.0.0.1:55432:5432/tcp"], ports);
    }

    /// <summary>Unquoted, and single-quoted for the '$' and " #" that mean something in .env (as .env.example says).</summary>
    [DockerComposeTheory]
    [InlineData("wa;cht=wo\"ord'x", "wa;cht=wo\"ord'x")]
    [InlineData("'p$ss #w;o=r\"d'", "p$ss #w;o=r\"d")]
    public async Task APasswordWithSemicolonsEqualsAndQuotes_ReachesPostgresTheMonitorAndTheDemoUnchanged(string inEnvFile, string password)
    {
        var env = EnvFile(new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = inEnvFile });
        var (exit, yaml, err) = await DockerComposeCli.RunAsync(env, null, "--profile", "demo", "config");
        Assert.True(exit == 0, err);
        var config = Parse(yaml);
        // `config` writes a file compose can read again, so a literal '$' comes out as '$$'.
        string Value(string service, string key) => EnvOf(config, service, key).Replace("$$", "$");
        Assert.Equal(password, Value("postgres", "POSTGRES_PASSWORD"));
        Assert.Equal(password, Value("monitor", "MONITOR_Warehouse__Password"));
        Assert.Equal(password, Value("demo", "MONITOR_Warehouse__Password"));
    }
}

/// <summary>A theory that needs docker-compose: skipped where it is not installed.</summary>
public sealed class DockerComposeTheoryAttribute : TheoryAttribute
{
    public DockerComposeTheoryAttribute()
    {
        if (DockerComposeCli.Executable is null)
            Skip = "docker-compose (Debian 1.29) is niet geïnstalleerd; ./run-tests installeert het (scripts/ensure-test-tools.sh).";
    }
}
