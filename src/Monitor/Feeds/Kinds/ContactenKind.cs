using Monitor.Feeds.Values;

namespace Monitor.Feeds.Kinds;

/// <summary>Who receives alerts and digests. A contacten delivery is the whole list and replaces the previous one.</summary>
public sealed class ContactenKind : FeedKind
{
    public override string Name => "contacten";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("gebiedcode", ValueType.GebiedCode),
        new("rol", ValueType.Choice, Choices: Choices.ContactRoles),
        new("naam", ValueType.Text),
        new("email", ValueType.Text),
    ];

    public override IEnumerable<(string?, string)> CheckRow(StagedRow row)
    {
        // Names and addresses end up in mail headers: a line break there would let a feed add headers of its own.
        foreach (var col in new[] { "naam", "email" })
            if (row.Text(col) is { } v && v.IndexOfAny(['\r', '\n', '\0']) >= 0)
                yield return (col, $"{col} bevat een regeleinde; dat is niet toegestaan.");
        // The sender's own rule (EmailAddress): an address accepted here can always be addressed when mail goes out.
        if (row.Text("email") is { } email && EmailAddress.Problem(email) is { } problem)
            yield return ("email", $"'{email}' is geen geldig e-mailadres: {problem}.");
        var gebied = row.Text("gebiedcode");
        var expected = row.Text("rol") switch { "college" => "GM", "prt" or "toezicht" => "PV", _ => null };
        if (gebied is not null && expected is not null && !gebied.StartsWith(expected))
            yield return ("gebiedcode", $"rol {row.Text("rol")} hoort bij een {(expected == "GM" ? "gemeente (GM…)" : "provincie (PV…)")}, niet bij {gebied}.");
    }

    // Addresses are stored in lower case (mail ignores case), so two that differ only in case are one contact twice:
    // grouped as stored, or the merge would hit the primary key instead of the delivery getting a line number.
    public override string CrossRowCheckSql => """
        SELECT array_agg(line ORDER BY line), 'contact ' || lower(email) || ' staat er voor ' || gebiedcode || ' (' || rol || ') meer dan eens in'
               || CASE WHEN count(DISTINCT email) > 1 THEN ' (de adressen verschillen alleen in hoofdletters: ' || string_agg(DISTINCT email, ', ') || ')' ELSE '' END
        FROM stage GROUP BY gebiedcode, rol, lower(email) HAVING count(*) > 1
        """;

    public override string MergeSql => """
        DELETE FROM monitor.contacten;
        WITH written AS (
            INSERT INTO monitor.contacten (gebiedcode, rol, naam, email, delivery_id, source_lines)
            SELECT gebiedcode, rol, naam, lower(email), @delivery, ARRAY[line] FROM stage
            RETURNING 1)
        SELECT count(*) FROM written;
        """;
}
