using Monitor.Analysis;
using MimeKit;
using Monitor.Formatting;
using Monitor.Outbox;

namespace Monitor.Alerts;

/// <summary>One notification inside an alert mail; <see cref="Figure"/> is the series row the rule judged (null for feed rules).</summary>
public sealed record AlertNotice(long AlertId, AlertState Alert, NotificationKind Kind, string Gebied)
{
    public SeriesRow? Figure { get; init; }

    /// <summary>Taakstelling: the peildatum of the COA count behind <see cref="Figure"/>'s housed figure (null: no count in the half year).</summary>
    public DateOnly? HousedOn { get; init; }

    /// <summary>asiel/amv: the versie and periode of the opgave figure in force ("indicatief", "2026-2027").</summary>
    public (string Versie, string Periode)? OpgaveVersie { get; init; }

    /// <summary>Deadline gemist: the passed deadline the alert is about, with the figures of that day.</summary>
    public DeadlineOutcome? Passed { get; init; }

    /// <summary>Taakstelling: the half year's row (taakstelling and achterstand carried in), for the table's split of what is due.</summary>
    public HalfYearRow? HalfYear { get; init; }

    /// <summary>A notice with the figures the rule judged: the series row, the COA count's day, the passed deadline.</summary>
    public static AlertNotice Of(long id, AlertState alert, NotificationKind kind, AlertInput input)
    {
        var key = alert.Key;
        var figure = input.Series.FirstOrDefault(s => s.Gebiedcode == key.Gebiedcode && s.Opgave.Code() == key.Subject);
        return new AlertNotice(id, alert, kind, input.Name(key.Gebiedcode))
        {
            Figure = figure,
            OpgaveVersie = input.OpgaveVersies.TryGetValue((key.Gebiedcode, key.Subject), out var versie) ? versie : null,
            // The mail gives each figure its own peildatum: the day of the COA count (as TaakstellingRule judges it) ...
            HousedOn = key.Subject != "taakstelling" ? null
                : input.HousedOn is null ? figure?.Datum
                : input.HousedOn.TryGetValue(key.Gebiedcode, out var on) ? (on < input.Date ? on : input.Date) : null,
            // ... and for a missed deadline the figures of that deadline's day (DeadlineRule's outcome), not the next cycle's.
            Passed = key.Rule != AlertRules.DeadlineGemist ? null
                : input.Deadlines.Where(o => o.Gebiedcode == key.Gebiedcode && o.Opgave.Code() == key.Subject && o.LastOfPeriode && o.Deadline < input.Date)
                    .MaxBy(o => o.Deadline),
            HalfYear = key.Subject != "taakstelling" ? null
                : input.HalfYears.FirstOrDefault(h => h.Gemeentecode == key.Gebiedcode && h.Periode == Periode.HalfYearOf(input.Date).ToString()),
        };
    }
}

/// <summary>Who reads the mail and what it can point to: the reader's role and area, the province's contacts, the dashboards.</summary>
/// <param name="Role">college, prt, toezicht or operator: decides the layout, and whether operator instructions appear (only for operators).</param>
/// <param name="Area">The reader's own area code (a gemeente for a college, a provincie for a PRT, NL for operators).</param>
/// <param name="Contacts">The provincie's contacts a college can turn to (role prt, else toezicht), from monitor.contacten.</param>
public sealed record AlertMailContext(string Role, string Area, Func<string, string> AreaName, IReadOnlyList<Contact> Contacts, string? DashboardUrl)
{
    public static AlertMailContext For(AlertNotice first) =>
        new(first.Alert.Roles.FirstOrDefault() ?? Roles.College, first.Alert.Key.Gebiedcode, _ => AlertMail.ShortName(first.Gebied), [], null);
}

