using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Monitor.Feeds.Formats;

namespace Monitor.Feeds.Values;

/// <summary>
/// Reads cell text as the typed values of the feed contract (FEEDS.md). Pure and static: each Try method returns
/// whether the text is valid and, when not, a Dutch sentence naming the value, ready for a <see cref="Problem"/>.
/// This file: numbers. The grouping rule is strict so that no reading is ever silently off by a factor 1000: a
/// thousands separator must be followed by exactly three digits, and the other style's decimal separator is an error
/// with a hint, never a guess ("12.5" in a Dutch file is not 125, it is refused).
/// </summary>
public static partial class ValueParser
{
    /// <summary>No count in the monitor (persons, places) comes near this; above it a typo is likelier.</summary>
    public const int MaxCount = 10_000_000;

    private const string Empty = "Er staat geen waarde.";

    /// <summary>A whole number from 0 to <see cref="MaxCount"/>. "12,0" is 12; "12,5" is refused.</summary>
    public static bool TryCount(string? text, NumberStyleHint numbers, out int value, [NotNullWhen(false)] out string? error)
    {
        // Plain digits (the common case) need no decimal arithmetic: seven digits stay below MaxCount.
        if (text is { Length: > 0 and <= 7 } && Digits(text, 0, text.Length, out value))
        {
            error = null;
            return true;
        }
        value = 0;
        if (!TryDecimal(text, numbers, out var number, out error)) return false;
        var shown = text!.Trim();
        error = number != decimal.Truncate(number) || FractionBeyondDecimal(shown, numbers) ? $"'{shown}' is geen heel getal."
            : number < 0 ? $"'{shown}' mag niet negatief zijn."
            : number > MaxCount ? $"'{shown}' is onwaarschijnlijk groot (meer dan 10.000.000)."
            : null;
        if (error is not null) return false;
        value = (int)number;
        return true;
    }

    /// <summary>Whether a valid number has a non-zero digit after its decimal mark: a decimal keeps 28 digits, so
    /// 150.0000000000000000000000000001 parses as 150, but it is no whole number.</summary>
    private static bool FractionBeyondDecimal(string shown, NumberStyleHint numbers)
    {
        var mark = shown.IndexOf(numbers == NumberStyleHint.Dutch ? ',' : '.');
        return mark >= 0 && shown.AsSpan(mark + 1).ContainsAnyExcept('0');
    }

    /// <summary>A number with an optional fraction: "185,53" (Dutch), "185.53" (invariant), "1.234,56" (Dutch).</summary>
    public static bool TryDecimal(string? text, NumberStyleHint numbers, out decimal value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Empty;
            return false;
        }
        var shown = text.Trim();
        var (decimalMark, groupMark) = numbers == NumberStyleHint.Dutch ? (',', '.') : ('.', ',');
        if (Normalize(shown, decimalMark, groupMark) is { } plain)
        {
            var valid = decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            error = valid ? null : $"'{shown}' is te groot.";
            return valid;
        }
        var otherStyle = shown.Contains(groupMark) && Normalize(shown, groupMark, decimalMark) is not null;
        error = $"'{shown}' is geen geldig getal." + (otherStyle
            ? numbers == NumberStyleHint.Dutch
                ? " In dit bestand staat een komma voor decimalen en een punt voor duizendtallen (12,5 en 1.234)."
                : " In dit bestand staat een punt voor decimalen en een komma voor duizendtallen (12.5 en 1,234)."
            : "");
        return false;
    }

    /// <summary>
    /// The number as invariant text ("-1234.5"), or null when it is not written in this style: an optional sign, digits
    /// grouped by threes with <paramref name="groupMark"/> or spaces (or not grouped), optionally a decimal mark and digits.
    /// </summary>
    private static string? Normalize(string text, char decimalMark, char groupMark)
    {
        var plain = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        if (rest.Length > 0 && rest[0] is '-' or '+' or '\u2212')
        {
            plain.Append(rest[0] == '+' ? "" : "-");
            rest = rest[1..].TrimStart();
        }
        var mark = rest.IndexOf(decimalMark);
        var whole = mark < 0 ? rest : rest[..mark];
        var fraction = mark < 0 ? [] : rest[(mark + 1)..];
        if (mark >= 0 && (fraction.Length == 0 || !IsDigits(fraction))) return null;
        if (whole.Length == 0 && mark < 0) return null;
        if (!AppendWhole(plain, whole, groupMark)) return null;
        if (mark >= 0) plain.Append('.').Append(fraction);
        return plain.ToString();
    }

    private static bool AppendWhole(StringBuilder plain, ReadOnlySpan<char> whole, char groupMark)
    {
        if (whole.Length == 0)
        {
            plain.Append('0'); // ",5" is 0,5
            return true;
        }
        if (IsDigits(whole))
        {
            plain.Append(whole);
            return true;
        }
        var separator = whole[whole.IndexOfAnyExceptInRange('0', '9')];
        if (separator != groupMark && !IsSpace(separator)) return false;
        var groups = 0;
        foreach (var range in whole.SplitAny(separator == groupMark ? [groupMark] : [' ', '\u00A0', '\u202F', '\u2009']))
        {
            var group = whole[range];
            if (!IsDigits(group) || (groups == 0 ? group.Length > 3 : group.Length != 3)) return false;
            plain.Append(group);
            groups++;
        }
        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    private static bool IsDigits(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9');
}
