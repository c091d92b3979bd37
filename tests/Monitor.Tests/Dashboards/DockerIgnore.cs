using System.Text.RegularExpressions;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// .dockerignore as Docker reads it (moby's patternmatcher): lines in order, '#' comments, '!' re-includes, '*' within
/// one path segment, '**' across segments; a pattern that matches a folder also matches everything in it, and the last
/// matching line decides.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include)> _rules;

    private DockerIgnore(List<(Regex, bool)> rules) => _rules = rules;

    public static DockerIgnore Read(string path) => new(File.ReadAllLines(path)
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.StartsWith('!') ? (ToRegex(l[1..]), true) : (ToRegex(l), false))
        .ToList());

    public bool Excludes(string relativePath)
    {
        var segments = relativePath.Trim('/').Split('/');
        var excluded = false;
        foreach (var (pattern, include) in _rules)
            // The path itself or any folder it lies in.
            if (Enumerable.Range(1, segments.Length).Any(n => pattern.IsMatch(string.Join('/', segments.Take(n)))))
                excluded = !include;
        return excluded;
    }

    private static Regex ToRegex(string pattern)
    {
        var p = pattern.Trim('/');
        var regex = Regex.Escape(p)
            .Replace(@"\*\*/", "(.*/)?")
            .Replace(@"\*\*", ".*")
            .Replace(@"\*", "[^/]*")
            .Replace(@"\?", "[^/]");
        return new Regex("^" + regex + "$");
    }
}
