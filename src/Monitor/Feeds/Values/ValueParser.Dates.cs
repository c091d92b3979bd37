using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Monitor.Feeds.Values;

public static partial class ValueParser
{
    private const string DateForms = "schrijf de datum als 2025-07-01 of 1-7-2025";

    /// <summary>
    /// A calendar date from 2000 to 2100: "2025-07-01", "1-7-2025", "01-07-2025". Slashes are accepted only when the
    /// order is beyond doubt: "2025/07/01", or day-first "15/7/2025" (a day above 12) and "7/7/2025"; "1/7/2025"
    /// could be an English month-first date and is refused. A time of exactly midnight ("2025-07-01T00:00:00",
    /// what JSON writers add) is allowed; any other time is refused rather than silently dropped.
    /// </summary>
    public static bool TryDate(string? text, out DateOnly value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Empty;
            return false;
        }
        if (TryIsoDate(text, out value))
        {
            error = null;
            return true;
        }
        var shown = text.Trim();
        var match = DatePattern().Match(shown);
        if (!match.Success)
        {
            error = $"'{shown}' is geen geldige datum; {DateForms}.";
            return false;
        }
        if (match.Groups["time"].Success && !MidnightPattern().IsMatch(match.Groups["time"].Value))
        {
            error = $"'{shown}' bevat een tijd; geef alleen de datum ({DateForms}).";
            return false;
        }
        var iso = match.Groups["y1"].Success;
        var year = int.Parse(iso ? match.Groups["y1"].Value : match.Groups["y2"].Value);
        var month = int.Parse(iso ? match.Groups["m1"].Value : match.Groups["m2"].Value);
        var day = int.Parse(iso ? match.Groups["d1"].Value : match.Groups["d2"].Value);
        if (!iso && match.Groups["sep"].Value == "/" && day <= 12 && day != month)
        {
            error = $"'{shown}' is dubbelzinnig ({day}-{month} of {month}-{day}?); {DateForms}.";
            return false;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month))
        {
            error = $"'{shown}' is geen bestaande datum.";
            return false;
        }
        if (year is < 2000 or > 2100)
        {
            error = $"'{shown}' ligt buiten 2000–2100; is het jaartal goed?";
            return false;
        }
        value = new DateOnly(year, month, day);
        error = null;
        return true;
    }

    /// <summary>The common case, "2025-07-01" exactly, without the regex: the same value the full rule gives, and
    /// false for anything else (which the full rule then reads or explains).</summary>
    private static bool TryIsoDate(string text, out DateOnly value)
    {
        value = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)) return false;
        if (year is < 2000 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>ASCII digits text[start..start+length) as a number.</summary>
    private static bool Digits(string text, int start, int length, out int number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9) return false;
            number = number * 10 + d;
        }
        return true;
    }

    [GeneratedRegex(@"^(?:(?<y1>[0-9]{4})(?<s1>[-/])(?<m1>[0-9]{1,2})\k<s1>(?<d1>[0-9]{1,2})|(?<d2>[0-9]{1,2})(?<sep>[-/])(?<m2>[0-9]{1,2})\k<sep>(?<y2>[0-9]{4}))(?:[T ](?<time>\S+))?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:00)?$")]
    private static partial Regex MidnightPattern();
}
