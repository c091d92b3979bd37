using System.Runtime.CompilerServices;
using Monitor.Feeds.Formats;
using Monitor.Feeds.Kinds;
using Monitor.Warehouse;
using ValueType = Monitor.Feeds.Kinds.ValueType;

namespace Monitor.Feeds.Loading;

/// <summary>
/// Reads a delivery row by row, turns each cell into a typed value, maps old gemeente codes, and writes the rows to a
/// binary COPY (<see cref="CopyRows"/>): the staging table, or (for a delivery of new snapshots only) the fact table itself. Problems are
/// collected (all counted, the first <see cref="MaxReported"/> kept); once one is found, rows are still read and checked
/// but no longer written, since the delivery will be rejected as a whole.
/// The hot loop allocates nothing per row beyond the cells the reader hands out: values live in typed slots, the
/// column plan is computed once, and one <see cref="StagedRow"/> is reused for the row checks.
/// </summary>
public sealed class RowStager
{
    public const int MaxReported = 200;

    private readonly FeedKind _kind;
    private readonly GemeenteCodeMap _codes;
    private readonly string _fileName;
    private readonly ColumnSpec[] _columns;
    private readonly bool _mapsCodes;
    private readonly bool[] _splitCount;                 // per column: a count divided over a split code's successors
    private readonly RowValues _values;
    private readonly StagedRow _row;
    private readonly string?[] _target;                  // per column: the current gemeente a delivered code stands for
    private readonly int[]?[] _parts;                    // per column: a split count's part per successor
    private int _splitColumn = -1;
    private IReadOnlyList<(string Code, decimal Share)> _splitTargets = [];
    private readonly DeliveryKeys? _keys;
    private readonly int _codeDate;                      // the column whose date decides which herindelingen apply; -1: today
    private readonly DateOnly _today;

    public RowStager(FeedKind kind, GemeenteCodeMap codes, string fileName, DateOnly today)
    {
        (_kind, _codes, _fileName) = (kind, codes, fileName);
        _columns = kind.Columns.ToArray();
        _mapsCodes = kind is not GemeentenKind and not HerindelingenKind;
        _splitCount = _columns.Select(c => kind.SplitCounts.Contains(c.Name)).ToArray();
        _values = new RowValues(_columns.Length);
        _row = new StagedRow(_values, _columns, today);
        _target = new string?[_columns.Length];
        _parts = new int[]?[_columns.Length];
        if (kind.DeliveryKey.Count > 0) _keys = new DeliveryKeys(kind.DeliveryKey.Select(IndexOfColumn).ToArray());
        _codeDate = kind.CodeDateColumn is { } dateColumn ? IndexOfColumn(dateColumn) : -1;
        _today = today;
    }

    public List<Problem> Problems { get; } = [];
    public int ProblemCount { get; private set; }
    public long RowsRead { get; private set; }
    public long RowsStaged { get; private set; }

    /// <summary>Every row had its own delivery key (<see cref="FeedKind.DeliveryKey"/>): checks across rows for one key
    /// delivered twice have nothing to find, and nothing needs deduplicating.</summary>
    public bool KeysUnique => _keys is { Unique: true };

    /// <summary>The distinct values of the delivery key's first column (for plekken: the peildata), in file order.</summary>
    public IReadOnlyList<DateOnly> KeyBlocks => _keys?.Blocks ?? [];

    public void Report(long? line, string? column, string message)
    {
        ProblemCount++;
        if (Problems.Count < MaxReported) Problems.Add(new Problem(_fileName, line, column, message));
    }

