using System.Buffers;
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
        // Nearly every cell is printable ASCII, which one vectorised range scan settles; the set below mixes ASCII and
        // C1 characters, and searching it for every cell was a tenth of the loader's own time (ingest_ratio).
        var first = cell.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (first < 0) return -1;
        var rest = cell.AsSpan(first).IndexOfAny(ForbiddenInCells);
        return rest < 0 ? -1 : first + rest;
    }

    // Vectorised: the loader asks this of every cell.
    private static readonly SearchValues<char> ForbiddenInCells = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')).ToArray());

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
