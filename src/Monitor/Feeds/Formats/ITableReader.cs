namespace Monitor.Feeds.Formats;

/// <summary>How numbers in a table are written: Dutch (1.234,5) in ';' CSV files and in XLSX (whose numeric cells are
/// rendered to match); invariant (1234.5) in ',' CSV files and JSON.</summary>
public enum NumberStyleHint { Invariant, Dutch }

/// <summary>
/// A delivery read as a table: the header, then data rows of text cells, each with its source line.
/// Streaming: one row at a time, so a file of gigabytes never has to fit in memory.
/// </summary>
public interface ITableReader : IDisposable
{
    /// <summary>csv, xlsx or json.</summary>
    string Format { get; }

    /// <summary>Header names as found, trimmed and lower-cased (column mapping already applied).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>How numeric text in this table is written.</summary>
    NumberStyleHint Numbers { get; }

    /// <summary>Moves to the next data row; false at the end. Entirely empty rows are skipped.</summary>
    bool Read();

    /// <summary>1-based source line of the current row.</summary>
    long Line { get; }

    /// <summary>Number of cells in the current row (may differ from Header.Count in a broken file).</summary>
    int FieldCount { get; }

    /// <summary>The cell text, trimmed; null when the cell is empty or absent. Typed numbers (XLSX numeric cells, JSON
    /// numbers) come without thousands separators and with the decimal separator of <see cref="Numbers"/>, so one rule
    /// reads every cell of a table: XLSX "1234,5" (Dutch), JSON "1234.5" (invariant). Dates come as "2025-07-01".</summary>
    string? Get(int column);
}

/// <summary>How to read one delivery.</summary>
/// <param name="RequiredColumns">Canonical names the header must contain (after mapping); used to find the header row
/// below title rows and to report missing columns.</param>
/// <param name="ColumnMapping">Header in the file (case-insensitive) → canonical column name.</param>
/// <param name="Sheet">XLSX sheet name; the first sheet when null.</param>
/// <param name="MaxLineBytes">A row longer than this is a problem, not an out-of-memory.</param>
/// <param name="MaxUncompressedBytes">XLSX: refuse archives that expand beyond this (zip bombs).</param>
/// <param name="MaxJsonDepth">JSON: refuse nesting deeper than this.</param>
public sealed record TableReadOptions(
    IReadOnlyCollection<string> RequiredColumns,
    IReadOnlyDictionary<string, string>? ColumnMapping = null,
    string? Sheet = null,
    int MaxLineBytes = 1 << 20,
    long MaxUncompressedBytes = 512L << 20,
    int MaxJsonDepth = 8);
