namespace Monitor.Feeds.Kinds;

/// <summary>An opgave figure as published (a version); the warehouse keeps every version.</summary>
public sealed class OpgaveKind : FeedKind
{
    public override string Name => "opgave";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("opgave", ValueType.Choice, Choices: Choices.Opgaven),
        new("versie", ValueType.Choice, Choices: Choices.Versies),
        new("periode", ValueType.Periode),
        new("gebiedcode", ValueType.GebiedCode),
        new("aantal", ValueType.Count, Max: 500_000),
        new("publicatiedatum", ValueType.Date),
    ];

    public override IReadOnlyList<string> SplitCounts => ["aantal"];

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        var opgave = row.Text("opgave");
        var periode = row.Text("periode");
        if (opgave is not null && periode is not null && !Periods.FitsOpgave(opgave, periode))
            yield return ("periode", $"periode '{periode}' past niet bij opgave {opgave}: verwacht {Periods.ExpectedForm(opgave)}.");
        if (row.Text("gebiedcode") is { } gebied && gebied.StartsWith("VR") && opgave != "oekraine")
            yield return ("gebiedcode", $"een veiligheidsregio ({gebied}) heeft alleen een opgave oekraine, niet {opgave}.");
    }

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'dezelfde opgave (' || opgave || ', ' || versie || ', ' || periode || ', ' || bron_gebiedcode
               || ', ' || publicatiedatum || ') staat er meer dan eens in met verschillende aantallen'
        FROM (SELECT DISTINCT line, opgave, versie, periode, bron_gebiedcode, publicatiedatum, bron_aantal FROM stage) s
        GROUP BY opgave, versie, periode, bron_gebiedcode, publicatiedatum HAVING count(DISTINCT bron_aantal) > 1
        """;

    public override string MergeSql => """
        CREATE TEMP TABLE incoming ON COMMIT DROP AS
        SELECT opgave, versie, periode, gebiedcode, publicatiedatum, sum(aantal)::int AS aantal, array_agg(line ORDER BY line) AS lines
        FROM (SELECT DISTINCT ON (opgave, versie, periode, bron_gebiedcode, gebiedcode, publicatiedatum) * FROM stage
              ORDER BY opgave, versie, periode, bron_gebiedcode, gebiedcode, publicatiedatum, line) s
        GROUP BY opgave, versie, periode, gebiedcode, publicatiedatum;

        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'opgave', jsonb_build_object('opgave', o.opgave, 'versie', o.versie, 'periode', o.periode, 'gebiedcode', o.gebiedcode,
                   'publicatiedatum', o.publicatiedatum),
               jsonb_build_object('aantal', o.aantal), jsonb_build_object('aantal', i.aantal), o.delivery_id, @delivery
        FROM incoming i JOIN monitor.opgaven o USING (opgave, versie, periode, gebiedcode, publicatiedatum)
        WHERE o.aantal <> i.aantal;

        WITH written AS (
            INSERT INTO monitor.opgaven AS o (opgave, versie, periode, gebiedcode, publicatiedatum, aantal, delivery_id, source_lines)
            SELECT opgave, versie, periode, gebiedcode, publicatiedatum, aantal, @delivery, lines FROM incoming
            ON CONFLICT (opgave, periode, gebiedcode, versie, publicatiedatum) DO UPDATE
                SET aantal = excluded.aantal, delivery_id = excluded.delivery_id, source_lines = excluded.source_lines
            WHERE o.aantal <> excluded.aantal
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
