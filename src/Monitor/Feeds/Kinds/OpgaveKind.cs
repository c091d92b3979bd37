namespace Monitor.Feeds.Kinds;

/// <summary>
/// An opgave figure as published (a version); the warehouse keeps every version. A figure carries its legal status
/// (<c>rechtsstatus</c>, default vastgesteld) and its source (<c>bron</c>): a gecorrigeerd figure replaces the figures of
/// the same opgave/versie/periode/gebied published earlier as if they had never counted, an ingetrokken one withdraws
/// them from its date on (monitor.opgaven_geldend). Refused: a figure published in the future, an earlier stage
/// (indicatief) published after a later one (verdeelbesluit) unless it is a correction, and a taakstelling raised during
/// its own half year (the law allows only lowering mid-period).
/// </summary>
public sealed class OpgaveKind : FeedKind
{
    public static readonly string[] Rechtsstatussen = ["vastgesteld", "in_bezwaar", "gewijzigd", "gecorrigeerd", "ingetrokken"];

    public override string Name => "opgave";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("opgave", ValueType.Choice, Choices: Choices.Opgaven),
        new("versie", ValueType.Choice, Choices: Choices.Versies),
        new("periode", ValueType.Periode),
        new("gebiedcode", ValueType.GebiedCode),
        new("aantal", ValueType.Count, Max: 500_000),
        new("publicatiedatum", ValueType.Date),
        new("rechtsstatus", ValueType.Choice, Required: false, Choices: Rechtsstatussen),
        new("bron", ValueType.Text, Required: false),
    ];

    public override IReadOnlyList<string> SplitCounts => ["aantal"];

    public override string CodeDateColumn => "publicatiedatum";

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        var opgave = row.Text("opgave");
        var periode = row.Text("periode");
        if (opgave is not null && periode is not null && !Periods.FitsOpgave(opgave, periode))
            yield return ("periode", $"periode '{periode}' past niet bij opgave {opgave}: verwacht {Periods.ExpectedForm(opgave)}.");
        if (row.Text("gebiedcode") is { } gebied && gebied.StartsWith("VR") && opgave != "oekraine")
            yield return ("gebiedcode", $"een veiligheidsregio ({gebied}) heeft alleen een opgave oekraine, niet {opgave}.");
        // A figure counts from its publicatiedatum: one dated after today would switch itself on later, unseen.
        if (row.Get<DateOnly>("publicatiedatum") is { } published && published > row.Today)
            yield return ("publicatiedatum", $"publicatiedatum {published:yyyy-MM-dd} ligt in de toekomst; lever een cijfer aan als het gepubliceerd is.");
    }

    // Checks against what the warehouse holds (and the rest of the delivery): the figures as they count
    // (monitor.opgaven_geldend), mapped codes, and the delivery's rows per key summed as the merge sums them.
    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'dezelfde opgave (' || opgave || ', ' || versie || ', ' || periode || ', ' || bron_gebiedcode
               || ', ' || publicatiedatum || ') staat er meer dan eens in met verschillende aantallen'
        FROM (SELECT DISTINCT line, opgave, versie, periode, bron_gebiedcode, publicatiedatum, bron_aantal FROM stage) s
        GROUP BY opgave, versie, periode, bron_gebiedcode, publicatiedatum HAVING count(DISTINCT bron_aantal) > 1
        UNION ALL
        SELECT array_agg(line ORDER BY line), 'dezelfde opgave (' || opgave || ', ' || versie || ', ' || periode || ', ' || bron_gebiedcode
               || ', ' || publicatiedatum || ') staat er meer dan eens in met verschillende rechtsstatus'
        FROM stage GROUP BY opgave, versie, periode, bron_gebiedcode, publicatiedatum
        HAVING count(DISTINCT coalesce(rechtsstatus, 'vastgesteld')) > 1
        UNION ALL
        SELECT * FROM (
            WITH s AS (
                SELECT opgave, versie, periode, gebiedcode, publicatiedatum, coalesce(rechtsstatus, 'vastgesteld') AS rechtsstatus,
                       sum(aantal) AS aantal, min(line) AS line
                FROM (SELECT DISTINCT ON (opgave, versie, periode, bron_gebiedcode, gebiedcode, publicatiedatum) * FROM stage
                      ORDER BY opgave, versie, periode, bron_gebiedcode, gebiedcode, publicatiedatum, line) d
                GROUP BY 1, 2, 3, 4, 5, 6
            ), known AS (
                SELECT opgave, versie, periode, gebiedcode, publicatiedatum, aantal FROM monitor.opgaven_geldend
                WHERE telt AND NOT EXISTS (SELECT 1 FROM s WHERE (s.opgave, s.versie, s.periode, s.gebiedcode, s.publicatiedatum)
                                                          = (opgaven_geldend.opgave, opgaven_geldend.versie, opgaven_geldend.periode,
                                                             opgaven_geldend.gebiedcode, opgaven_geldend.publicatiedatum))
                UNION ALL
                SELECT opgave, versie, periode, gebiedcode, publicatiedatum, aantal FROM s WHERE rechtsstatus <> 'ingetrokken'
            ), stadium (versie, rang) AS (
                SELECT * FROM unnest('{indicatief,verslag,verdeelbesluit,vastgesteld,bijstelling}'::text[]) WITH ORDINALITY
            )
            SELECT ARRAY[s.line], 'een eerder stadium (' || s.versie || ', gepubliceerd ' || s.publicatiedatum || ') kan na een later stadium ('
                   || k.versie || ', gepubliceerd ' || k.publicatiedatum || ') niet meer gelden voor ' || s.opgave || ' ' || s.periode || ' '
                   || s.gebiedcode || '; is het een correctie, lever het dan met rechtsstatus gecorrigeerd'
            FROM s JOIN stadium sv ON sv.versie = s.versie
            CROSS JOIN LATERAL (
                SELECT k.* FROM known k JOIN stadium kv ON kv.versie = k.versie
                WHERE (k.opgave, k.periode, k.gebiedcode) = (s.opgave, s.periode, s.gebiedcode) AND kv.rang > sv.rang
                  AND k.publicatiedatum < s.publicatiedatum
                ORDER BY k.publicatiedatum DESC LIMIT 1) k
            WHERE s.rechtsstatus NOT IN ('gecorrigeerd', 'ingetrokken')
            UNION ALL
            SELECT ARRAY[s.line], 'de taakstelling ' || s.periode || ' van ' || s.gebiedcode || ' gaat tijdens het halfjaar omhoog: van '
                   || p.aantal || ' (' || p.versie || ', ' || p.publicatiedatum || ') naar ' || s.aantal || ' (gepubliceerd ' || s.publicatiedatum
                   || '); halverwege een halfjaar mag een taakstelling alleen omlaag'
            FROM s
            CROSS JOIN LATERAL (SELECT make_date(left(s.periode, 4)::int, CASE right(s.periode, 1) WHEN '1' THEN 1 ELSE 7 END, 1) AS begin) b
            CROSS JOIN LATERAL (
                SELECT k.* FROM known k JOIN stadium kv ON kv.versie = k.versie
                WHERE (k.opgave, k.periode, k.gebiedcode) = (s.opgave, s.periode, s.gebiedcode) AND k.publicatiedatum < s.publicatiedatum
                ORDER BY k.publicatiedatum DESC, kv.rang DESC LIMIT 1) p
            WHERE s.opgave = 'taakstelling' AND s.rechtsstatus <> 'ingetrokken' AND s.aantal > p.aantal
              AND s.publicatiedatum >= b.begin AND s.publicatiedatum < (b.begin + interval '6 months')::date) domain_rules
        """;

    public override string MergeSql => """
        CREATE TEMP TABLE incoming ON COMMIT DROP AS
        SELECT opgave, versie, periode, gebiedcode, publicatiedatum, sum(aantal)::int AS aantal, array_agg(line ORDER BY line) AS lines,
               coalesce(min(rechtsstatus), 'vastgesteld') AS rechtsstatus, min(bron) AS bron
        FROM (SELECT DISTINCT ON (opgave, versie, periode, bron_gebiedcode, gebiedcode, publicatiedatum) * FROM stage
              ORDER BY opgave, versie, periode, bron_gebiedcode, gebiedcode, publicatiedatum, line) s
        GROUP BY opgave, versie, periode, gebiedcode, publicatiedatum;

        -- A correction or a withdrawal revises every figure of its opgave/versie/periode/gebied published before it that
        -- still counted: recorded with the delivery that did it, so the series are recomputed from the old figure's date.
        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'opgave', jsonb_build_object('opgave', o.opgave, 'versie', o.versie, 'periode', o.periode, 'gebiedcode', o.gebiedcode,
                   'publicatiedatum', o.publicatiedatum),
               jsonb_build_object('aantal', o.aantal, 'rechtsstatus', o.rechtsstatus),
               jsonb_build_object('aantal', i.aantal, 'rechtsstatus', i.rechtsstatus, 'publicatiedatum', i.publicatiedatum, 'bron', i.bron),
               o.delivery_id, @delivery
        FROM incoming i JOIN monitor.opgaven_geldend o
          ON (o.opgave, o.versie, o.periode, o.gebiedcode) = (i.opgave, i.versie, i.periode, i.gebiedcode) AND o.publicatiedatum < i.publicatiedatum
        WHERE i.rechtsstatus IN ('gecorrigeerd', 'ingetrokken') AND o.telt AND (o.vervalt_op IS NULL OR i.rechtsstatus = 'gecorrigeerd');

        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'opgave', jsonb_build_object('opgave', o.opgave, 'versie', o.versie, 'periode', o.periode, 'gebiedcode', o.gebiedcode,
                   'publicatiedatum', o.publicatiedatum),
               jsonb_build_object('aantal', o.aantal) || CASE WHEN o.rechtsstatus <> 'vastgesteld' OR i.rechtsstatus <> 'vastgesteld'
                   THEN jsonb_build_object('rechtsstatus', o.rechtsstatus) ELSE '{}' END,
               jsonb_build_object('aantal', i.aantal) || CASE WHEN o.rechtsstatus <> 'vastgesteld' OR i.rechtsstatus <> 'vastgesteld'
                   THEN jsonb_build_object('rechtsstatus', i.rechtsstatus) ELSE '{}' END,
               o.delivery_id, @delivery
        FROM incoming i JOIN monitor.opgaven o USING (opgave, versie, periode, gebiedcode, publicatiedatum)
        WHERE (o.aantal, o.rechtsstatus) IS DISTINCT FROM (i.aantal, i.rechtsstatus);

        WITH written AS (
            INSERT INTO monitor.opgaven AS o (opgave, versie, periode, gebiedcode, publicatiedatum, aantal, rechtsstatus, bron, delivery_id, source_lines)
            SELECT opgave, versie, periode, gebiedcode, publicatiedatum, aantal, rechtsstatus, bron, @delivery, lines FROM incoming
            ON CONFLICT (opgave, periode, gebiedcode, versie, publicatiedatum) DO UPDATE
                SET aantal = excluded.aantal, rechtsstatus = excluded.rechtsstatus, bron = excluded.bron,
                    delivery_id = excluded.delivery_id, source_lines = excluded.source_lines
            WHERE (o.aantal, o.rechtsstatus, o.bron) IS DISTINCT FROM (excluded.aantal, excluded.rechtsstatus, excluded.bron)
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
