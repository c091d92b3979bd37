using Monitor.Dashboards;
using Monitor.Dashboards.Grafana;
using System.Text.RegularExpressions;
using Monitor.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// docker-compose.yml checked without a Docker engine: the services and their health checks, named volumes, secrets
/// from .env.example, ports on 127.0.0.1 only, mounted paths that exist, and a Dockerfile that builds the monitor.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static string Root => RepoPaths.Root;
    private static readonly string ComposeText = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
    private static readonly YamlMappingNode Compose = Provisioning.Load(Path.Combine(Root, "docker-compose.yml"));
    private static YamlMappingNode Services => (YamlMappingNode)Compose["services"];
    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static IEnumerable<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) ? ((YamlSequenceNode)v).Children.Select(c => ((YamlScalarNode)c).Value!) : [];

    private static string? Env(string service, string key) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value : null;

    [Fact]
    public void Services_AreTheFourOfTheStack_EachWithAHealthCheck()
    {
        Assert.Equal(["grafana", "mailpit", "monitor", "postgres"], Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order());
        foreach (var (name, node) in Services.Children)
        {
            var health = (YamlMappingNode)((YamlMappingNode)node)["healthcheck"];
            Assert.NotEmpty(((YamlSequenceNode)health["test"]).Children);
            Assert.Equal("unless-stopped", ((YamlMappingNode)node).Scalar("restart"));
        }
        Assert.Contains("pg_isready", string.Join(" ", Sequence(Service("postgres")["healthcheck"] as YamlMappingNode ?? throw new(), "test")));
        Assert.Contains("/health", string.Join(" ", Sequence((YamlMappingNode)Service("monitor")["healthcheck"], "test")));
    }

    [Fact]
    public void Images_ArePinned()
    {
        Assert.Matches(@"^postgres:1[56](\.\d+)?$", Service("postgres").Scalar("image"));
        Assert.Matches(@"^grafana/grafana-oss:\d+\.\d+\.\d+$", Service("grafana").Scalar("image"));
        Assert.Matches(@"^axllent/mailpit:v\d+\.\d+\.\d+$", Service("mailpit").Scalar("image"));
    }

    [Fact]
    public void Ports_AreBoundToLoopbackOnly_AndPostgresIsNotPublished()
    {
        var ports = Services.Children.SelectMany(s => Sequence((YamlMappingNode)s.Value, "ports").Select(p => (Service: ((YamlScalarNode)s.Key).Value, Port: p))).ToList();
        Assert.All(ports, p => Assert.StartsWith("127.0.0.1:", p.Port));
        Assert.Contains(("grafana", "127.0.0.1:3000:3000"), ports);
        Assert.Contains(("mailpit", "127.0.0.1:8025:8025"), ports);
        Assert.Contains(("monitor", "127.0.0.1:5080:5080"), ports);
        Assert.DoesNotContain(ports, p => p.Service == "postgres" || p.Port.EndsWith(":1025"));
    }

    [Fact]
    public void Data_LivesInNamedVolumes()
    {
        var declared = ((YamlMappingNode)Compose["volumes"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        Assert.Contains("pgdata:/var/lib/postgresql/data", Sequence(Service("postgres"), "volumes"));
        Assert.Contains("grafana-data:/var/lib/grafana", Sequence(Service("grafana"), "volumes"));
        var named = Services.Children.SelectMany(s => Sequence((YamlMappingNode)s.Value, "volumes")).Where(v => !v.StartsWith('.')).Select(v => v.Split(':')[0]);
        Assert.All(named, n => Assert.Contains(n, declared));
    }

    [Fact]
    public void BindMounts_ExistInTheRepository_AndAreReadOnly()
    {
        var mounts = Services.Children.SelectMany(s => Sequence((YamlMappingNode)s.Value, "volumes")).Where(v => v.StartsWith("./")).ToList();
        Assert.NotEmpty(mounts);
        foreach (var mount in mounts)
        {
            var parts = mount.Split(':');
            Assert.True(File.Exists(Path.Combine(Root, parts[0])) || Directory.Exists(Path.Combine(Root, parts[0])), $"{parts[0]} bestaat niet");
            Assert.Equal("ro", parts[^1]);
        }
    }

    [Fact]
    public void Grafana_MountsTheProvisioningAndTheDashboardsWhereTheProviderLooksForThem()
    {
        var volumes = Sequence(Service("grafana"), "volumes").ToList();
        Assert.Contains("./dashboards/provisioning/datasources:/etc/grafana/provisioning/datasources:ro", volumes);
        Assert.Contains("./dashboards/provisioning/dashboards:/etc/grafana/provisioning/dashboards:ro", volumes);
        var provider = (YamlMappingNode)((YamlSequenceNode)Provisioning.Load(Provisioning.ProviderFile)["providers"]).Children.Single();
        Assert.Contains($"./dashboards/json:{provider.Scalar("options", "path")}:ro", volumes);
        Assert.Equal(provider.Scalar("options", "path") + "/landelijk.json", Env("grafana", "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));
        Assert.True(File.Exists(Path.Combine(DashboardFile.Folder, "json", "landelijk.json")));
        Assert.StartsWith("${GRAFANA_ADMIN_PASSWORD", Env("grafana", "GF_SECURITY_ADMIN_PASSWORD"));
        // Every $VAR the datasource file reads must be in Grafana's environment.
        foreach (Match m in ProvisioningVariable().Matches(File.ReadAllText(Provisioning.DataSourceFile)))
            Assert.NotNull(Env("grafana", m.Groups[1].Value));
    }

    [GeneratedRegex(@"\$\{?([A-Z][A-Z0-9_]*)")] private static partial Regex ProvisioningVariable();
    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?\}")] private static partial Regex ComposeVariable();

    [Fact]
    public void Secrets_ComeFromTheEnvironment_AndEveryOneIsInEnvExample()
    {
        var example = File.ReadAllLines(Path.Combine(Root, ".env.example"))
            .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l.Split('=')[0].Trim()).ToHashSet();
        var used = ComposeVariable().Matches(ComposeText).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Empty(used.Except(example));
        Assert.Empty(example.Except(used));
        // Passwords have no default: compose refuses to start without them.
        foreach (var secret in example.Where(k => k.Contains("PASSWORD")))
            Assert.Matches($@"\$\{{{secret}:\?", ComposeText);
        Assert.DoesNotMatch(@"(?i)(?<!\$\{[A-Z_]*)password\s*[:=]\s*(?!\$\{)\S", ComposeText);
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Root, ".dockerignore")));
    }

    [Fact]
    public void Postgres_CreatesGrafanasLoginOnFirstStart_WithThePasswordFromTheEnvironment()
    {
        Assert.Contains("./deploy/postgres/init-grafana-ro.sh:/docker-entrypoint-initdb.d/10-grafana-ro.sh:ro", Sequence(Service("postgres"), "volumes"));
        Assert.StartsWith("${GRAFANA_PG_PASSWORD:?", Env("postgres", "GRAFANA_PG_PASSWORD"));
        var script = File.ReadAllText(Path.Combine(Root, "deploy", "postgres", "init-grafana-ro.sh"));
        Assert.Contains("$GRAFANA_PG_PASSWORD", script);
        Assert.Contains("GRANT monitor_grafana TO grafana_ro", script);
    }

    [Fact]
    public void Monitor_IsBuiltFromTheRepository_MigratesThenServes_AndMailsToMailpit()
    {
        var build = (YamlMappingNode)Service("monitor")["build"];
        Assert.Equal(".", build.Scalar("context"));
        var dockerfile = File.ReadAllLines(Path.Combine(Root, build.Scalar("dockerfile")));
        var froms = dockerfile.Where(l => l.StartsWith("FROM ")).ToList();
        Assert.Equal(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0"], froms);
        var publish = dockerfile.Single(l => l.Contains("dotnet publish"));
        var project = Regex.Match(publish, @"dotnet publish (\S+\.csproj)").Groups[1].Value;
        Assert.Equal("src/Monitor/Monitor.csproj", project);
        Assert.Contains("<AssemblyName>monitor</AssemblyName>", File.ReadAllText(Path.Combine(Root, project)));
        foreach (var copy in dockerfile.Where(l => l.StartsWith("COPY ") && !l.Contains("--from=")))
            foreach (var source in copy.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(t => !t.StartsWith("--")).SkipLast(1))
                Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"COPY {source}: bestaat niet");
        Assert.Contains(dockerfile, l => l.Contains("libfontconfig1"));
        Assert.Contains(dockerfile, l => l.StartsWith("USER "));

        var entrypoint = File.ReadAllText(Path.Combine(Root, "deploy", "monitor", "entrypoint.sh"));
        Assert.True(entrypoint.IndexOf("monitor db migrate", StringComparison.Ordinal) < entrypoint.IndexOf("monitor serve", StringComparison.Ordinal));
        Assert.Contains("http://0.0.0.0:5080", entrypoint);

        Assert.Matches(@"^Host=postgres;Port=5432;Database=\$\{POSTGRES_DB", Env("monitor", "MONITOR_DB"));
        Assert.Equal("mailpit", Env("monitor", "MONITOR_Smtp__Host"));
        Assert.Equal("1025", Env("monitor", "MONITOR_Smtp__Port"));
        var dependsOn = (YamlMappingNode)Service("monitor")["depends_on"];
        Assert.Equal("service_healthy", dependsOn.Scalar("postgres", "condition"));
        Assert.Equal("service_healthy", ((YamlMappingNode)Service("grafana")["depends_on"]).Scalar("monitor", "condition"));
    }
}
