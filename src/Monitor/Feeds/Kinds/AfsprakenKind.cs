using Monitor.Analysis;
namespace Monitor.Feeds.Kinds;

/// <summary>
/// Agreements between gemeenten. All rows of one afspraakcode come together: a later delivery of that code replaces them.
/// Codes must map to exactly one gemeente: who gives and who takes cannot be apportioned. An agreement that would
/// move more than the giving gemeente's known opgave is refused (the compute run never applies one either).
/// </summary>
public sealed class AfsprakenKind : FeedKind
{
    public override string Name => "afspraken";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("afspraakcode", ValueType.Code),
        new("soort", ValueType.Choice, Choices: Choices.AgreementSorts),
        new("opgave", ValueType.Choice, Choices: Choices.Opgaven),
        new("van_gemeentecode", ValueType.GemeenteCode),
        new("naar_gemeentecode", ValueType.GemeenteCode),
        new("aantal", ValueType.Count, Max: 100_000),
        new("periode_van", ValueType.Periode),
        new("periode_tot", ValueType.Periode),
        new("besluitdatum", ValueType.Date),
        new("omschrijving", ValueType.Text, Required: false),
    ];

    public override string CodeDateColumn => "besluitdatum";

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        if (row.Text("van_gemeentecode") is { } van && van == row.Text("naar_gemeentecode"))
            yield return ("naar_gemeentecode", "van_gemeentecode en naar_gemeentecode zijn gelijk: een afspraak verschuift tussen twee gemeenten.");
        var opgave = row.Text("opgave");
        foreach (var col in new[] { "periode_van", "periode_tot" })
            if (opgave is not null && row.Text(col) is { } p && !Periods.FitsOpgave(opgave, p) && !(Periods.UsesCycles(opgave) && Periods.IsHalfYear(p)))
                yield return (col, $"{col} '{p}' past niet bij opgave {opgave}: verwacht {Periods.ExpectedForm(opgave)}.");
        if (row.Text("periode_van") is { } from && row.Text("periode_tot") is { } to
            && (Periods.IsCycle(from) || Periods.IsHalfYear(from)) && (Periods.IsCycle(to) || Periods.IsHalfYear(to))
            && Periode.Parse(to).End < Periode.Parse(from).Start)
            yield return ("periode_tot", $"periode_tot {to} ligt vóór periode_van {from}.");
    }

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'afspraak ' || afspraakcode || ' heeft verschillende soorten: ' || string_agg(DISTINCT soort, ', ')
        FROM stage GROUP BY afspraakcode HAVING count(DISTINCT soort) > 1
        UNION ALL
        SELECT array_agg(line ORDER BY line), 'afspraak ' || afspraakcode || ' staat er voor ' || opgave || ' van ' || van_gemeentecode
               || ' naar ' || naar_gemeentecode || ' vanaf ' || periode_van || ' meer dan eens in'
        FROM stage GROUP BY afspraakcode, opgave, van_gemeentecode, naar_gemeentecode, periode_van HAVING count(*) > 1
        UNION ALL
        SELECT * FROM (
            -- A gemeente cannot give away more than its opgave: with the figure known now (the latest that counts, per
            -- periode of the agreements' own form), this delivery's agreements and the other codes' agreements stored
            -- already must leave it at zero or more. Without a figure yet, the compute run checks it (and never applies it).
            WITH moves AS (
                SELECT afspraakcode, opgave, van_gemeentecode AS gemeente, periode_van, periode_tot, aantal AS uit, 0 AS erbij, line FROM stage
                UNION ALL
                SELECT afspraakcode, opgave, naar_gemeentecode, periode_van, periode_tot, 0, aantal, NULL FROM stage
                UNION ALL
                SELECT afspraakcode, opgave, van_gemeentecode, periode_van, periode_tot, aantal, 0, NULL FROM monitor.afspraken
                WHERE afspraakcode NOT IN (SELECT afspraakcode FROM stage)
                UNION ALL
                SELECT afspraakcode, opgave, naar_gemeentecode, periode_van, periode_tot, 0, aantal, NULL FROM monitor.afspraken
                WHERE afspraakcode NOT IN (SELECT afspraakcode FROM stage)
            ), figure AS (
                SELECT DISTINCT ON (opgave, periode, gebiedcode) opgave, periode, gebiedcode, aantal
                FROM monitor.opgaven_geldend WHERE telt AND vervalt_op IS NULL AND gebiedcode LIKE 'GM%'
                ORDER BY opgave, periode, gebiedcode, geldig_vanaf DESC,
                         array_position('{indicatief,verslag,verdeelbesluit,vastgesteld,bijstelling}'::text[], versie) DESC
            )
            SELECT array_agg(m.line ORDER BY m.line) FILTER (WHERE m.line IS NOT NULL AND m.uit > 0),
                   'afspraak ' || string_agg(DISTINCT m.afspraakcode, ', ') FILTER (WHERE m.line IS NOT NULL AND m.uit > 0)
                   || ' verschuift meer ' || f.opgave || ' van ' || f.gemeente || ' weg dan die gemeente heeft: opgave ' || f.aantal
                   || ' (' || f.periode || '), na de afspraken ' || (f.aantal - sum(m.uit) + sum(m.erbij))
                   || '; een afspraak mag een opgave niet onder nul brengen'
            FROM (SELECT opgave, periode, gebiedcode AS gemeente, aantal FROM figure) f
            JOIN moves m ON m.opgave = f.opgave AND m.gemeente = f.gemeente
                        AND length(m.periode_van) = length(f.periode) AND f.periode BETWEEN m.periode_van AND m.periode_tot
            GROUP BY f.opgave, f.periode, f.gemeente, f.aantal
            HAVING f.aantal - sum(m.uit) + sum(m.erbij) < 0 AND bool_or(m.line IS NOT NULL AND m.uit > 0)) exceeding
        """;

    public override string MergeSql => """
        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'afspraken', jsonb_build_object('afspraakcode', coalesce(o.afspraakcode, i.afspraakcode), 'opgave', coalesce(o.opgave, i.opgave),
                   'van', coalesce(o.van_gemeentecode, i.van_gemeentecode), 'naar', coalesce(o.naar_gemeentecode, i.naar_gemeentecode),
                   'periode_van', coalesce(o.periode_van, i.periode_van)),
               CASE WHEN o.afspraakcode IS NOT NULL THEN jsonb_build_object('aantal', o.aantal, 'periode_tot', o.periode_tot, 'besluitdatum', o.besluitdatum) END,
               CASE WHEN i.afspraakcode IS NOT NULL THEN jsonb_build_object('aantal', i.aantal, 'periode_tot', i.periode_tot, 'besluitdatum', i.besluitdatum) END,
               o.delivery_id, @delivery
        FROM (SELECT * FROM monitor.afspraken WHERE afspraakcode IN (SELECT afspraakcode FROM stage)) o
        FULL JOIN stage i USING (afspraakcode, opgave, van_gemeentecode, naar_gemeentecode, periode_van)
        WHERE o.delivery_id IS NOT NULL
          AND (o.aantal, o.periode_tot, o.besluitdatum, o.soort) IS DISTINCT FROM (i.aantal, i.periode_tot, i.besluitdatum, i.soort);

        -- What this delivery replaces stays readable for a replay of a date before it (Compute/KnownAt.cs).
        INSERT INTO monitor.afspraken_vervangen (afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van,
                                                 periode_tot, besluitdatum, omschrijving, delivery_id, source_lines, vervangen_door)
        SELECT afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van, periode_tot, besluitdatum,
               omschrijving, delivery_id, source_lines, @delivery
        FROM monitor.afspraken WHERE afspraakcode IN (SELECT afspraakcode FROM stage);

        DELETE FROM monitor.afspraken WHERE afspraakcode IN (SELECT afspraakcode FROM stage);

        WITH written AS (
            INSERT INTO monitor.afspraken (afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van,
                                           periode_tot, besluitdatum, omschrijving, delivery_id, source_lines)
            SELECT afspraakcode, soort, opgave, van_gemeentecode, naar_gemeentecode, aantal, periode_van, periode_tot, besluitdatum,
                   omschrijving, @delivery, ARRAY[line] FROM stage
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
