namespace Monitor.Feeds.Kinds;

/// <summary>
/// When an opgave is monitored at all (FEEDS.md kind <c>regimes</c>): from <c>geldig_vanaf</c> until the day the task
/// ends (<c>geldig_tot</c>, the first day it is no longer monitored). A delivery is the whole list and replaces the
/// previous one; rows that changed are recorded as revisions. Without any delivery every opgave is monitored.
/// </summary>
public sealed class RegimesKind : FeedKind
{
    public override string Name => "regimes";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("opgave", ValueType.Choice, Choices: Choices.Opgaven),
        new("geldig_vanaf", ValueType.Date),
        new("geldig_tot", ValueType.Date, Required: false),
        new("grondslag", ValueType.Text),
        new("omschrijving", ValueType.Text, Required: false),
    ];

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        if (row.Get<DateOnly>("geldig_vanaf") is { } vanaf && row.Get<DateOnly>("geldig_tot") is { } tot && tot <= vanaf)
            yield return ("geldig_tot", $"geldig_tot {tot:yyyy-MM-dd} ligt niet na geldig_vanaf {vanaf:yyyy-MM-dd}.");
    }

    // Two regimes of one opgave may not overlap: on a date an opgave is either monitored or not, under one grondslag.
    public override string CrossRowCheckSql => """
        SELECT ARRAY[a.line, b.line], 'regime ' || a.opgave || ' vanaf ' || a.geldig_vanaf
               || CASE WHEN a.geldig_vanaf = b.geldig_vanaf THEN ' staat er meer dan eens in'
                       ELSE ' overlapt met het regime vanaf ' || b.geldig_vanaf END
        FROM stage a
        JOIN stage b ON b.opgave = a.opgave AND b.line > a.line
                    AND daterange(a.geldig_vanaf, a.geldig_tot) && daterange(b.geldig_vanaf, b.geldig_tot)
        """;

    public override string MergeSql => """
        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'regimes', jsonb_build_object('opgave', coalesce(o.opgave, i.opgave), 'geldig_vanaf', coalesce(o.geldig_vanaf, i.geldig_vanaf)),
               CASE WHEN o.opgave IS NOT NULL THEN jsonb_build_object('geldig_tot', o.geldig_tot, 'grondslag', o.grondslag) END,
               CASE WHEN i.opgave IS NOT NULL THEN jsonb_build_object('geldig_tot', i.geldig_tot, 'grondslag', i.grondslag) END,
               o.delivery_id, @delivery
        FROM monitor.regimes o
        FULL JOIN stage i ON i.opgave = o.opgave AND i.geldig_vanaf = o.geldig_vanaf
        WHERE o.opgave IS NULL OR i.opgave IS NULL
           OR (o.geldig_tot, o.grondslag, o.omschrijving) IS DISTINCT FROM (i.geldig_tot, i.grondslag, i.omschrijving);

        DELETE FROM monitor.regimes;
        WITH written AS (
            INSERT INTO monitor.regimes (opgave, geldig_vanaf, geldig_tot, grondslag, omschrijving, delivery_id, source_lines)
            SELECT opgave, geldig_vanaf, geldig_tot, grondslag, omschrijving, @delivery, ARRAY[line] FROM stage
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
