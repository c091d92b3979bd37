namespace Monitor.Feeds.Loading;

/// <summary>One delivery to load: a file on disk (fetched or dropped), what kind it is and where it came from.</summary>
public sealed record IngestRequest(
    string Path,
    string Kind,
    string Feed,
    string Source,
    IReadOnlyDictionary<string, string>? Columns = null,
    string? Sheet = null,
    string? ETag = null,
    string? LastModified = null)
{
    /// <summary>The feed name is not one of the configured feeds (a name typed at <c>monitor ingest</c>, or none): its first
    /// delivery is checked against the other feeds' figures (<see cref="Kinds.FeedKind.NewFeedCheckSql"/>).</summary>
    public bool UnconfiguredFeed { get; init; }

    public static IngestRequest ForFeed(FeedOptions feed, string path, string source, string? etag = null, string? lastModified = null) =>
        new(path, feed.Kind, feed.Name, source, feed.Columns, feed.Sheet, etag, lastModified) { UnconfiguredFeed = feed.Unconfigured };
}
