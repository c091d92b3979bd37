using Monitor.Analysis;
namespace Monitor.Feeds.Kinds;

/// <summary>Persons housed for the taakstelling: gehuisvest is cumulative within the half year, as of peildatum.</summary>
public sealed class HuisvestingKind : FeedKind
{
    public override string Name => "huisvesting";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("peildatum", ValueType.Date),
        new("periode", ValueType.Periode),
        new("gemeentecode", ValueType.GemeenteCode),
        new("gehuisvest", ValueType.Count, Max: 100_000),
        new("waarvan_amv", ValueType.Count, Required: false, Max: 100_000),
    ];

    public override IReadOnlyList<string> SplitCounts => ["gehuisvest", "waarvan_amv"];

    public override string CodeDateColumn => "peildatum";

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        var periode = row.Text("periode");
        if (periode is not null && !Periods.IsHalfYear(periode))
            yield return ("periode", $"periode '{periode}' is geen halfjaar: verwacht bijvoorbeeld 2025-H1.");
        else if (periode is not null && row.Get<DateOnly>("peildatum") is { } peil)
        {
            // A final count is often reported a few weeks after the half year ends; a peildatum before it starts is a mistake.
            var (start, end) = (Periode.Parse(periode).Start, Periode.Parse(periode).End);
            if (peil < start || peil > end.AddMonths(3))
                yield return ("peildatum", $"peildatum {peil:yyyy-MM-dd} valt niet in of kort na periode {periode}.");
        }
        if (row.Get<DateOnly>("peildatum") is { } p && p > row.Today.AddDays(1))
            yield return ("peildatum", $"peildatum {p:yyyy-MM-dd} ligt in de toekomst.");
        if (row.Get<int>("waarvan_amv") is { } amv && row.Get<int>("gehuisvest") is { } total && amv > total)
            yield return ("waarvan_amv", $"waarvan_amv ({amv}) is groter dan gehuisvest ({total}).");
    }

    public override IReadOnlyList<string> DeliveryKey => ["peildatum", "periode", "gemeentecode"];

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'gemeente ' || bron_gemeentecode || ' staat voor ' || periode || ' op ' || peildatum
               || ' meer dan eens in met verschillende aantallen'
        FROM (SELECT DISTINCT line, periode, bron_gemeentecode, peildatum, bron_gehuisvest, bron_waarvan_amv FROM stage) s
        GROUP BY periode, bron_gemeentecode, peildatum HAVING count(DISTINCT (bron_gehuisvest, bron_waarvan_amv)) > 1
        """;

    // gehuisvest is cumulative within the half year, so a count below the one before it is either a correction of that
    // count or a mistake: accepted as a correction (the latest count is what is housed), with a warning here and a finding
    // from the compute run. Compared with the count before it in the delivery, or (for a gemeente's first count in the
    // delivery) in the warehouse.
    public override string WarningSql => """
        WITH counts AS (
            SELECT periode, gemeentecode, peildatum, sum(gehuisvest) AS gehuisvest, min(line) AS line
            FROM (SELECT DISTINCT ON (periode, bron_gemeentecode, gemeentecode, peildatum) * FROM stage
                  ORDER BY periode, bron_gemeentecode, gemeentecode, peildatum, line) s
            GROUP BY periode, gemeentecode, peildatum
        ), ordered AS (
            SELECT c.*, lag(gehuisvest) OVER w AS vorig, lag(peildatum) OVER w AS vorige_peildatum
            FROM counts c WINDOW w AS (PARTITION BY periode, gemeentecode ORDER BY peildatum)
        )
        SELECT ARRAY[o.line], 'gehuisvest van ' || o.gemeentecode || ' in ' || o.periode || ' daalt van '
               || coalesce(o.vorig, h.gehuisvest) || ' (peildatum ' || coalesce(o.vorige_peildatum, h.peildatum) || ') naar ' || o.gehuisvest
               || ' (peildatum ' || o.peildatum || '), terwijl het aantal binnen een halfjaar optelt; geladen als correctie van de eerdere telling'
        FROM ordered o
        LEFT JOIN LATERAL (SELECT h.peildatum, h.gehuisvest FROM monitor.huisvesting h
                           WHERE o.vorig IS NULL AND h.gemeentecode = o.gemeentecode AND h.periode = o.periode AND h.peildatum < o.peildatum
                           ORDER BY h.peildatum DESC LIMIT 1) h ON true
        WHERE coalesce(o.vorig, h.gehuisvest) > o.gehuisvest
        ORDER BY o.line
        """;

    public override string MergeSql => """
        CREATE TEMP TABLE incoming ON COMMIT DROP AS
        SELECT periode, gemeentecode, peildatum, sum(gehuisvest)::int AS gehuisvest, sum(waarvan_amv)::int AS waarvan_amv,
               array_agg(line ORDER BY line) AS lines
        FROM (SELECT DISTINCT ON (periode, bron_gemeentecode, gemeentecode, peildatum) * FROM stage
              ORDER BY periode, bron_gemeentecode, gemeentecode, peildatum, line) s
        GROUP BY periode, gemeentecode, peildatum;

        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'huisvesting', jsonb_build_object('periode', h.periode, 'gemeentecode', h.gemeentecode, 'peildatum', h.peildatum),
               jsonb_build_object('gehuisvest', h.gehuisvest, 'waarvan_amv', h.waarvan_amv),
               jsonb_build_object('gehuisvest', i.gehuisvest, 'waarvan_amv', i.waarvan_amv), h.delivery_id, @delivery
        FROM incoming i JOIN monitor.huisvesting h USING (periode, gemeentecode, peildatum)
        WHERE (h.gehuisvest, h.waarvan_amv) IS DISTINCT FROM (i.gehuisvest, i.waarvan_amv);

        WITH written AS (
            INSERT INTO monitor.huisvesting AS h (periode, gemeentecode, peildatum, gehuisvest, waarvan_amv, delivery_id, source_lines)
            SELECT periode, gemeentecode, peildatum, gehuisvest, waarvan_amv, @delivery, lines FROM incoming
            ON CONFLICT (periode, gemeentecode, peildatum) DO UPDATE
                SET gehuisvest = excluded.gehuisvest, waarvan_amv = excluded.waarvan_amv,
                    delivery_id = excluded.delivery_id, source_lines = excluded.source_lines
            WHERE (h.gehuisvest, h.waarvan_amv) IS DISTINCT FROM (excluded.gehuisvest, excluded.waarvan_amv)
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
