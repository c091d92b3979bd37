using System.Text;
using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Formatting;
using Monitor.Outbox;

namespace Monitor.Digests;

/// <summary>
/// The college's notification to the toezichthouder on asielopvang, drafted from the figures: HTML (opens in a browser or a
/// word processor; the college's sections are editable in place) and plain text. Facts are filled in; causes and measures
/// are left blank for the college, who signs it.
/// </summary>
public static class MeldingDocument
{
    private const string InTeVullen = "[In te vullen door het college]";

    /// <summary>The document as (heading, paragraphs, table) sections: one source for both renderings.</summary>
    private sealed record Section(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string[]>? Table = null, bool Blank = false);

    public static string Subject(MeldingFacts f) =>
        $"Melding {(f.DeadlineVerstreken ? "tekort" : "dreigend tekort")} {OpgaveLabel(f.Opgave)} gemeente {f.Gemeentenaam}";

    private static List<Section> Sections(MeldingInput input)
    {
        var f = input.Facts;
        var v = f.Opgavewaarde;
        var sections = new List<Section>
        {
            new("Aanleiding", [Aanleiding(f)]),
            new("De opgave", [
                v.Effectief is { } eff
                    ? $"De opgave {OpgaveLabel(f.Opgave)} van {f.Gemeentenaam} voor {v.Periode} is {N(eff)} plekken."
                    : $"Voor {f.Gemeentenaam} is op {Dutch.Date(f.Datum)} geen opgave {OpgaveLabel(f.Opgave)} bekend.",
                v.Bronversie is { } b
                    ? $"Bron: {b.Versie.Code()}, gepubliceerd {Dutch.Date(b.Publicatiedatum)} ({N(b.Aantal)} plekken){(input.Bron is null ? "" : $"; {input.Bron}")}."
                    : "Bron: geen gepubliceerd cijfer.",
                v.Afspraken == 0 ? "Er gelden geen afspraken met andere gemeenten die de opgave verschuiven."
                    : $"Afspraken met andere gemeenten ({string.Join(", ", v.Afspraakcodes)}) verschuiven {Signed(v.Afspraken)} plekken.",
            ]),
            new("Gerealiseerde plekken", [
                $"Op {Dutch.Date(f.Datum)} zijn {N(f.Gerealiseerd.Beschikbaar)} plekken beschikbaar, waarvan {N(f.Gerealiseerd.Duurzaam)} duurzaam (minstens vijf jaar)." +
                (f.Tekort is > 0 ? $" Het tekort is {N(f.Tekort)} plekken." : ""),
            ], f.Beschikbaar.Count == 0 ? null :
                [["Locatie", "Plekken", "Beschikbaar vanaf", "Beschikbaar tot"], .. f.Beschikbaar.Select(r => new[]
                    { Name(input, r), N(r.Capaciteit), r.BeschikbaarVanaf is { } d ? Dutch.Date(d) : "", r.BeschikbaarTot is { } e ? Dutch.Date(e) : "" })]),
            new("Locaties in voorbereiding", [
                f.InVoorbereiding.Count == 0 ? "Er zijn geen locaties in voorbereiding."
                    : $"{f.InVoorbereiding.Count} locatie(s) met samen {N(f.InVoorbereiding.Sum(r => r.Capaciteit))} plekken zijn in voorbereiding. " +
                      "Een locatie zonder verwachte datum telt niet mee in de prognose.",
            ], f.InVoorbereiding.Count == 0 ? null :
                [["Locatie", "Plekken", "Verwacht beschikbaar", "Beschikbaar tot"], .. f.InVoorbereiding.Select(r => new[]
                    { Name(input, r), N(r.Capaciteit), r.BeschikbaarVanaf is { } d ? Dutch.Date(d) : "geen datum", r.BeschikbaarTot is { } e ? Dutch.Date(e) : "" })]),
            new("Prognose", Prognose(f)),
            new("Oorzaken", ["Waardoor de opgave niet (op tijd) wordt gehaald.", InTeVullen], Blank: true),
            new("Maatregelen", ["Wat het college doet om het tekort in te lopen, met data.", InTeVullen], Blank: true),
        };
        return sections;
    }

