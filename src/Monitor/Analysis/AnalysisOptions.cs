namespace Monitor.Analysis;

/// <summary>Tunable parameters of the rules; defaults are the documented choices of ANALYSIS.md.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Oekraine key: weight of a gemeente's share of the veiligheidsregio's inwoners. No official weights
    /// are published; population dominates because places follow housing stock and services (as every other key
    /// here does), while area gives thinly populated gemeenten with room for locations a share.</summary>
    public decimal OekraineWeightInwoners { get; init; } = 0.8m;

    /// <summary>Oekraine key: weight of the share of land area (oppervlakte_km2).</summary>
    public decimal OekraineWeightOppervlakte { get; init; } = 0.2m;

    /// <summary>Trend window: the last this-many days of daily realised values (places) or of peildata (housing).</summary>
    public int TrendDays { get; init; } = 90;

    /// <summary>Places: fewer daily points of history than this and no trend is fitted.</summary>
    public int TrendMinDays { get; init; } = 28;

    /// <summary>Pessimistic pipeline: places in preparation count only when expected this many days before the deadline.</summary>
    public int PessimisticMarginDays { get; init; } = 30;

    /// <summary>Duurzame plekken: available for at least this many years (Besluit gemeentelijke taak asielopvang).</summary>
    public int DuurzaamYears { get; init; } = 5;

    public static AnalysisOptions Default { get; } = new();

    internal void Validate()
    {
        if (OekraineWeightInwoners < 0 || OekraineWeightOppervlakte < 0 || OekraineWeightInwoners + OekraineWeightOppervlakte <= 0)
            throw new ArgumentException("Oekraine key weights must be ≥ 0 and not both 0.");
        if (TrendDays < 2 || TrendMinDays < 2 || TrendMinDays > TrendDays)
            throw new ArgumentException("Need 2 ≤ TrendMinDays ≤ TrendDays.");
        if (PessimisticMarginDays < 0 || DuurzaamYears < 1)
            throw new ArgumentException("PessimisticMarginDays ≥ 0 and DuurzaamYears ≥ 1.");
    }
}
