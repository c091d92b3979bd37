using Monitor.Feeds.Kinds;
using NpgsqlTypes;
using ValueType = Monitor.Feeds.Kinds.ValueType;

namespace Monitor.Feeds.Loading;

/// <summary>
/// The temporary table "stage" a delivery is copied into before its merge: the source line, each column of the kind,
/// and the delivered value beside every mapped code (bron_*) and every apportioned count, for lineage and checks.
/// Column names come from the kind definitions in code, never from feed content.
/// </summary>
public sealed class StagingTable
{
    public sealed record Column(string Name, string SqlType, NpgsqlDbType DbType, int SourceIndex, bool IsBron);

    public IReadOnlyList<Column> Columns { get; }

    public StagingTable(FeedKind kind)
    {
        var cols = new List<Column> { new("line", "int", NpgsqlDbType.Integer, -1, false) };
        for (var i = 0; i < kind.Columns.Count; i++)
        {
            var c = kind.Columns[i];
            cols.Add(new(c.Name, c.SqlType, c.DbType, i, false));
            var mapped = c.Type is ValueType.GemeenteCode or ValueType.GebiedCode && kind is not GemeentenKind and not HerindelingenKind;
            if (mapped || kind.SplitCounts.Contains(c.Name))
                cols.Add(new("bron_" + c.Name, c.SqlType, c.DbType, i, true));
        }
        Columns = cols;
    }

    public string CreateSql =>
        $"CREATE TEMP TABLE stage ({string.Join(", ", Columns.Select(c => $"{c.Name} {c.SqlType}"))}) ON COMMIT DROP";

    public string CopySql => $"COPY stage ({string.Join(", ", Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
}
