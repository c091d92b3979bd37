namespace Monitor.Feeds;

public enum IngestOutcome { Accepted, Duplicate, Rejected }

/// <summary>What happened to one delivery.</summary>
public sealed record IngestResult(
    long DeliveryId,
    IngestOutcome Outcome,
    long RowsRead,
    long RowsLoaded,
    IReadOnlyList<Problem> Problems,
    int ProblemCount,
    long? DuplicateOf = null)
{
    /// <summary>Warehouse rows that were new or different from what was there (the rest confirmed existing figures).</summary>
    public long RowsChanged { get; init; }

    /// <summary>An earlier accepted delivery of the feed with the same bytes, which this one applied again as the newest.</summary>
    public long? Reapplies { get; init; }

    /// <summary>With <see cref="Reapplies"/>: the feed's delivery that had replaced those bytes, and that this one replaces.</summary>
    public long? SupersededBy { get; init; }

    /// <summary>Accepted with a remark: a plausible correction (a cumulative count that fell) that the user should see.
    /// The compute run records the same as a finding on the Feeds dashboard.</summary>
    public IReadOnlyList<Problem> Warnings { get; init; } = [];

    /// <summary>Where the time went (hash, store, stage, check, merge), for the benchmark and for logs.</summary>
    public IReadOnlyList<(string Name, TimeSpan Took)> Phases { get; init; } = [];
}
