namespace Monitor.Feeds.Fetching;

/// <summary>Where downloads land before they are ingested.</summary>
internal static class TempFile
{
    public static string NewPath(string? directory, string feedName)
    {
        var dir = string.IsNullOrEmpty(directory) ? Path.GetTempPath() : directory;
        Directory.CreateDirectory(dir);
        // The feed name is only there to help an operator looking at the folder; keep it to safe characters.
        var safe = new string(feedName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').Take(60).ToArray());
        return Path.Combine(dir, $"monitor-{safe}-{Guid.NewGuid():N}.download");
    }

    /// <summary>Best effort: a temp file that cannot be deleted must not turn a finished ingest into a failure.</summary>
    public static void Delete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
