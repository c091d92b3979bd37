using Monitor.Analysis;
using Monitor.Feeds.Loading;

namespace Monitor.Compute;

/// <summary>
/// Facts are stored with the gemeente code in force on their own date (a herindeling acts from its datum on). Once a
/// herindeling has happened, the old code is no gemeente of today, and the analysis (which works with today's
/// gemeenten) reads its facts under the successor(s): counts of a split apportioned by largest remainder, counts that
/// then fall on one key added up. Codes that are gemeenten of today, and codes that lead nowhere, stay as they are.
/// </summary>
public static class RetiredCodes
{
    public static AnalysisInputs Remap(AnalysisInputs inputs, GemeenteCodeMap map, DateOnly today)
    {
        var current = inputs.Gemeenten.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var targets = new Dictionary<string, IReadOnlyList<(string Code, decimal Share)>?>(StringComparer.Ordinal);
        IReadOnlyList<(string Code, decimal Share)>? Target(string code)
        {
            if (current.Contains(code) || !code.StartsWith("GM", StringComparison.Ordinal)) return null;
            if (!targets.TryGetValue(code, out var t))
            {
                var resolved = map.Resolve(code, today);
                targets[code] = t = resolved.Count > 0 && resolved.All(r => current.Contains(r.Code)) ? resolved : null;
            }
            return t;
        }
        static int[] Parts(int n, IReadOnlyList<(string Code, decimal Share)> to) => GemeenteCodeMap.Apportion(n, to.Select(x => x.Share).ToArray());

        if (!inputs.Places.Any(p => Target(p.Gemeentecode) is not null) && !inputs.Housing.Any(h => Target(h.Gemeentecode) is not null)
            && !inputs.Figures.Any(f => Target(f.Gebiedcode) is not null) && !inputs.Agreements.Any(a => Target(a.Van) is not null || Target(a.Naar) is not null))
            return inputs;

        var places = inputs.Places.SelectMany(p => Target(p.Gemeentecode) is { } to
            ? to.Zip(Parts(p.Capaciteit, to), (t, n) => p with { Gemeentecode = t.Code, Capaciteit = n })
            : [p]).ToList();

        var housing = inputs.Housing.SelectMany(h => Target(h.Gemeentecode) is { } to
                ? to.Select((t, i) => h with { Gemeentecode = t.Code, Gehuisvest = Parts(h.Gehuisvest, to)[i],
                    WaarvanAmv = h.WaarvanAmv is { } amv ? Parts(amv, to)[i] : null })
                : [h])
            .GroupBy(h => (h.Periode, h.Gemeentecode, h.Peildatum))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with
            {
                Gehuisvest = g.Sum(x => x.Gehuisvest),
                WaarvanAmv = g.All(x => x.WaarvanAmv is null) ? null : g.Sum(x => x.WaarvanAmv ?? 0),
            }).ToList();

        var figures = inputs.Figures.SelectMany(f => Target(f.Gebiedcode) is { } to
                ? to.Zip(Parts(f.Aantal, to), (t, n) => f with { Gebiedcode = t.Code, Aantal = n })
                : [f])
            .GroupBy(f => (f.Opgave, f.Versie, f.Periode, f.Gebiedcode, f.Publicatiedatum))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Aantal = g.Sum(x => x.Aantal) }).ToList();

        // Who gives and who takes cannot be apportioned: a split code stays, and the agreement is reported as unknown.
        var agreements = inputs.Agreements.Select(a => a with
        {
            Van = Target(a.Van) is [var van] ? van.Code : a.Van,
            Naar = Target(a.Naar) is [var naar] ? naar.Code : a.Naar,
        }).ToList();

        return inputs with { Places = places, Housing = housing, Figures = figures, Agreements = agreements };
    }
}
