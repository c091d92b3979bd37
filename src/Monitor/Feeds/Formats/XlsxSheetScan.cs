using System.Globalization;

namespace Monitor.Feeds.Formats;

/// <summary>
/// Reads one worksheet's XML as it is decompressed, for what ExcelDataReader would otherwise find out the slow or the
/// wrong way. The reader walks every row up to the last one the sheet names, each as wide as the widest row: one cell
/// at XFD1048576 in a 2.5 KB file is a walk over 17 billion empty cells. So the cells' own coordinates (the r="B7"
/// attributes) are counted here, and a sheet whose walk is far beyond the cells it holds is refused before the walk.
/// And text cells that point into a shared-strings part the archive does not have would read as their index (0, 1, 2).
/// </summary>
internal sealed class XlsxSheetScan
{
    /// <summary>Cells the walk may pass whatever the sheet holds: about a second of the reader's time.</summary>
    public const long FreeCells = 64L << 20;

    /// <summary>Beyond <see cref="FreeCells"/>, the walk may be this many times the cells present.</summary>
    public const long CellsPerCellPresent = 16;

    private const int Carry = 32;                     // longer than ' r="XFD1048576"' and ' t="s"'
    private readonly byte[] _window = new byte[Carry + (1 << 16)];
    private int _carried;
    private long _cells;
    private long _lastRow;
    private long _lastColumn;

    /// <summary>Whether a cell said its text is in the shared strings (t="s").</summary>
    public bool UsesSharedStrings { get; private set; }

    /// <summary>Scans the next decompressed bytes of the sheet.</summary>
    public void Add(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var take = Math.Min(bytes.Length, _window.Length - _carried);
            bytes[..take].CopyTo(_window.AsSpan(_carried));
            bytes = bytes[take..];
            var filled = _carried + take;
            var keep = Math.Min(filled - ScanAttributes(_window.AsSpan(0, filled)), Carry);
            _window.AsSpan(filled - keep, keep).CopyTo(_window);
            _carried = keep;
        }
    }

    /// <summary>The problem with the sheet, or null.</summary>
    public string? Problem(bool archiveHasSharedStrings)
    {
        if (UsesSharedStrings && !archiveHasSharedStrings)
            return "Het XLSX-bestand zet tekst in 'gedeelde teksten' (sharedStrings.xml), maar dat onderdeel ontbreekt in het bestand: " +
                   "de tekstcellen, ook de kopregel, zijn niet te lezen (ze zouden als 0, 1, 2… verschijnen). Het programma dat het " +
                   "bestand maakte, schreef het onvolledig; open het in Excel en sla het opnieuw op, of lever CSV.";
        var walk = _lastRow * _lastColumn;
        if (walk <= FreeCells || walk <= CellsPerCellPresent * _cells) return null;
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        return $"Het werkblad loopt tot cel {ColumnName(_lastColumn)}{_lastRow} terwijl het maar {_cells.ToString("N0", dutch)} cellen " +
               $"bevat: om die te bereiken zouden {walk.ToString("N0", dutch)} lege cellen gelezen moeten worden. Meestal staat er ver " +
               "rechts of onder de tabel nog een waarde of opmaak; verwijder de rijen en kolommen buiten de tabel en sla het bestand opnieuw op.";
    }

    /// <summary>Finds each complete ' r="…"' and ' t="s"' in the window; returns where the bytes to read again begin
    /// (an attribute cut off by the end of the window, or at least the last byte, which may be the space before one).</summary>
    private int ScanAttributes(ReadOnlySpan<byte> window)
    {
        var at = 0;
        while (true)
        {
            var found = window[at..].IndexOfAny((byte)'r', (byte)'t');
            if (found < 0) return window.Length - 1;
            var start = at + found;
            at = start + 1;
            if (start == 0 || !IsSpace(window[start - 1])) continue;
            if (window.Length - start < 3) return start - 1;
            if (window[start + 1] != '=' || window[start + 2] is not ((byte)'"' or (byte)'\'')) continue;
            var end = window[(start + 3)..].IndexOf(window[start + 2]);
            if (end < 0)
            {
                if (window.Length - start < Carry - 1) return start - 1;
                continue; // longer than any reference: not one
            }
            var value = window.Slice(start + 3, end);
            at = start + 4 + end;
            if (window[start] == 't') UsesSharedStrings |= value.SequenceEqual("s"u8);
            else Reference(value);
        }
    }

    /// <summary>"B7" is a cell (column B, row 7); "7" is a row.</summary>
    private void Reference(ReadOnlySpan<byte> value)
    {
        long column = 0, row = 0;
        var i = 0;
        for (; i < value.Length && value[i] is >= (byte)'A' and <= (byte)'Z' && column < 1 << 20; i++) column = column * 26 + value[i] - 'A' + 1;
        for (; i < value.Length && value[i] is >= (byte)'0' and <= (byte)'9' && row < 1 << 24; i++) row = row * 10 + value[i] - '0';
        if (i != value.Length || row == 0) return;
        _lastRow = Math.Max(_lastRow, row);
        if (column == 0) return;
        _cells++;
        _lastColumn = Math.Max(_lastColumn, column);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static string ColumnName(long column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}
