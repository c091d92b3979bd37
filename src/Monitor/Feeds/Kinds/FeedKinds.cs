namespace Monitor.Feeds.Kinds;

/// <summary>Every kind of FEEDS.md, by name.</summary>
public static class FeedKinds
{
    public static readonly IReadOnlyList<FeedKind> All =
    [
        new GemeentenKind(), new HerindelingenKind(), new RegiosKind(), new OpgaveKind(),
        new PlekkenKind(), new HuisvestingKind(), new AfsprakenKind(), new ContactenKind(),
        new RegimesKind(), new KoppelingenKind(), new ToezichtKind(), new CycliKind(),
    ];

    public static FeedKind Get(string name) =>
        All.FirstOrDefault(k => k.Name == name.Trim().ToLowerInvariant())
        ?? throw new ArgumentException($"Onbekende soort feed '{name}'. Kies uit: {string.Join(", ", All.Select(k => k.Name))}.");
}
