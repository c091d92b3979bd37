using Monitor.Formatting;

namespace Monitor.Digests;

/// <summary>
/// The figures as an XLSX workbook, one sheet per opgave (Open XML SDK, the library the feeds already use to write
/// XLSX): numbers as numeric cells and dates as date cells, so a spreadsheet can sort and sum them.
/// </summary>
public static class DigestXlsx
{
    public static readonly string[] Header =
        ["gemeentecode", "gemeentenaam", "status", "opgave_aantal", "gerealiseerd", "tekort", "gap", "realisatie_pct", "prognose_laag", "prognose_midden",
         "prognose_hoog", "deadline", "peildatum"];

    /// <summary>One sheet per opgave with figures, named after it; gemeenten alphabetical, the area's own total first.</summary>
    public static byte[] Render(IReadOnlyList<Figure> figures, Func<string, string> name)
    {
        using var ms = new MemoryStream();
        using (var writer = new XlsxTableWriter(ms))
            foreach (var opgave in DigestModel.Opgaven)
            {
                var rows = figures.Where(f => f.Opgave == opgave)
                    .OrderBy(f => f.Gebiedcode.StartsWith("GM", StringComparison.Ordinal) ? 1 : 0)
                    .ThenBy(f => name(f.Gebiedcode), Dutch.NameOrder).ToList();
                if (rows.Count == 0) continue;
                writer.AddSheet(DigestModel.OpgaveLabel(opgave), new[] { Header.Cast<object?>() }.Concat(rows.Select(f => (IEnumerable<object?>)
                [
                    f.Gebiedcode, name(f.Gebiedcode), Maps.RealisationBand.Of(f.OpgaveAantal, f.Gerealiseerd).Word, f.OpgaveAantal, f.Gerealiseerd, f.Tekort, f.Gap,
                    f.RealisatiePct, f.PrognoseLaag, f.PrognoseMidden, f.PrognoseHoog, f.Deadline, f.Datum,
                ])));
            }
        return ms.ToArray();
    }
}
