namespace Monitor.Feeds.Formats;

/// <summary>
/// Finds the header row the way a spreadsheet user expects: the first row, among the first
/// <see cref="MaxRowsSearched"/> non-empty rows, that holds every required column; rows above it are titles. Shared by
/// CSV and XLSX so both tolerate title rows alike, and both explain a missing column against the first row.
/// </summary>
internal sealed class HeaderMatcher
{
    public const int MaxRowsSearched = 20;
    private const int MaxNamesShown = 30;

    private readonly string _file;
    private readonly Dictionary<string, string> _mapping = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _required;
    private (long Line, string[] Cells)? _firstRow;
    private int _rowsSeen;

    public HeaderMatcher(string file, TableReadOptions options)
    {
        _file = file;
        _required = options.RequiredColumns.Select(Clean).Where(c => c.Length > 0).Distinct().ToArray();
        foreach (var (fromFile, canonical) in options.ColumnMapping ?? new Dictionary<string, string>())
            _mapping[Clean(fromFile)] = Clean(canonical);
    }

    /// <summary>Trimmed (also of a stray byte order mark) and lower-cased.</summary>
    public static string Clean(string? cell) => (cell ?? "").Trim().Trim('\uFEFF').Trim().ToLowerInvariant();

    /// <summary>The canonical names for a row of header cells: cleaned, then mapped.</summary>
    public string[] Names(IReadOnlyList<string?> cells) => cells.Select(Name).ToArray();

    /// <summary>The canonical name for one header cell or JSON key.</summary>
    public string Name(string? cell) => Clean(cell) is var name && _mapping.TryGetValue(name, out var mapped) ? mapped : name;

    /// <summary>The required columns, canonical.</summary>
    public IReadOnlyList<string> Required => _required;

    /// <summary>Whether these cells, as a header, hold every required column.</summary>
    public bool HoldsRequired(IReadOnlyList<string?> cells) => HoldsRequired(Names(cells));

    private bool HoldsRequired(string[] names) => _required.All(names.Contains);

    /// <summary>
    /// Offers the next non-empty row. Returns its names when it is the header, null to keep looking; throws when the
    /// search is over without a header.
    /// </summary>
    public string[]? Offer(long line, IReadOnlyList<string?> cells)
    {
        _firstRow ??= (line, cells.Select(c => c?.Trim() ?? "").ToArray());
        var names = Names(cells);
        if (HoldsRequired(names))
        {
            ThrowOnDuplicates(line, names);
            return names;
        }
        if (++_rowsSeen >= MaxRowsSearched) throw Missing();
        return null;
    }

    /// <summary>The input ended before a header was found: empty, or no row with the required columns.</summary>
    public FeedFormatException NotFound(string whenEmpty) =>
        _firstRow is null ? new FeedFormatException(new Problem(_file, null, null, whenEmpty)) : Missing();

    private FeedFormatException Missing()
    {
        var (line, cells) = _firstRow!.Value;
        var names = Names(cells);
        var shown = cells.Where(c => c.Length > 0).Select(c => c.Replace("\t", " [tab] ")).ToList();
        var found = shown.Count == 0 ? "geen" : string.Join(", ", shown.Take(MaxNamesShown)) + (shown.Count > MaxNamesShown ? ", …" : "");
        var problems = _required.Where(r => !names.Contains(r)).Select(column =>
        {
            var aliases = _mapping.Where(m => m.Value == column).Select(m => $"'{m.Key}'").ToList();
            var alias = aliases.Count == 0 ? "" : $" (in dit bestand {string.Join(" of ", aliases)})";
            return new Problem(_file, line, column, $"Kolom '{column}'{alias} ontbreekt in de kopregel. Gevonden kolommen: {found}.");
        }).ToList();
        if (shown.Count == 1 && cells.Any(c => c.Contains('\t')))
            problems.Add(new Problem(_file, line, null,
                "De kopregel lijkt met tabs gescheiden; gebruik een puntkomma (;) of komma (,) als scheidingsteken."));
        return new FeedFormatException(problems);
    }

    private void ThrowOnDuplicates(long line, string[] names)
    {
        var problems = names.Select((name, index) => (name, index))
            .Where(c => c.name.Length > 0)
            .GroupBy(c => c.name)
            .Where(g => g.Count() > 1)
            .Select(g => new Problem(_file, line, g.Key,
                $"Kolom '{g.Key}' staat meer dan eens in de kopregel (kolommen {string.Join(", ", g.Select(c => c.index + 1))})."))
            .ToList();
        if (problems.Count > 0) throw new FeedFormatException(problems);
    }
}
