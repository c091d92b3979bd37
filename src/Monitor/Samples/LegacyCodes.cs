namespace Monitor.Samples;

/// <summary>
/// Feeds that still write a pre-merger gemeentecode, as real exports do. Only whole mergers are used (never the
/// split codes GM0140, GM0053, GM0788), so each location still belongs to exactly one current gemeente.
/// </summary>
public static class LegacyCodes
{
    public static string Reported(string feed, string code, int seq) => (feed, code) switch
    {
        ("coa", "GM1950") => seq == 1 ? "GM0048" : "GM0007", // Westerwolde: Ter Apel lay in Vlagtwedde, the rest in Bellingwedde
        ("coa", "GM0363") when seq == 2 => "GM0457",         // Amsterdam: one location still filed under Weesp
        ("coa", "GM1982") => "GM1684",                       // Land van Cuijk under Cuijk
        ("ggo", "GM1966") => "GM1651",                       // Het Hogeland under Eemsmond
        _ => code,
    };
}
