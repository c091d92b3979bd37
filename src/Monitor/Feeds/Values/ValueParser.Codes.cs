using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Monitor.Feeds.Values;

public static partial class ValueParser
{
    /// <summary>
    /// A CBS gemeente code, normalised to "GM" and four digits: "GM0363", "gm0363", "363", "0363" and "GM363" all read
    /// as GM0363 (a code kept as a number in a spreadsheet loses its leading zero, so padding is the common case).
    /// </summary>
    public static bool TryGemeentecode(string? text, out string code, [NotNullWhen(false)] out string? error) =>
        TryCode(text, allowRegions: false, "gemeentecode (verwacht GM gevolgd door 4 cijfers, bijv. GM0363)", out code, out error);

    /// <summary>
    /// An area code: a gemeente (GM + 4 digits, or a bare number as for <see cref="TryGemeentecode"/>), a provincie
    /// (PV + 2 digits) or a veiligheidsregio (VR + 2 digits); "pv7" reads as PV07.
    /// </summary>
    public static bool TryGebiedcode(string? text, out string code, [NotNullWhen(false)] out string? error) =>
        TryCode(text, allowRegions: true, "gebiedcode (verwacht GM0363, PV27 of VR13)", out code, out error);

    private static bool TryCode(string? text, bool allowRegions, string expected, out string code, [NotNullWhen(false)] out string? error)
    {
        // "GM0363" as written is already its normal form (the same string the full rule builds).
        if (text is { Length: 6 } && text[0] == 'G' && text[1] == 'M' && Digits(text, 2, 4, out var number) && number > 0)
        {
            code = text;
            error = null;
            return true;
        }
        // An invisible character is named as such (escaped), not reported as an unreadable code nobody can see the fault in;
        // full-width digits and letters read as their plain form.
        if (text is not null && Invisible(text.Trim()) is { } hidden)
        {
            code = "";
            error = hidden;
            return false;
        }
        code = NormalizeCode(text?.Normalize(System.Text.NormalizationForm.FormKC), allowRegions) ?? "";
        error = code.Length > 0 ? null : string.IsNullOrWhiteSpace(text) ? Empty : $"'{text.Trim()}' is geen geldige {expected}.";
        return error is null;
    }

    private static string? NormalizeCode(string? text, bool allowRegions)
    {
        var match = CodePattern().Match(text?.Trim() ?? "");
        if (!match.Success) return null;
        var prefix = match.Groups["prefix"].Value.ToUpperInvariant();
        if (prefix is "PV" or "VR" && !allowRegions) return null;
        var width = prefix is "PV" or "VR" ? 2 : 4;
        var number = int.Parse(match.Groups["digits"].Value);
        if (number == 0 || number.ToString().Length > width) return null;
        return $"{(prefix is "" ? "GM" : prefix)}{number.ToString().PadLeft(width, '0')}";
    }

    [GeneratedRegex("^(?<prefix>(?i:GM|PV|VR))?\\s*(?<digits>[0-9]{1,4})$")]
    private static partial Regex CodePattern();
}
