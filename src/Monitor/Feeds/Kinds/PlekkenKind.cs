namespace Monitor.Feeds.Kinds;

/// <summary>
/// Places per location on a peildatum. Each (feed, peildatum) in a delivery is a full snapshot of that feed:
/// it replaces what the warehouse held for that date, and a location absent from it counts as closed from that date.
/// </summary>
public sealed class PlekkenKind : FeedKind
{
    public override string Name => "plekken";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("peildatum", ValueType.Date),
        new("opgave", ValueType.Choice, Choices: Choices.PlaceOpgaven),
        new("gemeentecode", ValueType.GemeenteCode),
        new("locatiecode", ValueType.Code),
        new("locatienaam", ValueType.Text, Required: false),
        new("status", ValueType.Choice, Choices: Choices.PlaceStatus),
        new("capaciteit", ValueType.Count, Max: 10_000),
        new("bezetting", ValueType.Count, Required: false, Max: 10_000),
        new("beschikbaar_vanaf", ValueType.Date, Required: false),
        new("beschikbaar_tot", ValueType.Date, Required: false),
        new("soort", ValueType.Choice, Required: false, Choices: Choices.PlaceSoorten),
        new("duurzaam", ValueType.Choice, Required: false, Choices: Choices.JaNee),
    ];

    public override IReadOnlyList<string> SplitCounts => ["capaciteit", "bezetting"];

    public override string CodeDateColumn => "peildatum";

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        if (row.Get<DateOnly>("peildatum") is { } peil && peil > row.Today.AddDays(1))
            yield return ("peildatum", $"peildatum {peil:yyyy-MM-dd} ligt in de toekomst.");
        if (row.Get<DateOnly>("beschikbaar_vanaf") is { } vanaf && row.Get<DateOnly>("beschikbaar_tot") is { } tot && tot < vanaf)
            yield return ("beschikbaar_tot", $"beschikbaar_tot {tot:yyyy-MM-dd} ligt vóór beschikbaar_vanaf {vanaf:yyyy-MM-dd}.");
        if (row.Text("status") == "in_voorbereiding" && row.Get<DateOnly>("beschikbaar_vanaf") is null)
            yield return ("beschikbaar_vanaf", "een locatie in voorbereiding heeft een verwachte datum nodig in beschikbaar_vanaf.");
    }

    public override IReadOnlyList<string> DeliveryKey => ["peildatum", "opgave", "locatiecode"];

    /// <summary>Snapshots of dates the feed never had: nothing to revise or replace, so the rows are copied into
    /// monitor.plekken as they are, and the dates recorded as snapshots of this delivery.</summary>
    public override DirectLoad Direct { get; } = new("monitor.plekken",
        ["feed", "peildatum", "opgave", "locatiecode", "gemeentecode", "bron_gemeentecode", "locatienaam", "status", "capaciteit", "bezetting",
         "beschikbaar_vanaf", "beschikbaar_tot", "delivery_id", "source_lines", "soort", "duurzaam"],
        "SELECT peildatum FROM monitor.plekken_snapshots WHERE feed = @feed",
        """
        INSERT INTO monitor.plekken_snapshots (feed, peildatum, delivery_id)
        SELECT @feed, d, @delivery FROM unnest(@blocks::date[]) d
        ON CONFLICT (feed, peildatum) DO UPDATE SET delivery_id = excluded.delivery_id
        """) { NewFeedCheckSql = NewFeedCheck(DirectRows) };

    public override IReadOnlyList<string> BlockRangeIndexes => ["monitor.plekken_peildatum_delivery"];

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'locatie ' || locatiecode || ' (' || opgave || ') staat er op ' || peildatum
               || ' meer dan eens in met verschillende gegevens'
        FROM (SELECT DISTINCT line, peildatum, opgave, locatiecode, bron_gemeentecode, status, bron_capaciteit, bron_bezetting,
                     beschikbaar_vanaf, beschikbaar_tot, soort, duurzaam FROM stage) s
        GROUP BY peildatum, opgave, locatiecode
        HAVING count(DISTINCT (bron_gemeentecode, status, bron_capaciteit, bron_bezetting, beschikbaar_vanaf, beschikbaar_tot, soort, duurzaam)) > 1
        """;

    // A plekken delivery under a feed name nobody configured (monitor ingest without --feed, or a typo) starts a new
    // snapshot series; when its locations are already in another feed's current snapshot, every one would count twice.
    // Refused, naming the feed they belong to. The feed's first delivery only: later ones are its own series. Run on the
    // staging table, or (a direct load) on the rows this delivery wrote.
    public override string NewFeedCheckSql => NewFeedCheck("stage");

    private const string DirectRows = "(SELECT peildatum, opgave, locatiecode, source_lines[1] AS line FROM monitor.plekken WHERE feed = @feed AND delivery_id = @delivery)";

    private static string NewFeedCheck(string rows) => $"""
        WITH current_snapshot AS (
            SELECT DISTINCT ON (feed) feed, peildatum FROM monitor.plekken_snapshots WHERE feed <> @feed ORDER BY feed, peildatum DESC
        ), other_locations AS MATERIALIZED (
            -- The other feeds' current snapshots, read once (monitor.plekken has a BRIN on peildatum, no key to probe per
            -- row: probing it for every row of a large delivery took minutes), then joined to the delivery by hash.
            SELECT DISTINCT cs.feed, p.opgave, p.locatiecode
            FROM current_snapshot cs JOIN monitor.plekken p ON p.feed = cs.feed AND p.peildatum = cs.peildatum
            WHERE NOT EXISTS (SELECT 1 FROM monitor.plekken_snapshots o WHERE o.feed = @feed)
        ), shared AS (
            SELECT c.feed, s.locatiecode, s.line
            FROM {rows} s JOIN other_locations c ON c.opgave = s.opgave AND c.locatiecode = s.locatiecode
        )
        SELECT array_agg(DISTINCT line ORDER BY line), 'feed ' || @feed || ' is niet ingesteld en zou een tweede reeks beginnen, maar '
               || count(DISTINCT locatiecode) || ' van deze locaties ('
               || array_to_string((array_agg(DISTINCT locatiecode ORDER BY locatiecode))[1:5], ', ')
               || CASE WHEN count(DISTINCT locatiecode) > 5 THEN ', …' ELSE '' END || ') staan al in de huidige momentopname van feed '
               || feed || '; ze zouden dubbel tellen. Lever aan met --feed ' || feed
        FROM shared GROUP BY feed
        """;

    public override string MergeSql => """
        CREATE TEMP TABLE incoming ON COMMIT DROP AS
        SELECT DISTINCT ON (peildatum, opgave, locatiecode, gemeentecode)
               peildatum, opgave, locatiecode, gemeentecode, bron_gemeentecode, locatienaam, status, capaciteit, bezetting,
               beschikbaar_vanaf, beschikbaar_tot, soort, duurzaam, ARRAY[line] AS lines
        FROM stage ORDER BY peildatum, opgave, locatiecode, gemeentecode, line;

        -- What changed in a snapshot that was delivered before: every location added, changed or dropped.
        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'plekken',
               jsonb_build_object('feed', @feed, 'peildatum', coalesce(o.peildatum, i.peildatum), 'opgave', coalesce(o.opgave, i.opgave),
                                  'locatiecode', coalesce(o.locatiecode, i.locatiecode), 'gemeentecode', coalesce(o.gemeentecode, i.gemeentecode)),
               CASE WHEN o.locatiecode IS NOT NULL THEN jsonb_build_object('status', o.status, 'capaciteit', o.capaciteit,
                    'beschikbaar_vanaf', o.beschikbaar_vanaf, 'beschikbaar_tot', o.beschikbaar_tot)
                    || jsonb_strip_nulls(jsonb_build_object('soort', o.soort, 'duurzaam', o.duurzaam)) END,
               CASE WHEN i.locatiecode IS NOT NULL THEN jsonb_build_object('status', i.status, 'capaciteit', i.capaciteit,
                    'beschikbaar_vanaf', i.beschikbaar_vanaf, 'beschikbaar_tot', i.beschikbaar_tot)
                    || jsonb_strip_nulls(jsonb_build_object('soort', i.soort, 'duurzaam', i.duurzaam)) END,
               o.delivery_id, @delivery
        FROM (SELECT p.* FROM monitor.plekken p
              WHERE p.feed = @feed AND p.peildatum IN (SELECT DISTINCT peildatum FROM incoming)) o
        FULL JOIN incoming i
          ON i.peildatum = o.peildatum AND i.opgave = o.opgave AND i.locatiecode = o.locatiecode AND i.gemeentecode = o.gemeentecode
        WHERE o.locatiecode IS NULL AND EXISTS (SELECT 1 FROM monitor.plekken_snapshots s WHERE s.feed = @feed AND s.peildatum = i.peildatum)
           OR i.locatiecode IS NULL
           OR (o.locatiecode IS NOT NULL AND i.locatiecode IS NOT NULL
               AND (o.status, o.capaciteit, o.bezetting, o.beschikbaar_vanaf, o.beschikbaar_tot, o.soort, o.duurzaam)
                   IS DISTINCT FROM (i.status, i.capaciteit, i.bezetting, i.beschikbaar_vanaf, i.beschikbaar_tot, i.soort, i.duurzaam));

        INSERT INTO monitor.plekken_snapshots (feed, peildatum, delivery_id)
        SELECT DISTINCT @feed, peildatum, @delivery FROM incoming
        ON CONFLICT (feed, peildatum) DO UPDATE SET delivery_id = excluded.delivery_id;

        DELETE FROM monitor.plekken WHERE feed = @feed AND peildatum IN (SELECT DISTINCT peildatum FROM incoming);

        WITH written AS (
            INSERT INTO monitor.plekken (feed, peildatum, opgave, locatiecode, gemeentecode, bron_gemeentecode, locatienaam, status,
                                         capaciteit, bezetting, beschikbaar_vanaf, beschikbaar_tot, soort, duurzaam, delivery_id, source_lines)
            SELECT @feed, peildatum, opgave, locatiecode, gemeentecode, bron_gemeentecode, locatienaam, status,
                   capaciteit, bezetting, beschikbaar_vanaf, beschikbaar_tot, soort, duurzaam, @delivery, lines FROM incoming
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
