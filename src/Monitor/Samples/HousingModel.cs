using Monitor.Analysis;
namespace Monitor.Samples;

/// <summary>One row of the huisvesting feed: persons housed in the periode up to the peildatum.</summary>
public sealed record HuisvestingRow(DateOnly Peildatum, string Periode, string Gemeentecode, int Gehuisvest, int WaarvanAmv);

/// <summary>
/// Statushouders housed per gemeente per half year. Each gemeente has a steady pace (some always ahead, some always
/// behind) with noise per half year; what is due is the taakstelling in force, plus what agreements move, plus the
/// achterstand (or minus the voorsprong) of the half year before, so a slow gemeente's backlog keeps growing.
/// Within a half year the cumulative count follows a curve that may be front- or back-loaded.
/// </summary>
public sealed class HousingModel(TaakstellingModel taakstelling, int seed)
{
    public static readonly Periode FirstPeriod = Periode.HalfYear(2024, 1);

    private sealed record Period(int Due, int Housed, double Curve);

    private sealed record Profile(double Pace, double AmvShare, List<Period> Periods);

    private readonly Dictionary<string, Profile> _profiles = new(StringComparer.Ordinal);

    /// <summary>Cumulative persons housed (and how many of them amv) in the half year of <paramref name="date"/>, as of that date.</summary>
    public HuisvestingRow On(Gemeente g, DateOnly date)
    {
        var h = Periode.HalfYearOf(date);
        var profile = ProfileOf(g, h);
        var p = profile.Periods[Index(h)];
        // x in (0, 1]: share of the half year elapsed, counting the peildatum itself.
        var x = (double)(date.DayNumber - h.Start.DayNumber + 1) / h.Days;
        // F(x) = x(1 - a + a x): F(0) = 0, F(1) = 1, monotone for |a| < 1; only + and × so every platform agrees.
        var f = x * (1 - p.Curve + p.Curve * x);
        var housed = (int)Math.Floor(p.Housed * f + 1e-9);
        var amv = (int)Math.Floor(housed * profile.AmvShare + 1e-9);
        return new(date, h.ToString(), g.Code, housed, amv);
    }

    /// <summary>What the gemeente had to house in a half year (taakstelling in force, agreements, carry-over) and did house.</summary>
    public (int Due, int Housed) Result(Gemeente g, Periode h)
    {
        var p = ProfileOf(g, h).Periods[Index(h)];
        return (p.Due, p.Housed);
    }

    private static int Index(Periode h) => (h.Year * 2 + h.Half) - (FirstPeriod.Year * 2 + FirstPeriod.Half);

    /// <summary>The gemeente's profile with its periods computed up to h, in order, because each carries over into the next.</summary>
    private Profile ProfileOf(Gemeente g, Periode h)
    {
        if (h.CompareTo(FirstPeriod) < 0) throw new ArgumentOutOfRangeException(nameof(h), h, "Het voorbeeld begint in 2024-H1.");
        if (!_profiles.TryGetValue(g.Code, out var profile))
        {
            var rng = SampleRandom.For(seed, "huisvesting-profiel", g.Code);
            var u = rng.NextDouble();
            // 20 % fast, 40 % about on pace, 30 % slow, 10 % very slow.
            var pace = u < 0.2 ? rng.Range(1.00, 1.25) : u < 0.6 ? rng.Range(0.85, 1.02)
                     : u < 0.9 ? rng.Range(0.55, 0.85) : rng.Range(0.20, 0.55);
            _profiles[g.Code] = profile = new Profile(pace, rng.Range(0.03, 0.10), []);
        }
        var list = profile.Periods;
        while (list.Count <= Index(h))
        {
            var current = FirstPeriod;
            for (var k = 0; k < list.Count; k++) current = current.NextHalfYear;
            var carry = list.Count == 0 ? 0 : list[^1].Due - list[^1].Housed;
            var due = taakstelling.InForce(g.Code, current) + SampleAgreements.TaakstellingShift(g.Code, current) + carry;
            var rng = SampleRandom.For(seed, "huisvesting", $"{g.Code}|{current}");
            var housed = (int)Math.Round(Math.Max(due, 0) * profile.Pace * rng.Range(0.85, 1.15), MidpointRounding.AwayFromZero);
            list.Add(new Period(due, housed, rng.Range(-0.6, 0.6)));
        }
        return profile;
    }
}
