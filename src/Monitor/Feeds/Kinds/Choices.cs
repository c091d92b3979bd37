namespace Monitor.Feeds.Kinds;

/// <summary>The closed value lists of FEEDS.md.</summary>
public static class Choices
{
    public static readonly string[] Opgaven = ["asiel", "amv", "oekraine", "taakstelling"];
    public static readonly string[] PlaceOpgaven = ["asiel", "amv", "oekraine"];
    public static readonly string[] Versies = ["indicatief", "verslag", "verdeelbesluit", "vastgesteld", "bijstelling"];
    public static readonly string[] PlaceStatus = ["beschikbaar", "in_voorbereiding", "gesloten"];
    public static readonly string[] AgreementSorts = ["verdeling", "herverdeling", "uitruil"];
    public static readonly string[] PlaceSoorten = ["regulier", "noodopvang", "crisisnoodopvang", "amv_kleinschalig", "goo", "overig"];
    public static readonly string[] JaNee = ["ja", "nee"];
    public static readonly string[] ContactRoles = ["college", "prt", "toezicht", "operator"];
    public static readonly string[] ToezichtStappen =
        ["informeren", "hoor_en_wederhoor", "plan_van_aanpak", "bestuurlijk_gesprek", "aanwijzing", "indeplaatsstelling", "afgesloten"];
    public static readonly string[] ToezichtRegimes = ["groen", "oranje", "rood"];
    public static readonly string[] ToezichtOordelen = ["verschoonbaar", "verwijtbaar", "nog_niet_beoordeeld"];
}
