using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Analysis;
using Monitor.Compute;
using Spectre.Console;
using Monitor.Formatting;

namespace Monitor.Cli;

/// <summary>How <c>monitor toezicht</c> prints: a Dutch table for people, CSV and JSON with fixed names for scripts.</summary>
public static class ToezichtFormats
{

    /// <summary>Scripts rely on this header: never reorder or rename.</summary>
    public const string CsvHeader =
        "gemeentecode,gemeentenaam,datum,laatste_halfjaar,gecorrigeerde_taakstelling,gehuisvest,gekoppeld,achterstand,verklaard_door_koppelingen," +
        "gemist_op_rij,verklaard_op_rij,vastgelegde_stap,besluitdatum,oordeel,regime,termijn,termijn_verstreken,voorgestelde_stap," +
        "voorgesteld_regime,voorgestelde_termijn,vergelijking";

    public static string Csv(IEnumerable<(ToezichtGemeente G, LadderProposal P)> rows, DateOnly date)
    {
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (var (g, p) in rows)
        {
            var r = p.Vastgelegd;
            sb.AppendJoin(',', g.Gemeentecode, Field(g.Naam), Iso(date), p.LaatstePeriode?.ToString() ?? "", Num(p.Laatste?.Due),
                Num(p.Laatste?.Housed), Num(p.Laatste?.Gekoppeld), Num(p.Laatste?.Achterstand), Num(p.Laatste?.Verklaard), Num(p.GemistOpRij),
                Num(p.VerklaardOpRij), r?.Stap ?? "", Iso(r?.Besluitdatum), r?.Oordeel ?? "", r?.Regime ?? "", Iso(r?.Termijn),
                p.TermijnVerstreken ? "ja" : "nee", p.Stap ?? "", p.Regime ?? "", Iso(p.Termijn), Vergelijkingen.Code(p.Vergelijking)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Json(IEnumerable<(ToezichtGemeente G, LadderProposal P)> rows, DateOnly date, string ladder) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["datum"] = Iso(date),
            ["ladder"] = ladder,
            ["gemeenten"] = rows.Select(x => new Dictionary<string, object?>
            {
                ["gemeentecode"] = x.G.Gemeentecode, ["gemeentenaam"] = x.G.Naam,
                ["laatste_halfjaar"] = x.P.LaatstePeriode?.ToString(),
                ["gecorrigeerde_taakstelling"] = x.P.Laatste?.Due, ["gehuisvest"] = x.P.Laatste?.Housed, ["gekoppeld"] = x.P.Laatste?.Gekoppeld,
                ["achterstand"] = x.P.Laatste?.Achterstand, ["verklaard_door_koppelingen"] = x.P.Laatste?.Verklaard,
                ["toelichting_koppelingen"] = x.P.Laatste is { } s ? KoppelingShare.Zin(s) : null,
                ["gemist_op_rij"] = x.P.GemistOpRij, ["verklaard_op_rij"] = x.P.VerklaardOpRij,
                ["vastgelegd"] = x.P.Vastgelegd is { } r ? new Dictionary<string, object?>
                {
                    ["stap"] = r.Stap, ["besluitdatum"] = Iso(r.Besluitdatum), ["oordeel"] = r.Oordeel, ["regime"] = r.Regime,
                    ["termijn"] = r.Termijn is { } t ? Iso(t) : null, ["toelichting"] = r.Toelichting,
                } : null,
                ["termijn_verstreken"] = x.P.TermijnVerstreken,
                ["verschoonbaar_vervallen"] = x.P.VerschoonbaarVervallen,
                ["voorstel"] = new Dictionary<string, object?>
                {
                    ["stap"] = x.P.Stap, ["regime"] = x.P.Regime, ["termijn"] = x.P.Termijn is { } pt ? Iso(pt) : null,
                },
                ["vergelijking"] = Vergelijkingen.Code(x.P.Vergelijking),
            }).ToList(),
        }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static void Table(IReadOnlyList<(ToezichtGemeente G, LadderProposal P)> rows, DateOnly date, string ladder, TextWriter? output = null)
    {
        var redirected = output is not null || Console.IsOutputRedirected;
        var console = redirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(output ?? Console.Out) })
            : AnsiConsole.Console;
        if (redirected) console.Profile.Width = 250;
        var table = new Table().Border(TableBorder.Simple)
            .Title($"Toezicht op de taakstelling per {date.ToString("d MMMM yyyy", Dutch.Culture)} (ladder {ladder})");
        foreach (var h in new[] { "Gemeente", "Halfjaar", "Te huisvesten", "Gehuisvest", "Gekoppeld", "Achterstand", "Door koppelingen",
                     "Gemist op rij", "Vastgelegd", "Oordeel", "Voorstel", "Termijn" })
            table.AddColumn(new TableColumn(h));
        foreach (var i in new[] { 2, 3, 4, 5, 6 }) table.Columns[i].RightAligned();
        foreach (var (g, p) in rows)
        {
            var s = p.Laatste;
            table.AddRow(Markup.Escape($"{g.Gemeentecode} {g.Naam}"), p.LaatstePeriode?.ToString() ?? "–", Cell(s?.Due), Cell(s?.Housed),
                Cell(s?.Gekoppeld), s?.Achterstand is > 0 ? Dutch.Number(s.Achterstand) : "–", s?.Achterstand is > 0 ? Cell(s.Verklaard) : "",
                MissedText(p), Markup.Escape(RecordedText(p.Vastgelegd)), Markup.Escape(Stappen.OordeelLabel(p.Vastgelegd?.Oordeel)),
                Markup.Escape(ProposalText(p)), Markup.Escape(TermijnText(p)));
        }
        console.Write(table);
        var verstreken = rows.Count(r => r.P.TermijnVerstreken);
        var zwaarder = rows.Count(r => r.P.Vergelijking == Vergelijking.VoorstelZwaarder);
        console.WriteLine($"{rows.Count} gemeenten; {zwaarder} met een zwaarder voorstel dan vastgelegd; {verstreken} met een verstreken termijn.");
    }