    private static string Aanleiding(MeldingFacts f)
    {
        var opgave = f.Opgavewaarde.Effectief;
        if (f.DeadlineVerstreken && f.OpDeadline is { } od)
            return $"Op {Dutch.Date(f.Deadline!.Value)} moesten {N(od.Opgave)} plekken {OpgaveLabel(f.Opgave)} beschikbaar zijn; op die dag waren het er {N(od.Gerealiseerd)}" +
                   (od.Gerealiseerd >= od.Opgave ? ": de opgave was gehaald. Sindsdien is het aantal gedaald." : ": de deadline is niet gehaald.") +
                   $" Op {Dutch.Date(f.Datum)} zijn er {N(f.Gerealiseerd.Beschikbaar)} van {N(opgave)}" +
                   $"{(f.Tekort is > 0 ? $", een tekort van {N(f.Tekort)}" : "")}. Daarom meldt het college dit aan de toezichthouder.";
        if (f.Prognose is { } p && opgave is { } o)
            return p.Midden < o
                ? $"Naar verwachting zijn op {Dutch.Date(p.Deadline)} {N(p.Midden)} van de {N(o)} plekken {OpgaveLabel(f.Opgave)} beschikbaar " +
                  $"(bandbreedte {N(p.Laag)}–{N(p.Hoog)}). Er dreigt een tekort van {N(o - p.Midden)} plekken; het college meldt dit tijdig."
                : $"Naar verwachting zijn op {Dutch.Date(p.Deadline)} {N(p.Midden)} van de {N(o)} plekken beschikbaar: er dreigt geen tekort. " +
                  "Een melding is op dit moment niet nodig.";
        return "Er is geen deadline of prognose bekend.";
    }

    private static List<string> Prognose(MeldingFacts f)
    {
        if (f.Prognose is not { } p) return ["Er is geen prognose: de gegevens kennen geen deadline."];
        var list = new List<string>
        {
            f.DeadlineVerstreken
                ? $"De deadline van {Dutch.Date(f.Deadline!.Value)} is verstreken. De prognose kijkt vooruit tot {Dutch.Date(p.Deadline)}: de volgende " +
                  "deadline, of als die er niet is de verwachte datum van de laatste locatie in voorbereiding (anders een half jaar na vandaag)."
                : $"De prognose kijkt vooruit tot de deadline van {Dutch.Date(p.Deadline)}.",
            $"Verwacht: {N(p.Midden)} plekken (bandbreedte {N(p.Laag)} tot {N(p.Hoog)}); methode: {p.Methode}." +
            (f.Opgavewaarde.Effectief is not { } o ? "" : p.Midden < o ? $" Daarmee blijft een tekort van {N(o - p.Midden)} plekken." : " Daarmee is de opgave gehaald."),
            $"Pijplijn: de plekken die er nu zijn en op die dag nog open zijn, plus de locaties in voorbereiding die dan verwacht worden: {N(p.Pijplijn)}. " +
            $"Voorzichtig (plannen lopen uit; alleen wat minstens 30 dagen eerder verwacht wordt): {N(p.PijplijnPessimistisch)}." +
            (p.Trend is { } t ? $" Trend (rechte lijn door de laatste 90 dagen): {N(t)}." : " Voor een trend is er te weinig geschiedenis."),
            "Midden is de pijplijn; laag is het lagere van voorzichtig en trend, hoog het hogere van pijplijn en trend.",
        };
        return list;
    }

