namespace Monitor.Analysis;

/// <summary>Places of one gemeente and opgave on a date.</summary>
public readonly record struct PlaceCount(int Beschikbaar, int Duurzaam);

/// <summary>Rule 3, places: for each feed its latest snapshot with peildatum ≤ t; the capaciteit of rows that
/// count on t (<see cref="PlaceRules.Counts"/>), and apart the duurzame part of it.</summary>
public static class PlacesRealised
{
    public static IReadOnlyDictionary<(string Gemeente, Opgave Opgave), PlaceCount> On(AnalysisModel m, DateOnly t)
    {
        var result = new Dictionary<(string, Opgave), PlaceCount>();
        foreach (var snapshot in m.Places.LatestOn(t))
            foreach (var r in snapshot.Rows)
                if (PlaceRules.Counts(r, t))
                {
                    result.TryGetValue((r.Gemeentecode, r.Opgave), out var c);
                    result[(r.Gemeentecode, r.Opgave)] =
                        new(c.Beschikbaar + r.Capaciteit, c.Duurzaam + (PlaceRules.Duurzaam(r, m.Options.DuurzaamYears) ? r.Capaciteit : 0));
                }
        return result;
    }

    public static PlaceCount For(AnalysisModel m, string gemeente, Opgave o, DateOnly t)
    {
        int available = 0, duurzaam = 0;
        foreach (var r in RowsOf(m, gemeente, o, t))
            if (PlaceRules.Counts(r, t))
            {
                available += r.Capaciteit;
                if (PlaceRules.Duurzaam(r, m.Options.DuurzaamYears)) duurzaam += r.Capaciteit;
            }
        return new(available, duurzaam);
    }

    /// <summary>The rows of a gemeente and opgave in the snapshots in force on t.</summary>
    internal static IEnumerable<PlaceRow> RowsOf(AnalysisModel m, string gemeente, Opgave o, DateOnly t) =>
        m.Places.LatestOn(t).SelectMany(s => s.ByGemeente[gemeente]).Where(r => r.Opgave == o);
}
