using Monitor.Formatting;
namespace Monitor.Digests;

/// <summary>The digest's derived tables, shared by HTML, text and CSV so they always agree.</summary>
public static class DigestTables
{
    public sealed record Change(string Gebiedcode, string Opgave, int Before, int Now);

    /// <summary>Gemeenten whose realised figure moved since the stored digest, largest moves first.</summary>
    public static IReadOnlyList<Change> Changes(DigestModel m, int max = 15) =>
        m.Gemeenten.Select(f => (f, before: m.Before(f.Gebiedcode, f.Opgave)))
            .Where(x => x.before is not null && x.before.Gerealiseerd != x.f.Gerealiseerd)
            .Select(x => new Change(x.f.Gebiedcode, x.f.Opgave, x.before!.Gerealiseerd, x.f.Gerealiseerd))
            .OrderByDescending(c => Math.Abs(c.Now - c.Before)).ThenBy(c => c.Gebiedcode, StringComparer.Ordinal).Take(max).ToList();

    /// <summary>The gemeenten with a shortfall on one opgave, largest first (then by name): the "who lags" section.</summary>
    public static IReadOnlyList<Figure> Laggards(DigestModel m, string opgave) =>
        m.Gemeenten.Where(f => f.Opgave == opgave && f.Tekort is > 0)
            .OrderByDescending(f => f.Tekort).ThenBy(f => m.Name(f.Gebiedcode), Dutch.NameOrder).ToList();

    /// <summary>Gemeente × opgave with the largest shortfall now.</summary>
    public static IReadOnlyList<Figure> TopShortfalls(DigestModel m, int max) =>
        m.Gemeenten.Where(f => f.Tekort is > 0).OrderByDescending(f => f.Tekort).ThenBy(f => f.Gebiedcode, StringComparer.Ordinal).Take(max).ToList();

    /// <summary>The per-gemeente table: one row per gemeente, a cell per opgave.</summary>
    public static IReadOnlyList<(string Code, IReadOnlyDictionary<string, Figure> ByOpgave)> PerGemeente(DigestModel m) =>
        m.Gemeenten.GroupBy(f => f.Gebiedcode).OrderBy(g => m.Name(g.Key), Dutch.NameOrder)
            .Select(g => (g.Key, (IReadOnlyDictionary<string, Figure>)g.ToDictionary(f => f.Opgave))).ToList();
}
