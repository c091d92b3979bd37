using Monitor.Clock;
using Monitor.Analysis;
using Monitor.Feeds;
using Monitor.Feeds.Formats;
using Monitor.Feeds.Kinds;
using Monitor.Feeds.Loading;

namespace Monitor.Compute;

/// <summary>
/// Reads a proposed set of agreements (an afspraken file) with the same parsing and checks as a delivery, without
/// storing anything: the scenario is a question, not a decision.
/// </summary>
public static class ProposalReader
{
    public static (IReadOnlyList<Agreement> Agreements, IReadOnlyList<Problem> Problems) Read(string path, GemeenteCodeMap codes)
    {
        var kind = new AfsprakenKind();
        var name = Path.GetFileName(path);
        var problems = new List<Problem>();
        var agreements = new List<Agreement>();
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = TableReaderFactory.Open(stream, name, new TableReadOptions(kind.RequiredColumns.ToList()));
            var index = kind.Columns.Select(c => reader.Header.ToList().IndexOf(c.Name)).ToArray();
            while (reader.Read())
            {
                var values = new object?[kind.Columns.Count];
                var before = problems.Count;
                for (var i = 0; i < kind.Columns.Count; i++)
                {
                    var col = kind.Columns[i];
                    var text = index[i] >= 0 ? reader.Get(index[i]) : null;
                    if (text is null) { if (col.Required) problems.Add(new(name, reader.Line, col.Name, $"{col.Name} is leeg; deze kolom is verplicht.")); continue; }
                    if (!CellParser.TryParse(col, text, reader.Numbers, out values[i], out var error)) problems.Add(new(name, reader.Line, col.Name, error));
                    else if (col.Type == Feeds.Kinds.ValueType.GemeenteCode && values[i] is string code)
                    {
                        var targets = codes.Resolve(code, AmsterdamDate.Today()); // a proposal is about today's gemeenten
                        if (targets.Count != 1) problems.Add(new(name, reader.Line, col.Name, targets.Count == 0 ? $"onbekende gemeentecode {code}." : $"gemeentecode {code} is gesplitst; gebruik de nieuwe code."));
                        else values[i] = targets[0].Code;
                    }
                }
                if (problems.Count > before) continue;
                var row = new StagedRow(reader.Line, values, kind.Columns);
                foreach (var (column, message) in kind.CheckRow(row)) problems.Add(new(name, reader.Line, column, message));
                if (problems.Count > before) continue;
                agreements.Add(new Agreement(row.Text("afspraakcode")!, AnalysisCodes.ParseSoort(row.Text("soort")!), AnalysisCodes.ParseOpgave(row.Text("opgave")!),
                    row.Text("van_gemeentecode")!, row.Text("naar_gemeentecode")!, row.Get<int>("aantal")!.Value, row.Text("periode_van")!,
                    row.Text("periode_tot")!, row.Get<DateOnly>("besluitdatum")!.Value));
            }
        }
        catch (FeedFormatException e) { problems.AddRange(e.Problems); }
        return (agreements, problems);
    }
}
