using Monitor.Analysis;
namespace Monitor.Feeds.Kinds;

/// <summary>Persons COA linked (gekoppeld) to a gemeente for a half year, cumulative as of peildatum: what the gemeente
/// could have housed. Beside huisvesting it tells a backlog that is the gemeente's doing from one that is not.</summary>
public sealed class KoppelingenKind : FeedKind
{
    public override string Name => "koppelingen";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("peildatum", ValueType.Date),
        new("periode", ValueType.Periode),
        new("gemeentecode", ValueType.GemeenteCode),
        new("gekoppeld", ValueType.Count, Max: 100_000),
        new("waarvan_amv", ValueType.Count, Required: false, Max: 100_000),
    ];

    public override IReadOnlyList<string> SplitCounts => ["gekoppeld", "waarvan_amv"];

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        var periode = row.Text("periode");
        if (periode is not null && !Periods.IsHalfYear(periode))
            yield return ("periode", $"periode '{periode}' is geen halfjaar: verwacht bijvoorbeeld 2025-H1.");
        else if (periode is not null && row.Get<DateOnly>("peildatum") is { } peil)
        {
            // COA links ahead of the half year (peildata 1 April and 1 October for the next one) and reports after it.
            var (start, end) = (Periode.Parse(periode).Start, Periode.Parse(periode).End);
            if (peil < start.AddMonths(-3) || peil > end.AddMonths(3))
                yield return ("peildatum", $"peildatum {peil:yyyy-MM-dd} valt niet in, kort voor of kort na periode {periode}.");
        }
        if (row.Get<DateOnly>("peildatum") is { } p && p > row.Today.AddDays(1))
            yield return ("peildatum", $"peildatum {p:yyyy-MM-dd} ligt in de toekomst.");
        if (row.Get<int>("waarvan_amv") is { } amv && row.Get<int>("gekoppeld") is { } total && amv > total)
            yield return ("waarvan_amv", $"waarvan_amv ({amv}) is groter dan gekoppeld ({total}).");
    }

    public override IReadOnlyList<string> DeliveryKey => ["peildatum", "periode", "gemeentecode"];

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'gemeente ' || bron_gemeentecode || ' staat voor ' || periode || ' op ' || peildatum
               || ' meer dan eens in met verschillende aantallen gekoppeld'
        FROM (SELECT DISTINCT line, periode, bron_gemeentecode, peildatum, bron_gekoppeld, bron_waarvan_amv FROM stage) s
        GROUP BY periode, bron_gemeentecode, peildatum HAVING count(DISTINCT (bron_gekoppeld, bron_waarvan_amv)) > 1
        """;

    public override string MergeSql => """
        CREATE TEMP TABLE incoming ON COMMIT DROP AS
        SELECT periode, gemeentecode, peildatum, sum(gekoppeld)::int AS gekoppeld, sum(waarvan_amv)::int AS waarvan_amv,
               array_agg(line ORDER BY line) AS lines
        FROM (SELECT DISTINCT ON (periode, bron_gemeentecode, gemeentecode, peildatum) * FROM stage
              ORDER BY periode, bron_gemeentecode, gemeentecode, peildatum, line) s
        GROUP BY periode, gemeentecode, peildatum;

        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'koppelingen', jsonb_build_object('periode', k.periode, 'gemeentecode', k.gemeentecode, 'peildatum', k.peildatum),
               jsonb_build_object('gekoppeld', k.gekoppeld, 'waarvan_amv', k.waarvan_amv),
               jsonb_build_object('gekoppeld', i.gekoppeld, 'waarvan_amv', i.waarvan_amv), k.delivery_id, @delivery
        FROM incoming i JOIN monitor.koppelingen k USING (periode, gemeentecode, peildatum)
        WHERE (k.gekoppeld, k.waarvan_amv) IS DISTINCT FROM (i.gekoppeld, i.waarvan_amv);

        WITH written AS (
            INSERT INTO monitor.koppelingen AS k (periode, gemeentecode, peildatum, gekoppeld, waarvan_amv, delivery_id, source_lines)
            SELECT periode, gemeentecode, peildatum, gekoppeld, waarvan_amv, @delivery, lines FROM incoming
            ON CONFLICT (periode, gemeentecode, peildatum) DO UPDATE
                SET gekoppeld = excluded.gekoppeld, waarvan_amv = excluded.waarvan_amv,
                    delivery_id = excluded.delivery_id, source_lines = excluded.source_lines
            WHERE (k.gekoppeld, k.waarvan_amv) IS DISTINCT FROM (excluded.gekoppeld, excluded.waarvan_amv)
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
