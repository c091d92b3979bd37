using Dapper;
using Npgsql;

namespace Monitor.Feeds.Loading;

/// <summary>
/// Resolves any gemeente code a feed may use to today's gemeenten (through the herindelingen), and knows the
/// provincie and veiligheidsregio codes. Loaded once per delivery: a few hundred rows.
/// </summary>
public sealed class GemeenteCodeMap
{
    private readonly Dictionary<string, (string Code, decimal Share)[]> _targets;
    public IReadOnlySet<string> Provincies { get; }
    public IReadOnlySet<string> Veiligheidsregios { get; }
    public bool HasGemeenten => _targets.Count > 0;

    public GemeenteCodeMap(IEnumerable<(string From, string To, decimal Share)> map, IEnumerable<string> provincies, IEnumerable<string> regions)
    {
        _targets = map.GroupBy(m => m.From).ToDictionary(g => g.Key, g => g.Select(m => (m.To, m.Share)).OrderBy(t => t.To).ToArray());
        Provincies = provincies.ToHashSet();
        Veiligheidsregios = regions.ToHashSet();
    }

    public static async Task<GemeenteCodeMap> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx = null)
    {
        var map = await conn.QueryAsync<(string, string, decimal)>("SELECT bron_code, doel_code, aandeel FROM monitor.gemeente_code_map", transaction: tx);
        var pv = await conn.QueryAsync<string>("SELECT code FROM monitor.provincies", transaction: tx);
        var vr = await conn.QueryAsync<string>("SELECT code FROM monitor.veiligheidsregios", transaction: tx);
        return new GemeenteCodeMap(map, pv, vr);
    }

    /// <summary>The current gemeente(n) a code stands for; empty when the code is unknown.</summary>
    public IReadOnlyList<(string Code, decimal Share)> Resolve(string code) => _targets.TryGetValue(code, out var t) ? t : [];

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
