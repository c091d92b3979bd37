namespace Monitor.Feeds.Kinds;

/// <summary>User-defined regio's (an RRT, Hart van Brabant): a regio in a delivery gets exactly the members listed.</summary>
public sealed class RegiosKind : FeedKind
{
    public override string Name => "regios";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("regiocode", ValueType.Code),
        new("regionaam", ValueType.Text),
        new("gemeentecode", ValueType.GemeenteCode),
    ];

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'regio ' || regiocode || ' heeft verschillende namen: ' || string_agg(DISTINCT regionaam, ', ')
        FROM stage GROUP BY regiocode HAVING count(DISTINCT regionaam) > 1
        """;

    public override string MergeSql => """
        INSERT INTO monitor.regios AS r (code, naam, delivery_id)
        SELECT DISTINCT ON (regiocode) regiocode, regionaam, @delivery FROM stage ORDER BY regiocode, line
        ON CONFLICT (code) DO UPDATE SET naam = excluded.naam, delivery_id = excluded.delivery_id;

        -- History first: memberships this delivery no longer lists end now; new ones start now.
        UPDATE monitor.regio_lidmaatschap m SET tot = now(), beeindigd_door = @delivery
        WHERE m.tot IS NULL AND m.regiocode IN (SELECT regiocode FROM stage)
          AND NOT EXISTS (SELECT 1 FROM stage s WHERE s.regiocode = m.regiocode AND s.gemeentecode = m.gemeentecode);

        INSERT INTO monitor.regio_lidmaatschap (regiocode, gemeentecode, delivery_id)
        SELECT DISTINCT regiocode, gemeentecode, @delivery FROM stage s
        WHERE NOT EXISTS (SELECT 1 FROM monitor.regio_lidmaatschap m WHERE m.tot IS NULL AND m.regiocode = s.regiocode AND m.gemeentecode = s.gemeentecode);

        DELETE FROM monitor.regio_leden WHERE regiocode IN (SELECT regiocode FROM stage);

        WITH written AS (
            INSERT INTO monitor.regio_leden (regiocode, gemeentecode, delivery_id, source_lines)
            SELECT regiocode, gemeentecode, @delivery, array_agg(line ORDER BY line) FROM stage GROUP BY regiocode, gemeentecode
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
