namespace Monitor.Analysis;

/// <summary>One full snapshot of a feed, its rows grouped by gemeente.</summary>
internal sealed record Snapshot(string Feed, DateOnly Peildatum, IReadOnlyList<PlaceRow> Rows)
{
    public ILookup<string, PlaceRow> ByGemeente { get; } = Rows.ToLookup(r => r.Gemeentecode, StringComparer.Ordinal);
}

/// <summary>Every feed's snapshots in peildatum order. A snapshot replaces the feed's previous one entirely, so a
/// location missing from it is closed from its peildatum on.</summary>
internal sealed class PlaceIndex
{
    private readonly Dictionary<Opgave, DateOnly> historyStart = new();

    public PlaceIndex(IReadOnlyList<PlaceSnapshot> snapshots, IReadOnlyList<PlaceRow> rows, Geography geo,
        List<DataQualityFinding> findings)
    {
        var valid = new List<PlaceRow>();
        foreach (var r in rows)
        {
            if (r.Opgave == Opgave.Taakstelling || r.Capaciteit < 0)
                findings.Add(new(FindingKind.OngeldigeRij, r.Opgave, null, r.Gemeentecode,
                    $"Plekken {r.Feed} {r.Peildatum:yyyy-MM-dd} locatie {r.Locatiecode}: "
                    + $"opgave {r.Opgave.Code()} of capaciteit {r.Capaciteit} is ongeldig; genegeerd."));
            else if (!geo.ByCode.ContainsKey(r.Gemeentecode))
                findings.Add(new(FindingKind.OnbekendGebied, r.Opgave, null, r.Gemeentecode,
                    $"Plekken {r.Feed} {r.Peildatum:yyyy-MM-dd} locatie {r.Locatiecode}: gemeente {r.Gemeentecode} is onbekend; niet meegeteld."));
            else valid.Add(r);
        }
        // A row's own (feed, peildatum) is a snapshot even when the list of snapshots forgot it.
        var keys = snapshots.Select(s => (s.Feed, s.Peildatum)).Concat(valid.Select(r => (r.Feed, r.Peildatum))).Distinct();
        var byKey = valid.ToLookup(r => (r.Feed, r.Peildatum));
        Feeds = keys.GroupBy(k => k.Feed, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<Snapshot>)g.OrderBy(k => k.Peildatum)
                .Select(k => new Snapshot(k.Feed, k.Peildatum, byKey[k].ToList())).ToList())
            .ToList();
        foreach (var g in valid.GroupBy(r => r.Opgave)) historyStart[g.Key] = g.Min(r => r.Peildatum);
    }

    public IReadOnlyList<IReadOnlyList<Snapshot>> Feeds { get; }

    /// <summary>Each feed's latest snapshot with peildatum ≤ t (feeds without one contribute nothing).</summary>
    public IEnumerable<Snapshot> LatestOn(DateOnly t)
    {
        foreach (var feed in Feeds)
        {
            Snapshot? latest = null;
            foreach (var s in feed) { if (s.Peildatum <= t) latest = s; else break; }
            if (latest is not null) yield return latest;
        }
    }

    /// <summary>First peildatum with any row of the opgave: a trend never reaches back before it.</summary>
    public DateOnly? HistoryStart(Opgave o) => historyStart.TryGetValue(o, out var d) ? d : null;
}