/// <summary>
/// Composes the one email a recipient gets per run. The subject names area, topic and severity; the body says in plain
/// Dutch what is asked and by when, explains each term once, gives source and peildatum per figure, who to ask and a
/// dashboard link. A PRT gets one grouped table per rule; commands appear only in the operators' mail.
/// </summary>
public static class AlertMail
{
    public static MimeMessage Compose(MailboxAddress from, MailboxAddress to, IReadOnlyList<AlertNotice> notices, DateOnly date, DateTimeOffset now,
        AlertMailContext? context = null)
    {
        context ??= AlertMailContext.For(notices[0]);
        var message = Mail.New(from, to, Subject(notices, context, date), now);
        var greeting = to.Name is { Length: > 0 } name ? name : to.Address;
        var body = new BodyBuilder
        {
            TextBody = AlertMailText.Render(greeting, notices, context, date),
            HtmlBody = AlertMailHtml.Render(greeting, notices, context, date),
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>"Asten — taakstelling 2026-H2 loopt achter (waarschuwing)"; several: "Asten — 2 meldingen: …"; a PRT's per rule with counts.</summary>
    public static string Subject(IReadOnlyList<AlertNotice> notices, AlertMailContext c, DateOnly date)
    {
        // A reminder or an escalation says so first: the reader has seen the topic before.
        var prefix = notices.All(n => n.Kind == NotificationKind.Herinnering) ? "Herinnering: "
            : notices.Any(n => n.Kind == NotificationKind.Escalatie) ? "Escalatie: " : "";
        // The toezichthouder's weekly summary says so in the subject (issue 14).
        if (notices.All(n => ToezichtRules.IsToezicht(n.Alert.Key.Rule))) prefix = "Weekoverzicht toezicht: " + prefix;
        return prefix + SubjectText(notices, c, date);
    }

    private static string SubjectText(IReadOnlyList<AlertNotice> notices, AlertMailContext c, DateOnly date)
    {
        var area = c.Role == Roles.Operator ? "Monitor" : notices.Select(n => n.Alert.Key.Gebiedcode).Distinct().Count() == 1
            ? ShortName(notices[0].Gebied) : c.AreaName(c.Area);
        var worst = Worst(notices);
        if (notices.Count == 1)
        {
            var n = notices[0];
            return n.Kind == NotificationKind.Opgelost ? $"{area} — {Topic(n, date)}: opgelost" : $"{area} — {Topic(n, date)} ({Status(n)})";
        }
        var perRule = notices.GroupBy(n => (n.Alert.Key.Rule, Resolved: n.Kind == NotificationKind.Opgelost))
            .SelectMany(g => g.Select(n => n.Alert.Key.Gebiedcode).Distinct().Count() == 1
                ? g.Select(n => Topic(n, date) + (g.Key.Resolved ? " opgelost" : ""))
                : [$"{RuleTitle(g.Key.Rule).ToLowerInvariant()}{(g.Key.Resolved ? " opgelost" : "")} ({g.Select(n => n.Alert.Key.Gebiedcode).Distinct().Count()} gebieden)"])
            .Distinct().ToList();
        var topics = perRule.Count <= 3 ? string.Join("; ", perRule) : string.Join("; ", perRule.Take(3)) + $" en {perRule.Count - 3} meer";
        return $"{area} — {notices.Count} meldingen: {topics}" + (worst is null ? "" : $" ({worst})");
    }

    /// <summary>The topic in a few words, from the rule and its figure: "taakstelling 2026-H2 loopt achter".</summary>
    public static string Topic(AlertNotice n, DateOnly date)
    {
        var f = n.Figure;
        var what = Opgave(n.Alert.Key.Subject);
        return n.Alert.Key.Rule switch
        {
            AlertRules.TaakstellingAchter => $"taakstelling {Periode.HalfYearOf(f?.Datum ?? date).ToString()} loopt achter",
            AlertRules.DeadlineGemist when n.Passed is { } p => $"{what}: deadline {Dutch.Date(p.Deadline)} verstreken, opgave niet gehaald",
            AlertRules.DeadlineGemist => $"{what}: deadline verstreken, opgave niet gehaald",
            AlertRules.PrognoseTekort when f?.Deadline is { } d && d < date => $"{what}: deadline {Dutch.Date(d)} verstreken met een tekort",
            AlertRules.PrognoseTekort when f?.Deadline is { } d => $"{what}: tekort verwacht op {Dutch.Date(d)}",
            AlertRules.ProvincieNettoTekort when f?.Deadline is { } d => $"{what}: netto tekort verwacht op {Dutch.Date(d)}",
            AlertRules.OekraineOnderSleutel => "Oekraïne-opvang onder het sleuteldeel",
            AlertRules.FeedTeLaat => $"{n.Alert.Key.Subject.Replace("feed:", "feed ")} is te laat",
            AlertRules.FeedAfgewezen => $"{n.Alert.Key.Subject.Replace("feed:", "feed ")}: levering afgewezen",
            _ => $"{what}: {RuleTitle(n.Alert.Key.Rule).ToLowerInvariant()}",
        };
    }

    /// <summary>Whether a grouped table carries each alert's own sentence: for operators, when a figure is missing, and for a
    /// passed deadline, whose figures of the deadline day are not today's.</summary>
    public static bool ShowsSummary(AlertMailContext c, IEnumerable<AlertNotice> group) =>
        c.Role == Roles.Operator || group.Any(n => n.Figure is null || n.Alert.Key.Rule == AlertRules.DeadlineGemist);

    /// <summary>A rule's name for headings: the known ones in words, another rule's code made readable.</summary>
    public static string RuleTitle(string rule) => rule switch
    {
        AlertRules.TaakstellingAchter => "Taakstelling loopt achter",
        AlertRules.DeadlineGemist => "Deadline gemist",
        AlertRules.PrognoseTekort => "Tekort aan plekken op de deadline",
        AlertRules.ProvincieNettoTekort => "Netto tekort van de provincie",
        AlertRules.OekraineOnderSleutel => "Oekraïne-opvang onder het sleuteldeel (ter informatie)",
        AlertRules.FeedTeLaat => "Feed te laat",
        AlertRules.FeedAfgewezen => "Levering afgewezen",
        _ => char.ToUpperInvariant(rule[0]) + rule[1..].Replace('_', ' '),
    };

    /// <summary>What the reader is asked to do and by when, in plain Dutch, from the figure the rule judged.</summary>
    public static string Ask(AlertNotice n, DateOnly date)
    {
        if (n.Kind == NotificationKind.Opgelost) return "Niets meer: deze melding is opgelost.";
        var f = n.Figure;
        var unit = n.Alert.Key.Subject == "taakstelling" ? "personen" : "plekken";
        var open = f?.OpgaveAantal is { } o ? o - f.Gerealiseerd : (int?)null;
        return n.Alert.Key.Rule switch
        {
            AlertRules.TaakstellingAchter when open is > 0 && f!.Deadline is { } d =>
                $"Nog {Dutch.Number(open)} personen huisvesten vóór {Dutch.Date(d)}" +
                (n.HousedOn is { } on ? $" (volgens de COA-telling van {Dutch.Date(on)})." : "."),
            AlertRules.DeadlineGemist when n.Alert.Key.Gebiedcode.StartsWith("PV", StringComparison.Ordinal) =>
                $"Bespreek in de regietafel welke gemeenten de ontbrekende {unit} leveren, en wanneer: de deadline is verstreken.",
            AlertRules.DeadlineGemist when n.Passed is { OpgaveAantal: { } due } p && f is not null && due > f.Gerealiseerd =>
                $"De {Dutch.Number(due - f.Gerealiseerd)} ontbrekende {unit} van de deadline van {Dutch.Date(p.Deadline)} zo snel mogelijk beschikbaar maken, " +
                "en de toezichthouder (de minister van JenV) melden hoe en wanneer (de beheerder van de Monitor kan daarvoor een ingevuld concept maken).",
            AlertRules.DeadlineGemist =>
                $"De ontbrekende {unit} zo snel mogelijk beschikbaar maken, en de toezichthouder (de minister van JenV) melden hoe en " +
                "wanneer (de beheerder van de Monitor kan daarvoor een ingevuld concept maken).",
            AlertRules.PrognoseTekort when open is > 0 && f!.Deadline is { } d && d < date =>
                $"De {Dutch.Number(open)} ontbrekende {unit} zo snel mogelijk beschikbaar maken: de deadline van {Dutch.Date(d)} is verstreken.",
            AlertRules.PrognoseTekort when open is > 0 && f!.Deadline is { } d =>
                $"Nog {Dutch.Number(open)} {unit} beschikbaar maken vóór {Dutch.Date(d)}." +
                (f.PrognoseMidden is { } mid ? $" Met wat nu gepland is komen er naar verwachting {Dutch.Number(mid)} van de {Dutch.Number(f.OpgaveAantal)}." : ""),
            // Enough places now, too few expected on the deadline (places that end, the trend): keep them, or replace them.
            AlertRules.PrognoseTekort when open is <= 0 && f!.Deadline is { } d && d >= date && f.PrognoseMidden is { } mid && mid < f.OpgaveAantal =>
                $"Zorg dat er op {Dutch.Date(d)} nog {Dutch.Number(f.OpgaveAantal)} {unit} zijn. Nu zijn het er {Dutch.Number(f.Gerealiseerd)}, maar " +
                $"naar verwachting op die dag nog {Dutch.Number(mid)}, {Dutch.Number(f.OpgaveAantal - mid)} te weinig: houd plekken die aflopen open " +
                "of vervang ze op tijd.",
            AlertRules.ProvincieNettoTekort when f?.Deadline is { } d =>
                $"Bespreek in de regietafel welke gemeenten de ontbrekende {unit} vóór {Dutch.Date(d)} kunnen leveren.",
            AlertRules.OekraineOnderSleutel => "Niets verplicht: dit is informatie, op de Oekraïne-opvang is geen toezicht.",
            AlertRules.FeedTeLaat or AlertRules.FeedAfgewezen => "Zoek uit waarom de feed niet (goed) leverde en laat de bron opnieuw leveren.",
            _ => "Lees de toelichting hieronder.",
        };
    }

    /// <summary>Where the figures come from: the feeds behind the series, and the series' peildatum.</summary>
    public static string Source(AlertNotice n) => n.Alert.Key.Subject switch
    {
        "taakstelling" => "opgave: circulaire taakstelling (feed opgave); gehuisvest: COA-telling (feed huisvesting)",
        "oekraine" => "opgave: verdeelsleutel over de veiligheidsregio (feed opgave); gerealiseerd: feed plekken",
        var s when s.StartsWith("feed:", StringComparison.Ordinal) => "de leveringen van de feed (monitor.deliveries)",
        _ => "opgave: Spreidingswet-verdeling (feed opgave); gerealiseerd: locaties met plekken (feed plekken)",
    };

    /// <summary>Terms the mail uses, each explained once.</summary>
    public static IReadOnlyList<(string Term, string Meaning)> Terms(IReadOnlyList<AlertNotice> notices)
    {
        var subjects = notices.Select(n => n.Alert.Key.Subject).ToHashSet();
        var terms = new List<(string, string)>();
        if (subjects.Overlaps(["asiel", "amv", "oekraine", "taakstelling"]))
        {
            terms.Add(("opgave", "het aantal plekken (of personen) dat het gebied moet realiseren, na afspraken tussen gemeenten"));
            terms.Add(("gerealiseerd", "wat er op de peildatum beschikbaar is (plekken) of gehuisvest is (personen)"));
            terms.Add(("peildatum", "de dag waarop de cijfers gelden"));
        }
        if (notices.Any(n => n.Figure?.PrognoseMidden is not null && n.Alert.Key.Subject is "asiel" or "amv"))
            terms.Add(("prognose", "wat er op de deadline naar verwachting beschikbaar is: locaties in voorbereiding en de trend van de laatste 90 dagen"));
        if (subjects.Contains("taakstelling"))
            terms.Add(("taakstelling", "het aantal statushouders dat de gemeente dit halfjaar moet huisvesten, plus de achterstand uit het vorige halfjaar"));
        if (subjects.Contains("amv")) terms.Add(("amv", "alleenstaande minderjarige vreemdelingen"));
        terms.Add(("waarschuwing / kritiek", "kritiek: ook de gunstigste verwachting haalt het niet, of er zijn al halfjaren op rij gemist; waarschuwing: het dreigt"));
        return terms;
    }

    internal static string Status(AlertNotice n) => n.Alert.Severity;

    internal static string? Worst(IEnumerable<AlertNotice> notices) =>
        notices.Where(n => n.Kind != NotificationKind.Opgelost).Select(n => n.Alert.Severity)
            .OrderBy(s => s switch { Severity.Kritiek => 0, Severity.Waarschuwing => 1, _ => 2 }).FirstOrDefault();

    internal static string Opgave(string subject) => subject switch
    {
        "asiel" => "asielopvang",
        "amv" => "opvang amv",
        "oekraine" => "Oekraïne-opvang",
        "taakstelling" => "taakstelling",
        _ => subject,
    };

    /// <summary>"Asten (GM0743)" → "Asten".</summary>
    internal static string ShortName(string gebied)
    {
        var i = gebied.LastIndexOf(" (", StringComparison.Ordinal);
        return i > 0 && gebied.EndsWith(')') ? gebied[..i] : gebied;
    }

    internal static string Colour(string severity) => severity switch
    {
        Severity.Kritiek => "#b00020",
        Severity.Waarschuwing => "#b36b00",
        _ => "#1f5fa8",
    };
}
