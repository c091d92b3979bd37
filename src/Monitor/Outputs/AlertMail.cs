using System.Text;
using MimeKit;
using Monitor.Alerts;

namespace Monitor.Outputs;

/// <summary>One notification inside an alert mail.</summary>
public sealed record AlertNotice(long AlertId, AlertState Alert, NotificationKind Kind, string Gebied);

/// <summary>Composes the one email a recipient gets per run: every new, reminded, escalated and resolved alert for them.</summary>
public static class AlertMail
{
    public static MimeMessage Compose(MailboxAddress from, MailboxAddress to, IReadOnlyList<AlertNotice> notices, DateOnly date, DateTimeOffset now)
    {
        var counts = notices.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Label(g.Key, g.Count()).ToLowerInvariant()}");
        // The toezichthouder's weekly summary says so in the subject (issue 14).
        var toezicht = notices.All(n => ToezichtRules.IsToezicht(n.Alert.Key.Rule));
        var subject = $"{(toezicht ? "Weekoverzicht toezicht" : "Monitor")} {date:yyyy-MM-dd}: {string.Join(", ", counts)}";
        var message = Mail.New(from, to, subject, now);
        var body = new BodyBuilder { TextBody = Text(notices, date), HtmlBody = Html(to, notices, date) };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Label(NotificationKind k, int n) => k switch
    {
        NotificationKind.Nieuw => n == 1 ? "Nieuwe melding" : "Nieuwe meldingen",
        NotificationKind.Herinnering => n == 1 ? "Herinnering" : "Herinneringen",
        NotificationKind.Escalatie => n == 1 ? "Escalatie" : "Escalaties",
        _ => "Opgelost",
    };

    private static string Text(IReadOnlyList<AlertNotice> notices, DateOnly date)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Signalen van de Monitor op {date:yyyy-MM-dd}.").AppendLine();
        foreach (var group in notices.GroupBy(n => n.Kind).OrderBy(g => g.Key))
        {
            sb.AppendLine(Label(group.Key, group.Count()).ToUpperInvariant());
            foreach (var n in group)
                sb.AppendLine($"- [{n.Alert.Severity}] {n.Alert.Summary} (melding {n.AlertId}, sinds {n.Alert.Since:yyyy-MM-dd})");
            sb.AppendLine();
        }
        sb.AppendLine("Een melding tijdelijk stilzetten: monitor alerts silence --id ID --until JJJJ-MM-DD --reason TEKST");
        return sb.ToString();
    }

    private static string Html(MailboxAddress to, IReadOnlyList<AlertNotice> notices, DateOnly date)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Monitor</title></head>")
          .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;margin:0;padding:16px;\">")
          .Append($"<p>Beste {Mail.H(to.Name is { Length: > 0 } name ? name : to.Address)},</p>")
          .Append($"<p>Signalen van de Monitor op {date:yyyy-MM-dd}:</p>");
        foreach (var group in notices.GroupBy(n => n.Kind).OrderBy(g => g.Key))
        {
            sb.Append($"<h3 style=\"font-size:16px;margin:16px 0 4px 0;\">{Mail.H(Label(group.Key, group.Count()))}</h3>")
              .Append("<table role=\"presentation\" cellpadding=\"6\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#ccc;\">")
              .Append("<tr style=\"background:#f0f0f0;\"><th align=\"left\">Ernst</th><th align=\"left\">Gebied</th><th align=\"left\">Onderwerp</th>")
              .Append("<th align=\"left\">Samenvatting</th><th align=\"left\">Sinds</th><th align=\"left\">Melding</th></tr>");
            foreach (var n in group)
                sb.Append($"<tr><td style=\"color:{Colour(n.Alert.Severity)};\">{Mail.H(n.Alert.Severity)}</td><td>{Mail.H(n.Gebied)}</td>")
                  .Append($"<td>{Mail.H(n.Alert.Key.Subject)}</td><td>{Mail.H(n.Alert.Summary)}</td><td>{n.Alert.Since:yyyy-MM-dd}</td><td>{n.AlertId}</td></tr>");
            sb.Append("</table>");
        }
        sb.Append("<p style=\"color:#666;font-size:12px;\">Stilzetten: <code>monitor alerts silence --id ID --until JJJJ-MM-DD --reason TEKST</code>. ")
          .Append("Dit bericht is automatisch verstuurd door de Monitor.</p></body></html>");
        return sb.ToString();
    }

    private static string Colour(string severity) => severity switch
    {
        Severity.Kritiek => "#b00020",
        Severity.Waarschuwing => "#b36b00",
        _ => "#1f5fa8",
    };
}
