namespace Monitor.Tests.Support;

/// <summary>Files of the repository (sample feeds, dashboards, sql) found from the test binary's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        throw new InvalidOperationException("Monitor.sln niet gevonden boven " + AppContext.BaseDirectory);
    }

    public static string Samples(params string[] parts) => Path.Combine([Root, "samples", .. parts]);
}
