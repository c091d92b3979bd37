using System.Text;

namespace Monitor.Cli;

/// <summary>
/// The table <c>monitor gaps</c> prints into a file or pipe, written directly: the same characters Spectre.Console
/// writes for a <c>TableBorder.Simple</c> table whose columns all fit, without loading and measuring through Spectre,
/// which was a sixth of the command's time (cli_gaps_ms, docs/PERFORMANCE.md). Only for text whose width is certain
/// (one column per character); anything else, and a table wider than the given width, returns null and goes through
/// Spectre, which wraps it. <c>PlainTableTests</c> holds both outputs side by side.
/// </summary>
public static class PlainTable
{
    /// <param name="headers">The column titles.</param>
    /// <param name="rows">The cells as shown (not markup-escaped), one array per row, as long as <paramref name="headers"/>.</param>
    /// <param name="width">The page width (Spectre's profile width); a wider table is left to Spectre.</param>
    public static string? TryRender(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int width)
    {
        var widths = new int[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            if (!Plain(headers[c])) return null;
            widths[c] = headers[c].Length;
        }
        foreach (var row in rows)
            for (var c = 0; c < headers.Count; c++)
            {
                if (!Plain(row[c])) return null;
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        // Edges, one space of padding either side of each column, and one separator between columns.
        var total = 2 + widths.Sum() + 3 * headers.Count - 1;
        if (total > width) return null;

        var sb = new StringBuilder((total + 1) * (rows.Count + 4));
        sb.Append(' ', total).Append('\n');
        Line(sb, headers, widths);
        sb.Append('─', total).Append('\n');
        foreach (var row in rows) Line(sb, row, widths);
        sb.Append(' ', total).Append('\n');
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
    {
        sb.Append(' ');
        for (var c = 0; c < widths.Length; c++)
        {
            if (c > 0) sb.Append(' ');
            sb.Append(' ').Append(cells[c]).Append(' ', widths[c] - cells[c].Length + 1);
        }
        sb.Append(' ').Append('\n');
    }

    /// <summary>Text Spectre shows as it is, one column per character: printable Latin letters, digits and punctuation
    /// and the dashes and quotes Dutch text uses; single spaces between words and none at either end (Spectre's word
    /// layout would otherwise decide); no brackets (markup) and not two colons (an emoji code such as :warning:).</summary>
    private static bool Plain(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' ') || text.Contains("  ", StringComparison.Ordinal)) return false;
        var colons = 0;
        foreach (var ch in text)
        {
            if (ch == ':' && ++colons > 1) return false;
            var plain = ch is >= ' ' and <= '~' and not '[' and not ']'
                        || ch is >= '\u00C0' and <= '\u024F'
                        || ch is '–' or '—' or '‘' or '’' or '“' or '”' or '…' or '€';
            if (!plain) return false;
        }
        return true;
    }
}
