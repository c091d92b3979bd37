using Monitor.Analysis;
namespace Monitor.Samples;

/// <summary>
/// Places for ontheemden uit Oekraïne per veiligheidsregio per half year (a guideline, announced twice a year).
/// National totals are synthetic, in the 90–100 thousand range JenV reported; the key weighs inwoners 0.8 and
/// land area 0.2 (the sample world's choice; the monitor's own key is configuration).
/// </summary>
public sealed class OekraineModel
{
    public const double InwonersWeight = 0.8;
    public const double OppervlakteWeight = 0.2;

    private static readonly Dictionary<Periode, int> Known = new()
    {
        [Periode.HalfYear(2024, 1)] = 98_000, [Periode.HalfYear(2024, 2)] = 100_000, [Periode.HalfYear(2025, 1)] = 97_000,
        [Periode.HalfYear(2025, 2)] = 95_000, [Periode.HalfYear(2026, 1)] = 93_000, [Periode.HalfYear(2026, 2)] = 90_000,
    };

    private readonly int _seed;
    private readonly IReadOnlyList<string> _vrCodes;
    private readonly double[] _vrWeights;
    private readonly Dictionary<string, double> _shareInVr = new(StringComparer.Ordinal);
    private readonly Dictionary<Periode, Dictionary<string, int>> _perVr = [];

    public OekraineModel(IReadOnlyList<Gemeente> gemeenten, int seed)
    {
        _seed = seed;
        double inwNl = gemeenten.Sum(g => g.Inwoners), oppNl = (double)gemeenten.Sum(g => g.OppervlakteKm2);
        var byVr = gemeenten.GroupBy(g => g.VrCode).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        _vrCodes = byVr.Select(v => v.Key).ToList();
        _vrWeights = byVr.Select(v => Key(v.Sum(g => g.Inwoners), inwNl, v.Sum(g => g.OppervlakteKm2), oppNl)).ToArray();
        foreach (var vr in byVr)
        {
            double inw = vr.Sum(g => g.Inwoners), opp = (double)vr.Sum(g => g.OppervlakteKm2);
            foreach (var g in vr) _shareInVr[g.Code] = Key(g.Inwoners, inw, g.OppervlakteKm2, opp);
        }
    }

    private static double Key(double inwoners, double inwTotal, decimal opp, double oppTotal) =>
        InwonersWeight * inwoners / inwTotal + OppervlakteWeight * (double)opp / oppTotal;

    public int National(Periode h) => Known.TryGetValue(h, out var n) ? n
        : 85_000 + 500 * SampleRandom.For(_seed, "oekraine-landelijk", h.ToString()).Next(0, 31);

    /// <summary>Announced in mid-December for H1 and mid-June for H2.</summary>
    public static DateOnly Published(Periode h) => h.Half == 1 ? new(h.Year - 1, 12, 13) : new(h.Year, 6, 14);

    public IReadOnlyDictionary<string, int> PerVr(Periode h)
    {
        if (_perVr.TryGetValue(h, out var map)) return map;
        var parts = Apportion.Divide(National(h), _vrWeights);
        return _perVr[h] = _vrCodes.Select((c, i) => (c, parts[i])).ToDictionary(x => x.c, x => x.Item2);
    }

    /// <summary>A gemeente's part of its VR's figure by the same key: what the gemeente is expected to host.</summary>
    public int GemeenteTarget(Gemeente g, Periode h) =>
        (int)Math.Round(PerVr(h)[g.VrCode] * _shareInVr[g.Code], MidpointRounding.AwayFromZero);

    public IEnumerable<OpgaveFigure> Figures(IEnumerable<Periode> halfYears) =>
        from h in halfYears
        from vr in _vrCodes
        select new OpgaveFigure("oekraine", "vastgesteld", h.ToString(), vr, PerVr(h)[vr], Published(h));
}
