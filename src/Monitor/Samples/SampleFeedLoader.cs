using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Npgsql;

namespace Monitor.Samples;

/// <summary>Loads the shipped sample feeds in manifest order, each as one delivery, exactly as an operator's ingest would.</summary>
public static class SampleFeedLoader
{
    /// <summary>samples/feeds found from the current directory or from the binary upwards; null when absent.</summary>
    public static string? FindFeedsDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "feeds");
                if (File.Exists(Path.Combine(candidate, SampleManifest.FileName))) return candidate;
            }
        return null;
    }

    public static async Task<IReadOnlyList<(ManifestEntry Entry, IngestResult Result)>> LoadAsync(NpgsqlDataSource db, string feedsDirectory,
        Action<ManifestEntry, IngestResult>? loaded = null, CancellationToken ct = default)
    {
        var manifest = SampleManifest.Read(feedsDirectory)
                       ?? throw new InvalidOperationException($"Geen {SampleManifest.FileName} in {feedsDirectory}.");
        var loader = new DeliveryLoader(db);
        var results = new List<(ManifestEntry, IngestResult)>();
        foreach (var entry in manifest.Files)
        {
            var path = Path.GetFullPath(Path.Combine(feedsDirectory, entry.File));
            // The manifest is data: a path in it must stay inside the samples folder.
            if (!path.StartsWith(Path.GetFullPath(feedsDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"Manifestregel {entry.File} wijst buiten {feedsDirectory}.");
            var result = await loader.IngestAsync(new IngestRequest(path, entry.Kind, entry.Feed, Path.Combine("samples/feeds", entry.File)), null, ct);
            loaded?.Invoke(entry, result);
            results.Add((entry, result));
        }
        return results;
    }
}
