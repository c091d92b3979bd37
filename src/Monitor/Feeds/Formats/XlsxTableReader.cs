using System.Globalization;
using System.Xml;
using ExcelDataReader;

namespace Monitor.Feeds.Formats;

/// <summary>
/// Reads one sheet of an XLSX delivery with ExcelDataReader, which streams the sheet's rows. Line is the Excel row
/// number the user sees. Numbers are Dutch for the whole table (<see cref="Numbers"/>): text cells are what a Dutch
/// user typed ("1.234", "12,5"), and numeric cells are rendered to match, without grouping and with a decimal comma.
/// </summary>
internal sealed class XlsxTableReader : ITableReader
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    private readonly Stream _source;
    private readonly bool _ownsSource;
    private readonly string _file;
    private readonly IExcelDataReader _excel;
    private string?[] _cells = [];

    private XlsxTableReader(Stream source, bool ownsSource, string file, TableReadOptions options)
    {
        _source = source;
        _ownsSource = ownsSource;
        _file = file;
        LegacyEncodings.Register();
        _excel = Guard(() => ExcelReaderFactory.CreateOpenXmlReader(source, new ExcelReaderConfiguration { LeaveOpen = true }));
        try
        {
            var sheet = SelectSheet(options.Sheet);
            Header = FindHeader(new HeaderMatcher(file, options), sheet);
        }
        catch
        {
            _excel.Dispose();
            throw;
        }
    }

    /// <param name="source">Seekable; disposed with the reader when <paramref name="ownsSource"/>.</param>
    public static XlsxTableReader Open(Stream source, bool ownsSource, string file, TableReadOptions options)
    {
        try
        {
            XlsxArchiveCheck.Check(source, file, options.MaxUncompressedBytes);
            source.Position = 0;
            return new XlsxTableReader(source, ownsSource, file, options);
        }
        catch
        {
            if (ownsSource) source.Dispose();
            throw;
        }
    }

    public string Format => "xlsx";
    public IReadOnlyList<string> Header { get; }
    public NumberStyleHint Numbers => NumberStyleHint.Dutch;
    public long Line { get; private set; }
    public int FieldCount => _cells.Length;

    public string? Get(int column) => column >= 0 && column < _cells.Length ? _cells[column] : null;

    public bool Read()
    {
        while (NextRow())
            if (!IsEmpty()) return true;
        return false;
    }

    public void Dispose()
    {
        _excel.Dispose();
        if (_ownsSource) _source.Dispose();
    }

    /// <summary>The cell as text: numbers with a decimal comma and no grouping, dates as yyyy-MM-dd.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim() is { Length: > 0 } text ? text : null,
        // decimal keeps the 15 significant digits Excel shows, so 0.1+0.2 reads as 0,3 and not 0,30000000000000004.
        double d when Math.Abs(d) < 1e27 => ((decimal)d).ToString("0.############################", DecimalComma),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The named sheet, or else the first visible one; ExcelDataReader is left positioned on it.</summary>
    private string SelectSheet(string? wanted)
    {
        var names = new List<string>();
        do
        {
            var name = _excel.Name;
            if (wanted is null ? _excel.VisibleState == "visible" : string.Equals(name.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                return name;
            names.Add(name);
        } while (Guard(_excel.NextResult));
        throw Problem(null, wanted is null
            ? "Het XLSX-bestand heeft geen zichtbaar werkblad."
            : $"Werkblad '{wanted}' bestaat niet in dit bestand. Werkbladen: {string.Join(", ", names.Select(n => $"'{n}'"))}.");
    }

    private string[] FindHeader(HeaderMatcher header, string sheet)
    {
        while (NextRow())
        {
            if (IsEmpty()) continue;
            if (header.Offer(Line, _cells) is { } names) return names;
        }
        throw header.NotFound($"Werkblad '{sheet}' is leeg.");
    }

    private bool NextRow()
    {
        if (!Guard(_excel.Read)) return false;
        Line = _excel.Depth + 1; // ExcelDataReader counts rows from 0, including rows absent from the file
        if (_cells.Length != _excel.FieldCount) _cells = new string?[_excel.FieldCount];
        for (var i = 0; i < _cells.Length; i++) _cells[i] = Text(_excel.GetValue(i));
        return true;
    }

    private bool IsEmpty() => Array.TrueForAll(_cells, c => c is null);

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or XmlException
                                      or FormatException or InvalidCastException)
        {
            var where = Line == 0 ? "" : $" na rij {Line}";
            throw Problem(null, $"Het XLSX-bestand is beschadigd en kan{where} niet verder worden gelezen ({e.Message}). " +
                                "Sla het opnieuw op vanuit Excel.");
        }
    }

    private FeedFormatException Problem(long? line, string message) => new(new Problem(_file, line, null, message));
}
