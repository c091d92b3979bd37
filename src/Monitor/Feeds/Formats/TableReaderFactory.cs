namespace Monitor.Feeds.Formats;

/// <summary>
/// Opens a delivery as a table. The format is read from the content, because files arrive renamed, from URLs without
/// an extension, or saved as "CSV" by a spreadsheet that wrote something else; the extension only settles what the
/// content leaves open.
/// </summary>
public static class TableReaderFactory
{
    /// <summary>Bytes looked at to detect format, encoding and delimiter.</summary>
    public const int HeadBytes = 1 << 20;

    private const string NotATable = "Dit is geen CSV-, XLSX- of JSON-bestand.";

    /// <summary>
    /// Opens <paramref name="stream"/> (which stays the caller's to dispose) as a CSV, XLSX or JSON table with its
    /// header read. Throws <see cref="FeedFormatException"/> when the delivery cannot be read as a table.
    /// </summary>
    public static ITableReader Open(Stream stream, string fileName, TableReadOptions options)
    {
        long? start = stream.CanSeek ? stream.Position : null;
        var buffer = new byte[HeadBytes];
        var length = stream.ReadAtLeast(buffer, HeadBytes, throwOnEndOfStream: false);
        var head = buffer.AsMemory(0, length);
        var wholeFile = length < HeadBytes;
        switch (Detect(head.Span, wholeFile, fileName))
        {
            case TableFormat.Csv:
                return CsvTableReader.Open(new PrefixedStream(head, stream), head.Span, wholeFile, fileName, options);
            case TableFormat.Xlsx:
            {
                // Zip offsets count from the start of the stream: a delivery further in is copied aside.
                var (source, owned) = SeekableSource.Rewind(stream, start is 0 ? start : null, head);
                return XlsxTableReader.Open(source, owned, fileName, options);
            }
            default:
            {
                var (source, owned) = SeekableSource.Rewind(stream, start, head);
                return JsonTableReader.Open(source, owned, fileName, options);
            }
        }
    }

    private enum TableFormat { Csv, Xlsx, Json }

    private static TableFormat Detect(ReadOnlySpan<byte> head, bool wholeFile, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        var firstNonBlank = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (firstNonBlank < 0 && wholeFile) throw Unreadable(fileName, "Het bestand is leeg.");
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return TableFormat.Xlsx;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            throw Unreadable(fileName, "Dit is een oud Excel-bestand (.xls) of een Excel-bestand met een wachtwoord. " +
                                       "Sla het op als Excel-werkmap (.xlsx) zonder wachtwoord, of als CSV.");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
            throw Unreadable(fileName, "Dit is een ingepakt bestand (gzip); lever het uitgepakt aan als CSV, XLSX of JSON.");
        if (head.StartsWith("%PDF"u8)) throw Unreadable(fileName, $"Dit is een PDF-bestand. {NotATable}");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return TableFormat.Csv;
        if (Utf16WithoutByteOrderMark(head) is { } utf16)
            throw Unreadable(fileName, $"Dit bestand is tekst in {utf16} zonder byte-order-mark (BOM), zodat de codering niet vast " +
                                       "te stellen is. Sla het op in UTF-8 (in Excel: 'CSV UTF-8 (door komma's gescheiden)'), of als Unicode-tekst mét BOM.");
        if (LooksBinary(head)) throw Unreadable(fileName, NotATable);
        if (extension is ".xlsx" or ".xlsm")
            throw Unreadable(fileName, "Dit bestand heet .xlsx, maar is geen Excel-werkmap. Sla het opnieuw op als Excel-werkmap of als CSV.");
        var looksJson = firstNonBlank >= 0 && text[firstNonBlank] is (byte)'[' or (byte)'{';
        if (looksJson && extension is not (".csv" or ".txt" or ".tsv")) return TableFormat.Json;
        return extension == ".json" ? TableFormat.Json : TableFormat.Csv;
    }

    /// <summary>Text hardly holds control characters; binary files are full of them. A few stray marks (an old DOS
    /// end-of-file, a NUL, an escape) are still text: the reader then refuses the cell each is in, with line and column.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        var control = 0;
        foreach (var b in head)
            if (b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) or 0x7F) control++;
        return control > Math.Max(8, head.Length / 100);
    }

    /// <summary>
    /// "UTF-16 LE" or "UTF-16 BE" when the head reads as UTF-16 text without its byte order mark: mostly Latin text, so
    /// nearly every character has a zero high byte, which puts a NUL at every other position (odd ones for little
    /// endian). Binary data does not keep that rhythm.
    /// </summary>
    private static string? Utf16WithoutByteOrderMark(ReadOnlySpan<byte> head)
    {
        var pairs = Math.Min(head.Length, 4096) / 2;
        if (pairs < 4) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < pairs; i++)
        {
            if (head[2 * i] == 0) zeroEven++;
            if (head[2 * i + 1] == 0) zeroOdd++;
        }
        if (zeroOdd >= pairs * 9 / 10 && zeroEven <= pairs / 20) return "UTF-16 LE";
        if (zeroEven >= pairs * 9 / 10 && zeroOdd <= pairs / 20) return "UTF-16 BE";
        return null;
    }

    private static FeedFormatException Unreadable(string fileName, string message) => new(new Problem(fileName, null, null, message));
}
