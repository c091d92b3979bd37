using Sylvan.Data.Csv;

namespace Monitor.Feeds.Formats;

/// <summary>
/// Reads a CSV delivery with Sylvan, one record at a time in constant memory: the record buffer grows only up to
/// <see cref="TableReadOptions.MaxLineBytes"/> characters. Line numbers are physical: each record's raw text is
/// scanned for line breaks, so a quoted field spanning lines moves the count on correctly.
/// </summary>
internal sealed class CsvTableReader : ITableReader
{
    private const int InitialBufferChars = 1 << 16;
    private const string QuotingMessage =
        "De aanhalingstekens (\") kloppen niet vanaf deze regel: een veld dat met \" begint moet eindigen met \" " +
        "gevolgd door het scheidingsteken of het einde van de regel, en een \" binnen zo'n veld schrijf je als \"\".";

    private readonly string _file;
    private readonly int _maxLineBytes;
    private readonly InvalidByteCounter? _invalidBytes;
    private readonly CsvDataReader _csv;
    private readonly Func<bool> _read;                   // one delegate for every record, not one allocated per record
    private string?[] _cells = [];
    private long _nextLine = 1;

    private CsvTableReader(TextReader text, char delimiter, InvalidByteCounter? invalidBytes, string file, TableReadOptions options,
        HeaderMatcher header)
    {
        _file = file;
        _maxLineBytes = options.MaxLineBytes;
        _invalidBytes = invalidBytes;
        Numbers = delimiter == ';' ? NumberStyleHint.Dutch : NumberStyleHint.Invariant;
        var csvOptions = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            Comment = '\0', // '#' is Sylvan's default comment mark; in a delivery it is data
            BufferSize = Math.Min(InitialBufferChars, options.MaxLineBytes),
            MaxBufferSize = options.MaxLineBytes,
            OwnsReader = true,
        };
        _csv = Guard(() => CsvDataReader.Create(text, csvOptions));
        _read = _csv.Read;
        try
        {
            Header = FindHeader(header);
        }
        catch
        {
            _csv.Dispose();
            throw;
        }
    }

    /// <param name="content">The whole delivery, byte order mark included.</param>
    /// <param name="head">Its first bytes, to detect encoding and delimiter.</param>
    /// <param name="headIsWholeFile">Whether head holds all of content.</param>
    public static CsvTableReader Open(Stream content, ReadOnlySpan<byte> head, bool headIsWholeFile, string file, TableReadOptions options)
    {
        var encoding = CsvEncoding.Detect(head, headIsWholeFile);
        var header = new HeaderMatcher(file, options);
        var delimiter = CsvDelimiter.Detect(encoding.Sample(head), header);
        content.ReadExactly(new byte[encoding.PreambleLength]);
        var text = new StreamReader(content, encoding.Encoding, detectEncodingFromByteOrderMarks: false, InitialBufferChars, leaveOpen: true);
        return new CsvTableReader(text, delimiter, encoding.InvalidBytes, file, options, header);
    }

    public string Format => "csv";
    public IReadOnlyList<string> Header { get; }
    public NumberStyleHint Numbers { get; }
    public long Line { get; private set; }
    public int FieldCount => _cells.Length;

    public string? Get(int column) => column >= 0 && column < _cells.Length ? _cells[column] : null;

    public bool Read()
    {
        while (NextRecord())
            if (!IsEmpty()) return true;
        return false;
    }

    public void Dispose() => _csv.Dispose();

    private string[] FindHeader(HeaderMatcher header)
    {
        while (NextRecord())
        {
            if (IsEmpty()) continue;
            if (header.Offer(Line, _cells) is { } names) return names;
        }
        throw header.NotFound("Het bestand is leeg.");
    }

    private bool NextRecord()
    {
        if (!Guard(_read)) return false;
        var raw = _csv.GetRawRecordSpan();
        Line = _nextLine;
        _nextLine += LineBreaks(raw);
        if (_invalidBytes is { Count: > 0 } && raw.Contains('\uFFFD'))
            throw Problem(Line, "Deze regel bevat tekens die geen geldige UTF-8 zijn, terwijl het begin van het bestand wel UTF-8 is. " +
                                "Sla het hele bestand in één codering op, bij voorkeur als 'CSV UTF-8'.");
        if (_cells.Length != _csv.RowFieldCount) _cells = new string?[_csv.RowFieldCount];
        for (var i = 0; i < _cells.Length; i++)
            _cells[i] = _csv.GetString(i).Trim() is { Length: > 0 } cell ? cell : null;
        return true;
    }

    private bool IsEmpty() => Array.TrueForAll(_cells, c => c is null);

    /// <summary>"\r\n", "\n" and a lone "\r" each end one physical line.</summary>
    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        var count = raw.Count('\n');
        if (raw.Contains('\r'))
            for (var i = 0; i < raw.Length; i++)
                if (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')) count++;
        return count;
    }

    // Sylvan reports trouble while reading the record that starts on _nextLine.
    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvRecordTooLargeException)
        {
            throw Problem(_nextLine, $"Deze regel is langer dan {Sizes.Describe(_maxLineBytes)}. Meestal komt dat door een " +
                                     "aanhalingsteken (\") dat niet wordt afgesloten, zodat de rest van het bestand één veld lijkt.");
        }
        catch (CsvFormatException)
        {
            throw Problem(_nextLine, QuotingMessage);
        }
    }

    private FeedFormatException Problem(long line, string message) => new(new Problem(_file, line, null, message));
}
