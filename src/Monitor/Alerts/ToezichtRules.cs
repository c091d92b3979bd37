using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Formatting;

namespace Monitor.Alerts;

/// <summary>
/// Warnings for the toezichthouder, pure: the register and the ladder's proposals in, the conditions that hold out. All go
/// to the provincie's toezicht contacts and are mailed once a week, in one summary (<see cref="ToezichtCadence"/>).
/// The comparison warnings hold only in provincies that keep their register in the Monitor: elsewhere there is nothing
/// recorded to compare with, and a warning for every gemeente that missed a half year would be noise.
/// </summary>
public static class ToezichtRules
{
    public const string TermijnVerstreken = "toezicht_termijn_verstreken";
    public const string ZwaardereStap = "toezicht_zwaardere_stap";
    public const string VerschoonbaarVervallen = "toezicht_verschoonbaar_vervallen";

    public static bool IsToezicht(string rule) => rule is TermijnVerstreken or ZwaardereStap or VerschoonbaarVervallen;

    public static IEnumerable<AlertCondition> Evaluate(IReadOnlyList<(ToezichtGemeente G, LadderProposal P)> rows, DateOnly date, Func<string, string> name)
    {
        var withRegister = rows.Where(r => r.G.Register.Count > 0).Select(r => r.G.Provinciecode).ToHashSet(StringComparer.Ordinal);
        foreach (var (g, p) in rows)
        {
            // Every opgave's latest decision: the Minister's termijnen for asielopvang are watched like the provincie's.
            foreach (var r in g.Register.Where(r => r.Termijn < date && r.Stap != Stappen.Afgesloten))
                yield return Condition(TermijnVerstreken, g, r.Opgave, Severity.Waarschuwing,
                    $"{name(g.Gemeentecode)}: de termijn van {Stappen.Label(r.Stap)} ({r.Opgave}, besluit {Dutch.Date(r.Besluitdatum)}) is op {Dutch.Date(r.Termijn!.Value)} " +
                    $"verstreken zonder latere stap in het register.");
            if (!withRegister.Contains(g.Provinciecode)) continue;
            if (p.Vergelijking == Vergelijking.VoorstelZwaarder && p.Stap is not null and not Stappen.Afgesloten)
                yield return Condition(ZwaardereStap, g, "taakstelling", Severity.Waarschuwing,
                    $"{name(g.Gemeentecode)}: de ladder stelt {Stappen.Label(p.Stap)} voor; vastgelegd is " +
                    $"{(p.Vastgelegd is { } v ? $"{Stappen.Label(v.Stap)} ({Dutch.Date(v.Besluitdatum)})" : "nog niets")}. " +
                    $"{p.GemistOpRij} halfja(a)r(en) op rij gemist{(p.VerklaardOpRij > 0 ? $", waarvan {p.VerklaardOpRij} verklaard door te weinig koppelingen" : "")}" +
                    $"{Tail(p)}.");
            if (p.VerschoonbaarVervallen)
                yield return Condition(VerschoonbaarVervallen, g, "taakstelling", Severity.Waarschuwing,
                    $"{name(g.Gemeentecode)}: beoordeeld als verschoonbaar ({Dutch.Date(p.Vastgelegd!.Besluitdatum)}), maar te weinig koppelingen verklaart de " +
                    $"achterstand niet meer{Tail(p)}.");
        }
    }

    private static string Tail(LadderProposal p) =>
        p.Laatste is { } s && KoppelingShare.Zin(s) is { } zin ? $" ({p.LaatstePeriode}: {zin}; {Dutch.Number(s.Gekoppeld)} gekoppeld, {Dutch.Number(s.Housed)} gehuisvest)" : "";

    private static AlertCondition Condition(string rule, ToezichtGemeente g, string opgave, string severity, string summary) =>
        new(new AlertKey(rule, g.Gemeentecode, opgave), severity, summary, [Roles.Toezicht], []);

}

/// <summary>
/// The toezichthouder hears once a week: toezicht alerts follow the usual lifecycle every day (pending, firing, events),
/// but their mails wait for the summary day, and a warning that clears stays open until that day so its "opgelost"
/// goes in the same summary. With the default RepeatDays (7) an open warning is repeated in every summary.
/// </summary>
public static class ToezichtCadence
{
    public static bool Mutes(AlertKey key, DateOnly date, DayOfWeek summaryDay) => ToezichtRules.IsToezicht(key.Rule) && date.DayOfWeek != summaryDay;
}
