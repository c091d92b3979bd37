using Monitor.Clock;
using System.Runtime.CompilerServices;

namespace Monitor.Feeds.Kinds;

/// <summary>
/// One kind of feed: its columns, the checks on a single row, and how its staged rows are merged into the warehouse.
/// Rows are staged as typed columns named as in FEEDS.md, plus <c>line</c> (source line) and, for each gemeente code
/// column, <c>bron_&lt;name&gt;</c> (the code as delivered, before herindeling mapping).
/// </summary>
public abstract class FeedKind
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>Count columns that are divided over the successors when an old gemeente code was split.</summary>
    public virtual IReadOnlyList<string> SplitCounts => [];

    /// <summary>Gemeente code columns whose old codes may map to several gemeenten (apportioned); others must map 1:1.</summary>
    public virtual bool AllowSplitCodes => SplitCounts.Count > 0;

    /// <summary>The date column that decides which herindelingen apply to the row's gemeente codes: a herindeling acts
    /// from its datum on, so a figure dated before it stays with the old code. Null: today (lists without a date).</summary>
    public virtual string? CodeDateColumn => null;

    /// <summary>Checks across the values of one row (periode form versus opgave, date order, ...); yields (column, message).</summary>
    public virtual IEnumerable<(string? Column, string Message)> CheckRow(StagedRow row) => [];

    /// <summary>SQL run on the staging table "stage" that returns (lines int[], message text) for each problem across rows,
    /// such as one key delivered twice with different figures. Null when the kind has none.</summary>
    public virtual string? CrossRowCheckSql => null;

    /// <summary>SQL run on "stage" after the checks passed, returning (lines int[], message text) for each remark that does
    /// not refuse the delivery (a plausible correction): shown as a warning. Null when the kind has none.</summary>
    public virtual string? WarningSql => null;

    /// <summary>SQL run on "stage" when the delivery starts a feed name that is not configured (parameter @feed), returning
    /// (lines int[], message text) for each reason that would count figures twice. Null when the kind has none.</summary>
    public virtual string? NewFeedCheckSql => null;

    /// <summary>SQL statements that merge "stage" into the warehouse; parameters @delivery (bigint) and @feed (text).
    /// The last statement returns the number of rows loaded.</summary>
    public abstract string MergeSql { get; }

    /// <summary>Columns that identify one fact within a delivery, as the cross-row check groups them: a date column
    /// first (files list one date after another), then up to two text columns (codes as delivered). When every row has
    /// its own key, <see cref="CrossRowCheckSql"/> has nothing to find and is skipped. Empty: always checked.</summary>
    public virtual IReadOnlyList<string> DeliveryKey => [];

    /// <summary>How a delivery whose every key block (date) is new to its feed goes straight into the fact table,
    /// skipping the staging table, deduplication and the revision join (there is nothing earlier to revise). Null:
    /// always staged and merged.</summary>
    public virtual DirectLoad? Direct => null;

    /// <summary>The block range (BRIN) indexes of the kind's fact table, summarised for the rows a load appended before
    /// it commits: PostgreSQL leaves new ranges unsummarised (so every query reads them) until a vacuum.</summary>
    public virtual IReadOnlyList<string> BlockRangeIndexes => [];

    public IEnumerable<string> RequiredColumns => Columns.Where(c => c.Required).Select(c => c.Name);
}

/// <summary>A kind's direct load: the fact table's COPY columns (named as <see cref="Loading.RowStager"/> writes them:
/// feed, delivery_id, source_lines, bron_&lt;column&gt; or a column of the kind), the SQL that lists the key blocks the feed
/// already has (parameter @feed), and the SQL that finishes the load (@feed, @delivery, @blocks: the dates, as timestamps).</summary>
public sealed record DirectLoad(string Table, IReadOnlyList<string> Columns, string ExistingBlocksSql, string FinishSql)
{
    /// <summary><see cref="FeedKind.NewFeedCheckSql"/> for rows loaded directly (this delivery's rows in the fact table:
    /// @feed, @delivery), run before the load is accepted.</summary>
    public string? NewFeedCheckSql { get; init; }

    public string CopySql => $"COPY {Table} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)";
}

/// <summary>
/// A parsed row: values by column name (null when empty), with its source line and the loader's today (a peildatum
/// after it is a mistake). The loader reuses one instance over typed storage (<see cref="RowValues"/>), so checking a
/// row allocates nothing; other readers pass boxed values.
/// </summary>
public sealed class StagedRow
{
    private readonly ColumnSpec[] _columns;             // an array: the row checks look columns up by name for every row
    private readonly object?[]? _boxed;
    private readonly RowValues? _typed;

    public StagedRow(long line, object?[] values, IReadOnlyList<ColumnSpec> columns, DateOnly? today = null)
    {
        (Line, _boxed, _columns) = (line, values, columns.ToArray());
        Today = today ?? AmsterdamDate.Today();
    }

    internal StagedRow(RowValues values, IReadOnlyList<ColumnSpec> columns, DateOnly today) =>
        (_typed, _columns, Today) = (values, columns.ToArray(), today);

    public long Line { get; internal set; }
    public DateOnly Today { get; }

    public T? Get<T>(string column) where T : struct
    {
        var i = IndexOf(column);
        if (_typed is not { } v) return _boxed![i] is T t ? t : null;
        if (!v.Has[i]) return null;
        // Each branch is decided when the method is compiled for T, so no value is boxed.
        var type = _columns[i].Type;
        if (typeof(T) == typeof(int) && type == ValueType.Count) return Unsafe.As<int, T>(ref v.Int[i]);
        if (typeof(T) == typeof(DateOnly) && type == ValueType.Date) return Unsafe.As<DateOnly, T>(ref v.Date[i]);
        if (typeof(T) == typeof(decimal) && type == ValueType.Decimal) return Unsafe.As<decimal, T>(ref v.Decimal[i]);
        return null;
    }

    public string? Text(string column)
    {
        var i = IndexOf(column);
        return _typed is { } v ? v.Has[i] ? v.Text[i] : null : _boxed![i] as string;
    }

    private int IndexOf(string column)
    {
        // The kinds name columns with the same literals as their specs: one pass by reference settles nearly every lookup.
        for (var i = 0; i < _columns.Length; i++)
            if (ReferenceEquals(_columns[i].Name, column)) return i;
        for (var i = 0; i < _columns.Length; i++)
            if (_columns[i].Name == column) return i;
        throw new ArgumentException($"Onbekende kolom {column}");
    }
}

/// <summary>One row's parsed values, one slot per column of the kind, in typed arrays (no boxing): a count in
/// <see cref="Int"/>, a date in <see cref="Date"/>, a decimal in <see cref="Decimal"/>, anything else in <see cref="Text"/>.</summary>
public sealed class RowValues(int columns)
{
    public bool[] Has { get; } = new bool[columns];
    public int[] Int { get; } = new int[columns];
    public DateOnly[] Date { get; } = new DateOnly[columns];
    public decimal[] Decimal { get; } = new decimal[columns];
    public string?[] Text { get; } = new string?[columns];

    public void Clear()
    {
        Array.Clear(Has);
        Array.Clear(Text);
    }
}
