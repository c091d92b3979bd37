namespace Monitor.Feeds.Fetching;

/// <summary>Moving a file into processed/ or rejected/ without ever replacing one that is already there.</summary>
internal static class DropFolderMove
{
    /// <summary>Tries name, then name.&lt;timestamp&gt;, then name.&lt;timestamp&gt;-2, … A slot counts as taken when the
    /// file or its problems file exists, so a rejected file never pairs with someone else's problems.</summary>
    public static string WithoutOverwrite(string source, string folder, string name, DateTimeOffset now)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var ext = Path.GetExtension(name);
        var stamp = now.ToString("yyyyMMdd-HHmmss");
        for (var i = 0; i < 10_000; i++)
        {
            var candidate = Path.Combine(folder, i switch
            {
                0 => name,
                1 => $"{stem}.{stamp}{ext}",
                _ => $"{stem}.{stamp}-{i}{ext}",
            });
            if (File.Exists(candidate) || Directory.Exists(candidate) || File.Exists(candidate + DropFolder.ProblemsSuffix)) continue;
            try
            {
                File.Move(source, candidate, overwrite: false);
                return candidate;
            }
            // Someone took the name between our check and the move: take the next one.
            catch (IOException) when (File.Exists(candidate) && File.Exists(source)) { }
        }
        throw new IOException($"Geen vrije naam gevonden voor {name} in {folder}.");
    }
}
