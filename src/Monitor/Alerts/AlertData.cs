using Dapper;
using Monitor.Compute;
using Monitor.Feeds;
using Npgsql;
using Monitor.Analysis;

namespace Monitor.Alerts;

/// <summary>Reads what the rules need for one evaluation date from the tables the compute job fills.</summary>
public sealed class AlertData(NpgsqlDataSource db, FeedCatalog catalog)
{
    private const string DeliveriesSql = """
        SELECT DISTINCT ON (feed) feed, fetched_at, outcome, id, problems -> 0 ->> 'message' AS problem
        FROM monitor.deliveries
        WHERE outcome <> 'pending' AND fetched_at <= @at
        ORDER BY feed, fetched_at DESC, id DESC
        """;

    private const string NamesSql = """
        SELECT code, naam FROM monitor.gemeenten_actueel
        UNION ALL SELECT code, naam FROM monitor.provincies
        """;

    /// <summary>The figure in force per area for the place opgaven, as monitor gaps chooses it (the latest periode begun,
    /// then the highest versie), of the deliveries known at the evaluation instant.</summary>
    private const string VersiesSql = """
        SELECT DISTINCT ON (gebiedcode, opgave) gebiedcode, opgave, versie, periode FROM monitor.opgaven_geldend
        WHERE telt AND opgave IN ('asiel', 'amv') AND geldig_vanaf <= @date AND (vervalt_op IS NULL OR vervalt_op > @date)
          AND make_date(left(periode, 4)::int, 1, 1) <= @date AND delivery_id <> ALL(@laterDeliveries)
        ORDER BY gebiedcode, opgave, left(periode, 4) DESC, periode DESC, geldig_vanaf DESC,
                 array_position('{indicatief,verslag,verdeelbesluit,vastgesteld,bijstelling}'::text[], versie) DESC
        """;

    public async Task<AlertInput> LoadAsync(DateOnly date, DateTimeOffset evaluatedAt, AlertOptions options, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // A run for a past date judges what was known at its evaluation instant (issue 13: replays tell the past as it was).
        var known = await KnownAt.ReadAsync(conn, evaluatedAt, ct);
        var series = await SeriesReader.LatestAsync(conn, date, date.AddDays(-options.MaxDataAgeDays), [AreaLevel.Gemeente, AreaLevel.Provincie], known, ct);
        var halfYears = (await HalfYearReader.ReadAsync(conn, Periode.HalfYearOf(date).ToString(), null, known, ct))
            .Select(h => new HalfYearRow(h.Gemeentecode, h.Periode, h.Taakstelling, h.CarryIn, h.Due, h.Gehuisvest, h.GemistOpRij)).ToList();
        var deliveries = (await conn.QueryAsync<(string Feed, DateTime FetchedAt, string Outcome, long Id, string? Problem)>(
            DeliveriesSql, new { at = evaluatedAt.UtcDateTime })).ToDictionary(d => d.Feed);
        var names = (await conn.QueryAsync<(string Code, string Naam)>(NamesSql)).GroupBy(n => n.Code).ToDictionary(g => g.Key, g => g.First().Naam);

        var feeds = new List<FeedStatus>();
        foreach (var name in catalog.Feeds.Select(f => f.Name).Union(deliveries.Keys))
        {
            var configured = catalog.Feeds.FirstOrDefault(f => f.Name == name);
            deliveries.TryGetValue(name, out var d);
            feeds.Add(new FeedStatus(name, configured?.ExpectedEvery,
                d.Feed is null ? null : new DateTimeOffset(DateTime.SpecifyKind(d.FetchedAt, DateTimeKind.Utc)),
                d.Outcome, d.Feed is null ? null : d.Id, d.Problem));
        }
        var deadlines = (await DeadlineOutcomeReader.LatestPassedAsync(conn, date, known: known))
            .Where(o => o.Niveau is Analysis.AreaLevel.Gemeente or Analysis.AreaLevel.Provincie).ToList();
        var regimes = new Analysis.RegimeStatus(await Compute.AnalysisInputReader.ReadRegimesAsync(conn));
        return new AlertInput(date, evaluatedAt, series, halfYears, feeds, names)
        {
            EndedOpgaven = Analysis.AnalysisCodes.AllOpgaven.Where(o => !regimes.IsMonitored(o, date)).Select(o => Analysis.AnalysisCodes.Code(o)).ToHashSet(),
            Deadlines = deadlines,
            OpgaveVersies = (await conn.QueryAsync<(string Gebied, string Opgave, string Versie, string Periode)>(VersiesSql,
                    new { date = date.ToDateTime(TimeOnly.MinValue), laterDeliveries = known.LaterDeliveries }))
                .ToDictionary(r => (r.Gebied, r.Opgave), r => (r.Versie, r.Periode)),
            Koppelingen = await KoppelingenData.PreviousHalfYearAsync(conn, date, known, ct),
            HousedOn = (await conn.QueryAsync<(string Code, DateOnly Peildatum)>("""
                SELECT gemeentecode, max(peildatum) FROM monitor.huisvesting
                WHERE periode = @periode AND peildatum <= @date AND delivery_id <> ALL(@laterDeliveries) GROUP BY gemeentecode
                """, new { periode = Periode.HalfYearOf(date).ToString(), date, laterDeliveries = known.LaterDeliveries })).ToDictionary(r => r.Code, r => r.Peildatum),
        };
    }
}
