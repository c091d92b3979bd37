namespace Monitor.Feeds.Formats;

/// <summary>
/// Reads a JSON delivery in two streaming passes. The first checks the whole file and collects the header: the union
/// of all keys in order of first appearance, because producers often leave out a key whose value is null, and a
/// column must not vanish because the first object happened to lack it. The second pass yields the rows.
/// </summary>
internal sealed class JsonTableReader : ITableReader
{
    private const int MaxProblems = 100;

    private readonly Stream _source;
    private readonly bool _ownsSource;
    private readonly HeaderMatcher _names;
    private readonly Dictionary<string, int> _columns;
    private readonly JsonRowScanner _scanner;
    private readonly List<JsonField> _fields = [];
    private string?[] _cells = [];

    private JsonTableReader(Stream source, bool ownsSource, string file, TableReadOptions options, HeaderMatcher names, List<string> header)
    {
        _source = source;
        _ownsSource = ownsSource;
        _names = names;
        Header = header;
        _columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        _scanner = new JsonRowScanner(source, file, options);
    }

    /// <param name="source">Seekable; disposed with the reader when <paramref name="ownsSource"/>.</param>
    public static JsonTableReader Open(Stream source, bool ownsSource, string file, TableReadOptions options)
    {
        try
        {
            var names = new HeaderMatcher(file, options);
            var start = source.Position;
            var header = Survey(source, file, options, names);
            source.Position = start;
            return new JsonTableReader(source, ownsSource, file, options, names, header);
        }
        catch
        {
            if (ownsSource) source.Dispose();
            throw;
        }
    }

    public string Format => "json";
    public IReadOnlyList<string> Header { get; }
    public NumberStyleHint Numbers => NumberStyleHint.Invariant;
    public long Line { get; private set; }
    public int FieldCount => _cells.Length;

    public string? Get(int column) => column >= 0 && column < _cells.Length ? _cells[column] : null;

    public bool Read()
    {
        while (_scanner.Next(_fields, out var line))
        {
            Line = line;
            _cells = new string?[Header.Count];
            foreach (var field in _fields)
                _cells[_columns[_names.Name(field.Key)]] = field.Value?.Trim() is { Length: > 0 } value ? value : null;
            if (Array.Exists(_cells, c => c is not null)) return true;
        }
        return false;
    }

    public void Dispose()
    {
        if (_ownsSource) _source.Dispose();
    }

    /// <summary>The first pass: every object is checked, and the header is every key seen.</summary>
    private static List<string> Survey(Stream source, string file, TableReadOptions options, HeaderMatcher names)
    {
        var scanner = new JsonRowScanner(source, file, options);
        var header = new List<string>();
        var seen = new HashSet<string>();
        var inObject = new HashSet<string>();
        var fields = new List<JsonField>();
        var problems = new List<Problem>();
        var rows = 0L;
        while (problems.Count < MaxProblems && scanner.Next(fields, out var line))
        {
            rows++;
            inObject.Clear();
            foreach (var field in fields)
            {
                var name = names.Name(field.Key);
                if (seen.Add(name)) header.Add(name);
                if (!inObject.Add(name))
                    problems.Add(new Problem(file, line, name, $"Veld '{field.Key}' staat meer dan eens in dit object."));
                if (field.Nested)
                    problems.Add(new Problem(file, line, name, $"Veld '{field.Key}' bevat een lijst of object; verwacht één waarde."));
            }
        }
        if (problems.Count > 0) throw new FeedFormatException(problems.Take(MaxProblems).ToList());
        if (rows == 0) return names.Required.ToList(); // an empty delivery is valid: nothing to say about its keys
        var found = header.Count == 0 ? "geen" : string.Join(", ", header.Take(30));
        var missing = names.Required.Where(r => !seen.Contains(r))
            .Select(r => new Problem(file, null, r, $"Kolom '{r}' ontbreekt: geen enkel object heeft dit veld. Gevonden velden: {found}."))
            .ToList();
        if (missing.Count > 0) throw new FeedFormatException(missing);
        return header;
    }
}
