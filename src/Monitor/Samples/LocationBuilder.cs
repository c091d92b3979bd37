namespace Monitor.Samples;

public enum Lifetime { Temporary, Duurzaam, Open }

/// <summary>Chances of a location's lifetime; the rest is temporary.</summary>
public sealed record LifetimeOdds(double Duurzaam, double Open);

/// <summary>
/// Turns planned pieces of capacity into <see cref="Location"/>s of one gemeente in one feed: codes, names, the
/// gemeentecode as the feed reports it, lifetimes, closures and successors.
/// </summary>
internal sealed class LocationBuilder(string feed, Gemeente gemeente, SampleRandom rng, DateOnly horizonEnd)
{
    private static readonly string[] Suffixes =
    [
        "Centrum", "Noord", "Oost", "Zuid", "West", "De Hoeve", "Het Veld", "Kanaalzone", "Stationsweg", "De Kamp",
        "Parkzicht", "Haven", "Molenweg", "De Brink", "Kerkstraat", "Industrieweg", "Het Bosch", "De Weide",
    ];

    private readonly List<Location> _locations = [];
    private int _seq;

    public SampleRandom Rng => rng;
    public IReadOnlyList<Location> Locations => _locations;

    /// <summary>A location whose whole life is given (e.g. the aanmeldcentrum Ter Apel).</summary>
    public void Fixed(string opgave, int capacity, string name, DateOnly start, DateOnly plannedEnd, double occupancy)
    {
        var seq = ++_seq;
        Add(opgave, capacity, name, Code(seq, 1), seq, start.AddDays(-90), start, start, plannedEnd, plannedEnd.AddDays(1),
            plannedEnd.AddDays(1), occupancy, rng.NextUInt64());
    }

    public void Place(string opgave, int capacity, DateOnly plannedStart, bool existing, double slipChance,
        double successorChance, LifetimeOdds odds, Func<Gemeente, Lifetime, bool, string, string> namer)
    {
        var seq = ++_seq;
        Place(rng, seq, 1, opgave, capacity, plannedStart, existing, slipChance, successorChance, odds, namer);
    }

    /// <summary>
    /// Every draw happens whatever the horizon, and a successor draws from its own stream: a longer horizon adds
    /// later locations but never changes the earlier ones (the daily benchmark stream agrees with the samples).
    /// </summary>
    private void Place(SampleRandom r, int seq, int generation, string opgave, int capacity, DateOnly plannedStart, bool existing,
        double slipChance, double successorChance, LifetimeOdds odds, Func<Gemeente, Lifetime, bool, string, string> namer)
    {
        var successorRng = new SampleRandom(r.NextUInt64());
        var wantsSuccessor = r.Chance(successorChance);
        var start = !existing && r.Chance(slipChance) ? plannedStart.AddDays(r.Next(30, 181)) : plannedStart;
        var announced = existing ? plannedStart.AddDays(-90) : plannedStart.AddDays(-r.Next(30, 271));
        var u = r.NextDouble();
        var life = u < odds.Duurzaam ? Lifetime.Duurzaam : u < odds.Duurzaam + odds.Open ? Lifetime.Open : Lifetime.Temporary;
        DateOnly? plannedEnd = null, closed = null, dropped = null;
        switch (life)
        {
            case Lifetime.Duurzaam:
                plannedEnd = EndOfMonth(start.AddMonths(r.Next(60, 121)));
                break;
            case Lifetime.Temporary:
                plannedEnd = EndOfMonth(start.AddMonths(r.Next(6, 31)));
                // An old temporary location in the feed at all must still be open in 2024.
                if (plannedEnd < LocationPlanner.WorldStart.AddMonths(2))
                    plannedEnd = EndOfMonth(LocationPlanner.WorldStart.AddMonths(r.Next(2, 25)));
                break;
            default:
                // A few open-ended locations close unexpectedly and simply vanish from the next snapshot.
                if (r.Chance(0.04))
                {
                    closed = start.AddMonths(r.Next(3, 31));
                    if (closed < LocationPlanner.WorldStart) closed = LocationPlanner.WorldStart.AddMonths(r.Next(1, 30));
                    dropped = closed;
                }
                break;
        }
        if (plannedEnd is { } end)
        {
            closed = end.AddDays(1);
            // Most feeds report a closed location as gesloten for a while; some leave it out at once.
            dropped = r.Chance(0.6) ? closed.Value.AddDays(r.Next(20, 101)) : closed;
        }
        var suffix = r.Pick(Suffixes);
        var occupancy = opgave switch { "oekraine" => r.Range(0.72, 0.95), "amv" => r.Range(0.80, 0.97), _ => r.Range(0.85, 0.98) };
        var occupancyKey = r.NextUInt64();
        if (announced <= horizonEnd)
            Add(opgave, capacity, namer(gemeente, life, seq == 1 && generation == 1, suffix), Code(seq, generation), seq,
                announced, plannedStart, start, plannedEnd, closed, dropped, occupancy, occupancyKey);
        // Planned closures are usually replaced: the successor is announced up to 270 days before it opens, so
        // successors of locations closing shortly after the horizon may still show up within it.
        if (life != Lifetime.Open && wantsSuccessor && closed < horizonEnd.AddDays(400) && generation < 40)
        {
            var next = closed!.Value.AddDays(successorRng.Next(0, 46));
            var nextCapacity = LocationPlanner.Round5(capacity * successorRng.Range(0.8, 1.2));
            Place(successorRng, seq, generation + 1, opgave, nextCapacity, next, existing: false, slipChance, successorChance, odds, namer);
        }
    }

    /// <summary>COA-0363-03 for the third location of GM0363; its successors are COA-0363-03-2, COA-0363-03-3, ...</summary>
    private string Code(int seq, int generation) =>
        $"{feed.ToUpperInvariant()}-{gemeente.Code[2..]}-{seq:00}" + (generation > 1 ? $"-{generation}" : "");

    private void Add(string opgave, int capacity, string name, string code, int seq, DateOnly announced, DateOnly plannedStart,
        DateOnly start, DateOnly? plannedEnd, DateOnly? closed, DateOnly? dropped, double occupancy, ulong occupancyKey) =>
        _locations.Add(new(feed, opgave, gemeente.Code, LegacyCodes.Reported(feed, gemeente.Code, seq), code, name, capacity,
            announced, plannedStart, start, plannedEnd, closed, dropped, occupancy, occupancyKey));

    private static DateOnly EndOfMonth(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
}
