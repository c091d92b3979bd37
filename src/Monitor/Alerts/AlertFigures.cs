using Monitor.Analysis;
using Monitor.Formatting;

namespace Monitor.Alerts;

/// <summary>One figure of an alert mail: what it is, its value, the day it holds for and where it comes from.</summary>
public sealed record FigureRow(string Name, string Value, string Peildatum, string Bron);

/// <summary>
/// The figures behind one notice, each with its own peildatum and source. The text and the HTML mail both render these
/// rows, so the table says what the rule's sentence says: the taakstelling's housed count holds on the day of the COA
/// count (not the day the series was computed), and a missed deadline's figures are those of that deadline, not of the
/// next cycle's.
/// </summary>
public static class AlertFigures
{
    private const string Opgave = "Spreidingswet-verdeling (feed opgave)";
    private const string Plekken = "locaties met plekken (feed plekken)";
    private const string Coa = "COA-telling (feed huisvesting)";

    public static IReadOnlyList<FigureRow> For(AlertNotice n)
    {
        if (n.Figure is not { } f) return [];
        if (n.Alert.Key.Rule == AlertRules.DeadlineGemist && n.Passed is { OpgaveAantal: { } due } p) return Missed(f, p, due);
        if (n.Alert.Key.Subject == "taakstelling") return Taakstelling(n, f);
        var today = Dutch.Date(f.Datum);
        var rows = new List<FigureRow>
        {
            new("opgave", Dutch.Number(f.OpgaveAantal), today, OpgaveSource(n)),
            new("gerealiseerd", Dutch.Number(f.Gerealiseerd), today, RealisedSource(n.Alert.Key.Subject)),
        };
        if (f.OpgaveAantal is { } o && o > f.Gerealiseerd) rows.Add(new("nog nodig", Dutch.Number(o - f.Gerealiseerd), today, "opgave − gerealiseerd"));
        if (f.PrognoseMidden is { } mid && n.Alert.Key.Subject is "asiel" or "amv")
            rows.Add(new("prognose op de deadline", Dutch.Number(mid), today, "berekend: locaties in voorbereiding en de trend"));
        if (f.Deadline is { } d) rows.Add(new("deadline", Dutch.Date(d), "", "feed cycli"));
        return rows;
    }

    /// <summary>The peildatum of the COA count behind the housed figure, or why there is none.</summary>
    public static string HousedPeildatum(AlertNotice n) =>
        n.HousedOn is { } on ? Dutch.Date(on) : $"nog geen telling in {Periode.HalfYearOf(n.Figure?.Datum ?? n.Alert.Since)}";

    /// <summary>Under the table of a missed deadline: the next deadline, and which opgave counts until then.</summary>
    public static string? Note(AlertNotice n)
    {
        if (n.Alert.Key.Rule != AlertRules.DeadlineGemist || n.Passed is not { OpgaveAantal: { } due } p) return null;
        var next = p.NextDeadline is { } d ? $"Volgende deadline: {Dutch.Date(d)} (volgende cyclus)." : "Er is nog geen volgende deadline vastgesteld.";
        return $"{next} Tot het verdeelbesluit van de volgende cyclus blijft de opgave van de deadline van {Dutch.Date(p.Deadline)} gelden: " +
               $"{Dutch.Number(due)} plekken.";
    }

    /// <summary>One line for a grouped table (PRT, toezicht, operators), with the same dates as the rows.</summary>
    public static string Line(AlertNotice n) =>
        // A PRT's table per rule holds asiel and amv rows of the same area: the line says which opgave it is about.
        n.Alert.Key.Subject is "asiel" or "amv" && n.Figure is not null ? $"{AlertMail.Opgave(n.Alert.Key.Subject)}: {Figures(n)}" : Figures(n);

    private static string Figures(AlertNotice n)
    {
        if (n.Figure is not { } f) return "geen cijfers";
        if (n.Alert.Key.Rule == AlertRules.DeadlineGemist && n.Passed is { OpgaveAantal: { } due } p)
            return $"op de deadline van {Dutch.Date(p.Deadline)} {Dutch.Number(p.Gerealiseerd)} van {Dutch.Number(due)} plekken; " +
                   $"nu {Dutch.Number(f.Gerealiseerd)}, nog {Dutch.Number(Math.Max(due - f.Gerealiseerd, 0))} te gaan (peildatum {Dutch.Date(f.Datum)}); " +
                   (p.NextDeadline is { } next ? $"volgende deadline {Dutch.Date(next)}" : "nog geen volgende deadline");
        var taak = n.Alert.Key.Subject == "taakstelling";
        var parts = new List<string>
        {
            $"{Dutch.Number(f.Gerealiseerd)} van {Dutch.Number(f.OpgaveAantal)} {(taak ? "gehuisvest" : "plekken")}" +
            (taak ? $" (COA-telling {HousedPeildatum(n)})" : ""),
        };
        if (f.OpgaveAantal is { } o && o > f.Gerealiseerd) parts.Add($"nog {Dutch.Number(o - f.Gerealiseerd)} nodig");
        if (f.Deadline is { } d) parts.Add($"{(taak ? "einde halfjaar" : "deadline")} {Dutch.Date(d)}");
        if (f.PrognoseMidden is { } mid && n.Alert.Key.Subject is "asiel" or "amv") parts.Add($"prognose {Dutch.Number(mid)}");
        return string.Join(", ", parts);
    }

