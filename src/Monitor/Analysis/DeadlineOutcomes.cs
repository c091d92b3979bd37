namespace Monitor.Analysis;

/// <summary>
/// What happened on a passed cycle deadline, for one area and opgave (monitor.deadline_outcomes). The figures are those
/// of the deadline day (computed as of that date, so later figures and agreements do not rewrite them).
/// </summary>
/// <param name="LastOfPeriode">False for an earlier deadline of a periode that was extended: informative only.</param>
/// <param name="OpgaveAantal">The area's opgave on the deadline; null when unknown (members without an opgave).</param>
/// <param name="NetGap">Opgave − realised (for a gemeente its own gap); null when the opgave is unknown.</param>
/// <param name="GrossShortfall">Σ shortfalls of the member gemeenten below their opgave.</param>
/// <param name="Missed">Member gemeenten below their opgave on the deadline, largest shortfall first.</param>
/// <param name="Unknown">Member gemeenten without an opgave on the deadline.</param>
/// <param name="NextDeadline">The next listed deadline of the opgave: the outcome is shown beside today's figures until then.</param>
/// <param name="ReplacedOn">The first day a later cycle's binding figure counts for the area (see <see cref="DeadlineOutcomes"/>).</param>
public sealed record DeadlineOutcome(
    string Gebiedcode, AreaLevel Niveau, Opgave Opgave, string Periode, DateOnly Deadline, bool LastOfPeriode,
    int? OpgaveAantal, int Gerealiseerd, int? NetGap, int? GrossShortfall,
    IReadOnlyList<string> Missed, int Unknown, int Members, DateOnly? NextDeadline, DateOnly? ReplacedOn)
{
    /// <summary>The opgave was not reached on the deadline (a gemeente short, or an area with a net shortfall).</summary>
    public bool WasMissed => NetGap > 0;

    /// <summary>
    /// "Deadline gemist" on date t (after the deadline): missed on the day, still short of that opgave with
    /// <paramref name="realisedNow"/>, and no later cycle's binding figure counts yet. Only the last deadline of a periode
    /// counts: an extended deadline is not missed before its extension has passed.
    /// </summary>
    public bool StillMissedOn(DateOnly t, int realisedNow) =>
        LastOfPeriode && Deadline < t && WasMissed && realisedNow < OpgaveAantal && (ReplacedOn is null || ReplacedOn > t);

    /// <summary>Shown beside today's figures on t: the deadline has passed and the next one has not.</summary>
    public bool ShownOn(DateOnly t) => Deadline < t && (NextDeadline is null || NextDeadline >= t);
}

/// <summary>
/// Rule 5, passed deadlines. Every listed deadline (asiel, amv) before t gets an outcome per area from the series rows
/// of its day; the taakstelling's half years are <see cref="HalfYears"/>.
/// A new cycle takes over from a missed deadline when its <b>binding</b> figure (versie verdeelbesluit, vastgesteld or
/// bijstelling, of a later periode, for a member gemeente) is in force: an indicative figure or a provincial raming of
/// the new cycle does not end the obligation of the old one yet, the verdeelbesluit that fixes it per gemeente does.
/// </summary>
public static class DeadlineOutcomes
{
    /// <summary>Outcomes of the deadlines before t for the given areas, computed from the model's own series.</summary>
    public static IReadOnlyList<DeadlineOutcome> For(AnalysisModel m, IReadOnlyCollection<Area> areas, DateOnly t)
    {
        var gemeenten = Areas.All(m).Where(a => a.Level == AreaLevel.Gemeente);
        var needed = areas.Concat(gemeenten).Distinct().ToList();
        var rows = Passed(m, t).Select(d => d.Date).Distinct()
            .SelectMany(d => DailySeries.Build(m, needed, d, d)).ToList();
        return Build(m, areas, rows, t);
    }

    /// <summary>
    /// Outcomes from stored series rows: <paramref name="rowsOnDeadlines"/> must hold, for every passed deadline's day,
    /// the rows of the areas and of all gemeenten (the members' figures name who missed it).
    /// </summary>
    public static IReadOnlyList<DeadlineOutcome> Build(AnalysisModel m, IReadOnlyCollection<Area> areas, IReadOnlyList<SeriesRow> rowsOnDeadlines, DateOnly t)
    {
        var byKey = rowsOnDeadlines.ToDictionary(r => (r.Gebiedcode, r.Opgave, r.Datum));
        var binding = BindingFigures(m);
        var outcomes = new List<DeadlineOutcome>();
        foreach (var deadline in Passed(m, t))
        {
            var listed = m.Calendar.ListedDeadlines(deadline.Opgave);
            var last = listed.Where(x => x.Periode == deadline.Periode).Max(x => x.Date) == deadline.Date;
            DateOnly? next = listed.Where(x => x.Date > deadline.Date).Select(x => (DateOnly?)x.Date).FirstOrDefault();
            foreach (var area in areas)
            {
                if (!byKey.TryGetValue((area.Code, deadline.Opgave, deadline.Date), out var row)) continue;
                var members = Areas.Members(m, area);
                var memberRows = members.Select(g => byKey.GetValueOrDefault((g.Code, deadline.Opgave, deadline.Date))).ToList();
                var missed = memberRows.OfType<SeriesRow>().Where(r => r.OpgaveAantal is { } o && r.Gerealiseerd < o)
                    .OrderByDescending(r => r.OpgaveAantal - r.Gerealiseerd).ThenBy(r => r.Gebiedcode, StringComparer.Ordinal)
                    .Select(r => r.Gebiedcode).ToList();
                var unknown = memberRows.Count(r => r?.OpgaveAantal is null);
                outcomes.Add(new(area.Code, area.Level, deadline.Opgave, deadline.Periode, deadline.Date, last,
                    row.OpgaveAantal, row.Gerealiseerd, row.Gap, row.Tekort, missed, unknown, members.Count, next,
                    ReplacedOn(binding, deadline, members)));
            }
        }
        return outcomes;
    }

