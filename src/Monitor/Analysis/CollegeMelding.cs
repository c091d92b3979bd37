namespace Monitor.Analysis;

/// <summary>What the college reports to the toezichthouder about one opgave (asiel or amv) on a date: the opgave in force
/// and where it comes from, the places realised, the locations available and in preparation, and the projection.</summary>
/// <param name="Deadline">The deadline the projection aims at: the next one in the calendar, or, when every listed deadline
/// has passed, the last one (then <see cref="DeadlineVerstreken"/>).</param>
/// <param name="OpDeadline">Opgave and realised places as they stood on a passed deadline.</param>
/// <param name="Prognose">To the next deadline; after a passed deadline, to <see cref="PrognoseDatum"/>: the date the last
/// location in preparation is expected (or half a year ahead when none is), the catch-up the toezichthouder will ask for.</param>
public sealed record MeldingFacts(
    string Gemeentecode, string Gemeentenaam, Opgave Opgave, DateOnly Datum, OpgaveValue Opgavewaarde, PlaceCount Gerealiseerd,
    IReadOnlyList<PlaceRow> Beschikbaar, IReadOnlyList<PlaceRow> InVoorbereiding, DateOnly? Deadline, bool DeadlineVerstreken,
    (int? Opgave, int Gerealiseerd)? OpDeadline, Projection? Prognose, DateOnly? PrognoseDatum)
{
    public int? Tekort => Opgavewaarde.Effectief is { } o ? Math.Max(o - Gerealiseerd.Beschikbaar, 0) : null;

    /// <summary>A shortfall the college must report: the deadline passed below the opgave, or the projection falls short.</summary>
    public bool TekortDreigt => Opgavewaarde.Effectief is { } o &&
        (DeadlineVerstreken ? Gerealiseerd.Beschikbaar < o : Prognose is { } p && p.Midden < o);
}

/// <summary>Builds <see cref="MeldingFacts"/> from the analysis model, with the rules the series use (effective opgave,
/// realised, pipeline and trend projection). Deadlines come from the model's calendar (data), never from here.</summary>
public static class CollegeMelding
{
    public static MeldingFacts For(AnalysisModel m, string gemeente, Opgave o, DateOnly t)
    {
        if (o is not (Opgave.Asiel or Opgave.Amv)) throw new ArgumentException("Een melding gaat over asiel of amv.");
        var g = m.Gemeenten.FirstOrDefault(x => x.Code == gemeente) ?? throw new ArgumentException($"Gemeente {gemeente} is onbekend.");
        var value = EffectiveOpgave.On(m, t).Get(gemeente, o);
        var rows = PlacesRealised.RowsOf(m, gemeente, o, t).ToList();
        var available = rows.Where(r => PlaceRules.Counts(r, t)).OrderBy(r => r.Locatiecode, StringComparer.Ordinal).ToList();
        var preparing = rows.Where(r => r.Status == PlaceStatus.InVoorbereiding).OrderBy(r => r.BeschikbaarVanaf ?? DateOnly.MaxValue)
            .ThenBy(r => r.Locatiecode, StringComparer.Ordinal).ToList();

        var realised = PlacesRealised.For(m, gemeente, o, t);
        var passed = m.Calendar.ListedDeadlines(o).LastOrDefault(d => d.Date < t)?.Date;
        (int? Opgave, int Gerealiseerd)? onDeadline = passed is { } pd ? (EffectiveOpgave.On(m, pd).Effectief(gemeente, o), PlacesRealised.For(m, gemeente, o, pd).Beschikbaar) : null;
        // A deadline missed and not yet made up stays the subject of the report, also once the next cycle has a deadline
        // of its own (DOMAIN.md: "deadline gemist" until the opgave of that day is reached).
        var stillMissed = onDeadline is { Opgave: { } due } od && od.Gerealiseerd < due && realised.Beschikbaar < due;
        if (m.Calendar.NextDeadline(o, t) is { } next)
            return stillMissed
                ? new(g.Code, g.Naam, o, t, value, realised, available, preparing, passed, true, onDeadline, PlaceProjection.For(m, gemeente, o, t), next)
                : new(g.Code, g.Naam, o, t, value, realised, available, preparing, next, false, null, PlaceProjection.For(m, gemeente, o, t), next);

        var target = preparing.Select(r => r.BeschikbaarVanaf).Where(d => d > t).Max() ?? t.AddMonths(6);
        int pipeline = 0, pessimistic = 0;
        foreach (var r in rows)
        {
            if (PlaceRules.InPipeline(r, target)) pipeline += r.Capaciteit;
            if (PlaceRules.InPessimisticPipeline(r, t, target, m.Options.PessimisticMarginDays)) pessimistic += r.Capaciteit;
        }
        var projection = PlaceProjection.Combine(target, pipeline, pessimistic, PlaceProjection.Trend(m, gemeente, o, t, target));
        return new(g.Code, g.Naam, o, t, value, realised, available, preparing, passed, passed is not null,
            onDeadline, projection, target);
    }
}