    private static IReadOnlyList<FigureRow> Missed(SeriesRow f, DeadlineOutcome p, int due)
    {
        var (then, now) = (Dutch.Date(p.Deadline), Dutch.Date(f.Datum));
        var provincie = p.Niveau == AreaLevel.Provincie;
        var rows = new List<FigureRow>
        {
            new("opgave op de deadline", Dutch.Number(due), then, provincie ? "som van de gemeenten, " + Opgave : Opgave),
            new("gerealiseerd op de deadline", Dutch.Number(p.Gerealiseerd), then, Plekken),
        };
        if (provincie && p.GrossShortfall is { } gross)
            rows.Add(new("tekort op de deadline", $"{Dutch.Number(p.NetGap)} netto, {Dutch.Number(gross)} bruto", then, "opgave − gerealiseerd"));
        rows.Add(new("gerealiseerd nu", Dutch.Number(f.Gerealiseerd), now, Plekken));
        rows.Add(new("nog te gaan", Dutch.Number(Math.Max(due - f.Gerealiseerd, 0)), now, "opgave op de deadline − gerealiseerd nu"));
        return rows;
    }

    private static IReadOnlyList<FigureRow> Taakstelling(AlertNotice n, SeriesRow f)
    {
        var half = Periode.HalfYearOf(f.Datum).ToString();
        var counted = HousedPeildatum(n);
        var rows = new List<FigureRow>();
        // The sentence names the achterstand carried in; the table shows how it and the taakstelling make up what is due,
        // when the half year's row agrees with the series (both come from the same compute run).
        if (n.HalfYear is { Taakstelling: { } taak } h && h.Due == f.OpgaveAantal && h.CarryIn != 0)
        {
            var previous = Periode.HalfYearOf(Periode.HalfYearOf(f.Datum).Start.AddDays(-1));
            rows.Add(new($"taakstelling {half}", Dutch.Number(taak), "", "circulaire taakstelling (feed opgave)"));
            rows.Add(new(h.CarryIn > 0 ? $"achterstand uit {previous}" : $"voorsprong uit {previous}", Dutch.Number(Math.Abs(h.CarryIn)),
                Dutch.Date(previous.End), $"berekend uit de COA-telling van {previous}"));
        }
        rows.Add(new($"te huisvesten in {half}", Dutch.Number(f.OpgaveAantal), Dutch.Date(f.Datum),
            rows.Count > 0 ? "taakstelling + achterstand" : "circulaire taakstelling (feed opgave), met de achterstand uit het vorige halfjaar"));
        rows.Add(new("gehuisvest", Dutch.Number(f.Gerealiseerd), counted, Coa));
        if (f.OpgaveAantal is { } o && o > f.Gerealiseerd) rows.Add(new("nog te huisvesten", Dutch.Number(o - f.Gerealiseerd), counted, "te huisvesten − gehuisvest"));
        if (f.Deadline is { } d) rows.Add(new("einde halfjaar", Dutch.Date(d), "", ""));
        return rows;
    }

    /// <summary>Where the opgave comes from; an indicative figure of a new cycle says that it can still change, so a college
    /// does not read it as final.</summary>
    private static string OpgaveSource(AlertNotice n) => n.Alert.Key.Subject == "oekraine"
        ? "verdeelsleutel over de veiligheidsregio (feed opgave)"
        : n.OpgaveVersie switch
        {
            ("indicatief", var periode) => $"indicatieve verdeling {periode} (feed opgave): kan nog veranderen bij het verdeelbesluit",
            ("verslag", var periode) => $"verslag van de provincie over {periode} (feed opgave): het verdeelbesluit volgt",
            (var versie, var periode) => $"Spreidingswet-verdeling {periode}, {versie} (feed opgave)",
            null => Opgave,
        };
    private static string RealisedSource(string subject) => subject == "oekraine" ? "feed plekken" : Plekken;
}