    public static string Text(MeldingInput input)
    {
        var f = input.Facts;
        var sb = new StringBuilder();
        sb.AppendLine($"CONCEPT - {Subject(f)}").AppendLine();
        sb.AppendLine($"Van:       het college van burgemeester en wethouders van {f.Gemeentenaam} ({f.Gemeentecode}), provincie {input.Provincienaam}");
        sb.AppendLine($"Aan:       {Toezichthouder}");
        sb.AppendLine($"Datum:     {Dutch.Date(f.Datum)}");
        sb.AppendLine($"Onderwerp: {Subject(f)}").AppendLine();
        foreach (var s in Sections(input))
        {
            sb.AppendLine(s.Heading.ToUpperInvariant());
            foreach (var p in s.Paragraphs) sb.AppendLine(p);
            if (s.Table is { } table)
            {
                var widths = Enumerable.Range(0, table[0].Length).Select(i => table.Max(r => r[i].Length)).ToArray();
                foreach (var row in table) sb.AppendLine("  " + string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            }
            sb.AppendLine();
        }
        sb.AppendLine(Footer(f));
        return sb.ToString();
    }

    public static string Html(MeldingInput input)
    {
        var f = input.Facts;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>").Append(Mail.H(Subject(f))).Append("</title>\n<style>")
          .Append("body{font-family:Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;color:#222;line-height:1.45}")
          .Append("h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ccc}")
          .Append(".concept{color:#a00;font-family:sans-serif;font-size:.85em;letter-spacing:.1em}")
          .Append("table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left}")
          .Append("td.n{text-align:right}dl{display:grid;grid-template-columns:8em 1fr;gap:.2em}dt{font-weight:bold}")
          .Append(".invullen{border:1px dashed #999;background:#fffbe6;min-height:5em;padding:.5em}footer{margin-top:2em;font-size:.85em;color:#666}")
          .Append("</style></head><body>\n");
        sb.Append("<p class=\"concept\">CONCEPT — TE BEWERKEN DOOR HET COLLEGE</p>\n<h1>").Append(Mail.H(Subject(f))).Append("</h1>\n<dl>")
          .Append($"<dt>Van</dt><dd>het college van burgemeester en wethouders van {Mail.H(f.Gemeentenaam)} ({f.Gemeentecode}), provincie {Mail.H(input.Provincienaam)}</dd>")
          .Append($"<dt>Aan</dt><dd>{Mail.H(Toezichthouder)}</dd><dt>Datum</dt><dd>{Dutch.Date(f.Datum)}</dd></dl>\n");
        foreach (var s in Sections(input))
        {
            sb.Append("<h2>").Append(Mail.H(s.Heading)).Append("</h2>\n");
            if (s.Blank)
            {
                sb.Append("<p>").Append(Mail.H(s.Paragraphs[0])).Append("</p>\n<div class=\"invullen\" contenteditable=\"true\">")
                  .Append(Mail.H(InTeVullen)).Append("</div>\n");
                continue;
            }
            foreach (var p in s.Paragraphs) sb.Append("<p>").Append(Mail.H(p)).Append("</p>\n");
            if (s.Table is { } table)
            {
                sb.Append("<table><tr>").AppendJoin("", table[0].Select(h => $"<th>{Mail.H(h)}</th>")).Append("</tr>\n");
                foreach (var row in table.Skip(1))
                    sb.Append("<tr>").AppendJoin("", row.Select((c, i) => i == 1 ? $"<td class=\"n\">{Mail.H(c)}</td>" : $"<td>{Mail.H(c)}</td>")).Append("</tr>\n");
                sb.Append("</table>\n");
            }
        }
        sb.Append("<footer>").Append(Mail.H(Footer(f))).Append("</footer>\n</body></html>\n");
        return sb.ToString();
    }

    private const string Toezichthouder = "de Minister van Justitie en Veiligheid, toezichthouder op de Spreidingswet";

    private static string Footer(MeldingFacts f) =>
        $"Concept opgesteld door de Monitor op {Dutch.Date(f.Datum)} uit de cijfers in het magazijn. Controleer de cijfers, vul oorzaken en maatregelen in " +
        "en laat het college de melding vaststellen voordat zij verstuurd wordt.";

    private static string Name(MeldingInput input, PlaceRow r) =>
        input.Locatienamen.TryGetValue(r.Locatiecode, out var n) && n != r.Locatiecode ? $"{n} ({r.Locatiecode})" : r.Locatiecode;

    public static string OpgaveLabel(Opgave o) => o == Opgave.Amv ? "amv-opvang" : "asielopvang";
    private static string N(int? n) => Dutch.Number(n, "onbekend");
    private static string Signed(int n) => n > 0 ? $"+{N(n)}" : N(n);
}
