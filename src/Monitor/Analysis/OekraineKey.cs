namespace Monitor.Analysis;

/// <summary>What a veiligheidsregio's oekraine figure gives each member gemeente.</summary>
/// <param name="Parts">Gemeente → places; sums exactly to the regio figure unless Overrun.</param>
/// <param name="Overrun">Gemeente figures alone exceed the regio figure (the rest then get 0).</param>
public sealed record OekraineDistribution(IReadOnlyDictionary<string, int> Parts, bool Overrun);

/// <summary>Rule 2: the Oekraine key. Each gemeente's weight is
/// w_inwoners × (its share of the regio's inwoners) + w_oppervlakte × (its share of the regio's land area);
/// the regio figure is divided by largest remainder so the parts add up to it exactly.</summary>
public static class OekraineKey
{
    /// <summary>Weights proportional to the key, kept exact by multiplying both shares by both totals.</summary>
    public static IReadOnlyList<decimal> Weights(IReadOnlyList<Gemeente> members, decimal weightInwoners, decimal weightOppervlakte)
    {
        decimal sumInw = members.Sum(g => (decimal)g.Inwoners), sumOpp = members.Sum(g => g.OppervlakteKm2);
        return members.Select(g =>
            sumInw > 0 && sumOpp > 0 ? weightInwoners * g.Inwoners * sumOpp + weightOppervlakte * g.OppervlakteKm2 * sumInw
            : sumInw > 0 ? g.Inwoners
            : sumOpp > 0 ? g.OppervlakteKm2
            : 1m).ToList();
    }

    public static IReadOnlyDictionary<string, int> Allocate(
        int regioFigure, IReadOnlyList<Gemeente> members, decimal weightInwoners, decimal weightOppervlakte)
    {
        var parts = LargestRemainder.Allocate(regioFigure, Weights(members, weightInwoners, weightOppervlakte));
        return members.Select((g, i) => (g.Code, parts[i])).ToDictionary(x => x.Code, x => x.Item2, StringComparer.Ordinal);
    }

    /// <summary>A gemeente figure (GM) overrides the key for that gemeente: it is a more specific decision. The
    /// regio figure stays the binding total, so what is left after the overrides is divided over the other members
    /// in proportion to their key weights in the whole regio (an override elsewhere does not change how two other
    /// gemeenten relate).</summary>
    public static OekraineDistribution Distribute(
        int regioFigure, IReadOnlyList<Gemeente> members, IReadOnlyDictionary<string, int> overrides,
        decimal weightInwoners, decimal weightOppervlakte)
    {
        var weights = Weights(members, weightInwoners, weightOppervlakte);
        var fixedSum = members.Where(g => overrides.ContainsKey(g.Code)).Sum(g => overrides[g.Code]);
        var rest = Enumerable.Range(0, members.Count).Where(i => !overrides.ContainsKey(members[i].Code)).ToList();
        var restParts = LargestRemainder.Allocate(Math.Max(0, regioFigure - fixedSum), rest.Select(i => weights[i]).ToList());
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in members.Where(g => overrides.ContainsKey(g.Code))) parts[g.Code] = overrides[g.Code];
        for (var k = 0; k < rest.Count; k++) parts[members[rest[k]].Code] = restParts[k];
        return new OekraineDistribution(parts, fixedSum > regioFigure);
    }
}
