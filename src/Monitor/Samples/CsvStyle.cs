using System.Text;

namespace Monitor.Samples;

public enum CsvEncoding { Utf8, Utf8Bom, Windows1252 }

/// <summary>How a CSV sample is written: the variants the feed contract promises to read.</summary>
/// <param name="DutchNumbers">Thousands dots and a decimal comma ("244.529", "185,53"), as Dutch Excel writes them.</param>
/// <param name="DayMonthYear">Dates as "1-7-2025" instead of "2025-07-01".</param>
public sealed record CsvStyle(char Delimiter, CsvEncoding Encoding, bool DutchNumbers, bool DayMonthYear)
{
    public static readonly CsvStyle Standard = new(',', CsvEncoding.Utf8, false, false);
    public static readonly CsvStyle ExcelUtf8 = new(',', CsvEncoding.Utf8Bom, false, false);
    public static readonly CsvStyle DutchExcel = new(';', CsvEncoding.Windows1252, true, true);

    public string EncodingName => Encoding switch
    {
        CsvEncoding.Utf8 => "utf-8",
        CsvEncoding.Utf8Bom => "utf-8-bom",
        _ => "windows-1252",
    };

    /// <summary>Strict encoders: a character Windows-1252 cannot hold is an error, never a silent '?'.</summary>
    public Encoding CreateEncoding()
    {
        if (Encoding == CsvEncoding.Windows1252)
        {
            System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return System.Text.Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        return new UTF8Encoding(Encoding == CsvEncoding.Utf8Bom, throwOnInvalidBytes: true);
    }
}
