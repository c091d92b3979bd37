namespace Monitor.Analysis;

/// <summary>Rule 5, passed deadlines: for every listed deadline before t, the opgave, realised and gap of each area
/// as they stood on the deadline (computed as of that date, so later figures and agreements do not rewrite it).
/// For the taakstelling every completed half year: due, housed (its final count as known on t) and achterstand.
/// After a deadline the series tracks the gap on and points at the next deadline in the data, if any.</summary>
public static class DeadlineOutcomes
{
    public static IReadOnlyList<DeadlineOutcome> For(AnalysisModel m, IReadOnlyCollection<Area> areas, DateOnly t)
    {
        var outcomes = new List<DeadlineOutcome>();
        foreach (var o in AnalysisCodes.PlaceOpgaven)
            foreach (var deadline in m.Calendar.ListedDeadlines(o).Where(d => d.Date < t))
                foreach (var r in DailySeries.Build(m, areas, deadline.Date, deadline.Date).Where(r => r.Opgave == o))
                    outcomes.Add(new(r.Gebiedcode, o, deadline.Periode, deadline.Date, r.OpgaveAantal, r.Gerealiseerd, r.Gap));

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
