using System.Text;
using Monitor.Formatting;
using Monitor.Digests.Maps;
using Monitor.Outbox;
using static Monitor.Digests.DigestModel;
using static Monitor.Outbox.Mail;

namespace Monitor.Digests;

/// <summary>What a section of the digest reads: the model, its pictures (by cid) and the options.</summary>
public sealed record DigestView(DigestModel M, DigestVisuals Visuals, IReadOnlyDictionary<string, string> Cids, DigestOptions O);

/// <summary>One section of the HTML digest: it appends its own heading and content.</summary>
public delegate void DigestSection(StringBuilder sb, DigestView v);

/// <summary>
/// The digest as Dutch HTML for mail clients: inline CSS, table layout, images by cid. Every feed text is escaped.
/// The page is a list of sections (<see cref="Sections"/>) in the order a reader needs them: what it means first, who
/// lags, the map, then the details. Another section (toezicht, say) is one more entry in that list.
/// </summary>
public static class DigestHtml
{
    internal const string Table = "<table role=\"presentation\" cellpadding=\"5\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#ccc;font-size:13px;\">";
    internal const string Th = "<th align=\"left\" style=\"background:#eef2f6;\">";
    internal const string Num = "<td align=\"right\">";

    public static IReadOnlyList<DigestSection> Sections { get; } =
        [InShort, ToezichtSection.Html, WhoLags, Maps, History, SinceLastWeek, PerGemeente, CarryOverSection, KoppelingenSection.Html, Oekraine, Agreements, OpenAlerts];

