namespace Monitor.Samples;

/// <summary>
/// The synthetic asiel/amv opgave of Spreidingswet cycle 2024-2025, version by version: the indicative division of
/// the capaciteitsraming (inwoners × a pseudo SES factor), the CdK's verslag, the verdeelbesluit (only 88.000 of the
/// 96.000 found, as in December 2024) and a 2025 bijstelling for a few gemeenten. Totals are exact, not approximate.
/// </summary>
public sealed class SpreidingswetModel
{
    public const string Cycle = "2024-2025";
    public const int CapaciteitsRaming = 96_000;
    public const int FoundInVerdeelbesluit = 88_000;
    public const double AmvShare = 0.085;
    public static readonly DateOnly IndicatiefPublished = new(2024, 1, 15);
    public static readonly DateOnly VerslagPublished = new(2024, 10, 31);
    public static readonly DateOnly VerdeelbesluitPublished = new(2024, 12, 31);
    public static readonly DateOnly BijstellingPublished = new(2025, 5, 20);
    public static readonly DateOnly Deadline = new(2025, 7, 1);

    // Provinces that offered more than asked in the verdeelbesluit (the north, Flevoland, Zeeland).
    private static readonly HashSet<string> GenerousProvinces = ["PV20", "PV21", "PV22", "PV24", "PV29"];

    private readonly IReadOnlyList<Gemeente> _gemeenten;

    /// <summary>asiel + amv per gemeente, per version; verslag and bijstelling hold only the gemeenten they change.</summary>
    public IReadOnlyDictionary<string, int> Indicatief { get; }
    public IReadOnlyDictionary<string, int> Verslag { get; }
    public IReadOnlyDictionary<string, int> Verdeelbesluit { get; }
    public IReadOnlyDictionary<string, int> Bijstelling { get; }

    public SpreidingswetModel(IReadOnlyList<Gemeente> gemeenten, int seed, IReadOnlySet<string> keepIndicatief)
    {
        _gemeenten = gemeenten;
        var ses = gemeenten.Select(g => 0.85 + 0.30 * SampleRandom.For(seed, "ses", g.Code).NextDouble()).ToArray();
        var indicatief = Apportion.Divide(CapaciteitsRaming, gemeenten.Select((g, i) => g.Inwoners * ses[i]).ToArray());
        Indicatief = ToMap(indicatief);
        var verdeel = DivideFound(indicatief, seed, keepIndicatief);
        Verdeelbesluit = ToMap(verdeel);
        Verslag = BuildVerslag(indicatief, verdeel, seed);
        Bijstelling = BuildBijstelling(verdeel, seed, keepIndicatief);
    }

    /// <summary>amv is 8.5 % of a gemeente's places; asiel the rest.</summary>
    public static (int Asiel, int Amv) Split(int total)
    {
        var amv = (int)Math.Round(total * AmvShare, MidpointRounding.AwayFromZero);
        return (total - amv, amv);
    }

    /// <summary>The last figure a gemeente was given for the cycle (bijstelling, else verdeelbesluit).</summary>
    public int Final(string code) => Bijstelling.TryGetValue(code, out var b) ? b : Verdeelbesluit[code];

    public IEnumerable<OpgaveFigure> Figures(string versie) => versie switch
    {
        "indicatief" => Rows(versie, IndicatiefPublished, Indicatief, c => Indicatief[c], allProvinces: true),
        "verslag" => Rows(versie, VerslagPublished, Verslag, c => Verslag.GetValueOrDefault(c, Indicatief[c]), allProvinces: true),
        "verdeelbesluit" => Rows(versie, VerdeelbesluitPublished, Verdeelbesluit, c => Verdeelbesluit[c], allProvinces: true),
        "bijstelling" => Rows(versie, BijstellingPublished, Bijstelling, Final, allProvinces: false),
        _ => throw new ArgumentOutOfRangeException(nameof(versie), versie, null),
    };

