using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Monitor.Feeds.Kinds;

namespace Monitor.Feeds;

/// <summary>The feeds configured under "Feeds" (monitor.json, appsettings.json or MONITOR_Feeds__0__Name=... variables).</summary>
public sealed class FeedCatalog
{
    public IReadOnlyList<FeedOptions> Feeds { get; }

    public FeedCatalog(IEnumerable<FeedOptions> feeds)
    {
        Feeds = feeds.ToList();
        var problems = new List<string>();
        foreach (var f in Feeds)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(f, new ValidationContext(f), results, validateAllProperties: true))
                problems.AddRange(results.Select(r => $"feed '{f.Name}': {r.ErrorMessage}"));
            if (FeedKinds.All.All(k => k.Name != f.Kind.ToLowerInvariant()))
                problems.Add($"feed '{f.Name}': onbekende soort '{f.Kind}' (kies uit {string.Join(", ", FeedKinds.All.Select(k => k.Name))})");
        }
        problems.AddRange(Feeds.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => $"feed '{g.Key}' is meer dan eens ingesteld"));
        if (problems.Count > 0) throw new InvalidOperationException("Feedconfiguratie klopt niet:\n  " + string.Join("\n  ", problems));
    }

    public static FeedCatalog From(IConfiguration config) =>
        new(config.GetSection("Feeds").Get<List<FeedOptions>>() ?? []);

    public FeedOptions Get(string name) =>
        Feeds.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException($"Geen feed '{name}' ingesteld. Ingesteld: {(Feeds.Count == 0 ? "geen" : string.Join(", ", Feeds.Select(f => f.Name)))}.");
}
