using System.Globalization;
using System.Text;
using MimeKit;
using static Monitor.Outbox.Mail;
using Monitor.Analysis;
using Monitor.Formatting;
using Monitor.Digests.Maps;
using Monitor.Outbox;

namespace Monitor.Digests.College;

/// <summary>
/// The college digest of one gemeente (monthly, or on demand): what is asked before which date first, then its own
/// opgaven, taakstelling pace, locations and agreements; its figures attached as XLSX (one sheet per opgave) and CSV.
/// </summary>
public static class CollegeMail
{

    public static MimeMessage Compose(CollegeModel m, MailboxAddress from, IReadOnlyList<MailboxAddress> to, DateTimeOffset now)
    {
        var message = Mail.New(from, to.Count > 0 ? to[0] : new MailboxAddress("", "voorbeeld@monitor.invalid"), Subject(m), now);
        foreach (var extra in to.Skip(1)) message.To.Add(extra);
        var body = new BodyBuilder { TextBody = Text(m), HtmlBody = Html(m) };
        var csv = (MimePart)body.Attachments.Add($"{m.BaseName}.csv", Csv(m), new ContentType("text", "csv") { Charset = "utf-8" });
        csv.ContentTransferEncoding = ContentEncoding.Base64;
        body.Attachments.Add($"{m.BaseName}.xlsx", DigestXlsx.Render(m.Figures, m.Name),
            new ContentType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        message.Body = body.ToMessageBody();
        return message;
    }

    public static string Subject(CollegeModel m) => $"{m.GemeenteNaam} — overzicht opgaven {m.Date.ToString("MMMM yyyy", Dutch.Culture)}";

    public static string Text(CollegeModel m)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"OVERZICHT {m.GemeenteNaam.ToUpperInvariant()} ({m.Gemeente}), stand op {Dutch.Date(m.Date)}").AppendLine();
        sb.AppendLine("WAT WORDT GEVRAAGD");
        foreach (var (_, what) in m.Asks()) sb.AppendLine("- " + what);
        if (m.Asks().Count == 0) sb.AppendLine("- Niets openstaand: elke opgave onder toezicht is gehaald.");
        sb.AppendLine().AppendLine("IN HET KORT");
        foreach (var o in DigestModel.Opgaven)
            if (m.HeadlineFor(o) is { } input) sb.AppendLine($"- {DigestCharts.OpgaveTitle(o)}. {string.Join(" ", Headline.Sentences(input))}");
        if (Pace(m) is { } pace) sb.AppendLine().AppendLine("TAAKSTELLING: TEMPO").AppendLine(pace);
        sb.AppendLine().AppendLine("LOCATIES");
        foreach (var l in m.Locations) sb.AppendLine($"- {l.Locatienaam ?? l.Locatiecode} ({DigestModel.OpgaveLabel(l.Opgave)}, {Status(l.Status)}): {Headline.N(l.Capaciteit)} plekken{Until(l)}");
        if (m.Locations.Count == 0) sb.AppendLine("- geen");
        sb.AppendLine().AppendLine("AFSPRAKEN DIE GELDEN");
        foreach (var a in m.Agreements) sb.AppendLine($"- {a.Afspraakcode}: {Headline.N(a.Aantal)} {DigestModel.OpgaveLabel(a.Opgave)} van {m.Name(a.Van)} naar {m.Name(a.Naar)}, {DigestModel.Period(a)}");
        if (m.Agreements.Count == 0) sb.AppendLine("- geen");
        sb.AppendLine().AppendLine("De cijfers per opgave staan in de bijlagen (XLSX met een blad per opgave, en CSV).");
        if (m.DashboardUrl is { Length: > 0 } url) sb.AppendLine($"Dashboard: {DashboardLinks.Gemeente(url, m.Gemeente)}");
        return sb.ToString();
    }

    public static string Html(CollegeModel m)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
          .Append($"<title>Overzicht {H(m.GemeenteNaam)} {m.Date:yyyy-MM-dd}</title></head>")
          .Append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;background:#fff;\">")
          .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:860px;\"><tr><td>")
          .Append($"<h1 style=\"font-size:22px;margin:0 0 4px 0;\">Overzicht opgaven {H(m.GemeenteNaam)}</h1>")
          .Append($"<p style=\"margin:0 0 12px 0;color:#555;\">Stand op {Dutch.Date(m.Date)}, voor het college van B&amp;W ({H(m.Gemeente)}, provincie {H(m.ProvincieNaam)}).")
          .Append(m.DashboardUrl is { Length: > 0 } url ? $" <a href=\"{H(DashboardLinks.Gemeente(url, m.Gemeente))}\">Open het dashboard</a>." : "").Append("</p>");

        DigestHtml.Section(sb, "Wat wordt gevraagd");
        var asks = m.Asks();
        if (asks.Count == 0) sb.Append("<p>Niets openstaand: elke opgave onder toezicht is gehaald.</p>");
        else
        {
            sb.Append("<ul style=\"margin:0;padding-left:18px;font-size:15px;\">");
            foreach (var (_, what) in asks) sb.Append($"<li style=\"margin:3px 0;\">{H(what)}</li>");
            sb.Append("</ul>");
        }

        DigestHtml.Section(sb, "Per opgave");
        sb.Append(DigestHtml.Table).Append($"<tr>{DigestHtml.Th}Opgave</th>{DigestHtml.Th}Status</th>{DigestHtml.Th}Gerealiseerd / opgave</th>{DigestHtml.Th}Tekort</th>")
          .Append($"{DigestHtml.Th}Deadline</th>{DigestHtml.Th}Peildatum</th></tr>");
        foreach (var o in DigestModel.Opgaven)
        {
            if (m.For(o) is not { } f) continue;
            var band = RealisationBand.Of(f.OpgaveAantal, f.Gerealiseerd);
            sb.Append($"<tr><td>{H(DigestCharts.OpgaveTitle(o))}{(o == "oekraine" ? " <span style=\"color:#666;\">(ter informatie)</span>" : "")}</td><td>{DigestHtml.Badge(band)}</td>")
              .Append($"{DigestHtml.Num}{Headline.N(f.Gerealiseerd)} / {Headline.N(f.OpgaveAantal)}</td>{DigestHtml.Num}{Headline.N(f.Tekort)}</td>")
              .Append($"<td>{(f.Deadline is { } d ? Dutch.Date(d) : "–")}</td><td>{Dutch.Date(f.Datum)}</td></tr>");
        }
        sb.Append("</table>");
        foreach (var o in DigestModel.Opgaven)
            if (m.HeadlineFor(o) is { } input)
                sb.Append($"<p style=\"margin:6px 0;\"><strong>{H(DigestCharts.OpgaveTitle(o))}.</strong> {H(string.Join(" ", Headline.Sentences(input)))}</p>");

        if (Pace(m) is { } pace) { DigestHtml.Section(sb, "Taakstelling: tempo"); sb.Append($"<p>{H(pace)}</p>"); }

        DigestHtml.Section(sb, "Locaties");
        if (m.Locations.Count == 0) sb.Append("<p>Geen locaties in de laatste leveringen.</p>");
        else
        {
            sb.Append(DigestHtml.Table).Append($"<tr>{DigestHtml.Th}Locatie</th>{DigestHtml.Th}Opgave</th>{DigestHtml.Th}Status</th>{DigestHtml.Th}Plekken</th>{DigestHtml.Th}Beschikbaar</th>{DigestHtml.Th}Bron</th></tr>");
            foreach (var l in m.Locations)
                sb.Append($"<tr><td>{H(l.Locatienaam ?? l.Locatiecode)}</td><td>{H(DigestModel.OpgaveLabel(l.Opgave))}</td><td>{H(Status(l.Status))}</td>{DigestHtml.Num}{Headline.N(l.Capaciteit)}</td>")
                  .Append($"<td>{H(Span(l))}</td><td>{H(l.Feed)}, {l.Peildatum:d-M-yyyy}</td></tr>");
            sb.Append("</table>");
        }

        DigestHtml.Section(sb, "Afspraken die gelden");
        if (m.Agreements.Count == 0) sb.Append("<p>Geen afspraken met andere gemeenten die nu gelden.</p>");
        else
        {
            sb.Append(DigestHtml.Table).Append($"<tr>{DigestHtml.Th}Afspraak</th>{DigestHtml.Th}Opgave</th>{DigestHtml.Th}Van</th>{DigestHtml.Th}Naar</th>{DigestHtml.Th}Aantal</th>{DigestHtml.Th}Periode</th></tr>");
            foreach (var a in m.Agreements)
                sb.Append($"<tr><td>{H(a.Afspraakcode)}</td><td>{H(DigestModel.OpgaveLabel(a.Opgave))}</td><td>{H(m.Name(a.Van))}</td><td>{H(m.Name(a.Naar))}</td>{DigestHtml.Num}{Headline.N(a.Aantal)}</td><td>{H(DigestModel.Period(a))}</td></tr>");
            sb.Append("</table>");
        }

        DigestHtml.Section(sb, "Open meldingen");
        if (m.OpenAlerts.Count == 0) sb.Append($"<p>Geen open meldingen op {Dutch.Date(m.Date)}.</p>");
        else
        {
            sb.Append("<ul style=\"margin:0;padding-left:18px;\">");
            foreach (var a in m.OpenAlerts) sb.Append($"<li>[{H(a.Ernst)}] {H(a.Samenvatting)} (sinds {a.Sinds:d-M-yyyy})</li>");
            sb.Append("</ul>");
        }
        sb.Append("<p style=\"margin-top:24px;color:#666;font-size:12px;\">De cijfers per opgave staan in de bijlagen (XLSX met een blad per opgave, en CSV). ")
          .Append("Dit overzicht komt maandelijks en is automatisch verstuurd door de Monitor.</p></td></tr></table></body></html>");
        return sb.ToString();
    }

    /// <summary>The taakstelling pace: housed against the elapsed share of the half year (n/6 after n months).</summary>
    public static string? Pace(CollegeModel m)
    {
        if (m.HalfYear is not { Due: > 0 } h) return null;
        var (start, end) = (Periode.Parse(h.Periode).Start, Periode.Parse(h.Periode).End);
        var elapsed = (m.Date.DayNumber - start.DayNumber + 1) / (double)(end.DayNumber - start.DayNumber + 1);
        var pace = h.Gehuisvest / (double)h.Due.Value;
        return $"{Headline.N(h.Gehuisvest)} van {Headline.N(h.Due)} personen gehuisvest ({pace * 100:0}%) terwijl {Math.Min(1, elapsed) * 100:0}% van {h.Periode} voorbij is" +
               (h.CarryIn > 0 ? $"; daarin zit een achterstand van {Headline.N(h.CarryIn)} uit het vorige halfjaar." : h.CarryIn < 0 ? $"; een voorsprong van {Headline.N(-h.CarryIn)} uit het vorige halfjaar telt mee." : ".");
    }

    public static byte[] Csv(CollegeModel m)
    {
        var sb = new StringBuilder().Append(DigestCsv.Header).Append("\r\n");
        foreach (var f in m.Figures)
            sb.AppendJoin(';', DigestCsv.Field(m.Gemeente), DigestCsv.Field(m.GemeenteNaam), f.Opgave, f.OpgaveAantal?.ToString(CultureInfo.InvariantCulture) ?? "",
                f.Gerealiseerd.ToString(CultureInfo.InvariantCulture), f.Gap?.ToString(CultureInfo.InvariantCulture) ?? "", f.Tekort?.ToString(CultureInfo.InvariantCulture) ?? "",
                f.RealisatiePct?.ToString("0.##", Dutch.Culture) ?? "", f.PrognoseLaag?.ToString(CultureInfo.InvariantCulture) ?? "", f.PrognoseMidden?.ToString(CultureInfo.InvariantCulture) ?? "",
                f.PrognoseHoog?.ToString(CultureInfo.InvariantCulture) ?? "", f.Deadline?.ToString("yyyy-MM-dd") ?? "", f.Datum.ToString("yyyy-MM-dd")).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Status(string s) => s == "in_voorbereiding" ? "in voorbereiding" : s;
    private static string Until(Location l) => l.BeschikbaarTot is { } t ? $", tot {Dutch.Date(t)}" : "";
    private static string Span(Location l) =>
        (l.BeschikbaarVanaf is { } v ? $"vanaf {v:d-M-yyyy}" : "") + (l.BeschikbaarTot is { } t ? $" tot {t:d-M-yyyy}" : "");
}
