using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Monitor.Feeds.Values;

public static partial class ValueParser
{
    private const int MaxCodeLength = 100;

    /// <summary>
    /// A free-form code that forms a key (locatiecode, afspraakcode, regiocode): codes that look equal must be equal, so
    /// the text is normalised (NFKC: full-width letters and digits, ligatures and non-breaking spaces become their plain
    /// form) and upper-cased. An invisible or control character cannot be normalised away safely (a zero-width space
    /// splits "AZC1" from "AZC\u200b1" where nobody sees it), so it is refused, with the character shown as \uXXXX.
    /// </summary>
    public static bool TryKeyCode(string? text, out string code, [NotNullWhen(false)] out string? error)
    {
        // A code as delivery files write it (printable ASCII without lower case, no space at either end) is its own
        // normal form: trimming, NFKC and upper-casing would each return it unchanged. The loader asks this of every row.
        if (text is { Length: > 0 and <= MaxCodeLength } && text[0] != ' ' && text[^1] != ' ' && IsPlainCode(text))
        {
            code = text;
            error = null;
            return true;
        }
        code = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Empty;
            return false;
        }
        var trimmed = text.Trim();
        if (Invisible(trimmed) is { } hidden)
        {
            error = hidden;
            return false;
        }
        var normal = trimmed.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        if (normal.Length > MaxCodeLength)
        {
            error = $"code is langer dan {MaxCodeLength} tekens.";
            return false;
        }
        code = normal;
        error = null;
        return true;
    }

    private static bool IsPlainCode(string text)
    {
        foreach (var c in text)
            if (c is < ' ' or > '~' or >= 'a' and <= 'z') return false;
        return true;
    }

    /// <summary>Null when the text has no invisible or control character; otherwise the Dutch reason, with the text
    /// and each such character escaped so they can be seen.</summary>
    public static string? Invisible(string text)
    {
        List<string>? found = null;
        foreach (var c in text)
            if (IsInvisible(c) && (found ??= []) is var list && !list.Contains(Escape(c)))
                list.Add(Escape(c));
        return found is null ? null
            : $"'{EscapeInvisible(text)}' bevat een onzichtbaar teken of stuurteken ({string.Join(", ", found)}); " +
              "een code mag dat niet bevatten. Verwijder het teken (het komt vaak mee bij kopiëren uit een webpagina of document).";
    }

    /// <summary>Control characters (C0, C1), format characters (zero-width spaces and joiners, byte-order marks,
    /// direction marks, soft hyphens), line and paragraph separators, private-use and unassigned code points.</summary>
    private static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static string Escape(char c) => $"\\u{(int)c:x4}";

    private static string EscapeInvisible(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text) sb.Append(IsInvisible(c) ? Escape(c) : c.ToString());
        return sb.ToString();
    }
}
