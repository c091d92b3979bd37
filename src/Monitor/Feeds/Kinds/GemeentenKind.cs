namespace Monitor.Feeds.Kinds;

/// <summary>Reference data: one row per gemeente with its provincie and veiligheidsregio. Defines the codes; maps nothing.</summary>
public sealed class GemeentenKind : FeedKind
{
    public override string Name => "gemeenten";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("gemeentecode", ValueType.GemeenteCode),
        new("gemeentenaam", ValueType.Text),
        new("provinciecode", ValueType.GebiedCode),
        new("provincienaam", ValueType.Text),
        new("veiligheidsregiocode", ValueType.GebiedCode),
        new("veiligheidsregionaam", ValueType.Text),
        new("inwoners", ValueType.Count, Max: 2_000_000),
        new("oppervlakte_km2", ValueType.Decimal, Scale: 2, Limit: 100_000_000m), // numeric(10, 2)
        new("peiljaar", ValueType.Count, Required: false, Max: 2100),
    ];

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        if (row.Text("provinciecode") is { } pv && !pv.StartsWith("PV"))
            yield return ("provinciecode", $"'{pv}' is geen provinciecode{BareNumber(pv)}; schrijf PV gevolgd door 2 cijfers, bijv. PV27.");
        if (row.Text("veiligheidsregiocode") is { } vr && !vr.StartsWith("VR"))
            yield return ("veiligheidsregiocode", $"'{vr}' is geen veiligheidsregiocode{BareNumber(vr)}; schrijf VR gevolgd door 2 cijfers, bijv. VR13.");
        if (row.Get<int>("peiljaar") is { } jaar && jaar < 2000)
            yield return ("peiljaar", $"peiljaar {jaar} is niet aannemelijk.");
    }

    // A code is read before this check, and a bare number reads as a gemeente: "20" arrives here as GM0020, which
    // would puzzle the person who typed 20 unless the message says why.
    private static string BareNumber(string code) =>
        code.StartsWith("GM") ? " (een code zonder PV of VR ervoor wordt als gemeentecode gelezen)" : "";

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'gemeentecode ' || gemeentecode || ' staat meer dan eens in de levering'
        FROM stage GROUP BY gemeentecode, coalesce(peiljaar, extract(year FROM current_date)::int) HAVING count(*) > 1 -- an empty peiljaar is this year's, as merged
        UNION ALL
        SELECT array_agg(line ORDER BY line), 'provinciecode ' || provinciecode || ' heeft verschillende namen: ' || string_agg(DISTINCT provincienaam, ', ')
        FROM stage GROUP BY provinciecode HAVING count(DISTINCT provincienaam) > 1
        UNION ALL
        SELECT array_agg(line ORDER BY line), 'veiligheidsregiocode ' || veiligheidsregiocode || ' heeft verschillende namen: ' || string_agg(DISTINCT veiligheidsregionaam, ', ')
        FROM stage GROUP BY veiligheidsregiocode HAVING count(DISTINCT veiligheidsregionaam) > 1
        """;

    public override string MergeSql => """
        UPDATE stage SET peiljaar = extract(year FROM current_date)::int WHERE peiljaar IS NULL;

        INSERT INTO monitor.provincies (code, naam, delivery_id)
        SELECT DISTINCT ON (provinciecode) provinciecode, provincienaam, @delivery FROM stage ORDER BY provinciecode, line
        ON CONFLICT (code) DO UPDATE SET naam = excluded.naam, delivery_id = excluded.delivery_id
        WHERE monitor.provincies.naam IS DISTINCT FROM excluded.naam;

        INSERT INTO monitor.veiligheidsregios (code, naam, delivery_id)
        SELECT DISTINCT ON (veiligheidsregiocode) veiligheidsregiocode, veiligheidsregionaam, @delivery FROM stage ORDER BY veiligheidsregiocode, line
        ON CONFLICT (code) DO UPDATE SET naam = excluded.naam, delivery_id = excluded.delivery_id
        WHERE monitor.veiligheidsregios.naam IS DISTINCT FROM excluded.naam;

        -- A new name (or a new code) becomes a version; the same name again is no new version.
        INSERT INTO monitor.provincie_versies (code, naam, delivery_id)
        SELECT DISTINCT ON (provinciecode) provinciecode, provincienaam, @delivery FROM stage s
        WHERE provincienaam IS DISTINCT FROM (SELECT v.naam FROM monitor.provincie_versies v WHERE v.code = s.provinciecode ORDER BY v.vanaf DESC, v.delivery_id DESC LIMIT 1)
        ORDER BY provinciecode, line;

        INSERT INTO monitor.veiligheidsregio_versies (code, naam, delivery_id)
        SELECT DISTINCT ON (veiligheidsregiocode) veiligheidsregiocode, veiligheidsregionaam, @delivery FROM stage s
        WHERE veiligheidsregionaam IS DISTINCT FROM (SELECT v.naam FROM monitor.veiligheidsregio_versies v WHERE v.code = s.veiligheidsregiocode ORDER BY v.vanaf DESC, v.delivery_id DESC LIMIT 1)
        ORDER BY veiligheidsregiocode, line;

        WITH written AS (
            INSERT INTO monitor.gemeenten AS g (code, peiljaar, naam, provinciecode, veiligheidsregiocode, inwoners, oppervlakte_km2, delivery_id, source_lines)
            SELECT gemeentecode, peiljaar, gemeentenaam, provinciecode, veiligheidsregiocode, inwoners, oppervlakte_km2, @delivery, ARRAY[line]
            FROM stage
            ON CONFLICT (code, peiljaar) DO UPDATE SET naam = excluded.naam, provinciecode = excluded.provinciecode,
                veiligheidsregiocode = excluded.veiligheidsregiocode, inwoners = excluded.inwoners,
                oppervlakte_km2 = excluded.oppervlakte_km2, delivery_id = excluded.delivery_id, source_lines = excluded.source_lines
            WHERE (g.naam, g.provinciecode, g.veiligheidsregiocode, g.inwoners, g.oppervlakte_km2)
                  IS DISTINCT FROM (excluded.naam, excluded.provinciecode, excluded.veiligheidsregiocode, excluded.inwoners, excluded.oppervlakte_km2)
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
