
namespace Monitor.Samples;

/// <summary>
/// Spreidingswet cycle 2 (2026-2027) as the world knew it on 3 December 2026 (DOMAIN.md, "After a deadline"): the
/// capaciteitsraming of 88.000 places divided over the provincies (Kamerbrief of 5 February 2026), then indicative
/// gemeente figures per provincie by inwoners, a few of them objected to (rechtsstatus in_bezwaar), and one wrong
/// figure corrected by a later letter (rechtsstatus gecorrigeerd, with its bron). The verdeelbesluit (by 18 December
/// 2026) and the deadline (1 July 2027, an assumption) are not figures: they are in the cycli delivery.
/// </summary>
internal static class SampleCycle2
{
    public const string Periode = "2026-2027";
    public const int Raming = 88_000;
    public static readonly DateOnly RamingPublished = new(2026, 2, 5);
    public static readonly DateOnly IndicatiefPublished = new(2026, 10, 15);
    public static readonly DateOnly CorrectionPublished = new(2026, 11, 12);
    /// <summary>The gemeente whose indicative figure was published wrongly (about three times too high) and corrected.</summary>
    public const string CorrectedGemeente = "GM0796";
    private const string RamingBron = "Kamerbrief capaciteitsraming Spreidingswet tweede cyclus, 5 februari 2026";
    private const string IndicatiefBron = "Indicatieve verdeling tweede cyclus, brief van de minister van Asiel en Migratie, 15 oktober 2026";
    private const string CorrectionBron = "Kamerbrief 12 november 2026, correctie indicatieve opgave 's-Hertogenbosch";

    private static readonly string[] Columns = ["opgave", "versie", "periode", "gebiedcode", "aantal", "publicatiedatum", "rechtsstatus", "bron"];

    public static void Write(SampleOutput output, SampleWorld world)
    {
        var provincies = ProvincialFigures(world);
        output.Csv("opgave/spreidingswet-2026-2027-raming-provincies.csv", "opgave", "spreidingswet",
            new SampleTable(Columns, provincies.Select(p => Row(p.Code, p.Aantal, RamingPublished, "vastgesteld", RamingBron))), CsvStyle.Standard,
            "Tweede cyclus: de capaciteitsraming van 88.000 plekken per provincie (5-2-2026), vóór de gemeentecijfers; met rechtsstatus en bron.");

        var gemeenten = GemeenteFigures(world, provincies);
        output.Csv("opgave/spreidingswet-2026-2027-indicatief.csv", "opgave", "spreidingswet",
            new SampleTable(Columns, gemeenten.Select(g => Row(g.Code,
                g.Code == CorrectedGemeente ? WrongFigure(g.Aantal) : g.Aantal, IndicatiefPublished,
                InBezwaar(g.Code) ? "in_bezwaar" : "vastgesteld", IndicatiefBron))), CsvStyle.Standard,
            "Tweede cyclus: indicatieve opgave per gemeente (15-10-2026); enkele gemeenten in bezwaar, één cijfer te hoog gepubliceerd.");

        var corrected = gemeenten.Single(g => g.Code == CorrectedGemeente);
        output.Csv("opgave/spreidingswet-2026-2027-correctie-2026-11-12.csv", "opgave", "spreidingswet",
            new SampleTable(Columns, [Row(corrected.Code, corrected.Aantal, CorrectionPublished, "gecorrigeerd", CorrectionBron)]), CsvStyle.Standard,
            "Tweede cyclus: correctie van één indicatief cijfer (rechtsstatus gecorrigeerd, bron: de Kamerbrief).");
    }

    /// <summary>88.000 over the provincies in proportion to what each found in cycle 1's verdeelbesluit (largest
    /// remainder, so the total is exact).</summary>
    public static IReadOnlyList<(string Code, int Aantal)> ProvincialFigures(SampleWorld world)
    {
        var cycle1 = world.Spreidingswet.Figures("verdeelbesluit")
            .Where(f => f.Opgave == "asiel" && f.Gebiedcode.StartsWith("PV", StringComparison.Ordinal))
            .OrderBy(f => f.Gebiedcode, StringComparer.Ordinal).ToList();
        var parts = Apportion.Divide(Raming, cycle1.Select(f => (double)f.Aantal).ToList());
        return cycle1.Select((f, i) => (f.Gebiedcode, parts[i])).ToList();
    }

    /// <summary>Each provincie's figure over its gemeenten by inwoners (largest remainder: they add up to it).</summary>
    public static IReadOnlyList<(string Code, int Aantal)> GemeenteFigures(SampleWorld world, IReadOnlyList<(string Code, int Aantal)> provincies)
    {
        var result = new List<(string, int)>();
        foreach (var (pv, aantal) in provincies)
        {
            var members = world.Gemeenten.Where(g => g.ProvincieCode == pv).OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
            var parts = Apportion.Divide(aantal, members.Select(g => (double)g.Inwoners).ToList());
            result.AddRange(members.Select((g, i) => (g.Code, parts[i])));
        }
        return result.OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>Six gemeenten spread over the country object to their figure.</summary>
    public static bool InBezwaar(string code) => code is "GM0014" or "GM0363" or "GM0599" or "GM0344" or "GM0193" or "GM0935";

    private static int WrongFigure(int correct) => correct * 3 + 11;

    private static object?[] Row(string gebied, int aantal, DateOnly published, string rechtsstatus, string bron) =>
        ["asiel", "indicatief", Periode, gebied, aantal, published, rechtsstatus, bron];
}
