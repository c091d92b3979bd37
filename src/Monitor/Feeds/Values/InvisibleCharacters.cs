using System.Globalization;
using System.Text;

namespace Monitor.Feeds.Values;

/// <summary>
/// Characters a delivery can carry that a reader cannot see, or that a terminal obeys instead of showing: control
/// characters (ESC starts a terminal command, NUL ends a PostgreSQL text), format characters (zero-width spaces,
/// right-to-left overrides) and line or paragraph separators. Messages show them as <c>\u001b</c>; cells refuse the
/// control characters that no spreadsheet types.
/// </summary>
public static class InvisibleCharacters
{
    /// <summary>The text with every invisible character written as <c>\uXXXX</c>; the same instance when there is none.</summary>
    public static string Escape(string text)
    {
        var first = IndexOfInvisible(text);
        if (first < 0) return text;
        var shown = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
            if (IsInvisible(text, i)) shown.Append($"\\u{(int)text[i]:x4}");
            else shown.Append(text[i]);
        return shown.ToString();
    }

    /// <summary>The first control character in a cell that is not a tab or line break (those a spreadsheet cell may hold):
    /// NUL, ESC, the C1 range, DEL. -1 when there is none.</summary>
    public static int IndexOfForbiddenInCell(string cell)
    {
        // A plain loop over the exact set (char.IsControl below U+00A0, less tab and line breaks): cells are short, and a
        // vectorised search cost more to set up per cell than it saved; the loader asks this of every cell (ingest_ratio).
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c is >= '\u007f' and < '\u00a0') return i;
        }
        return -1;
    }

    /// <summary>The Dutch sentence for a cell holding <paramref name="c"/>, for the problem list.</summary>
    public static string ForbiddenInCell(char c) => c == '\0'
        ? "bevat een NUL-teken (\\u0000); zo'n teken hoort niet in tekst. Meestal is het bestand deels in een andere codering " +
          "opgeslagen (UTF-16) of samengevoegd met binaire gegevens."
        : $"bevat het stuurteken \\u{(int)c:x4}, dat niet in een cel hoort; haal het weg (het komt vaak mee bij kopiëren uit een ander programma).";

    private static int IndexOfInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsInvisible(text, i)) return i;
        return -1;
    }

    private static bool IsInvisible(string text, int i)
    {
        var c = text[i];
        if (c is >= ' ' and < '\u007f') return false;
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
