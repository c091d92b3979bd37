using System.Text;

namespace Monitor.Feeds.Fetching;

/// <summary>A file waiting in a drop folder.</summary>
public sealed record DropFile(string Name, string FullPath, long Bytes, DateTimeOffset Modified);

/// <summary>
/// A folder people (or their tools) drop deliveries into. New files are listed oldest first; once ingested, each is
/// moved to processed/ (accepted, duplicate) or rejected/ (with its problems beside it), so the folder itself shows
/// what is still waiting. Nothing is ever overwritten, and nothing outside the folder is ever read or moved.
/// </summary>
public sealed class DropFolder
{
    public const string Processed = "processed";
    public const string Rejected = "rejected";
    public const string ProblemsSuffix = ".problemen.txt";

    private readonly DropFolderOptions _options;
    private readonly TimeProvider _time;

    public DropFolder(string path, DropFolderOptions? options = null, TimeProvider? time = null)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        _options = options ?? new DropFolderOptions();
        _time = time ?? TimeProvider.System;
    }

    public string Root { get; }

    /// <summary>Files ready to ingest, oldest first: not hidden, not a partial upload, not changed within the settle
    /// time, not a link to somewhere outside the folder. Subfolders (processed/, rejected/) are not looked into.</summary>
    public IReadOnlyList<DropFile> ListNew()
    {
        var settledBefore = _time.GetUtcNow() - _options.SettleTime;
        var files = new List<DropFile>();
        foreach (var entry in new DirectoryInfo(Root).EnumerateFiles())
        {
            if (IsIgnored(entry.Name)) continue;
            if (RealFile(entry) is not { } file) continue;
            var modified = new DateTimeOffset(DateTime.SpecifyKind(file.LastWriteTimeUtc, DateTimeKind.Utc));
            if (modified > settledBefore) continue;
            files.Add(new DropFile(entry.Name, entry.FullName, file.Length, modified));
        }
        return files.OrderBy(f => f.Modified).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Files the caller has ingested: moves one out of the way by its outcome and returns where it went.</summary>
    public string Complete(string name, IngestResult result) => Complete(name, result.Outcome, result.Problems, result.ProblemCount);

    /// <summary>Moves <paramref name="name"/> (a bare file name in this folder) to processed/ or rejected/; a rejected
    /// file gets its problems written beside it as &lt;name&gt;.problemen.txt. Returns the new path.</summary>
    public string Complete(string name, IngestOutcome outcome, IReadOnlyList<Problem>? problems = null, int problemCount = 0)
    {
        var source = Resolve(name);
        var folder = Subfolder(outcome == IngestOutcome.Rejected ? Rejected : Processed);
        var destination = DropFolderMove.WithoutOverwrite(source, folder, name, _time.GetLocalNow());
        if (outcome == IngestOutcome.Rejected)
            File.WriteAllText(destination + ProblemsSuffix, ProblemsText(Path.GetFileName(destination), problems ?? [], problemCount),
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return destination;
    }

    private bool IsIgnored(string name) =>
        name.StartsWith('.') || _options.PartialSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The file to read: the entry itself, or a link's final target when that lies inside the folder; null
    /// for links that point outside (or nowhere): a link must not smuggle /etc/passwd into a delivery.</summary>
    private FileInfo? RealFile(FileInfo entry)
    {
        if (entry.LinkTarget is null) return entry;
        var target = entry.ResolveLinkTarget(returnFinalTarget: true);
        return target is FileInfo { Exists: true } f && IsInside(f.FullName) ? f : null;
    }

    private bool IsInside(string fullPath) =>
        fullPath.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A bare name of a file directly in this folder, or an ArgumentException: no "..", no separators, no
    /// absolute paths. (".." inside a name, as in "cijfers..csv", is harmless once separators are refused.)</summary>
    private string Resolve(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name is "." or "..")
            throw new ArgumentException($"Ongeldige bestandsnaam '{name}': alleen een naam in de map {Root} is toegestaan.", nameof(name));
        if (Path.IsPathRooted(name) || name.IndexOfAny(['/', '\\', '\0']) >= 0)
            throw new ArgumentException($"Ongeldige bestandsnaam '{name}': paden zijn niet toegestaan, alleen een naam in de map {Root}.", nameof(name));
        var full = Path.Combine(Root, name);
        var entry = new FileInfo(full);
        if (!entry.Exists) throw new FileNotFoundException($"Het bestand '{name}' staat niet (meer) in {Root}.", full);
        if (RealFile(entry) is null)
            throw new ArgumentException($"'{name}' is een koppeling naar een bestand buiten {Root}; die wordt niet verplaatst.", nameof(name));
        return full;
    }

    private string Subfolder(string name)
    {
        var path = Path.Combine(Root, name);
        // A processed/ that is a link could send files anywhere.
        if (new DirectoryInfo(path) is { Exists: true, LinkTarget: not null })
            throw new IOException($"{path} is een koppeling; verplaatsen naar buiten {Root} gebeurt niet.");
        Directory.CreateDirectory(path);
        return path;
    }

    private string ProblemsText(string fileName, IReadOnlyList<Problem> problems, int problemCount)
    {
        var total = Math.Max(problemCount, problems.Count);
        var text = new StringBuilder()
            .AppendLine($"Levering {fileName} afgewezen op {_time.GetLocalNow():yyyy-MM-dd HH:mm:ss}: {total} {(total == 1 ? "probleem" : "problemen")}.")
            .AppendLine();
        foreach (var p in problems) text.AppendLine(p.ToString());
        if (total > problems.Count) text.AppendLine($"… en nog {total - problems.Count} problemen (niet alle problemen worden bewaard).");
        return text.ToString();
    }
}
