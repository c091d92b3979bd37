using Monitor.Analysis;
using Monitor.Formatting;

namespace Monitor.Alerts;

/// <summary>
/// The early-warning rules, pure: rows of one evaluation date and the thresholds in, the conditions that hold out.
/// Each rule is a small method; ALERTS.md explains every threshold and choice.
/// </summary>
public static class AlertRules
{
    public const string PrognoseTekort = "prognose_tekort";
    public const string ProvincieNettoTekort = "provincie_netto_tekort";
    public const string TaakstellingAchter = "taakstelling_achter";
    public const string OekraineOnderSleutel = "oekraine_onder_sleutel";
    public const string FeedTeLaat = "feed_te_laat";
    public const string FeedAfgewezen = "feed_afgewezen";
    public const string DeadlineGemist = "deadline_gemist";


    public static IReadOnlyList<AlertCondition> Evaluate(AlertInput input, AlertOptions options)
    {
        var fresh = input.Series.Where(s => s.Datum <= input.Date && input.Date.DayNumber - s.Datum.DayNumber <= options.MaxDataAgeDays
                                            && !input.EndedOpgaven.Contains(s.Opgave.Code())).ToList();
        var result = new List<AlertCondition>();
        foreach (var s in fresh)
        {
            var c = (s.Niveau, s.Opgave) switch
            {
                (AreaLevel.Gemeente, Opgave.Asiel or Opgave.Amv) => GemeenteProjection(s, input, options),
                (AreaLevel.Provincie, Opgave.Asiel or Opgave.Amv) => ProvincieProjection(s, input, options),
                (AreaLevel.Gemeente, Opgave.Oekraine) => Oekraine(s, input, options),
                _ => null,
            };
            if (c is not null) result.Add(c);
        }
        result.AddRange(DeadlineRule.Evaluate(input, fresh).Where(c => !input.EndedOpgaven.Contains(c.Key.Subject)));
        if (!input.EndedOpgaven.Contains("taakstelling")) result.AddRange(TaakstellingRule.Evaluate(input, fresh, options));
        result.AddRange(FeedRules.Evaluate(input));
        return result;
    }

    /// <summary>
    /// The (area, opgave) pairs with fresh figures on the evaluation date. An open alert outside this set has no data:
    /// it keeps its state (Grafana's "keep last state"), so a stalled computation never mails a false "opgelost".
    /// </summary>
    public static HashSet<(string Gebiedcode, string Opgave)> Covered(AlertInput input, AlertOptions options) =>
        input.Series.Where(s => s.Datum <= input.Date && input.Date.DayNumber - s.Datum.DayNumber <= options.MaxDataAgeDays)
            .Select(s => (s.Gebiedcode, s.Opgave.Code()))
            .Concat(input.HalfYears.Where(h => h.Periode == Periode.HalfYearOf(input.Date).ToString()).Select(h => (h.Gemeentecode, "taakstelling")))
            .ToHashSet();

    internal static int? Projected(SeriesRow s, AlertOptions o) => o.Projection switch
    {
        "laag" => s.PrognoseLaag,
        "hoog" => s.PrognoseHoog,
        _ => s.PrognoseMidden,
    };

    /// <summary>asiel/amv per gemeente: projected places at the deadline below the effective opgave → the college.</summary>
    private static AlertCondition? GemeenteProjection(SeriesRow s, AlertInput input, AlertOptions o)
    {
        if (s.OpgaveAantal is not > 0 || s.Deadline is null) return null;
        var opgave = s.OpgaveAantal.Value;
        var key = new AlertKey(PrognoseTekort, s.Gebiedcode, s.Opgave.Code());
        // A deadline that has passed is deadline_gemist's (DeadlineRule), not a projection's.
        if (s.Deadline < input.Date) return null;
        if (Projected(s, o) is not { } projected || projected >= opgave) return null;
        // Even the optimistic projection falls short: critical; otherwise a warning.
        var severity = s.PrognoseHoog is { } hoog && hoog < opgave ? Severity.Kritiek : Severity.Waarschuwing;
        return new(key, severity,
            $"{input.Name(s.Gebiedcode)}: {s.Opgave.Code()} verwacht {Dutch.Number(projected)} van {Dutch.Number(opgave)} plekken op {Dutch.Date(s.Deadline.Value)} " +
            $"(tekort {Dutch.Number(opgave - projected)}; nu {Dutch.Number(s.Gerealiseerd)}{Range(s)}).",
            [Roles.College], []);
    }

    /// <summary>asiel/amv per provincie: projected net gap above zero at the deadline → the PRT.</summary>
    private static AlertCondition? ProvincieProjection(SeriesRow s, AlertInput input, AlertOptions o)
    {
        if (s.OpgaveAantal is not > 0 || s.Deadline is null || s.Deadline < input.Date) return null;
        if (Projected(s, o) is not { } projected) return null;
        var netGap = s.OpgaveAantal.Value - projected;
        if (netGap <= 0) return null;
        var severity = s.PrognoseHoog is { } hoog && hoog < s.OpgaveAantal ? Severity.Kritiek : Severity.Waarschuwing;
        return new(new AlertKey(ProvincieNettoTekort, s.Gebiedcode, s.Opgave.Code()), severity,
            $"{input.Name(s.Gebiedcode)}: {s.Opgave.Code()} netto tekort verwacht op {Dutch.Date(s.Deadline.Value)}: {Dutch.Number(netGap)} plekken " +
            $"(opgave {Dutch.Number(s.OpgaveAantal.Value)}, verwacht {Dutch.Number(projected)}, nu {Dutch.Number(s.Gerealiseerd)}; brutotekort nu {Dutch.Number(s.Tekort ?? 0)}).",
            [Roles.Prt], []);
    }

    /// <summary>Oekraïne: a gemeente far below its key share → the PRT, as information (no supervision).</summary>
    private static AlertCondition? Oekraine(SeriesRow s, AlertInput input, AlertOptions o)
    {
        if (s.OpgaveAantal is not > 0) return null;
        var pct = s.RealisatiePct ?? 100.0 * s.Gerealiseerd / s.OpgaveAantal.Value;
        if (pct >= o.OekraineMinPct) return null;
        return new(new AlertKey(OekraineOnderSleutel, s.Gebiedcode, "oekraine"), Severity.Informatie,
            $"{input.Name(s.Gebiedcode)}: Oekraïne-opvang {Dutch.Number(s.Gerealiseerd)} van {Dutch.Number(s.OpgaveAantal.Value)} plekken volgens de verdeelsleutel " +
            $"({pct.ToString("0.#", Dutch.Culture)}%, grens {o.OekraineMinPct.ToString("0.#", Dutch.Culture)}%). Ter informatie: hier is geen toezicht op.",
            [Roles.Prt], []);
    }

    private static string Range(SeriesRow s) =>
        s.PrognoseLaag is null || s.PrognoseHoog is null ? "" : $"; prognose {Dutch.Number(s.PrognoseLaag)}–{Dutch.Number(s.PrognoseHoog)}";
}
