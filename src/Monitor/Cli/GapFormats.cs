using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Compute;
using Monitor.Digests;
using Monitor.Feeds.Values;
using Spectre.Console;
using Monitor.Formatting;

namespace Monitor.Cli;

/// <summary>How <c>monitor gaps</c> prints: a table for people, CSV and JSON with fixed names for scripts.</summary>
public static class GapFormats
{
    /// <summary>Scripts rely on this header: never reorder or rename.</summary>
    public const string CsvHeader =
        "gebiedcode,gebiednaam,opgave,datum,opgave_aantal,gerealiseerd,gap,tekort,realisatie_pct,deadline,prognose_laag,prognose_midden,prognose_hoog";

    /// <summary>Columns after the fixed 13 (scripts that read by position keep working).</summary>
    public const string CsvExtraColumns = ",toelichting";

    public static string Csv(IEnumerable<GapRow> rows)
    {
        var sb = new StringBuilder(CsvHeader).Append(CsvExtraColumns).Append(',').Append(GapDeadlineColumns.CsvHeader).Append('\n');
        foreach (var r in rows)
            sb.AppendJoin(',', Field(r.Gebiedcode), Field(r.Gebiednaam), r.Opgave, Date(r.Datum), Num(r.OpgaveAantal), Num(r.Gerealiseerd),
                Num(r.Gap), Num(r.Tekort), r.RealisatiePct?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", Date(r.Deadline),
                Num(r.PrognoseLaag), Num(r.PrognoseMidden), Num(r.PrognoseHoog), Field(r.Toelichting ?? "")).Append(',')
              .AppendJoin(',', GapDeadlineColumns.Csv(r).Select(Field)).Append('\n');
        return sb.ToString();
    }

