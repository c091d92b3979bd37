using Monitor.Feeds.Formats;
using Monitor.Feeds.Kinds;
using Npgsql;
using ValueType = Monitor.Feeds.Kinds.ValueType;

namespace Monitor.Feeds.Loading;

/// <summary>
/// Reads a delivery row by row, turns each cell into a typed value, maps old gemeente codes, and writes the rows to the
/// staging COPY. Problems are collected (all counted, the first <see cref="MaxReported"/> kept); once one is found,
/// rows are still read and checked but no longer written, since the delivery will be rejected as a whole.
/// </summary>
public sealed class RowStager(FeedKind kind, GemeenteCodeMap codes, string fileName)
{
    public const int MaxReported = 200;
    private readonly StagingTable _table = new(kind);
    private readonly bool _mapsCodes = kind is not GemeentenKind and not HerindelingenKind;

    public List<Problem> Problems { get; } = [];
    public int ProblemCount { get; private set; }
    public long RowsRead { get; private set; }
    public long RowsStaged { get; private set; }

    public void Report(long? line, string? column, string message)
    {
        ProblemCount++;
        if (Problems.Count < MaxReported) Problems.Add(new Problem(fileName, line, column, message));
    }

    public async Task StageAsync(ITableReader reader, NpgsqlBinaryImporter copy, CancellationToken ct)
    {
        var columns = kind.Columns;
        var index = columns.Select(c => IndexOf(reader.Header, c.Name)).ToArray();
        var values = new object?[columns.Count];
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            RowsRead++;
            var before = ProblemCount;
            for (var i = 0; i < columns.Count; i++)
            {
                var text = index[i] >= 0 ? reader.Get(index[i]) : null;
                values[i] = null;
                if (text is null)
                {
                    if (columns[i].Required) Report(reader.Line, columns[i].Name, $"{columns[i].Name} is leeg; deze kolom is verplicht.");
                    continue;
                }
                if (CellParser.TryParse(columns[i], text, reader.Numbers, out var value, out var error)) values[i] = value;
                else Report(reader.Line, columns[i].Name, error!);
            }
            if (ProblemCount > before) continue;

            var row = new StagedRow(reader.Line, values, columns);
            foreach (var (column, message) in kind.CheckRow(row)) Report(reader.Line, column, message);
            if (ProblemCount > before) continue;

            var targets = _mapsCodes ? MapCodes(reader.Line, values) : null;
            if (ProblemCount > 0) continue;
            await WriteAsync(copy, reader.Line, values, targets, ct);
        }
    }

    /// <summary>The successor gemeenten of the row's gemeente code (one column), or null when nothing needs mapping.</summary>
    private (int Column, IReadOnlyList<(string Code, decimal Share)> Targets)? MapCodes(long line, object?[] values)
    {
        (int, IReadOnlyList<(string, decimal)>)? split = null;
        for (var i = 0; i < kind.Columns.Count; i++)
        {
            var col = kind.Columns[i];
            if (values[i] is not string code) continue;
            if (col.Type == ValueType.GebiedCode && !code.StartsWith("GM"))
            {
                var known = code.StartsWith("PV") ? codes.Provincies.Contains(code)
                          : code.StartsWith("VR") ? codes.Veiligheidsregios.Contains(code)
                          : code == "NL" && kind is ContactenKind;
                if (!known) Report(line, col.Name, $"onbekende gebiedcode {code}: laad eerst de gemeenten (met provincies en veiligheidsregio's).");
                continue;
            }
            if (col.Type is not (ValueType.GemeenteCode or ValueType.GebiedCode)) continue;
            var targets = codes.Resolve(code);
            if (targets.Count == 0)
                Report(line, col.Name, codes.HasGemeenten
                    ? $"onbekende gemeentecode {code}: die staat niet in de gemeenten en niet in de herindelingen."
                    : $"gemeentecode {code} kan niet worden gecontroleerd: laad eerst de gemeenten.");
            else if (targets.Count > 1 && !kind.AllowSplitCodes)
                Report(line, col.Name, $"gemeentecode {code} is bij een herindeling gesplitst over {string.Join(", ", targets.Select(t => t.Code))}; gebruik de nieuwe code.");
            else if (targets.Count > 1) split = (i, targets);
            else values[i] = targets[0].Code == code ? code : new MappedCode(code, targets[0].Code);
        }
        return split;
    }

    private sealed record MappedCode(string Source, string Target);

    private async Task WriteAsync(NpgsqlBinaryImporter copy, long line, object?[] values,
        (int Column, IReadOnlyList<(string Code, decimal Share)> Targets)? split, CancellationToken ct)
    {
        var shares = split?.Targets.Select(t => t.Share).ToArray();
        var parts = kind.SplitCounts.ToDictionary(c => c, c =>
        {
            var v = values[kind.Columns.ToList().FindIndex(x => x.Name == c)];
            return v is int n && shares is not null ? GemeenteCodeMap.Apportion(n, shares) : null;
        });
        var copies = split?.Targets.Count ?? 1;
        for (var k = 0; k < copies; k++)
        {
            await copy.StartRowAsync(ct);
            foreach (var col in _table.Columns)
            {
                if (col.SourceIndex < 0) { await copy.WriteAsync((int)line, col.DbType, ct); continue; }
                var v = values[col.SourceIndex];
                var name = kind.Columns[col.SourceIndex].Name;
                if (v is MappedCode m) v = col.IsBron ? m.Source : m.Target;
                else if (split is { } s && s.Column == col.SourceIndex && !col.IsBron) v = s.Targets[k].Code;
                else if (!col.IsBron && parts.TryGetValue(name, out var p) && p is not null) v = p[k];
                if (v is null) await copy.WriteNullAsync(ct);
                else await copy.WriteAsync(v, col.DbType, ct);
            }
            RowsStaged++;
        }
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++) if (header[i] == name) return i;
        return -1;
    }
}
