using System.Text;
using static Monitor.Outputs.DigestModel;
using static Monitor.Outputs.Mail;

namespace Monitor.Outputs;

/// <summary>The digest as Dutch HTML for mail clients: inline CSS, table layout, images by cid. Every feed text is escaped.</summary>
public static class DigestHtml
{
    private const string Table = "<table role=\"presentation\" cellpadding=\"5\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#ccc;font-size:13px;\">";
    private const string Th = "<th align=\"left\" style=\"background:#eef2f6;\">";
    private const string Num = "<td align=\"right\">";

    public static string Render(DigestModel m, IReadOnlyDictionary<string, string> chartCids, IReadOnlyList<Chart> charts, DigestOptions o)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
          .Append($"<title>Weekoverzicht {H(m.ProvincieNaam)} {m.Date:yyyy-MM-dd}</title></head>")
          .Append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;background:#fff;\">")
          .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:860px;\"><tr><td>")
          .Append($"<h1 style=\"font-size:22px;margin:0 0 4px 0;\">Weekoverzicht {H(m.ProvincieNaam)}</h1>")
          .Append($"<p style=\"margin:0 0 16px 0;color:#555;\">Stand op {m.Date:yyyy-MM-dd} ({H(m.Provincie)}), voor de Provinciale Regietafel.</p>");

        Section(sb, "Kerncijfers per opgave");
        sb.Append(Table).Append($"<tr>{Th}Opgave</th>{Th}Opgave (aantal)</th>{Th}Gerealiseerd</th>{Th}Netto gap</th>{Th}Brutotekort</th>{Th}Dagen tot deadline</th></tr>");
        foreach (var f in m.Headlines)
            sb.Append($"<tr><td>{H(OpgaveLabel(f.Opgave))}</td>{Num}{N(f.OpgaveAantal)}</td>{Num}{N(f.Gerealiseerd)}</td>{Num}{N(f.Gap)}</td>")
              .Append($"{Num}{N(f.Tekort)}</td>{Num}{(m.DaysToDeadline(f) is { } d ? N(d) : "–")}</td></tr>");
        if (m.Headlines.Count == 0) sb.Append("<tr><td colspan=\"6\">Nog geen berekende cijfers voor deze provincie.</td></tr>");
        sb.Append("</table>");

        Section(sb, "Sinds vorige week");
        if (m.PreviousDate is not { } prev) sb.Append("<p>Er is nog geen eerder weekoverzicht opgeslagen; volgende week staan hier de veranderingen.</p>");
        else
        {
            sb.Append($"<p>Vergeleken met het weekoverzicht van {prev:yyyy-MM-dd}:</p>").Append(Table)
              .Append($"<tr>{Th}Opgave</th>{Th}Gerealiseerd</th>{Th}Verschil</th>{Th}Netto gap</th>{Th}Verschil</th>{Th}Brutotekort</th>{Th}Verschil</th></tr>");
            foreach (var f in m.Headlines)
            {
                var b = m.Before(f.Gebiedcode, f.Opgave);
                sb.Append($"<tr><td>{H(OpgaveLabel(f.Opgave))}</td>{Num}{N(f.Gerealiseerd)}</td>{Num}{Delta(f.Gerealiseerd, b?.Gerealiseerd)}</td>")
                  .Append($"{Num}{N(f.Gap)}</td>{Num}{Delta(f.Gap, b?.Gap)}</td>{Num}{N(f.Tekort)}</td>{Num}{Delta(f.Tekort, b?.Tekort)}</td></tr>");
            }
            sb.Append("</table>");
            var changes = DigestTables.Changes(m);
            if (changes.Count > 0)
            {
                sb.Append("<p style=\"margin-top:10px;\">Gemeenten waar het gerealiseerde aantal veranderde:</p>").Append(Table)
                  .Append($"<tr>{Th}Gemeente</th>{Th}Opgave</th>{Th}Was</th>{Th}Nu</th>{Th}Verschil</th></tr>");
                foreach (var c in changes)
                    sb.Append($"<tr><td>{H(m.Name(c.Gebiedcode))}</td><td>{H(OpgaveLabel(c.Opgave))}</td>{Num}{N(c.Before)}</td>{Num}{N(c.Now)}</td>{Num}{Delta(c.Now, c.Before)}</td></tr>");
                sb.Append("</table>");
            }
            else sb.Append("<p>Geen gemeente veranderde van gerealiseerd aantal.</p>");
        }

        Image(sb, charts[0], chartCids);

        Section(sb, "Per gemeente");
        sb.Append(Table).Append($"<tr>{Th}Gemeente</th>");
        foreach (var o2 in Opgaven) sb.Append($"{Th}{H(OpgaveLabel(o2))}<br><span style=\"font-weight:normal;color:#666;\">gereal. / opgave (%)</span></th>");
        sb.Append("</tr>");
        foreach (var (code, byOpgave) in DigestTables.PerGemeente(m))
        {
            sb.Append($"<tr><td>{H(m.Name(code))}</td>");
            foreach (var o2 in Opgaven)
                sb.Append(byOpgave.TryGetValue(o2, out var f)
                    ? $"{Num}{N(f.Gerealiseerd)} / {N(f.OpgaveAantal)} ({Pct(f.RealisatiePct)})</td>"
                    : $"{Num}–</td>");
            sb.Append("</tr>");
        }
        sb.Append("</table><p style=\"color:#666;font-size:12px;\">De volledige tabel staat in de CSV-bijlage.</p>");

        Image(sb, charts[1], chartCids);

        Section(sb, "Grootste tekorten");
        var top = DigestTables.TopShortfalls(m, o.TopShortfalls);
        if (top.Count == 0) sb.Append("<p>Geen gemeente heeft een tekort.</p>");
        else
        {
            sb.Append(Table).Append($"<tr>{Th}Gemeente</th>{Th}Opgave</th>{Th}Tekort</th>{Th}Gerealiseerd</th>{Th}Opgave (aantal)</th>{Th}Prognose deadline</th></tr>");
            foreach (var f in top)
                sb.Append($"<tr><td>{H(m.Name(f.Gebiedcode))}</td><td>{H(OpgaveLabel(f.Opgave))}</td>{Num}{N(f.Tekort)}</td>{Num}{N(f.Gerealiseerd)}</td>")
                  .Append($"{Num}{N(f.OpgaveAantal)}</td>{Num}{Projection(f)}</td></tr>");
            sb.Append("</table>");
        }

        Image(sb, charts[2], chartCids);

        Section(sb, "Afspraken die gelden");
        if (m.Agreements.Count == 0) sb.Append("<p>Geen afspraken tussen gemeenten van deze provincie die nu gelden.</p>");
        else
        {
            sb.Append(Table).Append($"<tr>{Th}Afspraak</th>{Th}Soort</th>{Th}Opgave</th>{Th}Van</th>{Th}Naar</th>{Th}Aantal</th>{Th}Periode</th>{Th}Omschrijving</th></tr>");
            foreach (var a in m.Agreements)
                sb.Append($"<tr><td>{H(a.Afspraakcode)}</td><td>{H(a.Soort)}</td><td>{H(OpgaveLabel(a.Opgave))}</td><td>{H(m.Name(a.Van))}</td><td>{H(m.Name(a.Naar))}</td>")
                  .Append($"{Num}{N(a.Aantal)}</td><td>{H(Period(a))}</td><td>{H(a.Omschrijving)}</td></tr>");
            sb.Append("</table>");
        }

        Section(sb, "Open meldingen");
        if (m.OpenAlerts.Count == 0) sb.Append("<p>Geen open meldingen.</p>");
        else
        {
            sb.Append(Table).Append($"<tr>{Th}Ernst</th>{Th}Gebied</th>{Th}Samenvatting</th>{Th}Sinds</th>{Th}Melding</th></tr>");
            foreach (var a in m.OpenAlerts)
                sb.Append($"<tr><td>{H(a.Ernst)}</td><td>{H(m.Name(a.Gebiedcode))}</td><td>{H(a.Samenvatting)}</td><td>{a.Sinds:yyyy-MM-dd}</td>{Num}{a.Id}</td></tr>");
            sb.Append("</table>");
        }

        sb.Append("<p style=\"margin-top:24px;color:#666;font-size:12px;\">Cijfers uit de Monitor (berekende reeksen tot en met ")
          .Append($"{m.Date:yyyy-MM-dd}). Netto gap = opgave − gerealiseerd over de provincie; brutotekort = som van de tekorten van gemeenten onder hun opgave. ")
          .Append("Dit bericht is automatisch verstuurd.</p></td></tr></table></body></html>");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title) =>
        sb.Append($"<h2 style=\"font-size:17px;margin:22px 0 8px 0;border-bottom:1px solid #ddd;padding-bottom:3px;\">{H(title)}</h2>");

    private static void Image(StringBuilder sb, Chart c, IReadOnlyDictionary<string, string> cids) =>
        sb.Append($"<p style=\"margin:16px 0;\"><img src=\"cid:{cids[c.FileName]}\" alt=\"{H(c.Alt)}\" width=\"{c.Width}\" height=\"{c.Height}\" ")
          .Append("style=\"display:block;max-width:100%;height:auto;border:0;\"></p>");
}
