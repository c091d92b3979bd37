using System.ComponentModel.DataAnnotations;

namespace Monitor.Analysis;

/// <summary>
/// Supervision (configuration section "Toezicht"): which interventieladder the Monitor proposes steps from, and the
/// weekday of the toezichthouder's weekly summary. <c>Ladder</c> = brabant (default), zuid-holland, overijssel, or eigen
/// with <c>Treden</c> listing the rungs. Validated at start: a ladder that cannot propose fails then, not on a Monday.
/// </summary>
public sealed class ToezichtOptions : IValidatableObject
{
    [RegularExpression("^(brabant|zuid-holland|overijssel|eigen)$")]
    public string Ladder { get; set; } = "brabant";

    /// <summary>Only with Ladder = eigen: the rungs, lightest first.</summary>
    public List<LadderRungOptions> Treden { get; set; } = [];

    /// <summary>Only with Ladder = eigen: the regime of a gemeente without missed half years (e.g. groen), or empty.</summary>
    public string? RegimeZonderAchterstand { get; set; }

    /// <summary>Provincies that work with another ladder than <see cref="Ladder"/>: PV code → brabant, zuid-holland or
    /// overijssel (e.g. "PV28": "zuid-holland").</summary>
    public Dictionary<string, string> PerProvincie { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The day the toezicht warnings go out as one summary (Monday: the week's decisions are in by then).</summary>
    public DayOfWeek Weekoverzicht { get; set; } = DayOfWeek.Monday;

    public Ladder Resolve() => Ladder switch
    {
        "eigen" => new Ladder("eigen", Treden.Select(t => new LadderRung(t.GemistOpRij, t.Stap, t.Regime, t.TermijnMaanden)).ToList(),
            string.IsNullOrWhiteSpace(RegimeZonderAchterstand) ? null : RegimeZonderAchterstand),
        var name => Analysis.Ladder.Presets.FirstOrDefault(p => p.Naam == name) ?? Analysis.Ladder.Brabant,
    };

    /// <summary>The ladder of one provincie: its own preset when configured, else the general one.</summary>
    public Ladder For(string provinciecode) =>
        PerProvincie.TryGetValue(provinciecode, out var name) ? Analysis.Ladder.Presets.First(p => p.Naam == name) : Resolve();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var (pv, name) in PerProvincie)
            if (!pv.StartsWith("PV", StringComparison.OrdinalIgnoreCase) || Analysis.Ladder.Presets.All(p => p.Naam != name))
                yield return new ValidationResult($"Toezicht:PerProvincie:{pv} = '{name}': verwacht een provinciecode (PV…) met brabant, zuid-holland of overijssel.",
                    [nameof(PerProvincie)]);
        if (Ladder != "eigen" && Treden.Count > 0)
            yield return new ValidationResult($"Toezicht:Treden geldt alleen bij Ladder = eigen (nu {Ladder}).", [nameof(Treden)]);
        if (Ladder == "eigen")
            foreach (var p in Resolve().Problems())
                yield return new ValidationResult($"Toezicht: {p}.", [nameof(Treden)]);
    }
}

public sealed class LadderRungOptions
{
    public int GemistOpRij { get; set; }
    public string Stap { get; set; } = "";
    public string? Regime { get; set; }
    public int? TermijnMaanden { get; set; }
}
