using Monitor.Analysis;
namespace Monitor.Samples;

/// <summary>One row of the afspraken feed: moves Aantal of Opgave from Van to Naar for each period in the span.</summary>
public sealed record Afspraak(
    string Code, string Soort, string Opgave, string Van, string Naar, int Aantal,
    string PeriodeVan, string PeriodeTot, DateOnly Besluitdatum, string Omschrijving);

/// <summary>
/// The agreements between gemeenten, each within one provincie: an uitruil after the Utrechtse Heuvelrug example
/// in the handreiking (A adds 100 asiel places; B, C and D take 60 statushouders over 3 years, 10 per half year off
/// A's taakstelling), a verdeling in Hart van Brabant and an art. 29 herverdeling around Breda.
/// </summary>
public static class SampleAgreements
{
    private const string UitruilText =
        "Uitruil naar voorbeeld van de handreiking: Utrechtse Heuvelrug biedt 100 extra asielplekken in \"Heuvelrug-Oost\"; " +
        "Zeist, Wijk bij Duurstede en Rhenen nemen 60 statushouders over in 3 jaar, 10 per half jaar";

    public static readonly IReadOnlyList<Afspraak> All =
    [
        new("UITRUIL-HKR-2024", "uitruil", "asiel", "GM0355", "GM1581", 34, "2024-2025", "2024-2025", new(2024, 9, 17), UitruilText),
        new("UITRUIL-HKR-2024", "uitruil", "asiel", "GM0352", "GM1581", 33, "2024-2025", "2024-2025", new(2024, 9, 17), UitruilText),
        new("UITRUIL-HKR-2024", "uitruil", "asiel", "GM0340", "GM1581", 33, "2024-2025", "2024-2025", new(2024, 9, 17), UitruilText),
        new("UITRUIL-HKR-2024", "uitruil", "taakstelling", "GM1581", "GM0355", 4, "2025-H1", "2027-H2", new(2024, 9, 17), UitruilText),
        new("UITRUIL-HKR-2024", "uitruil", "taakstelling", "GM1581", "GM0352", 3, "2025-H1", "2027-H2", new(2024, 9, 17), UitruilText),
        new("UITRUIL-HKR-2024", "uitruil", "taakstelling", "GM1581", "GM0340", 3, "2025-H1", "2027-H2", new(2024, 9, 17), UitruilText),
        new("VERDELING-RHVB-2024", "verdeling", "asiel", "GM0766", "GM0855", 60, "2024-2025", "2024-2025", new(2024, 10, 15),
            "Verdeling Hart van Brabant: Tilburg neemt asielplekken over van Dongen en Loon op Zand, amv-plekken van Goirle"),
        new("VERDELING-RHVB-2024", "verdeling", "asiel", "GM0809", "GM0855", 40, "2024-2025", "2024-2025", new(2024, 10, 15),
            "Verdeling Hart van Brabant: Tilburg neemt asielplekken over van Dongen en Loon op Zand, amv-plekken van Goirle"),
        new("VERDELING-RHVB-2024", "verdeling", "amv", "GM0785", "GM0855", 8, "2024-2025", "2024-2025", new(2024, 10, 15),
            "Verdeling Hart van Brabant: Tilburg neemt asielplekken over van Dongen en Loon op Zand, amv-plekken van Goirle"),
        new("HERVERDELING-BREDA-2025", "herverdeling", "taakstelling", "GM0758", "GM1723", 3, "2025-H2", "2026-H2", new(2025, 6, 10),
            "Art. 29 lid 2 Huisvestingswet: grote gezinnen, woningen in kleine kernen"),
        new("HERVERDELING-BREDA-2025", "herverdeling", "taakstelling", "GM0758", "GM0744", 2, "2025-H2", "2026-H2", new(2025, 6, 10),
            "Art. 29 lid 2 Huisvestingswet: grote gezinnen, woningen in kleine kernen"),
    ];

    /// <summary>Every gemeente named in an agreement.</summary>
    public static IReadOnlySet<string> Gemeenten { get; } = All.SelectMany(a => new[] { a.Van, a.Naar }).ToHashSet(StringComparer.Ordinal);

    /// <summary>What the agreements add to (positive) or take from a gemeente's taakstelling in a half year.</summary>
    public static int TaakstellingShift(string code, Periode h) => All
        .Where(a => a.Opgave == "taakstelling"
                    && Periode.Parse(a.PeriodeVan).CompareTo(h) <= 0 && h.CompareTo(Periode.Parse(a.PeriodeTot)) <= 0)
        .Sum(a => (a.Naar == code ? a.Aantal : 0) - (a.Van == code ? a.Aantal : 0));

    /// <summary>What the agreements add to or take from a gemeente's places for the cycle.</summary>
    public static int PlacesShift(string code, string opgave) => All
        .Where(a => a.Opgave == opgave)
        .Sum(a => (a.Naar == code ? a.Aantal : 0) - (a.Van == code ? a.Aantal : 0));

    /// <summary>Fails loudly when a code is unknown or an agreement crosses a provincial border.</summary>
    public static void Validate(ReferenceData reference)
    {
        foreach (var a in All)
        {
            if (!reference.ByCode.TryGetValue(a.Van, out var van) || !reference.ByCode.TryGetValue(a.Naar, out var naar))
                throw new InvalidDataException($"Afspraak {a.Code}: onbekende gemeentecode.");
            if (van.ProvincieCode != naar.ProvincieCode)
                throw new InvalidDataException($"Afspraak {a.Code}: {a.Van} en {a.Naar} liggen niet in één provincie.");
        }
    }
}
