namespace Monitor.Analysis;

/// <summary>One full snapshot of a feed, its rows grouped by gemeente (when first asked for: the daily series reads
/// whole snapshots, and ten years of daily snapshots are thousands of them).</summary>
internal sealed class Snapshot(string feed, DateOnly peildatum, IReadOnlyList<PlaceRow> rows)
{
    private ILookup<string, PlaceRow>? _byGemeente;
    public string Feed => feed;
    public DateOnly Peildatum => peildatum;
    public IReadOnlyList<PlaceRow> Rows => rows;
    public ILookup<string, PlaceRow> ByGemeente => _byGemeente ??= rows.ToLookup(r => r.Gemeentecode, StringComparer.Ordinal);
}

/// <summary>Every feed's snapshots in peildatum order. A snapshot replaces the feed's previous one entirely, so a
/// location missing from it is closed from its peildatum on.</summary>
internal sealed class PlaceIndex
{
    private readonly Dictionary<Opgave, DateOnly> historyStart = new();

    public PlaceIndex(IReadOnlyList<PlaceSnapshot> snapshots, IReadOnlyList<PlaceRow> rows, Geography geo,
        List<DataQualityFinding> findings)
    {
        // Rows are grouped by (feed, peildatum) as they come: usually a run of one snapshot after another, so a lookup
        // happens once per snapshot rather than once per row (millions of rows at national scale).
        var byKey = new Dictionary<(string Feed, DateOnly Peildatum), List<PlaceRow>>();
        List<PlaceRow>? current = null;
        (string Feed, DateOnly Peildatum) currentKey = default;
        foreach (var r in rows)
        {
            if (r.Opgave == Opgave.Taakstelling || r.Capaciteit < 0)
                findings.Add(new(FindingKind.OngeldigeRij, r.Opgave, null, r.Gemeentecode,
                    $"Plekken {r.Feed} {r.Peildatum:yyyy-MM-dd} locatie {r.Locatiecode}: "
                    + $"opgave {r.Opgave.Code()} of capaciteit {r.Capaciteit} is ongeldig; genegeerd."));
            else if (!geo.ByCode.ContainsKey(r.Gemeentecode))
                findings.Add(new(FindingKind.OnbekendGebied, r.Opgave, null, r.Gemeentecode,
                    $"Plekken {r.Feed} {r.Peildatum:yyyy-MM-dd} locatie {r.Locatiecode}: gemeente {r.Gemeentecode} is onbekend; niet meegeteld."));
            else
            {
                if (current is null || r.Peildatum != currentKey.Peildatum || !string.Equals(r.Feed, currentKey.Feed, StringComparison.Ordinal))
                {
                    currentKey = (r.Feed, r.Peildatum);
                    if (!byKey.TryGetValue(currentKey, out current)) byKey[currentKey] = current = [];
                }
                current.Add(r);
                if (!historyStart.TryGetValue(r.Opgave, out var first) || r.Peildatum < first) historyStart[r.Opgave] = r.Peildatum;
            }
        }
        // A row's own (feed, peildatum) is a snapshot even when the list of snapshots forgot it.
        var keys = snapshots.Select(s => (s.Feed, s.Peildatum)).Concat(byKey.Keys).Distinct();
        Feeds = keys.GroupBy(k => k.Feed, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<Snapshot>)g.OrderBy(k => k.Peildatum)
                .Select(k => new Snapshot(k.Feed, k.Peildatum, byKey.TryGetValue(k, out var list) ? list : [])).ToList())
            .ToList();
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
