using System.Globalization;

namespace Monitor.Feeds.Kinds;

/// <summary>Mergers and splits: from datum on, the old code's figures belong to the new code(s); figures dated before
/// stay with the old code. A chain of herindelingen must end at a gemeente: a loop (A→B, B→A) is refused, since every
/// code in it would vanish from every figure.</summary>
public sealed class HerindelingenKind : FeedKind
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public override string Name => "herindelingen";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("datum", ValueType.Date),
        new("oude_gemeentecode", ValueType.GemeenteCode),
        new("nieuwe_gemeentecode", ValueType.GemeenteCode),
        new("aandeel", ValueType.Decimal, Required: false, Scale: 4, Limit: 100m), // numeric(6, 4)
    ];

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        if (row.Get<decimal>("aandeel") is { } a && (a <= 0 || a > 1))
            yield return ("aandeel", string.Create(Dutch, $"aandeel {a} moet groter dan 0 en hoogstens 1 zijn."));
        if (row.Text("oude_gemeentecode") == row.Text("nieuwe_gemeentecode"))
            yield return ("nieuwe_gemeentecode", "oude en nieuwe gemeentecode zijn gelijk.");
    }

    // A split must hand out the whole gemeente; a new code must be a gemeente we know (or itself retired later on).
    // The sum is written with a decimal comma, as the spreadsheet user who made the file reads numbers.
    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'de aandelen van ' || oude_gemeentecode || ' tellen op tot '
               || replace(sum(coalesce(aandeel, 1))::text, '.', ',') || ' in plaats van 1'
        FROM stage GROUP BY oude_gemeentecode HAVING abs(sum(coalesce(aandeel, 1)) - 1) > 0.005
        UNION ALL
        SELECT ARRAY[line], 'nieuwe_gemeentecode ' || nieuwe_gemeentecode || ' is geen bekende gemeente; laad eerst de gemeenten'
        FROM stage s
        WHERE NOT EXISTS (SELECT 1 FROM monitor.gemeenten g WHERE g.code = s.nieuwe_gemeentecode)
          AND NOT EXISTS (SELECT 1 FROM stage o WHERE o.oude_gemeentecode = s.nieuwe_gemeentecode)
          AND NOT EXISTS (SELECT 1 FROM monitor.herindelingen h WHERE h.oude_code = s.nieuwe_gemeentecode)
        UNION ALL
        -- One pair twice would meet itself in the merge's ON CONFLICT (a database error): found here, with its lines.
        SELECT array_agg(line ORDER BY line), 'de herindeling van ' || oude_gemeentecode || ' naar ' || nieuwe_gemeentecode || ' staat er meer dan eens in'
        FROM stage GROUP BY oude_gemeentecode, nieuwe_gemeentecode HAVING count(*) > 1
        UNION ALL
        SELECT * FROM (
            WITH RECURSIVE edges AS (
                SELECT oude_gemeentecode AS van, nieuwe_gemeentecode AS naar, line FROM stage
                UNION ALL
                SELECT h.oude_code, h.nieuwe_code, NULL FROM monitor.herindelingen h
                WHERE NOT EXISTS (SELECT 1 FROM stage s WHERE s.oude_gemeentecode = h.oude_code AND s.nieuwe_gemeentecode = h.nieuwe_code)
            ), walk (start, code, path, line, looped) AS (
                SELECT van, naar, ARRAY[van, naar], line, false FROM edges WHERE line IS NOT NULL
                UNION ALL
                SELECT w.start, e.naar, w.path || e.naar, w.line, e.naar = ANY(w.path)
                FROM walk w JOIN edges e ON e.van = w.code WHERE NOT w.looped
            )
            SELECT DISTINCT ON (line) ARRAY[line], 'de keten van herindelingen vanaf ' || start || ' eindigt niet: '
                   || array_to_string(path, ' → ') || ' komt terug bij ' || code
                   || '; een oude code moet via de herindelingen bij een bestaande gemeente uitkomen'
            FROM walk WHERE looped ORDER BY line, cardinality(path)) loops
        """;

    public override string MergeSql => """
        WITH written AS (
            INSERT INTO monitor.herindelingen AS h (datum, oude_code, nieuwe_code, aandeel, delivery_id, source_lines)
            SELECT datum, oude_gemeentecode, nieuwe_gemeentecode, coalesce(aandeel, 1), @delivery, ARRAY[line] FROM stage
            ON CONFLICT (oude_code, nieuwe_code) DO UPDATE SET datum = excluded.datum, aandeel = excluded.aandeel,
                delivery_id = excluded.delivery_id, source_lines = excluded.source_lines
            WHERE (h.datum, h.aandeel) IS DISTINCT FROM (excluded.datum, excluded.aandeel)
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
