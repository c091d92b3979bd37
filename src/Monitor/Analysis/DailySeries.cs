namespace Monitor.Analysis;

/// <summary>Rule 9: per (area, opgave, date) rows over [from, to]. Everything slow is precomputed once: place
/// timelines by difference arrays (<see cref="PlaceTimelines"/>), and the opgave and carry-over only on the dates
/// where they can change (<see cref="AnalysisModel.ChangeDates"/>), reused until the next one. Rows come out date
/// by date (gemeenten, then provincies, regio's, land, per opgave) and are produced lazily, so 342 gemeenten × 4
/// opgaven × 1000 days stream without holding 1.4 million rows.</summary>
public static class DailySeries
{
    public static IEnumerable<SeriesRow> Build(AnalysisModel m, IReadOnlyCollection<Area> areas, DateOnly from, DateOnly to)
    {
        if (to < from) return [];
        var (provincies, withLand, needed, places, stands, carry) = Prepare(m, areas, from, to);
        return Rows(m, areas, provincies, withLand, needed, places, stands, carry, from, to);
    }

    /// <summary>
    /// The same rows as <see cref="Build"/>, area by area (each area's opgaven and days), for a writer that compares
    /// them with the stored rows of one area at a time. The areas' aggregates need every member on the same day, so
    /// they come from one pass in date order (a few hundred thousand rows: 16 areas); a gemeente's rows are read from
    /// the precomputed timelines in any order, so they are produced when asked for.
    /// </summary>
    public static SeriesByArea ByArea(AnalysisModel m, IReadOnlyCollection<Area> areas, DateOnly from, DateOnly to)
    {
        if (to < from) return new SeriesByArea(areas, _ => []);
        var (provincies, withLand, needed, places, stands, carry) = Prepare(m, areas, from, to);
        var aggregates = areas.Where(a => a.Level != AreaLevel.Gemeente).ToList();
        var byArea = Rows(m, aggregates, provincies, withLand, needed, places, stands, carry, from, to)
            .GroupBy(r => r.Gebiedcode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        IEnumerable<SeriesRow> RowsOf(Area area)
        {
            if (area.Level != AreaLevel.Gemeente)
            {
                foreach (var r in byArea.TryGetValue(area.Code, out var list) ? list : []) yield return r;
                yield break;
            }
            var gi = m.Geography.Index[area.Code];
            foreach (var o in AnalysisCodes.AllOpgaven)
                for (var t = from; t <= to; t = t.AddDays(1))
                    if (m.Regimes.IsMonitored(o, t))
                        yield return GemeenteRow(m, area.Code, gi, o, t, m.Calendar.NextDeadline(o, t), stands.At(t), carry.At(t), places);
        }
        return new SeriesByArea(areas, RowsOf);
    }

    private static (List<string> Provincies, bool WithLand, bool[] Needed, PlaceTimelines Places, Segmented<OpgaveStand> Stands,
        Segmented<IReadOnlyDictionary<string, CarryOverResult>> Carry) Prepare(AnalysisModel m, IReadOnlyCollection<Area> areas, DateOnly from, DateOnly to)
    {
        var geo = m.Geography;
        var needed = new bool[geo.Gemeenten.Count];
        foreach (var area in areas)
            foreach (var g in Areas.Members(m, area)) needed[geo.Index[g.Code]] = true;
        var withLand = areas.Any(a => a.Level == AreaLevel.Land);
        // The land's opgave is Σ of its provincies (each Σ gemeenten or the provincial figure), so it needs them all.
        var provincies = areas.Where(a => a.Level == AreaLevel.Provincie).Select(a => a.Code)
            .Concat(withLand ? geo.Provincies.Keys : []).Distinct().Order(StringComparer.Ordinal).ToList();

        var places = new PlaceTimelines(m, needed, from.AddDays(1 - m.Options.TrendDays), to);
        var stands = Segments(m.ChangeDates(from, to, withHousing: false), t => EffectiveOpgave.On(m, t));
        // Only the running half year's due is read from the chains, and it changes only on these dates.
        var carry = Segments(m.ChangeDates(from, to, withHousing: true), t => CarryOver.ForAll(m, t));
        return (provincies, withLand, needed, places, stands, carry);
    }

    private static IEnumerable<SeriesRow> Rows(AnalysisModel m, IReadOnlyCollection<Area> areas, List<string> provincies,
        bool withLand, bool[] needed, PlaceTimelines places, Segmented<OpgaveStand> stands,
        Segmented<IReadOnlyDictionary<string, CarryOverResult>> carry, DateOnly from, DateOnly to)
    {
        var geo = m.Geography;
        var outputGemeenten = areas.Where(a => a.Level == AreaLevel.Gemeente).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var regios = areas.Where(a => a.Level == AreaLevel.Regio).Select(a => a.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var outputProvincies = areas.Where(a => a.Level == AreaLevel.Provincie).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var gemeenteRows = new SeriesRow?[geo.Gemeenten.Count];

        for (var t = from; t <= to; t = t.AddDays(1))
        {
            var stand = stands.At(t);
            var chains = carry.At(t);
            foreach (var o in AnalysisCodes.AllOpgaven)
            {
                // An opgave outside its regime (a task that ended) gets no rows: its history before stays as it was.
                if (!m.Regimes.IsMonitored(o, t)) continue;
                var deadline = m.Calendar.NextDeadline(o, t);
                for (var gi = 0; gi < needed.Length; gi++)
                {
                    if (!needed[gi]) continue;
                    var row = GemeenteRow(m, geo.Gemeenten[gi].Code, gi, o, t, deadline, stand, chains, places);
                    gemeenteRows[gi] = row;
                    if (outputGemeenten.Contains(row.Gebiedcode)) yield return row;
                }
                var provincieRows = new List<SeriesRow>(provincies.Count);
                foreach (var pv in provincies)
                {
                    var acc = Accumulate(geo.MembersOf(pv), geo, gemeenteRows);
                    // For places the provincial figure (PV) binds when one is in force (DOMAIN.md: the provincial total
                    // binds; in a new cycle it comes first and progress is shown against it, also once indicative
                    // gemeente figures follow); otherwise Σ of the members when all are known. The taakstelling has
                    // no provincial gecorrigeerde taakstelling, so it is always Σ of the members.
                    var provincial = o.IsPlaces() ? stand.Provincie(pv, o) : null;
                    var row = acc.ToRow(new Area(AreaLevel.Provincie, pv), o, t, provincial ?? acc.SumOfOpgaven(null), deadline);
                    provincieRows.Add(row);
                    if (outputProvincies.Contains(pv)) yield return row;
                }
                foreach (var r in regios)
                {
                    var acc = Accumulate(geo.Regios[r], geo, gemeenteRows);
                    yield return acc.ToRow(new Area(AreaLevel.Regio, r), o, t, acc.SumOfOpgaven(null), deadline);
                }
                if (withLand)
                {
                    var acc = Accumulate(geo.Gemeenten, geo, gemeenteRows);
                    yield return acc.ToRow(Area.Land, o, t, Gaps.SumOrFallback(provincieRows.Select(p => p.OpgaveAantal), null), deadline);
                }
            }
        }
    }

    private static SeriesRow GemeenteRow(AnalysisModel m, string g, int gi, Opgave o, DateOnly t, DateOnly? deadline,
        OpgaveStand stand, IReadOnlyDictionary<string, CarryOverResult> chains, PlaceTimelines places)
    {
        if (o == Opgave.Taakstelling)
        {
            var h = Periode.HalfYearOf(t);
            var projection = HousingProjection.FromObservations(h, t, m.Housing.Until(g, h, t), m.Options.TrendDays);
            return SeriesRow.ForGemeente(g, o, t, chains[g].Running?.Due, m.Housing.HousedAsOf(g, h, t).Housed, null, deadline, projection);
        }
        var p = deadline is { } d
            ? PlaceProjection.Combine(d, places.Pipeline(gi, o, t), places.Pessimistic(gi, o, t), places.Trend(gi, o, t, d))
            : null;
        return SeriesRow.ForGemeente(g, o, t, stand.Effectief(g, o), places.Realised(gi, o, t), places.Duurzaam(gi, o, t), deadline, p);
    }

    private static AreaAccumulator Accumulate(IReadOnlyList<Gemeente> members, Geography geo, SeriesRow?[] rows)
    {
        var acc = new AreaAccumulator();
        foreach (var g in members) acc.Add(rows[geo.Index[g.Code]]!);
        return acc;
    }

    private static Segmented<T> Segments<T>(SortedSet<DateOnly> dates, Func<DateOnly, T> compute) =>
        new(dates.Select(d => (d, compute(d))).ToList());

    /// <summary>Values that hold from their date until the next one; read in increasing date order (a read of an
    /// earlier date starts over from the first segment).</summary>
    private sealed class Segmented<T>(List<(DateOnly From, T Value)> segments)
    {
        private int i;
        public T At(DateOnly t)
        {
            if (segments[i].From > t) i = 0;   // a second enumeration starts over
            while (i + 1 < segments.Count && segments[i + 1].From <= t) i++;
            return segments[i].Value;
        }
    }
}

/// <summary>Rows of <see cref="DailySeries.ByArea"/>: the areas, and each area's rows when asked for (once per area).</summary>
public sealed class SeriesByArea(IReadOnlyCollection<Area> areas, Func<Area, IEnumerable<SeriesRow>> rows)
{
    public IReadOnlyCollection<Area> Areas => areas;
    public IEnumerable<SeriesRow> RowsOf(Area area) => rows(area);
}
