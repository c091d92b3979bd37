using System.Text;
using Monitor.Formatting;
using Monitor.Outbox;
using static Monitor.Alerts.AlertMail;

namespace Monitor.Alerts;

/// <summary>The plain-text alert mail: per notice for a college, one grouped list per rule for a PRT, commands only for operators.</summary>
public static class AlertMailText
{
    public static string Render(string greeting, IReadOnlyList<AlertNotice> notices, AlertMailContext c, DateOnly date)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Beste {greeting},").AppendLine();
        if (Grouped(c))
        {
            sb.AppendLine($"De Monitor heeft op {Dutch.Date(date)} {Count(notices.Count)} voor {Reader(c)}, per regel gegroepeerd.").AppendLine();
            foreach (var g in ByRule(notices))
            {
                sb.AppendLine($"{RuleTitle(g.Key.Rule).ToUpperInvariant()}{(g.Key.Resolved ? " — OPGELOST" : "")} — {g.Count()} {(g.Count() == 1 ? "gebied" : "gebieden")}");
                sb.AppendLine($"Gevraagd: {GroupAsk(g.First(), date)}");
                foreach (var n in Ordered(g))
                    sb.AppendLine($"- {ShortName(n.Gebied)}: {n.Alert.Severity}; {FigureLine(n)}; sinds {n.Alert.Since:d-M-yyyy} (melding {n.AlertId})" +
                                  (ShowsSummary(c, g) ? $"\n  {n.Alert.Summary}" : ""));
                sb.AppendLine($"Bron: {Source(g.First())}; {GroupPeildatum(g.First())}.").AppendLine();
            }
        }
        else
        {
            sb.AppendLine($"De Monitor heeft op {Dutch.Date(date)} {Count(notices.Count)} voor {Reader(c)}.").AppendLine();
            var i = 0;
            foreach (var n in notices)
            {
                sb.AppendLine($"{++i}. {Capital(Topic(n, date))} ({(n.Kind == NotificationKind.Opgelost ? "opgelost" : n.Alert.Severity)}; {Kind(n.Kind)})");
                sb.AppendLine($"   Wat wordt gevraagd: {Ask(n, date)}");
                sb.AppendLine($"   Wat de Monitor ziet: {n.Alert.Summary}");
                var figures = AlertFigures.For(n);
                if (figures.Count > 0)
                {
                    sb.AppendLine("   Cijfers:");
                    foreach (var r in figures)
                        sb.AppendLine($"   - {r.Name}: {r.Value}" + (r.Peildatum.Length > 0 || r.Bron.Length > 0
                            ? $" ({string.Join("; ", new[] { r.Peildatum.Length > 0 ? "peildatum " + r.Peildatum : "", r.Bron.Length > 0 ? "bron: " + r.Bron : "" }.Where(x => x.Length > 0))})" : ""));
                }
                else sb.AppendLine($"   Bron: {Source(n)}.");
                if (AlertFigures.Note(n) is { } note) sb.AppendLine($"   {note}");
                sb.AppendLine($"   Melding {n.AlertId}, sinds {Dutch.Date(n.Alert.Since)}.").AppendLine();
            }
        }
        sb.AppendLine("BEGRIPPEN");
        foreach (var (term, meaning) in Terms(notices)) sb.AppendLine($"- {term}: {meaning}");
        sb.AppendLine();
        if (c.Contacts.Count > 0)
        {
            sb.AppendLine("VRAGEN?");
            foreach (var k in c.Contacts) sb.AppendLine($"{k.Naam} <{k.Email}> ({RoleName(k.Rol)} {c.AreaName(k.Gebiedcode)})");
            sb.AppendLine();
        }
        if (c.DashboardUrl is { Length: > 0 } url) sb.AppendLine($"Dashboard: {DashboardLinks.ForArea(url, c.Area, notices[0].Alert.Key.Subject)}").AppendLine();
        if (c.Role == Roles.Operator)
        {
            sb.AppendLine("VOOR DE BEHEERDER");
            sb.AppendLine("- Open meldingen: monitor alerts list --open");
            sb.AppendLine("- Een melding tijdelijk stilzetten: monitor alerts silence --id ID --until JJJJ-MM-DD --reason TEKST");
            sb.AppendLine();
        }
        sb.AppendLine(Footer(c));
        return sb.ToString();
    }

    internal static bool Grouped(AlertMailContext c) => c.Role is Roles.Prt or Roles.Toezicht or Roles.Operator;

    internal static IEnumerable<IGrouping<(string Rule, bool Resolved), AlertNotice>> ByRule(IEnumerable<AlertNotice> notices) =>
        notices.GroupBy(n => (n.Alert.Key.Rule, Resolved: n.Kind == NotificationKind.Opgelost))
            .OrderBy(g => g.Key.Resolved).ThenBy(g => g.Min(n => Rank(n.Alert.Severity))).ThenBy(g => g.Key.Rule, StringComparer.Ordinal);

    internal static IEnumerable<AlertNotice> Ordered(IEnumerable<AlertNotice> g) =>
        g.OrderBy(n => Rank(n.Alert.Severity)).ThenByDescending(n => n.Figure is { OpgaveAantal: { } o } f ? o - f.Gerealiseerd : 0)
            .ThenBy(n => n.Gebied, StringComparer.Ordinal);

    /// <summary>What a PRT is asked about a rule's table as a whole.</summary>
    internal static string GroupAsk(AlertNotice n, DateOnly date) => n.Kind == NotificationKind.Opgelost ? "niets meer: deze meldingen zijn opgelost." : n.Alert.Key.Rule switch
    {
        AlertRules.TaakstellingAchter => "ga na welke gemeenten hulp nodig hebben om hun statushouders vóór het einde van het halfjaar te huisvesten.",
        AlertRules.PrognoseTekort => "bespreek met deze gemeenten hoe de ontbrekende plekken er komen; een uitruil binnen de provincie kan helpen.",
        AlertRules.OekraineOnderSleutel => "niets verplicht; ter informatie (geen toezicht).",
        _ => Ask(n, date),
    };

    internal static string FigureLine(AlertNotice n) => AlertFigures.Line(n);

    /// <summary>Which day a grouped table's figures hold for: the taakstelling's housed figure is the COA count's.</summary>
    internal static string GroupPeildatum(AlertNotice n) => n.Alert.Key.Rule == AlertRules.DeadlineGemist
        ? "cijfers van de deadline en van nu, elk met de datum in de tabel"
        : n.Alert.Key.Subject == "taakstelling" ? "gehuisvest volgens de laatste COA-telling per gemeente (datum in de tabel)"
        : "peildatum per gebied de laatste berekende dag";

    internal static string Footer(AlertMailContext c) =>
        (c.Role == Roles.College ? "U ontvangt dit bericht als contactpersoon van het college van B&W. " : "") +
        "Over hetzelfde onderwerp krijgt u hoogstens één bericht per week, tenzij de situatie verslechtert. Dit bericht is automatisch verstuurd door de Monitor.";

    internal static string Reader(AlertMailContext c) => c.Role == Roles.Operator ? "de beheerders" : c.AreaName(c.Area);
    internal static string Count(int n) => n == 1 ? "1 melding" : $"{n} meldingen";
    internal static int Rank(string severity) => severity switch { Severity.Kritiek => 0, Severity.Waarschuwing => 1, _ => 2 };
    internal static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    internal static string RoleName(string rol) => rol switch { Roles.Prt => "Provinciale Regietafel", Roles.Toezicht => "toezicht", _ => rol };

    internal static string Kind(NotificationKind k) => k switch
    {
        NotificationKind.Nieuw => "nieuw",
        NotificationKind.Herinnering => "herinnering",
        NotificationKind.Escalatie => "escalatie",
        _ => "opgelost",
    };
}
