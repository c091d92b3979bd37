using NpgsqlTypes;

namespace Monitor.Feeds.Kinds;

/// <summary>The shape of one value in a feed, which decides how its text is read and how it is staged.</summary>
/// <remarks>Code: a free-form key (locatiecode, afspraakcode, regiocode), normalised so codes that look equal are equal.</remarks>
public enum ValueType { Text, Count, Decimal, Date, GemeenteCode, GebiedCode, Periode, Choice, Code }

/// <summary>One column of a feed kind as FEEDS.md defines it.</summary>
/// <param name="Max">Largest plausible value for a count: anything above is a typo, not a figure.</param>
/// <param name="Scale">For a decimal: the decimals its warehouse column keeps. More would be rounded there (an aandeel
/// of 0,00001 would become 0, which the table refuses), so more is refused here, with line and column.</param>
/// <param name="Limit">For a decimal: the values must be at least 0 and below this, as the warehouse column can hold.</param>
public sealed record ColumnSpec(string Name, ValueType Type, bool Required = true, string[]? Choices = null, long Max = 10_000_000,
    int? Scale = null, decimal? Limit = null)
{
    public NpgsqlDbType DbType => Type switch
    {
        ValueType.Count => NpgsqlDbType.Integer,
        ValueType.Decimal => NpgsqlDbType.Numeric,
        ValueType.Date => NpgsqlDbType.Date,
        _ => NpgsqlDbType.Text,
    };

    public string SqlType => Type switch
    {
        ValueType.Count => "int",
        ValueType.Decimal => "numeric",
        ValueType.Date => "date",
        _ => "text",
    };
}
