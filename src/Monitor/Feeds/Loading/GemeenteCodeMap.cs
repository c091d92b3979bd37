using Dapper;
using Npgsql;

namespace Monitor.Feeds.Loading;

/// <summary>
/// Resolves any gemeente code a feed may use to the gemeente(n) it stands for on a date, through the herindelingen in
/// force on that date: a herindeling acts from its datum on, so a figure dated before a merger stays with the old code
/// (and the analysis brings it to the successor once the merger has happened), and a merger announced for a future
/// 1 January changes nothing before then. Also knows the provincie and veiligheidsregio codes. Loaded once per
/// delivery: a few hundred rows.
/// </summary>
public sealed class GemeenteCodeMap
{
    /// <summary>Longer chains than this are no real history; they only occur as a loop stored before loops were refused.</summary>
    private const int MaxChain = 20;

    private readonly HashSet<string> _gemeenten;
    private readonly Dictionary<string, (DateOnly Datum, string To, decimal Share)[]> _steps;
    private readonly Dictionary<string, (string Code, decimal Share)[]> _self = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateOnly), (string Code, decimal Share)[]> _resolved = new();

    public IReadOnlySet<string> Provincies { get; }
    public IReadOnlySet<string> Veiligheidsregios { get; }
    public bool HasGemeenten => _gemeenten.Count > 0;

    public GemeenteCodeMap(IEnumerable<string> gemeenten, IEnumerable<(DateOnly Datum, string From, string To, decimal Share)> herindelingen,
        IEnumerable<string> provincies, IEnumerable<string> regions)
    {
        _gemeenten = gemeenten.ToHashSet(StringComparer.Ordinal);
        _steps = herindelingen.GroupBy(h => h.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(h => (h.Datum, h.To, h.Share)).OrderBy(h => h.To, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Provincies = provincies.ToHashSet();
        Veiligheidsregios = regions.ToHashSet();
    }

    public static async Task<GemeenteCodeMap> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx = null)
    {
        var gemeenten = await conn.QueryAsync<string>("SELECT DISTINCT code FROM monitor.gemeenten", transaction: tx);
        var herindelingen = (await conn.QueryAsync<(DateTime, string, string, decimal)>(
                "SELECT datum, oude_code, nieuwe_code, aandeel FROM monitor.herindelingen", transaction: tx))
            .Select(h => (DateOnly.FromDateTime(h.Item1), h.Item2, h.Item3, h.Item4));
        var pv = await conn.QueryAsync<string>("SELECT code FROM monitor.provincies", transaction: tx);
        var vr = await conn.QueryAsync<string>("SELECT code FROM monitor.veiligheidsregios", transaction: tx);
        return new GemeenteCodeMap(gemeenten, herindelingen, pv, vr);
    }

    /// <summary>The gemeente(n) a code stands for on <paramref name="date"/>, with shares that add up to 1; empty when the
    /// code is unknown (or only reaches a loop).</summary>
    public IReadOnlyList<(string Code, decimal Share)> Resolve(string code, DateOnly date)
    {
        // A code with herindelingen none of which is in force yet existed on that date: the figure stays with it (the
        // gemeenten list of today need not hold a code that was retired since).
        if (!_steps.TryGetValue(code, out var steps)) return _gemeenten.Contains(code) ? Self(code) : [];
        if (!AnyInForce(steps, date)) return Self(code);
        if (_resolved.TryGetValue((code, date), out var known)) return known;
        var parts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var resolved = Walk(code, date, 1m, parts, 0) ? parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToArray() : [];
        _resolved[(code, date)] = resolved;
        return resolved;
    }

    private bool Walk(string code, DateOnly date, decimal share, Dictionary<string, decimal> parts, int depth)
    {
        if (depth > MaxChain) return false;
        if (!_steps.TryGetValue(code, out var steps) || !AnyInForce(steps, date))
        {
            if (steps is null && !_gemeenten.Contains(code)) return false;
            parts[code] = parts.GetValueOrDefault(code) + share;
            return true;
        }
        foreach (var s in steps)
            if (s.Datum <= date && !Walk(s.To, date, share * s.Share, parts, depth + 1)) return false;
        return true;
    }

    // A loop, not LINQ: the loader asks this for every row.
    private static bool AnyInForce((DateOnly Datum, string To, decimal Share)[] steps, DateOnly date)
    {
        foreach (var s in steps) if (s.Datum <= date) return true;
        return false;
    }

    private (string Code, decimal Share)[] Self(string code)
    {
        if (!_self.TryGetValue(code, out var self)) _self[code] = self = [(code, 1m)];
        return self;
    }

    /// <summary>
    /// Divides a whole number over shares so the parts are whole and add up exactly (largest remainder): a location of
    /// 100 places in a gemeente split 0.5/0.3/0.2 becomes 50/30/20, never 50/30/19.
    /// </summary>
    public static int[] Apportion(int total, IReadOnlyList<decimal> shares)
    {
        var sum = shares.Sum();
        var exact = shares.Select(s => total * s / sum).ToArray();
        var parts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - parts.Sum();
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(left))
            parts[i]++;
        return parts;
    }
}
