using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Compute;
using Spectre.Console;

namespace Monitor.Outputs;

/// <summary>How <c>monitor gaps</c> prints: a table for people, CSV and JSON with fixed names for scripts.</summary>
public static class GapFormats
{
    /// <summary>Scripts rely on this header: never reorder or rename.</summary>
    public const string CsvHeader =
        "gebiedcode,gebiednaam,opgave,datum,opgave_aantal,gerealiseerd,gap,tekort,realisatie_pct,deadline,prognose_laag,prognose_midden,prognose_hoog";

    public static string Csv(IEnumerable<GapRow> rows)
    {
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in rows)
            sb.AppendJoin(',', Field(r.Gebiedcode), Field(r.Gebiednaam), r.Opgave, Date(r.Datum), Num(r.OpgaveAantal), Num(r.Gerealiseerd),
                Num(r.Gap), Num(r.Tekort), r.RealisatiePct?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", Date(r.Deadline),
                Num(r.PrognoseLaag), Num(r.PrognoseMidden), Num(r.PrognoseHoog)).Append('\n');
        return sb.ToString();
    }

    public static string Json(IEnumerable<GapRow> rows) => JsonSerializer.Serialize(rows.Select(r => new Dictionary<string, object?>
    {
        ["gebiedcode"] = r.Gebiedcode, ["gebiednaam"] = r.Gebiednaam, ["niveau"] = r.Niveau, ["opgave"] = r.Opgave, ["datum"] = Date(r.Datum),
        ["opgave_aantal"] = r.OpgaveAantal, ["gerealiseerd"] = r.Gerealiseerd, ["gap"] = r.Gap, ["tekort"] = r.Tekort,
        ["realisatie_pct"] = r.RealisatiePct, ["deadline"] = r.Deadline is { } d ? Date(d) : null, ["prognose_laag"] = r.PrognoseLaag,
        ["prognose_midden"] = r.PrognoseMidden, ["prognose_hoog"] = r.PrognoseHoog, ["methode"] = r.Methode,
        ["rechtsstatus"] = r.Rechtsstatus, ["bron"] = r.Bron,
    }), new JsonSerializerOptions { WriteIndented = true });

    public static void Table(IReadOnlyList<GapRow> rows)
    {
        // Piped into a file or pager there is no terminal width; wrapping names mid-word would help nobody.
        var console = Console.IsOutputRedirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(Console.Out) })
            : AnsiConsole.Console;
        if (Console.IsOutputRedirected) console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "Gebied", "Opgave", "Datum", "Aantal", "Gerealiseerd", "Gat", "Tekort", "%", "Deadline", "Prognose laag–midden–hoog" })
            table.AddColumn(new TableColumn(h));
        foreach (var r in rows)
            table.AddRow(Markup.Escape($"{r.Gebiedcode} {r.Gebiednaam}"), r.Opgave, Date(r.Datum), Num(r.OpgaveAantal) + Marked(r.Rechtsstatus), Num(r.Gerealiseerd),
                Num(r.Gap), Num(r.Tekort), r.RealisatiePct?.ToString("0.0", CultureInfo.GetCultureInfo("nl-NL")) ?? "", Date(r.Deadline),
                r.PrognoseMidden is null ? "" : Markup.Escape($"{r.PrognoseLaag}–{r.PrognoseMidden}–{r.PrognoseHoog} ({r.Methode})"));
        console.Write(table);
    }

    /// <summary>A contested or changed figure says so beside the number; an ordinary (vastgesteld) one says nothing.</summary>
    private static string Marked(string? rechtsstatus) => rechtsstatus is null or "vastgesteld" ? "" : $" ({rechtsstatus.Replace('_', ' ')})";

    private static string Num(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    private static string Field(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