    public static string Render(DigestModel m, IReadOnlyDictionary<string, string> chartCids, DigestVisuals visuals, DigestOptions o)
    {
        var v = new DigestView(m, visuals, chartCids, o);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
          .Append($"<title>Weekoverzicht {H(m.ProvincieNaam)} {m.Date:yyyy-MM-dd}</title></head>")
          .Append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;background:#fff;\">")
          .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:860px;\"><tr><td>")
          .Append($"<h1 style=\"font-size:22px;margin:0 0 4px 0;\">Weekoverzicht {H(m.ProvincieNaam)}</h1>")
          .Append($"<p style=\"margin:0 0 12px 0;color:#555;\">Stand op {Dutch.Date(m.Date)} ({H(m.Provincie)}), {(!m.ToezichtSectie ? "voor de Provinciale Regietafel" : o.ToezichtVoorPrt ? "voor de Provinciale Regietafel en de toezichthouder" : "voor de toezichthouder")}.")
          .Append(m.DashboardUrl is { Length: > 0 } url ? $" <a href=\"{H(DashboardLinks.Provincie(url, m.Provincie))}\">Open het dashboard</a>." : "")
          .Append("</p>");
        foreach (var section in Sections) section(sb, v);
        sb.Append("<p style=\"margin-top:24px;color:#666;font-size:12px;\">Cijfers uit de Monitor (berekende reeksen tot en met ")
          .Append($"{Dutch.Date(m.Date)}). <strong>Netto tekort</strong> = opgave − gerealiseerd over de hele provincie (een overschot in de ene gemeente dekt een tekort in de andere); ")
          .Append("<strong>bruto tekort</strong> = de som van de tekorten van de gemeenten onder hun opgave. Kaarten: ").Append(H(MapGeometry.Attribution)).Append(". ")
          .Append("Dit bericht is automatisch verstuurd.</p></td></tr></table></body></html>");
        return sb.ToString();
    }

    /// <summary>The headline: a few generated sentences per supervised opgave, Oekraïne apart as information.</summary>
    private static void InShort(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        Section(sb, "In het kort");
        if (m.Headlines.Count == 0) { sb.Append("<p>Nog geen berekende cijfers voor deze provincie.</p>"); return; }
        foreach (var opgave in Supervised.Append("oekraine"))
        {
            if (m.HeadlineFor(opgave) is not { } input) continue;
            var info = opgave == "oekraine";
            sb.Append($"<p style=\"margin:6px 0;{(info ? "color:#555;" : "")}\"><strong>{H(DigestCharts.OpgaveTitle(opgave))}.</strong> ");
            foreach (var s in Headline.Sentences(input)) sb.Append(H(s)).Append(' ');
            sb.Append("</p>");
        }
    }

    private static void WhoLags(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        Section(sb, "Wie loopt achter");
        sb.Append("<p style=\"margin:0 0 6px 0;\">Gemeenten onder hun opgave, grootste tekort eerst. Status: ")
          .Append(string.Join(", ", RealisationBand.All.Take(3).Select(b => Badge(b) + " " + H(RealisationBand.Legend(b)[b.Word.Length..].Trim()))))
          .Append(".</p>");
        foreach (var opgave in Supervised)
        {
            var laggards = DigestTables.Laggards(m, opgave);
            var withOpgave = m.Gemeenten.Count(f => f.Opgave == opgave && f.OpgaveAantal is > 0);
            if (withOpgave == 0) continue;
            sb.Append($"<h3 style=\"font-size:15px;margin:14px 0 4px 0;\">{H(DigestCharts.OpgaveTitle(opgave))}: {laggards.Count} van {withOpgave} gemeenten met een tekort</h3>");
            if (laggards.Count > 0)
            {
                sb.Append(Table).Append($"<tr>{Th}Gemeente</th>{Th}Status</th>{Th}Tekort</th>{Th}Gerealiseerd / opgave</th>{Th}%</th></tr>");
                foreach (var f in laggards)
                    sb.Append($"<tr><td>{H(m.Name(f.Gebiedcode))}</td><td>{Badge(RealisationBand.Of(f.OpgaveAantal, f.Gerealiseerd))}</td>{Num}<strong>{N(f.Tekort)}</strong></td>")
                      .Append($"{Num}{N(f.Gerealiseerd)} / {N(f.OpgaveAantal)}</td>{Num}{Pct(f.RealisatiePct)}</td></tr>");
                sb.Append("</table>");
            }
            if (v.Visuals.Bars.TryGetValue(opgave, out var chart)) Image(sb, chart, v.Cids);
        }
    }

    private static void Maps(StringBuilder sb, DigestView v)
    {
        Section(sb, "Kaart");
        foreach (var (opgave, map) in v.Visuals.Maps)
        {
            Image(sb, map.Image, v.Cids);
            sb.Append($"<p style=\"margin:0 0 6px 0;\">{H(map.Summary)}</p>");
            if (map.Missing.Count > 0)
                sb.Append("<p style=\"margin:0 0 10px 0;color:#8a4b00;\">Niet op de kaart (code ontbreekt in de kaart van 2025, bijvoorbeeld na een herindeling): ")
                  .Append(H(string.Join(", ", map.Missing.Select(x => $"{x.Name} ({x.Code})")))).Append(".</p>");
        }
    }

    private static void History(StringBuilder sb, DigestView v)
    {
        Section(sb, "Verloop asielopvang");
        Image(sb, v.Visuals.History, v.Cids);
    }

    private static void SinceLastWeek(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        Section(sb, "Sinds vorige week");
        if (m.PreviousDate is not { } prev) { sb.Append("<p>Er is nog geen eerder weekoverzicht opgeslagen; volgende week staan hier de veranderingen.</p>"); return; }
        sb.Append($"<p>Vergeleken met het weekoverzicht van {Dutch.Date(prev)}:</p>").Append(Table)
          .Append($"<tr>{Th}Opgave</th>{Th}Gerealiseerd</th>{Th}Verschil</th>{Th}Netto tekort</th>{Th}Verschil</th>{Th}Bruto tekort</th>{Th}Verschil</th></tr>");
        foreach (var f in m.Headlines)
        {
            var b = m.Before(f.Gebiedcode, f.Opgave);
            sb.Append($"<tr><td>{H(OpgaveLabel(f.Opgave))}</td>{Num}{N(f.Gerealiseerd)}</td>{Num}{Delta(f.Gerealiseerd, b?.Gerealiseerd)}</td>")
              .Append($"{Num}{N(f.Gap)}</td>{Num}{Delta(f.Gap, b?.Gap)}</td>{Num}{N(f.Tekort)}</td>{Num}{Delta(f.Tekort, b?.Tekort)}</td></tr>");
        }
        sb.Append("</table>");
        var changes = DigestTables.Changes(m);
        if (changes.Count == 0) { sb.Append("<p>Geen gemeente veranderde van gerealiseerd aantal.</p>"); return; }
        sb.Append("<p style=\"margin-top:10px;\">Gemeenten waar het gerealiseerde aantal veranderde:</p>").Append(Table)
          .Append($"<tr>{Th}Gemeente</th>{Th}Opgave</th>{Th}Was</th>{Th}Nu</th>{Th}Verschil</th></tr>");
        foreach (var c in changes)
            sb.Append($"<tr><td>{H(m.Name(c.Gebiedcode))}</td><td>{H(OpgaveLabel(c.Opgave))}</td>{Num}{N(c.Before)}</td>{Num}{N(c.Now)}</td>{Num}{Delta(c.Now, c.Before)}</td></tr>");
        sb.Append("</table>");
    }

    private static void PerGemeente(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        Section(sb, "Per gemeente");
        sb.Append(Table).Append($"<tr>{Th}Gemeente</th>");
        foreach (var o2 in Opgaven) sb.Append($"{Th}{H(OpgaveLabel(o2))}<br><span style=\"font-weight:normal;color:#666;\">gereal. / opgave (%)</span></th>");
        sb.Append("</tr>");
        foreach (var (code, byOpgave) in DigestTables.PerGemeente(m))
        {
            sb.Append($"<tr><td>{H(m.Name(code))}</td>");
            foreach (var o2 in Opgaven)
            {
                if (!byOpgave.TryGetValue(o2, out var f)) { sb.Append($"{Num}–</td>"); continue; }
                var band = RealisationBand.Of(f.OpgaveAantal, f.Gerealiseerd);
                sb.Append($"{Num}{N(f.Gerealiseerd)} / {N(f.OpgaveAantal)} ({Pct(f.RealisatiePct)})")
                  .Append(band == RealisationBand.Unknown ? "" : $"<br>{Badge(band)}").Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</table><p style=\"color:#666;font-size:12px;\">De volledige tabel staat in de bijlagen (CSV en XLSX).</p>");
    }

    private static void CarryOverSection(StringBuilder sb, DigestView v)
    {
        Section(sb, "Taakstelling: meegenomen uit het vorige halfjaar");
        Image(sb, v.Visuals.CarryOver, v.Cids);
    }

    /// <summary>Oekraïne is an inspanningsverplichting without supervision: shown apart, as information.</summary>
    private static void Oekraine(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        Section(sb, "Oekraïne (ter informatie, geen toezicht)");
        var top = DigestTables.Laggards(m, "oekraine").Take(v.O.TopShortfalls).ToList();
        if (top.Count == 0) { sb.Append("<p>Geen gemeente zit onder haar deel volgens de verdeelsleutel.</p>"); return; }
        sb.Append($"<p style=\"margin:0 0 6px 0;color:#555;\">De grootste verschillen met het deel volgens de verdeelsleutel (de {top.Count} grootste):</p>")
          .Append(Table).Append($"<tr>{Th}Gemeente</th>{Th}Onder sleuteldeel</th>{Th}Gerealiseerd / sleuteldeel</th>{Th}%</th></tr>");
        foreach (var f in top)
            sb.Append($"<tr><td>{H(m.Name(f.Gebiedcode))}</td>{Num}{N(f.Tekort)}</td>{Num}{N(f.Gerealiseerd)} / {N(f.OpgaveAantal)}</td>{Num}{Pct(f.RealisatiePct)}</td></tr>");
        sb.Append("</table>");
    }

    private static void Agreements(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        Section(sb, "Afspraken die gelden");
        if (m.Agreements.Count == 0) { sb.Append("<p>Geen afspraken tussen gemeenten van deze provincie die nu gelden.</p>"); return; }
        sb.Append(Table).Append($"<tr>{Th}Afspraak</th>{Th}Soort</th>{Th}Opgave</th>{Th}Van</th>{Th}Naar</th>{Th}Aantal</th>{Th}Periode</th>{Th}Omschrijving</th></tr>");
        foreach (var a in m.Agreements)
            sb.Append($"<tr><td>{H(a.Afspraakcode)}</td><td>{H(a.Soort)}</td><td>{H(OpgaveLabel(a.Opgave))}</td><td>{H(m.Name(a.Van))}</td><td>{H(m.Name(a.Naar))}</td>")
              .Append($"{Num}{N(a.Aantal)}</td><td>{H(Period(a))}</td><td>{H(a.Omschrijving)}</td></tr>");
        sb.Append("</table>");
    }

    private static void OpenAlerts(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        Section(sb, "Open meldingen");
        if (m.OpenAlerts.Count == 0) { sb.Append($"<p>Geen open meldingen op {Dutch.Date(m.Date)}.</p>"); return; }
        sb.Append(Table).Append($"<tr>{Th}Ernst</th>{Th}Gebied</th>{Th}Samenvatting</th>{Th}Sinds</th>{Th}Melding</th></tr>");
        foreach (var a in m.OpenAlerts)
            sb.Append($"<tr><td>{H(a.Ernst)}</td><td>{H(m.Name(a.Gebiedcode))}</td><td>{H(a.Samenvatting)}</td><td>{a.Sinds:d-M-yyyy}</td>{Num}{a.Id}</td></tr>");
        sb.Append("</table>");
    }

    /// <summary>The band's word on its colour: readable without the colour.</summary>
    internal static string Badge(Band b) =>
        $"<span style=\"display:inline-block;padding:1px 6px;border-radius:3px;background:{b.Hex};color:#fff;font-weight:bold;font-size:12px;white-space:nowrap;\">{H(b.Word)}</span>";

    internal static void Section(StringBuilder sb, string title) =>
        sb.Append($"<h2 style=\"font-size:17px;margin:22px 0 8px 0;border-bottom:1px solid #ddd;padding-bottom:3px;\">{H(title)}</h2>");

    internal static void Image(StringBuilder sb, Chart c, IReadOnlyDictionary<string, string> cids) =>
        sb.Append($"<p style=\"margin:12px 0;\"><img src=\"cid:{cids[c.FileName]}\" alt=\"{H(c.Alt)}\" width=\"{c.Width}\" height=\"{c.Height}\" ")
          .Append("style=\"display:block;max-width:100%;height:auto;border:0;\"></p>");
}
