using System.Collections.Concurrent;
using Monitor.Samples;

namespace Monitor.Tests.Samples;

/// <summary>One generated sample set (default seed) per test run, in a temp folder, read back through <see cref="FeedReader"/>.</summary>
internal static class GeneratedSamples
{
    private static readonly Lazy<(string Dir, SampleManifest Manifest)> Instance = new(() =>
    {
        var dir = NewTempDirectory();
        return (dir, SampleFeedGenerator.Generate(dir));
    });

    private static readonly ConcurrentDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Cache = new();

    public static string Directory => Instance.Value.Dir;
    public static SampleManifest Manifest => Instance.Value.Manifest;

    public static IEnumerable<ManifestEntry> Files(string kind, string? feed = null) =>
        Manifest.Files.Where(f => f.Kind == kind && (feed is null || f.Feed == feed));

    /// <summary>The rows of one file with values normalised (see <see cref="FeedReader.Read"/>).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(ManifestEntry entry) =>
        Cache.GetOrAdd(entry.File, _ => FeedReader.Read(Path.Combine(Directory, entry.File), entry));

    public static IEnumerable<IReadOnlyDictionary<string, string>> Rows(string kind, string? feed = null) =>
        Files(kind, feed).SelectMany(Rows);

    /// <summary>A fresh folder under the temp directory, removed when the test run ends.</summary>
    public static string NewTempDirectory()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("monitor-samples-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { System.IO.Directory.Delete(dir, recursive: true); } catch (IOException) { /* best effort at exit */ }
        };
        return dir;
    }

    /// <summary>The repository's samples folder (samples/reference's parent), found by walking up from the test binaries.</summary>
    public static string RepositorySamples => Path.GetDirectoryName(ReferenceData.Locate())!;
}