    private IEnumerable<OpgaveFigure> Rows(string versie, DateOnly published, IReadOnlyDictionary<string, int> changed,
        Func<string, int> inForce, bool allProvinces)
    {
        foreach (var opgave in new[] { "asiel", "amv" })
        {
            foreach (var g in _gemeenten.Where(g => changed.ContainsKey(g.Code)))
                yield return new(opgave, versie, Cycle, g.Code, Pick(opgave, changed[g.Code]), published);
            // The provincial total is what binds; it is the sum of its gemeenten as they stand after this version.
            foreach (var pv in _gemeenten.GroupBy(g => g.ProvincieCode).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!allProvinces && !pv.Any(g => changed.ContainsKey(g.Code))) continue;
                yield return new(opgave, versie, Cycle, pv.Key, pv.Sum(g => Pick(opgave, inForce(g.Code))), published);
            }
        }
    }

    private static int Pick(string opgave, int total) => opgave == "amv" ? Split(total).Amv : Split(total).Asiel;

    /// <summary>
    /// Each gemeente gets a willingness factor; the shortfall of the unwilling ones is then scaled so the
    /// national verdeelbesluit is exactly 88.000. Gemeenten in afspraken keep their indicative figure so an
    /// agreement's effect is visible in the afspraken feed rather than folded into the opgave.
    /// </summary>
    private int[] DivideFound(int[] indicatief, int seed, IReadOnlySet<string> keep)
    {
        var factor = new double[indicatief.Length];
        for (var i = 0; i < factor.Length; i++)
        {
            var g = _gemeenten[i];
            var rng = SampleRandom.For(seed, "bereidheid", g.Code);
            var u = rng.NextDouble();
            factor[i] = keep.Contains(g.Code) ? 1.0
                : GenerousProvinces.Contains(g.ProvincieCode) ? (u < 0.6 ? rng.Range(1.02, 1.25) : 1.0)
                : u < 0.50 ? 1.0
                : u < 0.75 ? rng.Range(0.60, 0.95)
                : u < 0.85 ? rng.Range(0.15, 0.60)
                : rng.Range(1.02, 1.30);
        }
        var result = new int[indicatief.Length];
        var low = new List<int>();
        var fixedSum = 0;
        for (var i = 0; i < factor.Length; i++)
        {
            if (factor[i] < 1.0) { low.Add(i); continue; }
            result[i] = (int)Math.Round(indicatief[i] * factor[i], MidpointRounding.AwayFromZero);
            fixedSum += result[i];
        }
        var lowIndicatief = low.Sum(i => (double)indicatief[i]);
        var lowDeficit = low.Sum(i => indicatief[i] * (factor[i] - 1.0));
        var lambda = (FoundInVerdeelbesluit - fixedSum - lowIndicatief) / lowDeficit;
        var weights = low.Select(i => indicatief[i] * Math.Max(0.05, 1.0 + lambda * (factor[i] - 1.0))).ToArray();
        var parts = Apportion.Divide(FoundInVerdeelbesluit - fixedSum, weights);
        for (var k = 0; k < low.Count; k++) result[low[k]] = parts[k];
        return result;
    }

    /// <summary>Most changes already appear in the verslag; for a quarter the CdK reported a halfway figure.</summary>
    private Dictionary<string, int> BuildVerslag(int[] indicatief, int[] verdeel, int seed)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < indicatief.Length; i++)
        {
            if (indicatief[i] == verdeel[i]) continue;
            var halfway = SampleRandom.For(seed, "verslag", _gemeenten[i].Code).Chance(0.25);
            map[_gemeenten[i].Code] = halfway ? (indicatief[i] + verdeel[i]) / 2 : verdeel[i];
        }
        return map;
    }

    /// <summary>Eight gemeenten with at least 100 places get a new figure in May 2025.</summary>
    private Dictionary<string, int> BuildBijstelling(int[] verdeel, int seed, IReadOnlySet<string> keep)
    {
        var candidates = Enumerable.Range(0, verdeel.Length)
            .Where(i => verdeel[i] >= 100 && !keep.Contains(_gemeenten[i].Code))
            .OrderBy(i => SampleRandom.For(seed, "bijstelling-keuze", _gemeenten[i].Code).NextUInt64())
            .Take(8);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in candidates)
        {
            var f = SampleRandom.For(seed, "bijstelling", _gemeenten[i].Code).Range(0.70, 1.25);
            map[_gemeenten[i].Code] = (int)Math.Round(verdeel[i] * f, MidpointRounding.AwayFromZero);
        }
        return map;
    }

    private Dictionary<string, int> ToMap(int[] values) =>
        _gemeenten.Select((g, i) => (g.Code, values[i])).ToDictionary(x => x.Code, x => x.Item2, StringComparer.Ordinal);
}
