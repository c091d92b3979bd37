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

    /// <summary>Checks across the values of one row (periode form versus opgave, date order, ...); yields (column, message).</summary>
    public virtual IEnumerable<(string? Column, string Message)> CheckRow(StagedRow row) => [];

    /// <summary>SQL run on the staging table "stage" that returns (lines int[], message text) for each problem across rows,
    /// such as one key delivered twice with different figures. Null when the kind has none.</summary>
    public virtual string? CrossRowCheckSql => null;

    /// <summary>SQL statements that merge "stage" into the warehouse; parameters @delivery (bigint) and @feed (text).
    /// The last statement returns the number of rows loaded.</summary>
    public abstract string MergeSql { get; }

    public IEnumerable<string> RequiredColumns => Columns.Where(c => c.Required).Select(c => c.Name);
}

/// <summary>A parsed row: values by column name (null when empty), with its source line.</summary>
public sealed class StagedRow(long line, object?[] values, IReadOnlyList<ColumnSpec> columns)
{
    public long Line { get; } = line;
    public object?[] Values { get; } = values;

    public T? Get<T>(string column) where T : struct
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Name == column) return Values[i] is T t ? t : null;
        throw new ArgumentException($"Onbekende kolom {column}");
    }

    public string? Text(string column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Name == column) return Values[i] as string;
        throw new ArgumentException($"Onbekende kolom {column}");
    }
}
