using System.Globalization;
using System.Text;
using Monitor.Formatting;

namespace Monitor.Digests;

/// <summary>The per-gemeente table as CSV for Dutch spreadsheets: ';' separated, decimal comma, UTF-8 with BOM, formula-safe.</summary>
public static class DigestCsv
{
    public const string Header = "gemeentecode;gemeentenaam;opgave;opgave_aantal;gerealiseerd;gap;tekort;realisatie_pct;prognose_laag;prognose_midden;prognose_hoog;deadline;peildatum";

    public static byte[] Render(DigestModel m)
    {
        var sb = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var (code, byOpgave) in DigestTables.PerGemeente(m))
            foreach (var o in DigestModel.Opgaven)
                if (byOpgave.TryGetValue(o, out var f))
                    sb.AppendJoin(';', Field(code), Field(m.Name(code)), o, I(f.OpgaveAantal), I(f.Gerealiseerd), I(f.Gap), I(f.Tekort),
                        f.RealisatiePct?.ToString("0.##", Dutch.Culture) ?? "", I(f.PrognoseLaag), I(f.PrognoseMidden), I(f.PrognoseHoog),
                        f.Deadline?.ToString("yyyy-MM-dd") ?? "", f.Datum.ToString("yyyy-MM-dd")).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string I(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quotes when needed, and defuses formulas (<see cref="Defused"/>).</summary>
    public static string Field(string text)
    {
        text = Defused(text);
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>Text from a feed with a leading = + - @ (or tab, CR) gets an apostrophe, so a spreadsheet opening any
    /// CSV of ours never runs it as a formula.</summary>
    public static string Defused(string text) => text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;
}