    public static string Json(IEnumerable<GapRow> rows, IReadOnlyDictionary<string, KoppelingenQuery.Entry>? koppelingen = null) =>
        JsonSerializer.Serialize(rows.Select(r => WithKoppelingen(r, koppelingen, new Dictionary<string, object?>
    {
        ["gebiedcode"] = r.Gebiedcode, ["gebiednaam"] = r.Gebiednaam, ["niveau"] = r.Niveau, ["opgave"] = r.Opgave, ["datum"] = Date(r.Datum),
        ["opgave_aantal"] = r.OpgaveAantal, ["gerealiseerd"] = r.Gerealiseerd, ["gap"] = r.Gap, ["tekort"] = r.Tekort,
        ["realisatie_pct"] = r.RealisatiePct, ["deadline"] = r.Deadline is { } d ? Date(d) : null, ["prognose_laag"] = r.PrognoseLaag,
        ["prognose_midden"] = r.PrognoseMidden, ["prognose_hoog"] = r.PrognoseHoog, ["methode"] = r.Methode,
        ["toelichting"] = r.Toelichting,
        ["vorige_deadline"] = GapDeadlineColumns.Json(r),
        ["rechtsstatus"] = r.Rechtsstatus, ["bron"] = r.Bron,
    })), new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Issue 14: a gemeente's taakstelling row carries what COA linked, and how much of the previous half year's
    /// achterstand too few koppelingen explain.</summary>
    private static Dictionary<string, object?> WithKoppelingen(GapRow r, IReadOnlyDictionary<string, KoppelingenQuery.Entry>? koppelingen,
        Dictionary<string, object?> json)
    {
        if (r.Opgave != "taakstelling" || r.Niveau != "gemeente" || koppelingen?.GetValueOrDefault(r.Gebiedcode) is not { } k) return json;
        var vorig = k.VorigStand;
        json["koppelingen"] = new Dictionary<string, object?>
        {
            ["periode"] = k.Periode.ToString(), ["gekoppeld"] = k.Gekoppeld,
            ["nog_niet_gekoppeld"] = r.OpgaveAantal is { } due && k.Gekoppeld is { } linked ? Math.Max(due - linked, 0) : null,
            ["vorig_halfjaar"] = vorig is null ? null : new Dictionary<string, object?>
            {
                ["periode"] = k.Vorig.ToString(), ["gecorrigeerde_taakstelling"] = vorig.Due, ["gehuisvest"] = vorig.Housed, ["gekoppeld"] = vorig.Gekoppeld,
                ["achterstand"] = vorig.Achterstand, ["verklaard_door_koppelingen"] = vorig.Verklaard, ["toelichting"] = Analysis.KoppelingShare.Zin(vorig),
            },
        };
        return json;
    }

    private static readonly string[] TableHeaders =
        ["Gebied", "Opgave", "Datum", "Aantal", "Gerealiseerd", "Gat", "Tekort", "%", "Deadline", "Prognose laag–midden–hoog", "Toelichting", "Vorige deadline"];

    /// <summary>The table's cells as shown; the first, tenth, eleventh and twelfth come from feeds or free text and are
    /// markup-escaped for Spectre, the others never hold a bracket.</summary>
    private static string[] TableCells(GapRow r) =>
    [
        InvisibleCharacters.Escape($"{r.Gebiedcode} {r.Gebiednaam}"), r.Opgave, Date(r.Datum), Num(r.OpgaveAantal) + Marked(r.Rechtsstatus), Num(r.Gerealiseerd),
        Num(r.Gap), Num(r.Tekort), r.RealisatiePct?.ToString("0.0", Dutch.Culture) ?? "", Date(r.Deadline),
        r.PrognoseMidden is null ? "" : $"{r.PrognoseLaag}–{r.PrognoseMidden}–{r.PrognoseHoog} ({r.Methode})",
        r.Toelichting ?? "", GapDeadlineColumns.Text(r),
    ];

    private static readonly int[] Escaped = [0, 9, 10, 11];

    public static void Table(IReadOnlyList<GapRow> rows) => Table(rows, Console.Out, Console.IsOutputRedirected);

    /// <param name="redirected">Written into a file or pipe: there is no page width there, so each row stays on one line
    /// however long its explanation (grep and sort then see whole rows, and nothing is wrapped mid-sentence). Only text
    /// the plain writer cannot be sure of goes through Spectre, at <see cref="PageWidth"/>.</param>
    internal static void Table(IReadOnlyList<GapRow> rows, TextWriter output, bool redirected)
    {
        var cells = rows.Select(TableCells).ToList();
        if (redirected && PlainTable.TryRender(TableHeaders, cells, int.MaxValue) is { } plain)
        {
            output.Write(plain);
            return;
        }
        WithSpectre(cells, output, redirected);
    }

    // A method of its own, so the direct path above does not load Spectre.Console at all.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void WithSpectre(List<string[]> cells, TextWriter output, bool redirected)
    {
        var console = redirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(output) })
            : AnsiConsole.Console;
        if (redirected) console.Profile.Width = PageWidth;
        console.Write(SpectreTable(cells));
    }

    /// <summary>The width of the page when the output is not a terminal and Spectre writes it (odd text, see
    /// <see cref="PlainTable"/>).</summary>
    internal const int PageWidth = 200;

    internal static Table SpectreTable(IEnumerable<string[]> cells)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in TableHeaders) table.AddColumn(new TableColumn(h));
        foreach (var row in cells)
            table.AddRow(row.Select((c, i) => Escaped.Contains(i) ? Markup.Escape(c) : c).ToArray());
        return table;
    }

    /// <summary>The cells of <see cref="Table"/>, for the test that holds the plain rendering against Spectre's.</summary>
    internal static List<string[]> Cells(IEnumerable<GapRow> rows) => rows.Select(TableCells).ToList();

    internal static IReadOnlyList<string> Headers => TableHeaders;

    /// <summary>A contested or changed figure says so beside the number; an ordinary (vastgesteld) one says nothing.</summary>
    private static string Marked(string? rechtsstatus) => rechtsstatus is null or "vastgesteld" ? "" : $" ({rechtsstatus.Replace('_', ' ')})";

    private static string Num(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    /// <summary>Names come from feeds: defused as in the digest's CSV, so a name starting with = is no live formula.</summary>
    private static string Field(string s)
    {
        s = DigestCsv.Defused(s);
        return s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
    }
}
