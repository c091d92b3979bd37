using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Monitor.Analysis;

namespace Monitor.Feeds.Values;

public static partial class ValueParser
{
    /// <summary>
    /// One of <paramref name="allowed"/> (given in their canonical spelling, returned as such), compared without regard
    /// to case, diacritics or the difference between a space, hyphen and underscore: "Oekraïne" is oekraine,
    /// "In voorbereiding" is in_voorbereiding.
    /// </summary>
    public static bool TryChoice(string? text, IReadOnlyCollection<string> allowed, out string value, [NotNullWhen(false)] out string? error)
    {
        value = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Empty;
            return false;
        }
        // The canonical spelling itself (the common case) needs no folding; the lists' keys are distinct, so this is
        // the candidate the folded comparison would find too. The lists are arrays: looped as such, the loader's check of
        // every choice cell allocates no enumerator.
        if (allowed is string[] list)
        {
            foreach (var candidate in list)
                if (string.Equals(candidate, text, StringComparison.Ordinal))
                {
                    value = candidate;
                    error = null;
                    return true;
                }
        }
        else foreach (var candidate in allowed)
            if (string.Equals(candidate, text, StringComparison.Ordinal))
            {
                value = candidate;
                error = null;
                return true;
            }
        var key = ChoiceKey(text);
        foreach (var candidate in allowed)
            if (ChoiceKey(candidate) == key)
            {
                value = candidate;
                error = null;
                return true;
            }
        error = $"'{text.Trim()}' is geen toegestane waarde; kies uit: {string.Join(", ", allowed)}.";
        return false;
    }

    /// <summary>
    /// A period: a Spreidingswet cycle of two consecutive years ("2024-2025") or a half year ("2025-H1", "2025-h2",
    /// "2025 H2"), returned as "2024-2025" or "2025-H1".
    /// </summary>
    public static bool TryPeriode(string? text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Empty;
            return false;
        }
        // "2025-H1" and "2024-2025" as written are their normal form.
        if (text.Length == 7 && text[4] == '-' && text[5] == 'H' && text[6] is '1' or '2' && Digits(text, 0, 4, out var y) && y is >= 2000 and <= 2100
            || text.Length == 9 && text[4] == '-' && Digits(text, 0, 4, out var y1) && Digits(text, 5, 4, out var y2) && y1 is >= 2000 and <= 2100 && y2 == y1 + 1)
        {
            value = text;
            error = null;
            return true;
        }
        var shown = text.Trim();
        var match = PeriodePattern().Match(shown);
        var year = match.Success ? int.Parse(match.Groups["year"].Value) : 0;
        var valid = match.Success && year is >= 2000 and <= 2100 && (match.Groups["half"].Success
            || int.Parse(match.Groups["next"].Value) == year + 1);
        if (!valid)
        {
            error = $"'{shown}' is geen geldige periode (verwacht een cyclus als 2024-2025 of een halfjaar als 2025-H1).";
            return false;
        }
        value = (match.Groups["half"].Success ? Periode.HalfYear(year, match.Groups["half"].Value[0] - '0') : Periode.Cycle(year, year + 1)).ToString();
        error = null;
        return true;
    }

    private static string ChoiceKey(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                key.Append(c is ' ' or '-' ? '_' : c);
        return MultipleUnderscores().Replace(key.ToString(), "_");
    }

    [GeneratedRegex(@"^(?<year>[0-9]{4})\s*(?:-\s*(?<next>[0-9]{4})|-?\s*[Hh](?<half>[12]))$")]
    private static partial Regex PeriodePattern();

    [GeneratedRegex("_+")]
    private static partial Regex MultipleUnderscores();
}
