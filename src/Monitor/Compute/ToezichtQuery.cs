using Dapper;
using Monitor.Analysis;
using Npgsql;

namespace Monitor.Compute;

/// <summary>One gemeente as the toezichthouder sees it on a date: its taakstelling chain with koppelingen, and the
/// register's latest decision per opgave (on or before the date).</summary>
public sealed record ToezichtGemeente(
    string Gemeentecode, string Naam, string Provinciecode, IReadOnlyList<ToezichtHalfYear> Chain, IReadOnlyList<RegisterEntry> Register)
{
    public RegisterEntry? Latest(string opgave) => Register.FirstOrDefault(r => r.Opgave == opgave);
}

/// <summary>Reads what the ladder rule needs from the warehouse: the chains the compute job stored
/// (monitor.taakstelling_halfjaren, so the missed-in-a-row count is the compute job's), the latest koppelingen count of
/// each half year on or before the date, and the register as it stood on the date.</summary>
public static class ToezichtQuery
{
    private const string GemeentenSql = """
        SELECT g.code AS gemeentecode, g.naam, g.provinciecode FROM monitor.gemeenten_actueel g
        WHERE cardinality(@provincies::text[]) = 0 OR g.provinciecode = ANY(@provincies)
        ORDER BY g.code
        """;

    private const string ChainSql = """
        SELECT t.gemeentecode, t.periode, t.taakstelling, t.due, t.gehuisvest, t.gemist_op_rij AS gemistoprij, k.gekoppeld
        FROM monitor.taakstelling_halfjaren t
        LEFT JOIN LATERAL (SELECT x.gekoppeld FROM monitor.koppelingen x
                           WHERE x.periode = t.periode AND x.gemeentecode = t.gemeentecode AND x.peildatum <= @date
                           ORDER BY x.peildatum DESC LIMIT 1) k ON true
        WHERE t.gemeentecode = ANY(@codes)
        ORDER BY t.gemeentecode, t.periode
        """;

    // Later decisions supersede: per gemeente and opgave the latest besluitdatum, then the latest delivery and line.
    private const string RegisterSql = """
        SELECT DISTINCT ON (gemeentecode, opgave) gemeentecode, opgave, besluitdatum, stap, regime, oordeel, termijn, toelichting
        FROM monitor.toezicht_besluiten
        WHERE gemeentecode = ANY(@codes) AND besluitdatum <= @date
        ORDER BY gemeentecode, opgave, besluitdatum DESC, delivery_id DESC, source_lines[1] DESC
        """;

    public static async Task<IReadOnlyList<ToezichtGemeente>> ReadAsync(NpgsqlConnection conn, IReadOnlyList<string> provincies, DateOnly date,
        NpgsqlTransaction? tx = null)
    {
        var gemeenten = (await conn.QueryAsync<(string Gemeentecode, string Naam, string Provinciecode)>(
            GemeentenSql, new { provincies = provincies.ToArray() }, tx)).ToList();
        var codes = gemeenten.Select(g => g.Gemeentecode).ToArray();
        var chains = (await conn.QueryAsync<ChainRow>(ChainSql, new { codes, date }, tx)).ToLookup(r => r.Gemeentecode);
        var register = (await conn.QueryAsync<RegisterRow>(RegisterSql, new { codes, date }, tx)).ToLookup(r => r.Gemeentecode);
        return gemeenten.Select(g => new ToezichtGemeente(g.Gemeentecode, g.Naam, g.Provinciecode,
            chains[g.Gemeentecode].Select(c => new ToezichtHalfYear(Periode.Parse(c.Periode), c.Taakstelling, c.Due, c.Gehuisvest, c.GemistOpRij, c.Gekoppeld)).ToList(),
            register[g.Gemeentecode].Select(r => new RegisterEntry(r.Gemeentecode, r.Opgave, r.Besluitdatum, r.Stap, r.Regime, r.Oordeel, r.Termijn, r.Toelichting)).ToList()))
            .ToList();
    }

    /// <summary>The proposal for each gemeente (the taakstelling ladder of its provincie), in code order.</summary>
    public static IReadOnlyList<(ToezichtGemeente G, LadderProposal P)> Propose(IReadOnlyList<ToezichtGemeente> gemeenten, ToezichtOptions options,
        DateOnly date) =>
        gemeenten.Select(g => (g, LadderRule.Propose(options.For(g.Provinciecode), g.Gemeentecode, g.Chain, g.Latest("taakstelling"), date))).ToList();

    private sealed record ChainRow(string Gemeentecode, string Periode, int? Taakstelling, int? Due, int Gehuisvest, int GemistOpRij, int? Gekoppeld);

    private sealed record RegisterRow(string Gemeentecode, string Opgave, DateOnly Besluitdatum, string Stap, string? Regime, string? Oordeel,
        DateOnly? Termijn, string? Toelichting);
}
