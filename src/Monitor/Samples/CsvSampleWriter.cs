using System.Globalization;

namespace Monitor.Samples;

/// <summary>Writes a <see cref="SampleTable"/> as CSV: "\n" line ends, RFC 4180 quoting, invariant or Dutch numbers.</summary>
public static class CsvSampleWriter
{
    private static readonly NumberFormatInfo Dutch = new()
    {
        NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3], NegativeSign = "-",
    };

    public static void Write(Stream output, SampleTable table, CsvStyle style)
    {
        // The writer emits the BOM itself for utf-8-bom (and nothing for the others); leaveOpen keeps the caller's stream.
        using var writer = new StreamWriter(output, style.CreateEncoding(), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(style.Delimiter, table.Columns.Select(c => Quote(c, style.Delimiter))));
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) writer.Write(style.Delimiter);
                writer.Write(Quote(Format(row[i], style), style.Delimiter));
            }
            writer.WriteLine();
        }
    }

    public static string Format(object? cell, CsvStyle style) => cell switch
    {
        null => "",
        string s => s,
        int n => style.DutchNumbers ? n.ToString("N0", Dutch) : n.ToString(CultureInfo.InvariantCulture),
        decimal d => style.DutchNumbers ? d.ToString("N" + d.Scale.ToString(CultureInfo.InvariantCulture), Dutch)
                                        : d.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString(style.DayMonthYear ? "d-M-yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Celtype {cell.GetType().Name} wordt niet ondersteund."),
    };

    private static string Quote(string text, char delimiter) =>
        text.AsSpan().IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
            ? "\"" + text.Replace("\"", "\"\"") + "\""
            : text;
}
