namespace Monitor.Samples;

/// <summary>
/// A feed table before it is written: column names and rows of typed cells (string, int, decimal, DateOnly or null).
/// Rows are enumerated once, lazily, so a writer can stream millions of them.
/// </summary>
public sealed record SampleTable(IReadOnlyList<string> Columns, IEnumerable<object?[]> Rows);
