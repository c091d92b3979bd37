using Microsoft.Extensions.Configuration;
using System.Text.RegularExpressions;
using Monitor.Tests.Support;
using YamlDotNet.RepresentationModel;
using Monitor.Bench.Dashboards;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// docker-compose.yml checked without a Docker engine: the services and their health checks, the demo profile, named
/// volumes, secrets from .env.example, ports on 127.0.0.1 only (also in the optional override that publishes
/// PostgreSQL), mounted paths that exist, the feeds and drop folders of the stack, and a Dockerfile that builds the
/// monitor from what .dockerignore lets through. (DockerComposeCliTests has docker-compose itself read the file.)
/// </summary>
public sealed partial class ComposeFileTests
{
    private static string Root => RepoPaths.Root;
    private static readonly string ComposeText = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
    private static readonly YamlMappingNode Compose = Provisioning.Load(Path.Combine(Root, "docker-compose.yml"));
    private const string PublishPostgres = "deploy/postgres/publish-loopback.yml";
    private static readonly YamlMappingNode PublishOverride = Provisioning.Load(Path.Combine(Root, PublishPostgres));
    private static readonly string[] LongRunning = ["grafana", "mailpit", "monitor", "postgres"];
    private static YamlMappingNode Services => (YamlMappingNode)Compose["services"];
    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static IEnumerable<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) ? ((YamlSequenceNode)v).Children.Select(c => ((YamlScalarNode)c).Value!) : [];

    private static string? Env(string service, string key) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value : null;

    [Fact]
    public void Services_AreTheFourOfTheStack_EachWithAHealthCheck_PlusTheOneShotDemo()
    {
        Assert.Equal(["demo", "grafana", "mailpit", "monitor", "postgres"], Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order());
        foreach (var name in LongRunning)
        {
            var node = Service(name);
            var health = (YamlMappingNode)node["healthcheck"];
            Assert.NotEmpty(((YamlSequenceNode)health["test"]).Children);
            Assert.Equal("unless-stopped", node.Scalar("restart"));
            // Without a profile these four are the production start.
            Assert.False(node.Children.ContainsKey("profiles"), $"{name} hoort bij elke start, niet bij een profiel");
        }
        Assert.Contains("pg_isready", string.Join(" ", Sequence(Service("postgres")["healthcheck"] as YamlMappingNode ?? throw new(), "test")));
        Assert.Contains("/health", string.Join(" ", Sequence((YamlMappingNode)Service("monitor")["healthcheck"], "test")));
    }

    [Fact]
    public void DemoProfile_LoadsTheSamplesOnce_WithTheMonitorsImageAndSettings_AfterTheMonitorMigrated()
    {
        var demo = Service("demo");
        Assert.Equal(["demo"], Sequence(demo, "profiles"));
        // One-shot: "no" quoted, since a bare no is the boolean false in YAML 1.1, which compose refuses.
        Assert.Equal("no", demo.Scalar("restart"));
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)demo["restart"]).Style);
        Assert.Equal(["demo"], Sequence(demo, "command"));
        Assert.Equal(["serve"], Sequence(Service("monitor"), "command"));
        Assert.Equal(Service("monitor").Scalar("image"), demo.Scalar("image"));
        Assert.False(demo.Children.ContainsKey("build"), "het image bouwt de dienst monitor; twee builds van één tag zijn dubbel werk");
        Assert.Equal(Service("monitor").Scalar("user"), demo.Scalar("user"));
        // The very same settings (a YAML alias): the warehouse and Mailpit of the service, so its mails arrive there.
        Assert.Same(Service("monitor")["environment"], demo["environment"]);
        var dependsOn = (YamlMappingNode)demo["depends_on"];
        Assert.Equal("service_healthy", dependsOn.Scalar("monitor", "condition"));
        Assert.Equal("service_healthy", dependsOn.Scalar("mailpit", "condition"));
        Assert.Contains(FeedsMount, Sequence(demo, "volumes"));
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
    public void PostgresOnTheHost_IsAnOptionalOverride_OnLoopbackOnly_NamedInEnvExample()
    {
        var services = (YamlMappingNode)PublishOverride["services"];
        Assert.Equal(["postgres"], services.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var postgres = (YamlMappingNode)services["postgres"];
        Assert.Equal(["ports"], postgres.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(["127.0.0.1:${POSTGRES_HOST_PORT:-5432}:5432"], Sequence(postgres, "ports"));
        // Off unless a person turns it on: the line in .env.example is commented out.
        Assert.Contains($"# COMPOSE_FILE=docker-compose.yml:{PublishPostgres}", File.ReadAllLines(Path.Combine(Root, ".env.example")));
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

    private const string FeedsMount = "./deploy/monitor/monitor.json:/app/monitor.json:ro";
    private const string DropMount = "./drop:/srv/monitor/drop";

    [Fact]
    public void BindMounts_ExistInTheRepository_AndAreReadOnly_ExceptTheDropFolder()
    {
        var mounts = Services.Children.SelectMany(s => Sequence((YamlMappingNode)s.Value, "volumes")).Where(v => v.StartsWith("./")).ToList();
        Assert.NotEmpty(mounts);
        foreach (var mount in mounts)
        {
            var parts = mount.Split(':');
            // A path that does not exist would be created by Docker, as an empty folder owned by root.
            Assert.True(File.Exists(Path.Combine(Root, parts[0])) || Directory.Exists(Path.Combine(Root, parts[0])), $"{parts[0]} bestaat niet");
            // The monitor moves what it loaded from a drop folder to processed/ or rejected/.
            if (mount == DropMount) continue;
            Assert.Equal("ro", parts[^1]);
        }
        Assert.Contains(DropMount, Sequence(Service("monitor"), "volumes"));
        Assert.Contains(FeedsMount, Sequence(Service("monitor"), "volumes"));
    }

    [Fact]
    public void TheStacksFeeds_AreValid_AndEachDropFolderExists_AndIsRunOnASchedule()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(Root, "deploy", "monitor", "monitor.json")).Build();
        var feeds = Monitor.Feeds.FeedCatalog.From(config).Feeds;
        Assert.Contains(feeds, f => f.Name == "coa" && f.Kind == "plekken");
        var inContainer = DropMount.Split(':')[1] + "/";
        foreach (var feed in feeds)
        {
            Assert.StartsWith(inContainer, feed.Location);
            var folder = Path.Combine(Root, "drop", feed.Location[inContainer.Length..]);
            Assert.True(Directory.Exists(folder), $"{folder} ontbreekt");
            // Kept in git by a hidden file, which a drop folder never picks up.
            Assert.All(Directory.GetFiles(folder).Select(Path.GetFileName), n => Assert.StartsWith(".", n));
            Assert.False(string.IsNullOrWhiteSpace(feed.Schedule), $"feed {feed.Name} heeft geen schema");
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

    [Fact]
    public void DockerIgnore_LetsThroughEverythingTheDockerfileCopies_IncludingTheSampleFeedsOfTheDemo()
    {
        var ignore = DockerIgnore.Read(Path.Combine(Root, ".dockerignore"));
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));
        Assert.Contains(dockerfile, l => l.StartsWith("COPY samples/feeds/ "));
        foreach (var copy in dockerfile.Where(l => l.StartsWith("COPY ") && !l.Contains("--from=")))
            foreach (var source in copy.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(t => !t.StartsWith("--")).SkipLast(1))
            {
                var path = source.TrimEnd('/');
                Assert.False(ignore.Excludes(path), $".dockerignore sluit {path} uit, maar de Dockerfile kopieert het");
                if (Directory.Exists(Path.Combine(Root, path)))
                    foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(Root, path)).Select(e => Path.GetRelativePath(Root, e).Replace('\\', '/')))
                        if (Path.GetFileName(entry) is not ("bin" or "obj"))
                            Assert.False(ignore.Excludes(entry), $".dockerignore sluit {entry} uit");
            }
        Assert.False(ignore.Excludes("samples/feeds/manifest.json"));
        // What stays out: secrets, local state, the drops, and the reference data the samples were made from.
        foreach (var path in new[] { ".env", ".monitor/pg", "drop/coa/export.csv", "samples/reference/gemeenten-2025.csv", "src/Monitor/bin/Release", "tests/Monitor.Tests" })
            Assert.True(ignore.Excludes(path), $"{path} hoort niet in het image");
    }

    [Fact]
    public void TheReadmesComposeSection_MatchesTheFiles_ItSendsAReaderTo()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var section = readme[readme.IndexOf("## Grafana en docker compose", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        Assert.Contains("docker compose --profile demo up -d", section);
        Assert.Contains("demo", Sequence(Service("demo"), "profiles"));
        Assert.Contains("docker compose --profile demo logs -f demo", section);
        // "binnen vijf minuten": the coa feed runs every 5 minutes and a file waits 30 seconds to settle.
        var coa = Monitor.Feeds.FeedCatalog.From(new ConfigurationBuilder().AddJsonFile(Path.Combine(Root, "deploy", "monitor", "monitor.json")).Build()).Get("coa");
        Assert.Equal("*/5 * * * *", coa.Schedule);
        Assert.Contains("binnen vijf minuten", section);
        Assert.Equal(TimeSpan.FromSeconds(30), new Monitor.Feeds.Fetching.DropFolderOptions().SettleTime);
        Assert.Contains("30 seconden", section);
        Assert.Contains("drop/coa/", section);
        var composeFileLine = File.ReadAllLines(Path.Combine(Root, ".env.example")).Single(l => l.StartsWith("# COMPOSE_FILE="))[2..];
        Assert.Contains(composeFileLine, section);
        foreach (var key in ((YamlMappingNode)Service("monitor")["environment"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => k.StartsWith("MONITOR_Warehouse__")))
            Assert.Contains(key["MONITOR_Warehouse".Length..], section);
        Assert.Contains("pg_dump", section);
        Assert.Contains("\\password grafana_ro", section);
    }

    [GeneratedRegex(@"\$\{?([A-Z][A-Z0-9_]*)")] private static partial Regex ProvisioningVariable();
    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?\}")] private static partial Regex ComposeVariable();

    [Fact]
    public void Secrets_ComeFromTheEnvironment_AndEveryOneIsInEnvExample()
    {
        var example = File.ReadAllLines(Path.Combine(Root, ".env.example"))
            .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l.Split('=')[0].Trim()).ToHashSet();
        var used = ComposeVariable().Matches(ComposeText + File.ReadAllText(Path.Combine(Root, PublishPostgres))).Select(m => m.Groups[1].Value).ToHashSet();
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

        // What the script does on each path is shown by running it (EntrypointScriptTests); here: it is what runs.
        Assert.Contains(dockerfile, l => l.StartsWith("COPY ") && l.Contains("deploy/monitor/entrypoint.sh /usr/local/bin/monitor-entrypoint"));
        Assert.Contains(dockerfile, l => l == "ENTRYPOINT [\"/usr/local/bin/monitor-entrypoint\"]");

        Assert.Equal("postgres", Env("monitor", "MONITOR_Warehouse__Host"));
        Assert.Equal("5432", Env("monitor", "MONITOR_Warehouse__Port"));
        Assert.StartsWith("${POSTGRES_DB", Env("monitor", "MONITOR_Warehouse__Database"));
        Assert.StartsWith("${POSTGRES_USER", Env("monitor", "MONITOR_Warehouse__Username"));
        Assert.StartsWith("${POSTGRES_PASSWORD:?", Env("monitor", "MONITOR_Warehouse__Password"));
        // No connection string with the password pasted into it.
        Assert.Null(Env("monitor", "MONITOR_DB"));
        Assert.Equal("mailpit", Env("monitor", "MONITOR_Smtp__Host"));
        Assert.Equal("1025", Env("monitor", "MONITOR_Smtp__Port"));
        var dependsOn = (YamlMappingNode)Service("monitor")["depends_on"];
        Assert.Equal("service_healthy", dependsOn.Scalar("postgres", "condition"));
        Assert.Equal("service_healthy", ((YamlMappingNode)Service("grafana")["depends_on"]).Scalar("monitor", "condition"));
    }
}
