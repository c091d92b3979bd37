namespace Monitor.Samples;

/// <summary>
/// Plans every location of one gemeente in one feed, from its opgave and profile: existing locations, new ones
/// before the 1 July 2025 deadline and after it, each with a lifetime (tijdelijk, duurzaam ≥ 5 years or open-ended),
/// some slipping past their planned start, and temporary ones often followed by a successor, so the portfolio keeps
/// turning over for as many years as the horizon asks.
/// </summary>
public sealed class LocationPlanner(int seed, DateOnly horizonEnd)
{
    public static readonly DateOnly WorldStart = new(2024, 1, 1);

    private enum Timing { Existing, BeforeDeadline, AfterDeadline }

    public IReadOnlyList<Location> Coa(Gemeente g, int asielTarget, int amvTarget, PlacesProfile p)
    {
        var b = new LocationBuilder("coa", g, SampleRandom.For(seed, "coa", g.Code), horizonEnd);
        if (g.Code == "GM1950")
            b.Fixed("asiel", 2000, "Aanmeldcentrum Ter Apel", new(2016, 1, 1), new(2035, 12, 31), 0.97);
        var rng = b.Rng;
        var existing = Round(p.Existing * asielTarget);
        var before = Math.Max(0, Round(p.AtDeadline * asielTarget) - existing);
        var after = Math.Max(0, Round(p.AtEnd * asielTarget) - existing - before);
        var amv = Round(p.AmvFactor * amvTarget);
        var nAmv = amv >= 12 ? Math.Clamp(Round(amv / 20.0), 1, 2) : 0;
        var nE = Count(existing, rng.Range(250, 700), 3);
        var nB = Count(before, rng.Range(80, 350), 3);
        var nA = Count(after, rng.Range(80, 350), 2);
        // About 1–6 locations per gemeente: merge pieces when there would be more.
        while (nE + nB + nA + nAmv > 6)
        {
            if (nA > 1) nA--; else if (nB > 1) nB--; else if (nE > 1) nE--; else nAmv--;
        }
        var lifetimes = new LifetimeOdds(Duurzaam: 0.35, Open: 0.40);
        var existingOdds = new LifetimeOdds(Duurzaam: 0.50, Open: 0.35);
        var successor = p.Pace == PlacesPace.FarBehind ? 0.4 : 0.75;
        foreach (var cap in Split(existing, nE, rng))
            b.Place("asiel", cap, Start(Timing.Existing, p, rng), existing: true, 0, successor, existingOdds, AsielName);
        foreach (var cap in Split(before, nB, rng))
            b.Place("asiel", cap, Start(Timing.BeforeDeadline, p, rng), existing: false, p.SlipChance, successor, lifetimes, AsielName);
        foreach (var cap in Split(after, nA, rng))
            b.Place("asiel", cap, Start(Timing.AfterDeadline, p, rng), existing: false, p.SlipChance, successor, lifetimes, AsielName);
        foreach (var cap in Split(amv, nAmv, rng))
        {
            var timing = rng.Chance(0.3) ? Timing.Existing
                : rng.Chance(p.AtDeadline / Math.Max(p.AtEnd, 0.01)) ? Timing.BeforeDeadline : Timing.AfterDeadline;
            b.Place("amv", cap, Start(timing, p, rng), timing == Timing.Existing, p.SlipChance, successor, lifetimes, AmvName);
        }
        return b.Locations;
    }

    public IReadOnlyList<Location> Ggo(Gemeente g, int target)
    {
        var b = new LocationBuilder("ggo", g, SampleRandom.For(seed, "ggo", g.Code), horizonEnd);
        var rng = b.Rng;
        var capacity = Round(target * rng.Range(0.70, 1.25));
        var odds = new LifetimeOdds(Duurzaam: 0.15, Open: 0.35);
        // Oekraïne opvang started in 2022: nearly everything exists at the start of the sample period.
        foreach (var cap in Split(capacity, Count(capacity, rng.Range(60, 250), 4), rng))
        {
            var start = new DateOnly(2022, 3, 1).AddMonths(rng.Next(0, 19));
            b.Place("oekraine", cap, start, existing: true, 0, 0.8, odds, GgoName);
        }
        if (rng.Chance(0.6))
        {
            var start = DateOnly.FromDayNumber(rng.Next(new DateOnly(2024, 3, 1).DayNumber, new DateOnly(2026, 9, 30).DayNumber));
            b.Place("oekraine", Round5(rng.Range(20, 150)), start, existing: false, 0.3, 0.8, odds, GgoName);
        }
        return b.Locations;
    }

    private static DateOnly Start(Timing timing, PlacesProfile p, SampleRandom rng)
    {
        var (from, to) = timing switch
        {
            Timing.Existing => (new DateOnly(2015, 1, 1), new DateOnly(2023, 10, 1)),
            Timing.BeforeDeadline => (new DateOnly(2024, 2, 1), new DateOnly(2025, 6, 15)),
            _ => (new DateOnly(2025, 7, 15), p.Pace == PlacesPace.FarBehind ? new DateOnly(2027, 6, 30) : new DateOnly(2026, 12, 31)),
        };
        var day = DateOnly.FromDayNumber(rng.Next(from.DayNumber, to.DayNumber + 1));
        return timing == Timing.Existing ? new DateOnly(day.Year, day.Month, 1) : day;
    }

    private static string AsielName(Gemeente g, Lifetime life, bool first, string suffix) => life switch
    {
        Lifetime.Duurzaam => first ? $"azc {g.Naam}" : $"azc {g.Naam} {suffix}",
        Lifetime.Temporary => $"Tijdelijke opvang {g.Naam} {suffix}",
        _ => $"Opvanglocatie {g.Naam} {suffix}",
    };

    private static string AmvName(Gemeente g, Lifetime life, bool first, string suffix) =>
        $"Kleinschalige woonvoorziening amv {g.Naam} {suffix}";

    private static string GgoName(Gemeente g, Lifetime life, bool first, string suffix) => life switch
    {
        Lifetime.Duurzaam => $"Woonunits Oekraïne {g.Naam} {suffix}",
        Lifetime.Temporary => $"Noodopvang Oekraïne {g.Naam} {suffix}",
        _ => $"Opvang Oekraïne {g.Naam} {suffix}",
    };

    private static int Count(int capacity, double typicalSize, int max) =>
        capacity < 5 ? 0 : Math.Clamp(Round(capacity / typicalSize), 1, max);

    /// <summary>Divides a capacity over n locations of unequal size, in multiples of 5.</summary>
    private static IEnumerable<int> Split(int capacity, int n, SampleRandom rng)
    {
        if (n == 0) return [];
        var weights = Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble()).ToArray();
        return Apportion.Divide(capacity, weights).Select(c => Round5(c)).ToArray();
    }

    internal static int Round5(double x) => Math.Max(5, 5 * Round(x / 5));

    private static int Round(double x) => (int)Math.Round(x, MidpointRounding.AwayFromZero);
}
