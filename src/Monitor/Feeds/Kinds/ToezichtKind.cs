namespace Monitor.Feeds.Kinds;

/// <summary>
/// The toezichthouder's register: each decision per gemeente and opgave is a row. Rows are never removed; the latest
/// besluitdatum is in force and earlier ones are the history. A delivery may be the whole register again: rows already
/// stored with the same values change nothing, a row with other values is a correction (kept in fact_revisions).
/// A decision is about one gemeente, so an old code must map to exactly one.
/// </summary>
public sealed class ToezichtKind : FeedKind
{
    public override string Name => "toezicht";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("gemeentecode", ValueType.GemeenteCode),
        new("opgave", ValueType.Choice, Choices: Choices.Opgaven),
        new("besluitdatum", ValueType.Date),
        new("stap", ValueType.Choice, Choices: Choices.ToezichtStappen),
        new("regime", ValueType.Choice, Required: false, Choices: Choices.ToezichtRegimes),
        new("oordeel", ValueType.Choice, Required: false, Choices: Choices.ToezichtOordelen),
        new("termijn", ValueType.Date, Required: false),
        new("toelichting", ValueType.Text, Required: false),
    ];

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        if (row.Text("opgave") == "oekraine")
            yield return ("opgave", "op de opvang van ontheemden uit Oekraïne is geen toezicht: kies asiel, amv of taakstelling.");
        if (row.Get<DateOnly>("besluitdatum") is { } besluit)
        {
            if (besluit > row.Today.AddDays(1))
                yield return ("besluitdatum", $"besluitdatum {besluit:yyyy-MM-dd} ligt in de toekomst.");
            if (row.Get<DateOnly>("termijn") is { } termijn && termijn < besluit)
                yield return ("termijn", $"termijn {termijn:yyyy-MM-dd} ligt vóór de besluitdatum {besluit:yyyy-MM-dd}.");
        }
    }

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'besluit ' || stap || ' voor ' || bron_gemeentecode || ' (' || opgave || ') op ' || besluitdatum
               || ' staat er meer dan eens in met verschillende gegevens'
        FROM (SELECT DISTINCT line, bron_gemeentecode, opgave, besluitdatum, stap, regime, oordeel, termijn, toelichting FROM stage) s
        GROUP BY bron_gemeentecode, opgave, besluitdatum, stap
        HAVING count(DISTINCT (regime, oordeel, termijn, toelichting)) > 1
        """;

    public override string MergeSql => """
        CREATE TEMP TABLE incoming ON COMMIT DROP AS
        SELECT DISTINCT ON (gemeentecode, opgave, besluitdatum, stap) * FROM stage ORDER BY gemeentecode, opgave, besluitdatum, stap, line;

        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'toezicht', jsonb_build_object('gemeentecode', t.gemeentecode, 'opgave', t.opgave, 'besluitdatum', t.besluitdatum, 'stap', t.stap),
               jsonb_build_object('regime', t.regime, 'oordeel', t.oordeel, 'termijn', t.termijn, 'toelichting', t.toelichting),
               jsonb_build_object('regime', i.regime, 'oordeel', i.oordeel, 'termijn', i.termijn, 'toelichting', i.toelichting), t.delivery_id, @delivery
        FROM incoming i JOIN monitor.toezicht_besluiten t USING (gemeentecode, opgave, besluitdatum, stap)
        WHERE (t.regime, t.oordeel, t.termijn, t.toelichting) IS DISTINCT FROM (i.regime, i.oordeel, i.termijn, i.toelichting);

        WITH written AS (
            INSERT INTO monitor.toezicht_besluiten AS t (gemeentecode, bron_gemeentecode, opgave, besluitdatum, stap, regime, oordeel, termijn,
                                                         toelichting, delivery_id, source_lines)
            SELECT gemeentecode, bron_gemeentecode, opgave, besluitdatum, stap, regime, oordeel, termijn, toelichting, @delivery, ARRAY[line]
            FROM incoming
            ON CONFLICT (gemeentecode, opgave, besluitdatum, stap) DO UPDATE
                SET regime = excluded.regime, oordeel = excluded.oordeel, termijn = excluded.termijn, toelichting = excluded.toelichting,
                    delivery_id = excluded.delivery_id, source_lines = excluded.source_lines
            WHERE (t.regime, t.oordeel, t.termijn, t.toelichting) IS DISTINCT FROM (excluded.regime, excluded.oordeel, excluded.termijn, excluded.toelichting)
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
