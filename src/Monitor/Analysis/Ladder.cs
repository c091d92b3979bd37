namespace Monitor.Analysis;

/// <summary>One rung of an interventieladder: from this many missed half years in a row (not explained by koppelingen),
/// this step, optionally with a regime and a termijn (months from the decision) for the step's action.</summary>
public sealed record LadderRung(int GemistOpRij, string Stap, string? Regime = null, int? TermijnMaanden = null);

/// <summary>
/// An interventieladder as data. Presets follow the provinces' published practice (DOMAIN.md, "Supervision"):
/// Brabant (the default), Zuid-Holland (intervene after four missed half years in a row) and Overijssel (regimes
/// groen/oranje/rood). <see cref="RegimeZonderAchterstand"/> is the regime of a gemeente that is on track.
/// </summary>
public sealed record Ladder(string Naam, IReadOnlyList<LadderRung> Treden, string? RegimeZonderAchterstand = null)
{
    public static Ladder Brabant { get; } = new("brabant",
    [
        new(1, "hoor_en_wederhoor"),
        new(2, "plan_van_aanpak", TermijnMaanden: 3),
        new(3, "aanwijzing"),
        new(4, "indeplaatsstelling"),
    ]);

    /// <summary>Zuid-Holland informs after a missed half year and intervenes (a last warning) after four in a row.</summary>
    public static Ladder ZuidHolland { get; } = new("zuid-holland",
    [
        new(1, "informeren"),
        new(4, "aanwijzing"),
        new(5, "indeplaatsstelling"),
    ]);

    /// <summary>Overijssel: groen = monthly monitoring; oranje adds an ambtelijk gesprek (hoor en wederhoor); rood a
    /// bestuurlijk gesprek. The last two rungs are the generic ones of interbestuurlijk toezicht.</summary>
    public static Ladder Overijssel { get; } = new("overijssel",
    [
        new(1, "hoor_en_wederhoor", "oranje"),
        new(2, "bestuurlijk_gesprek", "rood"),
        new(3, "aanwijzing", "rood"),
        new(4, "indeplaatsstelling", "rood"),
    ], RegimeZonderAchterstand: "groen");

    public static IReadOnlyList<Ladder> Presets { get; } = [Brabant, ZuidHolland, Overijssel];

    /// <summary>The heaviest rung reached with this many countable misses in a row, or null below the first rung.</summary>
    public LadderRung? For(int gemistOpRij) => Treden.Where(t => t.GemistOpRij <= gemistOpRij).MaxBy(t => t.GemistOpRij);

    /// <summary>Problems with a ladder (empty = usable): rungs from 1 up, strictly increasing, known steps and regimes.</summary>
    public IEnumerable<string> Problems()
    {
        if (Treden.Count == 0) yield return "de ladder heeft geen treden";
        for (var i = 0; i < Treden.Count; i++)
        {
            var t = Treden[i];
            if (t.GemistOpRij < 1) yield return $"trede {i + 1}: GemistOpRij moet minstens 1 zijn";
            if (i > 0 && t.GemistOpRij <= Treden[i - 1].GemistOpRij) yield return $"trede {i + 1}: GemistOpRij moet oplopen";
            if (!Stappen.Rank.ContainsKey(t.Stap) || t.Stap == Stappen.Afgesloten) yield return $"trede {i + 1}: onbekende stap '{t.Stap}'";
            if (t.Regime is not null && !Stappen.Regimes.Contains(t.Regime)) yield return $"trede {i + 1}: onbekend regime '{t.Regime}'";
            if (t.TermijnMaanden is < 1 or > 24) yield return $"trede {i + 1}: TermijnMaanden moet tussen 1 en 24 liggen";
        }
        if (RegimeZonderAchterstand is not null && !Stappen.Regimes.Contains(RegimeZonderAchterstand))
            yield return $"onbekend regime '{RegimeZonderAchterstand}'";
    }
}

/// <summary>The steps of the register (FEEDS.md values) in order of weight, and how people read them.</summary>
public static class Stappen
{
    public const string Afgesloten = "afgesloten";

    /// <summary>Heavier = higher. A bestuurlijk gesprek weighs less than a plan van aanpak: a talk sets no termijn, a plan
    /// binds the gemeente to actions with dates. Afgesloten (the file is closed) weighs nothing.</summary>
    public static readonly IReadOnlyDictionary<string, int> Rank = new Dictionary<string, int>
    {
        [Afgesloten] = 0, ["informeren"] = 1, ["hoor_en_wederhoor"] = 2, ["bestuurlijk_gesprek"] = 3, ["plan_van_aanpak"] = 4,
        ["aanwijzing"] = 5, ["indeplaatsstelling"] = 6,
    };

    public static readonly IReadOnlyList<string> Regimes = ["groen", "oranje", "rood"];

    public static int RankOf(string? stap) => stap is null ? 0 : Rank.GetValueOrDefault(stap);

    public static string Label(string? stap) => stap switch
    {
        null => "geen",
        "informeren" => "informeren",
        "hoor_en_wederhoor" => "hoor en wederhoor",
        "plan_van_aanpak" => "plan van aanpak",
        "bestuurlijk_gesprek" => "bestuurlijk gesprek",
        "aanwijzing" => "aanwijzing",
        "indeplaatsstelling" => "indeplaatsstelling",
        Afgesloten => "afgesloten",
        _ => stap,
    };

    public static string OordeelLabel(string? oordeel) => oordeel switch
    {
        null => "",
        "nog_niet_beoordeeld" => "nog niet beoordeeld",
        _ => oordeel,
    };
}