    public static string MissedText(LadderProposal p) =>
        p.GemistOpRij == 0 ? "0" : p.VerklaardOpRij == 0 ? $"{p.GemistOpRij}" : $"{p.GemistOpRij}, {p.VerklaardOpRij} verklaard";

    public static string KoppelingText(LadderProposal p) => p.Laatste switch
    {
        null => "",
        { Achterstand: null } => "geen taakstelling",
        { Achterstand: <= 0 } s => $"gehaald ({Dutch.Number(s.Housed)} van {Dutch.Number(s.Due)}, {Dutch.Number(s.Gekoppeld)} gekoppeld)",
        var s => $"{KoppelingShare.Zin(s)} ({Dutch.Number(s.Housed)} van {Dutch.Number(s.Due)}, {Dutch.Number(s.Gekoppeld)} gekoppeld)",
    };

    public static string RecordedText(RegisterEntry? r) =>
        r is null ? "–" : $"{Stappen.Label(r.Stap)}{(r.Regime is null ? "" : $", {r.Regime}")} {r.Besluitdatum.ToString("d-M-yyyy", Dutch.Culture)}";

    public static string ProposalText(LadderProposal p)
    {
        var stap = p.Stap is null ? "geen stap" : Stappen.Label(p.Stap);
        var regime = p.Regime is null ? "" : $", {p.Regime}";
        var termijn = p.Termijn is { } t ? $", termijn {t.ToString("d-M-yyyy", Dutch.Culture)}" : "";
        var compare = p.Vastgelegd is null && p.Stap is null ? "" : p.Vergelijking switch
        {
            Vergelijking.VoorstelZwaarder => " (zwaarder)",
            Vergelijking.RegisterVerder => " (register verder)",
            _ => " (in lijn)",
        };
        return stap + regime + termijn + compare;
    }

    public static string TermijnText(LadderProposal p) => p.Vastgelegd?.Termijn is not { } t ? ""
        : p.TermijnVerstreken ? $"VERSTREKEN {t.ToString("d-M-yyyy", Dutch.Culture)}" : t.ToString("d-M-yyyy", Dutch.Culture);

    private static string Cell(int? v) => v is null ? "" : Dutch.Number(v);
    private static string Num(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    private static string Field(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
