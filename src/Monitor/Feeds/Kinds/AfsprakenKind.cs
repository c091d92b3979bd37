namespace Monitor.Feeds.Kinds;

/// <summary>
/// Agreements between gemeenten. All rows of one afspraakcode come together: a later delivery of that code replaces them.
/// Codes must map to exactly one gemeente: who gives and who takes cannot be apportioned.
/// </summary>
public sealed class AfsprakenKind : FeedKind
{
    public override string Name => "afspraken";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("afspraakcode", ValueType.Text),
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
            && Periods.Span(to).End < Periods.Span(from).Start)
            yield return ("periode_tot", $"periode_tot {to} ligt vóór periode_van {from}.");
    }

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'afspraak ' || afspraakcode || ' heeft verschillende soorten: ' || string_agg(DISTINCT soort, ', ')
        FROM stage GROUP BY afspraakcode HAVING count(DISTINCT soort) > 1
        UNION ALL
        SELECT array_agg(line ORDER BY line), 'afspraak ' || afspraakcode || ' staat er voor ' || opgave || ' van ' || van_gemeentecode
               || ' naar ' || naar_gemeentecode || ' vanaf ' || periode_van || ' meer dan eens in'
        FROM stage GROUP BY afspraakcode, opgave, van_gemeentecode, naar_gemeentecode, periode_van HAVING count(*) > 1
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
