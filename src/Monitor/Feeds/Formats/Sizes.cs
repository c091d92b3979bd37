using System.Globalization;

namespace Monitor.Feeds.Formats;

/// <summary>Byte counts as a Dutch spreadsheet user reads them in a message ("1 MB", "48,8 kB").</summary>
internal static class Sizes
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = "," };

    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", DecimalComma) + " MB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", DecimalComma) + " kB",
        _ => $"{bytes} bytes",
    };
}
