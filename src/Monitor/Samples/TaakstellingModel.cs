using Monitor.Analysis;
namespace Monitor.Samples;

/// <summary>
/// The statushouders taakstelling per half year, divided pro rata inwoners (Huisvestingswet). National totals are
/// the published ones where known (2025-H1 17.700, lowered to 15.000; 2025-H2 13.000) and synthetic otherwise.
/// Announced before 1 October (for H1 of the next year) and before 1 April (for H2).
/// </summary>
public sealed class TaakstellingModel(IReadOnlyList<Gemeente> gemeenten, int seed)
{
    private static readonly Dictionary<Periode, (int Total, DateOnly Published)> Known = new()
    {
        [Periode.HalfYear(2024, 1)] = (20_500, new(2023, 9, 29)), // synthetic: the 2024 totals were not found
        [Periode.HalfYear(2024, 2)] = (19_000, new(2024, 3, 28)), // synthetic
        [Periode.HalfYear(2025, 1)] = (17_700, new(2024, 9, 30)), // gemeente.nu 2025-04
        [Periode.HalfYear(2025, 2)] = (13_000, new(2025, 3, 31)), // gemeente.nu 2025-04
        [Periode.HalfYear(2026, 1)] = (16_000, new(2025, 9, 30)), // synthetic
        [Periode.HalfYear(2026, 2)] = (17_500, new(2026, 3, 31)), // synthetic
    };

    /// <summary>Mid-period reductions: 2025-H1 went from 17.700 to 15.000.</summary>
    private static readonly Dictionary<Periode, (int Total, DateOnly Published)> Lowered = new()
    {
        [Periode.HalfYear(2025, 1)] = (15_000, new(2025, 3, 31)),
    };

    private readonly Dictionary<Periode, Dictionary<string, int>> _vastgesteld = [];
    private readonly Dictionary<Periode, Dictionary<string, int>> _bijstelling = [];

    public int National(Periode h) => Known.TryGetValue(h, out var k) ? k.Total
        : 14_000 + 100 * SampleRandom.For(seed, "taakstelling-landelijk", h.ToString()).Next(0, 61);

    public DateOnly Published(Periode h) => Known.TryGetValue(h, out var k) ? k.Published
        : h.Half == 1 ? new(h.Year - 1, 9, 28) : new(h.Year, 3, 28);

    public bool HasBijstelling(Periode h) => Lowered.ContainsKey(h);

    public IReadOnlyDictionary<string, int> Vastgesteld(Periode h)
    {
        if (_vastgesteld.TryGetValue(h, out var map)) return map;
        var parts = Apportion.Divide(National(h), gemeenten.Select(g => (double)g.Inwoners).ToArray());
        return _vastgesteld[h] = gemeenten.Select((g, i) => (g.Code, parts[i])).ToDictionary(x => x.Code, x => x.Item2);
    }

    /// <summary>The lowered figures; capped per gemeente at the original, because mid-period it may only go down.</summary>
    public IReadOnlyDictionary<string, int>? Bijstelling(Periode h)
    {
        if (!Lowered.TryGetValue(h, out var lowered)) return null;
        if (_bijstelling.TryGetValue(h, out var map)) return map;
        var original = Vastgesteld(h);
        var caps = gemeenten.Select(g => original[g.Code]).ToArray();
        var parts = Apportion.Divide(lowered.Total, gemeenten.Select(g => (double)g.Inwoners).ToArray(), caps);
        return _bijstelling[h] = gemeenten.Select((g, i) => (g.Code, parts[i])).ToDictionary(x => x.Code, x => x.Item2);
    }

    /// <summary>The figure that finally applies to the half year.</summary>
    public int InForce(string code, Periode h) => (Bijstelling(h) ?? Vastgesteld(h))[code];

    /// <summary>All rows published on one date: the new half year's figures and any bijstelling announced with them.</summary>
    public IEnumerable<OpgaveFigure> FiguresPublishedOn(DateOnly published, IEnumerable<Periode> halfYears)
    {
        foreach (var h in halfYears)
        {
            if (Published(h) == published)
                foreach (var g in gemeenten)
                    yield return new("taakstelling", "vastgesteld", h.ToString(), g.Code, Vastgesteld(h)[g.Code], published);
            if (Lowered.TryGetValue(h, out var low) && low.Published == published)
                foreach (var g in gemeenten)
                    yield return new("taakstelling", "bijstelling", h.ToString(), g.Code, Bijstelling(h)![g.Code], published);
        }
    }

    /// <summary>Publication dates of the half years, in order (one delivery each).</summary>
    public IEnumerable<DateOnly> PublicationDates(IEnumerable<Periode> halfYears) => halfYears
        .SelectMany(h => Lowered.TryGetValue(h, out var low) ? new[] { Published(h), low.Published } : [Published(h)])
        .Distinct().Order();
}
