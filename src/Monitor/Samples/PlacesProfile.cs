namespace Monitor.Samples;

public enum PlacesPace { Ahead, OnTrack, Behind, FarBehind }

/// <summary>
/// How far a gemeente gets with its asiel places, as shares of its opgave: what existed in January 2024, what is
/// available on the 1 July 2025 deadline, and what it reaches by the end of 2026 (behind gemeenten keep adding).
/// </summary>
public sealed record PlacesProfile(PlacesPace Pace, double Existing, double AtDeadline, double AtEnd, double AmvFactor, double SlipChance)
{
    /// <summary>15 % ahead, 27 % on track, 50 % behind, 8 % far behind: most gemeenten missed the deadline.</summary>
    public static PlacesProfile Draw(int seed, string code)
    {
        var rng = SampleRandom.For(seed, "plekken-profiel", code);
        var u = rng.NextDouble();
        var pace = u < 0.15 ? PlacesPace.Ahead : u < 0.42 ? PlacesPace.OnTrack : u < 0.92 ? PlacesPace.Behind : PlacesPace.FarBehind;
        var atDeadline = pace switch
        {
            PlacesPace.Ahead => rng.Range(1.05, 1.50),
            PlacesPace.OnTrack => rng.Range(0.90, 1.05),
            PlacesPace.Behind => rng.Range(0.45, 0.90),
            _ => rng.Range(0.0, 0.30),
        };
        var atEnd = pace switch
        {
            PlacesPace.Ahead => atDeadline,
            PlacesPace.OnTrack => Math.Max(atDeadline, rng.Range(0.95, 1.10)),
            PlacesPace.Behind => atDeadline + (1 - atDeadline) * rng.Range(0.3, 0.9),
            _ => atDeadline + (1 - atDeadline) * rng.Range(0.0, 0.5),
        };
        // Most gemeenten with an azc had it before the Spreidingswet; COA ran about 64.000 places early in 2024.
        var hasExisting = rng.Chance(pace is PlacesPace.Ahead or PlacesPace.OnTrack ? 0.9 : 0.6);
        var existing = hasExisting ? atDeadline * rng.Range(0.5, 0.95) : 0.0;
        // amv places lag behind (COA: short especially for amv).
        var amvFactor = atEnd * rng.Range(0.4, 1.1);
        var slip = pace switch { PlacesPace.FarBehind => 0.6, PlacesPace.Behind => 0.35, _ => 0.15 };
        return new(pace, existing, atDeadline, atEnd, amvFactor, slip);
    }
}