    /// <summary>
    /// Whether the outcomes stored by the run as of <paramref name="previous"/> still hold on <paramref name="t"/> after an
    /// incremental run: they come from the series rows of the deadline days, the calendar and the binding figures. With the
    /// calendar and membership unchanged (reference data always takes a full run), they hold when no deadline passed in
    /// between, no fact touched a day up to the last passed deadline, and no opgave figure came in.
    /// </summary>
    /// <param name="touchedFrom">The first day the run's deliveries touched; null when they touched no fact.</param>
    public static bool StillHold(AnalysisModel m, DateOnly previous, DateOnly t, DateOnly? touchedFrom, bool figuresTouched)
    {
        if (figuresTouched) return false;
        var (early, late) = previous <= t ? (previous, t) : (t, previous);
        var passed = Passed(m, late).ToList();
        if (passed.Any(d => d.Date >= early)) return false;
        return touchedFrom is null || passed.Count == 0 || touchedFrom > passed.Max(d => d.Date);
    }

    /// <summary>The listed cycle deadlines of the place opgaven before t.</summary>
    public static IEnumerable<Deadline> Passed(AnalysisModel m, DateOnly t) =>
        AnalysisCodes.PlaceOpgaven.SelectMany(o => m.Calendar.ListedDeadlines(o)).Where(d => d.Date < t);

    /// <summary>The binding figures (verdeelbesluit, vastgesteld, bijstelling) per opgave and gemeente, with their periode
    /// and publication. Looked up per member: scanning every figure of ten years for each area and deadline was most of
    /// an incremental run's time (compute_incremental_s, docs/PERFORMANCE.md).</summary>
    private static ILookup<(Opgave Opgave, string Gebiedcode), (Periode Periode, DateOnly Publicatiedatum)> BindingFigures(AnalysisModel m) =>
        m.Inputs.Figures
            .Where(f => f.Versie >= Versie.Verdeelbesluit)
            .Select(f => (f, ok: Periode.TryParse(f.Periode, out var p), p))
            .Where(x => x.ok)
            .ToLookup(x => (x.f.Opgave, x.f.Gebiedcode), x => (x.p, x.f.Publicatiedatum));

    /// <summary>The first day a binding figure of a later periode is in force for one of the members: on or after its
    /// publication and the start of its periode, and after the deadline.</summary>
    private static DateOnly? ReplacedOn(ILookup<(Opgave Opgave, string Gebiedcode), (Periode Periode, DateOnly Publicatiedatum)> binding,
        Deadline deadline, IReadOnlyList<Gemeente> members)
    {
        if (!Periode.TryParse(deadline.Periode, out var periode)) return null;
        DateOnly? first = null;
        foreach (var member in members)
            foreach (var (later, published) in binding[(deadline.Opgave, member.Code)])
            {
                if (later.Start <= periode.Start) continue;
                var from = new[] { published, later.Start, deadline.Date.AddDays(1) }.Max();
                if (first is null || from < first) first = from;
            }
        return first;
    }

    /// <summary>Every completed taakstelling half year of each area as known on t: due, housed and achterstand.</summary>
    public static IReadOnlyList<HalfYearOutcome> HalfYears(AnalysisModel m, IReadOnlyCollection<Area> areas, DateOnly t)
    {
        var outcomes = new List<HalfYearOutcome>();
        var chains = CarryOver.ForAll(m, t);
        foreach (var area in areas)
        {
            var members = Areas.Members(m, area).Select(g => chains[g.Code].HalfYears.Where(h => h.Completed)
                .ToDictionary(h => h.Periode)).ToList();
            foreach (var h in members.SelectMany(x => x.Keys).Distinct().Order())
            {
                var results = members.Select(x => x.GetValueOrDefault(h)).ToList();
                int? due = Gaps.SumOrFallback(results.Select(r => r?.Due), null);
                var housed = results.Sum(r => r?.Housed ?? 0);
                outcomes.Add(new(area.Code, Opgave.Taakstelling, h.ToString(), h.End, due, housed, due - housed));
            }
        }
        return outcomes;
    }
}
