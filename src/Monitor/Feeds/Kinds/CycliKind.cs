using Monitor.Analysis;
namespace Monitor.Feeds.Kinds;

/// <summary>
/// A cycle's dates per opgave and periode: its deadline and, when known, when it started, when the CdK's verslag and the
/// verdeelbesluit were due. Rows are kept by (opgave, periode, deadline): two rows with one periode are an extended
/// deadline, so a delivery adds rows and updates the dates of a row it lists again; it never removes one.
/// </summary>
public sealed class CycliKind : FeedKind
{
    public override string Name => "cycli";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("opgave", ValueType.Choice, Choices: Choices.Opgaven),
        new("periode", ValueType.Periode),
        new("deadline", ValueType.Date),
        new("startdatum", ValueType.Date, Required: false),
        new("verslag_uiterlijk", ValueType.Date, Required: false),
        new("verdeelbesluit_uiterlijk", ValueType.Date, Required: false),
        new("omschrijving", ValueType.Text, Required: false),
    ];

    /// <summary>The optional dates, in the order a cycle passes them; each must lie on or before the next given one.</summary>
    private static readonly string[] Phases = ["startdatum", "verslag_uiterlijk", "verdeelbesluit_uiterlijk", "deadline"];

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        var opgave = row.Text("opgave");
        var periode = row.Text("periode");
        if (opgave is not null && periode is not null && !Periods.FitsOpgave(opgave, periode))
            yield return ("periode", $"periode '{periode}' past niet bij opgave {opgave}: verwacht {Periods.ExpectedForm(opgave)}.");
        else if (periode is not null && row.Get<DateOnly>("deadline") is { } deadline && deadline < Periode.Parse(periode).Start)
            yield return ("deadline", $"deadline {Nl(deadline)} ligt vóór het begin van periode {periode}.");

        (string Column, DateOnly Date)? previous = null;
        foreach (var column in Phases)
        {
            if (row.Get<DateOnly>(column) is not { } date) continue;
            if (previous is { } p && date < p.Date)
                yield return (column, $"{column} {Nl(date)} ligt vóór {p.Column} {Nl(p.Date)}; een cyclus loopt van start via verslag en verdeelbesluit naar de deadline.");
            previous = (column, date);
        }
        if (row.Text("omschrijving") is { } text && text.IndexOfAny(['\r', '\n', '\0']) >= 0)
            yield return ("omschrijving", "omschrijving bevat een regeleinde; dat is niet toegestaan.");
    }

    private static string Nl(DateOnly d) => d.ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'cyclus ' || opgave || ' ' || periode || ' met deadline ' || to_char(deadline, 'FMDD-FMMM-YYYY')
               || ' staat er meer dan eens in met verschillende gegevens'
        FROM stage GROUP BY opgave, periode, deadline
        HAVING count(DISTINCT (startdatum, verslag_uiterlijk, verdeelbesluit_uiterlijk, omschrijving)) > 1
        """;

    public override string MergeSql => """
        CREATE TEMP TABLE incoming ON COMMIT DROP AS
        SELECT DISTINCT ON (opgave, periode, deadline) opgave, periode, deadline, startdatum, verslag_uiterlijk, verdeelbesluit_uiterlijk,
               omschrijving, line
        FROM stage ORDER BY opgave, periode, deadline, line;

        INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id)
        SELECT 'cycli', jsonb_build_object('opgave', c.opgave, 'periode', c.periode, 'deadline', c.deadline),
               jsonb_build_object('startdatum', c.startdatum, 'verslag_uiterlijk', c.verslag_uiterlijk,
                                  'verdeelbesluit_uiterlijk', c.verdeelbesluit_uiterlijk, 'omschrijving', c.omschrijving),
               jsonb_build_object('startdatum', i.startdatum, 'verslag_uiterlijk', i.verslag_uiterlijk,
                                  'verdeelbesluit_uiterlijk', i.verdeelbesluit_uiterlijk, 'omschrijving', i.omschrijving),
               c.delivery_id, @delivery
        FROM incoming i JOIN monitor.cycli c USING (opgave, periode, deadline)
        WHERE (c.startdatum, c.verslag_uiterlijk, c.verdeelbesluit_uiterlijk, c.omschrijving)
              IS DISTINCT FROM (i.startdatum, i.verslag_uiterlijk, i.verdeelbesluit_uiterlijk, i.omschrijving);

        WITH written AS (
            INSERT INTO monitor.cycli AS c (opgave, periode, deadline, startdatum, verslag_uiterlijk, verdeelbesluit_uiterlijk, omschrijving,
                                            delivery_id, source_lines)
            SELECT opgave, periode, deadline, startdatum, verslag_uiterlijk, verdeelbesluit_uiterlijk, omschrijving, @delivery, ARRAY[line]
            FROM incoming
            ON CONFLICT (opgave, periode, deadline) DO UPDATE
                SET startdatum = excluded.startdatum, verslag_uiterlijk = excluded.verslag_uiterlijk,
                    verdeelbesluit_uiterlijk = excluded.verdeelbesluit_uiterlijk, omschrijving = excluded.omschrijving,
                    delivery_id = excluded.delivery_id, source_lines = excluded.source_lines
            WHERE (c.startdatum, c.verslag_uiterlijk, c.verdeelbesluit_uiterlijk, c.omschrijving)
                  IS DISTINCT FROM (excluded.startdatum, excluded.verslag_uiterlijk, excluded.verdeelbesluit_uiterlijk, excluded.omschrijving)
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
