namespace Monitor.Analysis;

/// <summary>The four opgaven. asiel and amv are delivered and computed apart (asiel excludes amv), so that the
/// Hart van Brabant sum asiel + amv + oekraine counts nothing twice.</summary>
public enum Opgave { Asiel, Amv, Oekraine, Taakstelling }

/// <summary>Declared in tie-break order: on equal publicatiedatum the later member wins.</summary>
public enum Versie { Indicatief, Verslag, Verdeelbesluit, Vastgesteld, Bijstelling }

public enum PlaceStatus { Beschikbaar, InVoorbereiding, Gesloten }

public enum AgreementKind { Verdeling, Herverdeling, Uitruil }

/// <summary>The warehouse's text values (CHECK-constrained, lower case) to and from the enums.</summary>
public static class AnalysisCodes
{
    public static IReadOnlyList<Opgave> PlaceOpgaven { get; } = [Opgave.Asiel, Opgave.Amv, Opgave.Oekraine];
    public static IReadOnlyList<Opgave> AllOpgaven { get; } = [Opgave.Asiel, Opgave.Amv, Opgave.Oekraine, Opgave.Taakstelling];

    public static bool IsPlaces(this Opgave o) => o != Opgave.Taakstelling;

    public static string Code(this Opgave o) => o switch
    {
        Opgave.Asiel => "asiel", Opgave.Amv => "amv", Opgave.Oekraine => "oekraine", _ => "taakstelling",
    };

    public static Opgave ParseOpgave(string s) => s switch
    {
        "asiel" => Opgave.Asiel, "amv" => Opgave.Amv, "oekraine" => Opgave.Oekraine, "taakstelling" => Opgave.Taakstelling,
        _ => throw new FormatException($"Onbekende opgave '{s}'."),
    };

    public static string Code(this Versie v) => v.ToString().ToLowerInvariant();

    public static Versie ParseVersie(string s) => s switch
    {
        "indicatief" => Versie.Indicatief, "verslag" => Versie.Verslag, "verdeelbesluit" => Versie.Verdeelbesluit,
        "vastgesteld" => Versie.Vastgesteld, "bijstelling" => Versie.Bijstelling,
        _ => throw new FormatException($"Onbekende versie '{s}'."),
    };

    public static PlaceStatus ParseStatus(string s) => s switch
    {
        "beschikbaar" => PlaceStatus.Beschikbaar, "in_voorbereiding" => PlaceStatus.InVoorbereiding, "gesloten" => PlaceStatus.Gesloten,
        _ => throw new FormatException($"Onbekende status '{s}'."),
    };

    public static AgreementKind ParseSoort(string s) => s switch
    {
        "verdeling" => AgreementKind.Verdeling, "herverdeling" => AgreementKind.Herverdeling, "uitruil" => AgreementKind.Uitruil,
        _ => throw new FormatException($"Onbekende soort '{s}'."),
    };
}
