using Dapper;
using Monitor.Analysis;
using Monitor.Compute;
using Npgsql;

namespace Monitor.Digests;

/// <summary>
/// The agreements a digest shows: decided by the date, in force on it, and as they were known then (<see cref="KnownAt"/>).
/// A later delivery of an afspraakcode replaces its rows; the rows it replaced stay in monitor.afspraken_vervangen, so a
/// replay of a date before that delivery shows the agreement as it then stood, and one first delivered later not at all.
/// </summary>
public static class AgreementsInForce
{
    private const string Sql = """
        SELECT DISTINCT ON (a.afspraakcode, a.opgave, a.van_gemeentecode, a.naar_gemeentecode, a.periode_van)
               a.afspraakcode, a.soort, a.opgave, a.van_gemeentecode AS van, a.naar_gemeentecode AS naar, a.aantal,
               a.periode_van AS periodevan, a.periode_tot AS periodetot, a.besluitdatum, a.omschrijving
        FROM (SELECT afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van, periode_tot, besluitdatum,
                     omschrijving, delivery_id, NULL::bigint AS vervangen_door
              FROM monitor.afspraken
              UNION ALL
              SELECT afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van, periode_tot, besluitdatum,
                     omschrijving, delivery_id, vervangen_door
              FROM monitor.afspraken_vervangen WHERE cardinality(@laterDeliveries) > 0) a
        WHERE (a.van_gemeentecode = ANY(@codes) OR a.naar_gemeentecode = ANY(@codes)) AND a.besluitdatum <= @date
          AND a.delivery_id <> ALL(@laterDeliveries) AND (a.vervangen_door IS NULL OR a.vervangen_door = ANY(@laterDeliveries))
        ORDER BY a.afspraakcode, a.opgave, a.van_gemeentecode, a.naar_gemeentecode, a.periode_van, a.delivery_id DESC
        """;

    /// <summary>Agreements that give to or take from one of <paramref name="codes"/>, in force on <paramref name="date"/>.</summary>
    public static async Task<List<Agreement>> ReadAsync(NpgsqlConnection conn, IReadOnlyCollection<string> codes, DateOnly date, KnownAt known) =>
        (await conn.QueryAsync<Agreement>(Sql, new { codes = codes.ToArray(), date, laterDeliveries = known.LaterDeliveries }))
            .Where(a => InForce(a, date)).ToList();

    internal static bool InForce(Agreement a, DateOnly date)
    {
        try { return Periode.Parse(a.PeriodeVan).Start <= date && date <= Periode.Parse(a.PeriodeTot).End; }
        catch (FormatException) { return false; }
    }
}
