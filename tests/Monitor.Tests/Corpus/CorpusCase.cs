using Npgsql;

namespace Monitor.Tests.Corpus;

/// <summary>What must happen to a corpus file.</summary>
public enum Expected
{
    /// <summary>Loaded, and every figure stays as it was.</summary>
    Rejected,
    /// <summary>Valid, however odd it looks: loaded.</summary>
    Accepted,
    /// <summary>Never loaded at all: refused while fetching (too large), so no delivery is even recorded.</summary>
    Refused,
}

/// <summary>How a corpus file reaches the Monitor.</summary>
public enum Route
{
    /// <summary>Straight to the loader, as <c>monitor ingest</c> and every fetched file end up.</summary>
    Loader,
    /// <summary>Served by a local HTTP feed server and fetched by the feed runner.</summary>
    HttpFeed,
    /// <summary>Dropped into a drop folder and picked up by the feed runner.</summary>
    DropFolder,
}

/// <summary>
/// One entry of the bad-input corpus. A committed file lives in Corpus/Files under <see cref="Name"/>; a generated one
/// (binary, huge, XLSX) is written by <see cref="Generate"/> into a temp folder when the test runs.
/// </summary>
/// <param name="Name">File name: the kind first, then what is odd about it.</param>
/// <param name="Fragment">Text one problem (or the refusal) must contain: what is wrong, said so a spreadsheet user can fix it.</param>
public sealed record CorpusCase(string Name, string Kind, Expected Outcome, string Fragment)
{
    /// <summary>The line the problem with <see cref="Fragment"/> must name; null: the file as a whole.</summary>
    public long? Line { get; init; }

    /// <summary>The column the problem with <see cref="Fragment"/> must name; null: not about one column.</summary>
    public string? Column { get; init; }

    /// <summary>Plekken deliveries go to the baseline's feed, so a delivery treated as an empty snapshot would show; a case
    /// with <see cref="UnconfiguredFeed"/> goes to that feed name instead, as if typed at <c>monitor ingest --feed</c>.</summary>
    public string Feed => UnconfiguredFeed ?? (Kind == "plekken" ? CorpusWarehouse.PlekkenFeed : Kind);

    /// <summary>A feed name that no configured feed has (monitor ingest without --feed, or a typo).</summary>
    public string? UnconfiguredFeed { get; init; }

    /// <summary>Writes the file at the given path (a temp folder, <see cref="Name"/>); null for a committed file.</summary>
    public Action<string>? Generate { get; init; }

    /// <summary>Megabytes or a bomb: run alone, with the process's memory watched.</summary>
    public bool Big { get; init; }

    public Route Route { get; init; } = Route.Loader;

    /// <summary>For an accepted file: what must hold in the warehouse afterwards.</summary>
    public Func<NpgsqlDataSource, Task>? Verify { get; init; }

    public override string ToString() => Name;
}