    /// <summary>Every row into the staging table "stage" (<see cref="StagingTable"/>).</summary>
    public Task StageAsync(ITableReader reader, CopyRows copy, CancellationToken ct)
    {
        Run(reader, copy, Plan(new StagingTable(_kind).Columns.Select(c => c.Name)), null, 0, null, ct);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every row straight into the kind's fact table (<see cref="FeedKind.Direct"/>), as long as each row's key block is
    /// new (<paramref name="newBlock"/>) and each key comes once. Returns false as soon as a row breaks that (nothing is
    /// completed; the caller rolls the COPY back and stages the delivery instead); true when the whole file was read.
    /// </summary>
    public Task<bool> LoadDirectAsync(ITableReader reader, CopyRows copy, IReadOnlyList<string> factColumns, string feed,
        long deliveryId, Func<DateOnly, bool> newBlock, CancellationToken ct) =>
        Task.FromResult(Run(reader, copy, Plan(factColumns), feed, deliveryId, newBlock, ct));

    /// <summary>
    /// The row loop. Synchronous on purpose: the reader is synchronous, and the COPY writes go to Npgsql's buffer and
    /// only block when it flushes, so an await per cell would cost more than it saves. Compiled fully optimised at once,
    /// because one call runs for millions of rows and would otherwise start in unoptimised code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Run(ITableReader reader, CopyRows copy, Output[] plan, string? feed, long deliveryId,
        Func<DateOnly, bool>? newBlock, CancellationToken ct)
    {
        var index = _columns.Select(c => IndexOf(reader.Header, c.Name)).ToArray();
        var numbers = reader.Numbers;
        var width = NamedWidth(reader.Header);
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            RowsRead++;
            var line = reader.Line;
            var before = ProblemCount;
            if (reader.FieldCount > width) CheckBeyondHeader(reader, width, line);
            _values.Clear();
            for (var i = 0; i < _columns.Length; i++)
            {
                var text = index[i] >= 0 ? reader.Get(index[i]) : null;
                if (text is null)
                {
                    if (_columns[i].Required) Report(line, _columns[i].Name, $"{_columns[i].Name} is leeg; deze kolom is verplicht.");
                    continue;
                }
                if (!CellParser.TryParseInto(_columns[i], text, numbers, _values, i, out var error)) Report(line, _columns[i].Name, error);
            }
            if (ProblemCount > before) continue;

            _row.Line = line;
            foreach (var (column, message) in _kind.CheckRow(_row)) Report(line, column, message);
            if (ProblemCount > before) continue;

            if (_mapsCodes) MapCodes(line);
            if (ProblemCount > 0) continue;
            if (_keys is not null && !_keys.Add(_values, newBlock) && newBlock is not null) return false;
            Write(copy, plan, line, feed, deliveryId);
        }
        return true;
    }

    /// <summary>Columns up to the last one the header names: a trailing separator in the header adds no column.</summary>
    private static int NamedWidth(IReadOnlyList<string> header)
    {
        var width = header.Count;
        while (width > 0 && header[width - 1].Length == 0) width--;
        return width;
    }

    /// <summary>
    /// A value past the last named column belongs to no column, and usually means the values before it moved one column
    /// on: in a ',' file an unquoted 1,500 is two fields, so capaciteit reads 1 and the 500 would silently be dropped.
    /// Trailing empty fields (a separator too many at the end) are harmless.
    /// </summary>
    private void CheckBeyondHeader(ITableReader reader, int width, long line)
    {
        var first = width;
        while (first < reader.FieldCount && reader.Get(first) is null) first++;
        if (first == reader.FieldCount) return;
        var commaCsv = reader.Format == "csv" && reader.Numbers == Formats.NumberStyleHint.Invariant;
        Report(line, (first + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Deze regel heeft meer velden dan de kopregel, die {width} kolommen heeft: '{reader.Get(first)}' in veld " +
            $"{first + 1} hoort bij geen kolom, en de waarden ervoor staan misschien een kolom verschoven." + (commaCsv
                ? " Staat er een getal met een komma voor duizendtallen in (1,500)? In een bestand met komma's als scheidingsteken " +
                  "wordt dat twee velden: schrijf 1500, of zet het getal tussen aanhalingstekens (\"1,500\")."
                : " Geef elke kolom een naam in de kopregel, of haal de waarde weg."));
    }

    /// <summary>Resolves the row's gemeente codes to the gemeenten they stand for on the row's date (a herindeling acts
    /// from its datum on); a split code (one column) is remembered with its successors and the counts apportioned over them.</summary>
    private void MapCodes(long line)
    {
        _splitColumn = -1;
        var date = _codeDate >= 0 && _values.Has[_codeDate] ? _values.Date[_codeDate] : _today;
        for (var i = 0; i < _columns.Length; i++)
        {
            _target[i] = null;
            _parts[i] = null;
            var col = _columns[i];
            if (col.Type is not (ValueType.GemeenteCode or ValueType.GebiedCode) || !_values.Has[i]) continue;
            var code = _values.Text[i]!;
            if (col.Type == ValueType.GebiedCode && !code.StartsWith("GM", StringComparison.Ordinal))
            {
                var known = code.StartsWith("PV", StringComparison.Ordinal) ? _codes.Provincies.Contains(code)
                          : code.StartsWith("VR", StringComparison.Ordinal) ? _codes.Veiligheidsregios.Contains(code)
                          : code == "NL" && _kind is ContactenKind;
                if (!known) Report(line, col.Name, $"onbekende gebiedcode {code}: laad eerst de gemeenten (met provincies en veiligheidsregio's).");
                continue;
            }
            var targets = _codes.Resolve(code, date);
            if (targets.Count == 0)
                Report(line, col.Name, _codes.HasGemeenten
                    ? $"onbekende gemeentecode {code}: die staat niet in de gemeenten en niet in de herindelingen."
                    : $"gemeentecode {code} kan niet worden gecontroleerd: laad eerst de gemeenten.");
            else if (targets.Count > 1 && !_kind.AllowSplitCodes)
                Report(line, col.Name, $"gemeentecode {code} is bij een herindeling gesplitst over {string.Join(", ", targets.Select(t => t.Code))}; gebruik de nieuwe code.");
            else if (targets.Count > 1) (_splitColumn, _splitTargets) = (i, targets);
            else if (targets[0].Code != code) _target[i] = targets[0].Code;
        }
        if (_splitColumn < 0) return;
        var shares = _splitTargets.Select(t => t.Share).ToArray();
        for (var i = 0; i < _columns.Length; i++)
            if (_splitCount[i] && _values.Has[i] && _columns[i].Type == ValueType.Count)
                _parts[i] = GemeenteCodeMap.Apportion(_values.Int[i], shares);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(CopyRows copy, Output[] plan, long line, string? feed, long deliveryId)
    {
        var copies = _splitColumn >= 0 ? _splitTargets.Count : 1;
        for (var k = 0; k < copies; k++)
        {
            copy.StartRow();
            foreach (var o in plan)
            {
                var i = o.Source;
                switch (o.Kind)
                {
                    case OutputKind.Line: copy.Write((int)line); continue;
                    case OutputKind.Lines: copy.WriteSingletonArray((int)line); continue;
                    case OutputKind.Feed: copy.Write(feed!); continue;
                    case OutputKind.Delivery: copy.Write(deliveryId); continue;
                }
                if (!_values.Has[i]) { copy.Null(); continue; }
                var bron = o.Kind == OutputKind.Bron;
                switch (_columns[i].Type)
                {
                    case ValueType.Count: copy.Write(!bron && _parts[i] is { } p ? p[k] : _values.Int[i]); break;
                    case ValueType.Date: copy.Write(_values.Date[i]); break;
                    case ValueType.Decimal: copy.Write(_values.Decimal[i]); break;
                    default: copy.Write(bron ? _values.Text[i]! : i == _splitColumn ? _splitTargets[k].Code : _target[i] ?? _values.Text[i]!); break;
                }
            }
            copy.EndRow();
            RowsStaged++;
        }
    }

    private enum OutputKind { Value, Bron, Line, Lines, Feed, Delivery }

    private readonly record struct Output(OutputKind Kind, int Source);

    /// <summary>Target columns by name: line, source_lines, feed, delivery_id, bron_&lt;column&gt; or a column of the kind.</summary>
    private Output[] Plan(IEnumerable<string> names) => names.Select(n => n switch
    {
        "line" => new Output(OutputKind.Line, -1),
        "source_lines" => new Output(OutputKind.Lines, -1),
        "feed" => new Output(OutputKind.Feed, -1),
        "delivery_id" => new Output(OutputKind.Delivery, -1),
        _ when n.StartsWith("bron_", StringComparison.Ordinal) => new Output(OutputKind.Bron, IndexOfColumn(n["bron_".Length..])),
        _ => new Output(OutputKind.Value, IndexOfColumn(n)),
    }).ToArray();

    private int IndexOfColumn(string name) =>
        Array.FindIndex(_columns, c => c.Name == name) is var i and >= 0 ? i : throw new ArgumentException($"{_kind.Name} heeft geen kolom {name}.");

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++) if (header[i] == name) return i;
        return -1;
    }
}
