namespace Monitor.Samples;

/// <summary>The optional plekken columns soort and duurzaam (FEEDS.md) for a sample location: GGO locations are goo,
/// amv locations kleinschalig, short-lived ones noodopvang, a few crisisnoodopvang or overig, the rest regulier.
/// duurzaam is ja for five years or more, nee for a known shorter span, and left empty when the end is open (the feed
/// does not know; the Monitor then counts it as not duurzaam).</summary>
internal static class SampleLocationKinds
{
    public static string Soort(Location l)
    {
        if (l.Feed == "ggo") return "goo";
        if (l.Opgave == "amv") return "amv_kleinschalig";
        if (l.PlannedEnd is { } end && end < l.ActualStart.AddYears(1)) return "noodopvang";
        // A stable pick from the location's own seeded key: the same locations every time.
        return ((l.OccupancyKey >> 11) % 19) switch { 0 or 1 => "crisisnoodopvang", 2 => "overig", _ => "regulier" };
    }

    public static string? Duurzaam(Location l) => l.Duurzaam ? "ja" : l.PlannedEnd is null ? null : "nee";
}
