using System.Text;
using Monitor.Formatting;
using Monitor.Outbox;
using static Monitor.Alerts.AlertMail;
using static Monitor.Alerts.AlertMailText;
using static Monitor.Outbox.Mail;

namespace Monitor.Alerts;

/// <summary>The HTML alert mail: the same content as the text, with the severity as word and colour together.</summary>
public static class AlertMailHtml
{
    private const string Table = "<table role=\"presentation\" cellpadding=\"6\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#ccc;font-size:13px;\">";
    private const string Th = "<th align=\"left\" style=\"background:#f0f0f0;\">";

    public static string Render(string greeting, IReadOnlyList<AlertNotice> notices, AlertMailContext c, DateOnly date)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Monitor</title></head>")
          .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;margin:0;padding:16px;\">")
          .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:760px;\"><tr><td>")
          .Append($"<p>Beste {H(greeting)},</p>");
        if (Grouped(c))
        {
            sb.Append($"<p>De Monitor heeft op {Dutch.Date(date)} {Count(notices.Count)} voor {H(Reader(c))}, per regel gegroepeerd.</p>");
            foreach (var g in ByRule(notices))
            {
                sb.Append($"<h3 style=\"font-size:16px;margin:18px 0 4px 0;\">{H(RuleTitle(g.Key.Rule))}{(g.Key.Resolved ? " — opgelost" : "")} — {g.Count()} {(g.Count() == 1 ? "gebied" : "gebieden")}</h3>")
                  .Append($"<p style=\"margin:0 0 6px 0;\"><strong>Gevraagd:</strong> {H(GroupAsk(g.First(), date))}</p>")
                  .Append(Table).Append($"<tr>{Th}Gebied</th>{Th}Ernst</th>{Th}Cijfers</th>{Th}Sinds</th>{Th}Melding</th>")
                  .Append(ShowsSummary(c, g) ? $"{Th}Toelichting</th>" : "").Append("</tr>");
                foreach (var n in Ordered(g))
                    sb.Append($"<tr><td>{H(ShortName(n.Gebied))}</td><td>{Badge(n.Alert.Severity)}</td><td>{H(FigureLine(n))}</td>")
                      .Append($"<td>{n.Alert.Since:d-M-yyyy}</td><td align=\"right\">{n.AlertId}</td>")
                      .Append(ShowsSummary(c, g) ? $"<td>{H(n.Alert.Summary)}</td>" : "").Append("</tr>");
                sb.Append("</table>").Append($"<p style=\"margin:4px 0 0 0;color:#555;font-size:12px;\">Bron: {H(Source(g.First()))}; {H(GroupPeildatum(g.First()))}.</p>");
            }
        }
        else
        {
            sb.Append($"<p>De Monitor heeft op {Dutch.Date(date)} {Count(notices.Count)} voor {H(Reader(c))}.</p>");
            foreach (var n in notices)
            {
                var resolved = n.Kind == NotificationKind.Opgelost;
                sb.Append($"<h3 style=\"font-size:16px;margin:18px 0 4px 0;\">{H(Capital(Topic(n, date)))} {(resolved ? Badge("opgelost") : Badge(n.Alert.Severity))}</h3>")
                  .Append($"<p style=\"margin:4px 0;font-size:15px;\"><strong>Wat wordt gevraagd:</strong> {H(Ask(n, date))}</p>")
                  .Append($"<p style=\"margin:4px 0;\"><strong>Wat de Monitor ziet:</strong> {H(n.Alert.Summary)}</p>");
                var figures = AlertFigures.For(n);
                if (figures.Count > 0)
                {
                    sb.Append(Table).Append($"<tr>{Th}Cijfer</th>{Th}Waarde</th>{Th}Peildatum</th>{Th}Bron</th></tr>");
                    foreach (var r in figures)
                        // Value and date never wrap: "4 december / 2026" over two lines is read as two figures.
                        sb.Append($"<tr><td>{H(r.Name)}</td><td align=\"right\" style=\"white-space:nowrap;\">{H(r.Value)}</td>")
                          .Append($"<td style=\"white-space:nowrap;\">{H(r.Peildatum)}</td><td>{H(r.Bron)}</td></tr>");
                    sb.Append("</table>");
                }
                if (AlertFigures.Note(n) is { } note) sb.Append($"<p style=\"margin:6px 0;\"><strong>{H(note)}</strong></p>");
                sb.Append($"<p style=\"margin:4px 0;color:#555;font-size:12px;\">{(figures.Count > 0 ? "" : $"Bron: {H(Source(n))}. ")}{H(Capital(Kind(n.Kind)))}; melding {n.AlertId}, sinds {Dutch.Date(n.Alert.Since)}.</p>");
            }
        }
        sb.Append("<h3 style=\"font-size:15px;margin:18px 0 4px 0;\">Begrippen</h3><ul style=\"margin:0;padding-left:18px;\">");
        foreach (var (term, meaning) in Terms(notices)) sb.Append($"<li><strong>{H(term)}</strong>: {H(meaning)}</li>");
        sb.Append("</ul>");
        if (c.Contacts.Count > 0)
        {
            sb.Append("<h3 style=\"font-size:15px;margin:18px 0 4px 0;\">Vragen?</h3><p style=\"margin:0;\">");
            foreach (var k in c.Contacts)
                sb.Append($"{H(k.Naam)} &lt;<a href=\"mailto:{H(k.Email)}\">{H(k.Email)}</a>&gt; ({H(RoleName(k.Rol))} {H(c.AreaName(k.Gebiedcode))})<br>");
            sb.Append("</p>");
        }
        if (c.DashboardUrl is { Length: > 0 } url)
            sb.Append($"<p style=\"margin:14px 0;\"><a href=\"{H(DashboardLinks.ForArea(url, c.Area, notices[0].Alert.Key.Subject))}\">Bekijk de cijfers op het dashboard</a></p>");
        if (c.Role == Roles.Operator)
            sb.Append("<h3 style=\"font-size:15px;margin:18px 0 4px 0;\">Voor de beheerder</h3><ul style=\"margin:0;padding-left:18px;\">")
              .Append("<li>Open meldingen: <code>monitor alerts list --open</code></li>")
              .Append("<li>Tijdelijk stilzetten: <code>monitor alerts silence --id ID --until JJJJ-MM-DD --reason TEKST</code></li></ul>");
        sb.Append($"<p style=\"color:#666;font-size:12px;margin-top:18px;\">{H(Footer(c))}</p></td></tr></table></body></html>");
        return sb.ToString();
    }

    private static string Badge(string word) =>
        $"<span style=\"display:inline-block;padding:1px 6px;border-radius:3px;background:{(word == "opgelost" ? "#2e8b57" : Colour(word))};color:#fff;font-size:12px;font-weight:bold;\">{H(word)}</span>";
}
