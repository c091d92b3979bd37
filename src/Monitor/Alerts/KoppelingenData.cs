using Dapper;
using Monitor.Analysis;
using Monitor.Compute;
using Npgsql;

namespace Monitor.Alerts;

/// <summary>The half year before the evaluation date per gemeente beside its koppelingen: the achterstand the
/// taakstelling alert reports as carried in, and how much of it too few koppelingen explain.</summary>
public static class KoppelingenData
{
    // A count from a delivery fetched after the evaluation instant was not known then (KnownAt): the count before it is.
    private const string Sql = """
        SELECT DISTINCT ON (gemeentecode) gemeentecode, gekoppeld FROM monitor.koppelingen
        WHERE periode = @periode AND peildatum <= @date AND delivery_id <> ALL(@laterDeliveries)
        ORDER BY gemeentecode, peildatum DESC
        """;

    public static async Task<IReadOnlyDictionary<string, KoppelingStand>> PreviousHalfYearAsync(NpgsqlConnection conn, DateOnly date,
        KnownAt? known = null, CancellationToken ct = default)
    {
        known ??= KnownAt.Now;
        var periode = Periode.HalfYearOf(date).PreviousHalfYear.ToString();
        var gekoppeld = (await conn.QueryAsync<(string Gemeentecode, int Gekoppeld)>(new CommandDefinition(Sql,
                new { date, periode, laterDeliveries = known.LaterDeliveries }, cancellationToken: ct)))
            .ToDictionary(r => r.Gemeentecode, r => r.Gekoppeld, StringComparer.Ordinal);
        return (await HalfYearReader.ReadAsync(conn, periode, null, known, ct)).ToDictionary(h => h.Gemeentecode,
            h => KoppelingShare.Of(h.Due, h.Gehuisvest, gekoppeld.TryGetValue(h.Gemeentecode, out var k) ? k : null), StringComparer.Ordinal);
    }
}
