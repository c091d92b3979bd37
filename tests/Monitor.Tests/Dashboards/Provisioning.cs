using Monitor.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Monitor.Tests.Dashboards;

/// <summary>The provisioning YAML files under dashboards/provisioning, read as YAML.</summary>
public static class Provisioning
{
    public static string DataSourceFile => Path.Combine(RepoPaths.Root, "dashboards", "provisioning", "datasources", "warehouse.yaml");
    public static string ProviderFile => Path.Combine(RepoPaths.Root, "dashboards", "provisioning", "dashboards", "monitor.yaml");

    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlMappingNode DataSource => (YamlMappingNode)((YamlSequenceNode)Load(DataSourceFile)["datasources"]).Children.Single();

    /// <summary>jsonData.timeInterval: the minimum $__interval of every panel without its own.</summary>
    public static string? MinInterval =>
        ((YamlMappingNode)DataSource["jsonData"]).Children.TryGetValue("timeInterval", out var v) ? ((YamlScalarNode)v).Value : null;

    public static string Scalar(this YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path) current = ((YamlMappingNode)current)[key];
        return ((YamlScalarNode)current).Value!;
    }
}
