using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Monitor.Feeds.Formats;
using Monitor.Feeds.Kinds;
using Monitor.Feeds.Values;
using ValueType = Monitor.Feeds.Kinds.ValueType;

namespace Monitor.Feeds.Loading;

/// <summary>Reads one cell as the value its column spec asks for; the error is a Dutch sentence for the problem list.</summary>
public static class CellParser
{
    private const int MaxTextLength = 500;

    // Messages are read by Dutch spreadsheet users whatever the server's culture: 10.000 is ten thousand, never "10,000".
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>As <see cref="TryParse"/>, into slot <paramref name="i"/> of typed storage: no boxing, for the loader's hot loop.</summary>
    public static bool TryParseInto(ColumnSpec spec, string text, NumberStyleHint numbers, RowValues values, int i, [NotNullWhen(false)] out string? error)
    {
        if (HoldsControlCharacter(spec, text, out error)) return false;
        switch (spec.Type)
        {
            case ValueType.Count:
                if (!ValueParser.TryCount(text, numbers, out var count, out error)) return false;
                if (count > spec.Max) { error = TooLarge(spec, count); return false; }
                values.Int[i] = count;
                break;
            case ValueType.Decimal:
                if (!ValueParser.TryDecimal(text, numbers, out values.Decimal[i], out error)) return false;
                if (OutsideColumn(spec, values.Decimal[i], text, out error)) return false;
                break;
            case ValueType.Date:
                if (!ValueParser.TryDate(text, out values.Date[i], out error)) return false;
                break;
            default:
                if (!TryParse(spec, text, numbers, out var value, out error)) return false;
                values.Text[i] = (string)value!;
                break;
        }
        values.Has[i] = true;
        return true;
    }

    /// <summary>NUL and the other control characters no spreadsheet types: PostgreSQL refuses a NUL in text, and ESC
    /// would reach a terminal; the delivery is refused on this cell, before the database sees it.</summary>
    private static bool HoldsControlCharacter(ColumnSpec spec, string text, [NotNullWhen(true)] out string? error)
    {
        var at = InvisibleCharacters.IndexOfForbiddenInCell(text);
        error = at < 0 ? null : $"{spec.Name} {InvisibleCharacters.ForbiddenInCell(text[at])}";
        return error is not null;
    }

    /// <summary>A decimal its warehouse column cannot hold as delivered: negative, too large, or with more decimals than it keeps.</summary>
    private static bool OutsideColumn(ColumnSpec spec, decimal number, string text, [NotNullWhen(true)] out string? error)
    {
        var shown = text.Trim();
        error = spec.Limit is { } limit && number < 0 ? $"'{shown}' mag niet negatief zijn."
            : spec.Limit is { } max && number >= max ? string.Create(Dutch, $"'{shown}' is te groot voor {spec.Name} (kleiner dan {max:N0}).")
            : spec.Scale is { } scale && number != Math.Round(number, scale)
                ? $"'{shown}' heeft meer dan {scale} decimalen; {spec.Name} wordt met {scale} decimalen bewaard, en afronden zou het getal veranderen."
            : null;
        return error is not null;
    }

    private static string TooLarge(ColumnSpec spec, int count) =>
        string.Create(Dutch, $"{count} is onwaarschijnlijk groot voor {spec.Name} (hoogstens {spec.Max:N0}); controleer het getal.");

    public static bool TryParse(ColumnSpec spec, string text, NumberStyleHint numbers, out object? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (HoldsControlCharacter(spec, text, out error)) return false;
        switch (spec.Type)
        {
            case ValueType.Count:
                if (!ValueParser.TryCount(text, numbers, out var count, out error)) return false;
                if (count > spec.Max) { error = TooLarge(spec, count); return false; }
                value = count; return true;
            case ValueType.Decimal:
                if (!ValueParser.TryDecimal(text, numbers, out var number, out error)) return false;
                if (OutsideColumn(spec, number, text, out error)) return false;
                value = number; return true;
            case ValueType.Date:
                if (!ValueParser.TryDate(text, out var date, out error)) return false;
                value = date; return true;
            case ValueType.GemeenteCode:
                if (!ValueParser.TryGemeentecode(text, out var gm, out error)) return false;
                value = gm; return true;
            case ValueType.GebiedCode:
                // "NL" is the country: only contacts (an operator address) use it.
                if (text.Trim().Equals("NL", StringComparison.OrdinalIgnoreCase)) { value = "NL"; error = null; return true; }
                if (!ValueParser.TryGebiedcode(text, out var gebied, out error)) return false;
                value = gebied; return true;
            case ValueType.Periode:
                if (!ValueParser.TryPeriode(text, out var periode, out error)) return false;
                value = periode; return true;
            case ValueType.Choice:
                if (!ValueParser.TryChoice(text, spec.Choices!, out var choice, out error)) return false;
                value = choice; return true;
            case ValueType.Code:
                if (!ValueParser.TryKeyCode(text, out var key, out error)) return false;
                value = key; return true;
            default:
                var trimmed = text.Trim();
                if (trimmed.Length > MaxTextLength) { error = $"tekst is langer dan {MaxTextLength} tekens."; return false; }
                value = trimmed; error = null; return true;
        }
    }
}
