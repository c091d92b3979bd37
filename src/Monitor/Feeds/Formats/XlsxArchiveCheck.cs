using System.IO.Compression;

namespace Monitor.Feeds.Formats;

/// <summary>
/// Looks inside an XLSX archive before ExcelDataReader does: it must be a zip holding an Excel workbook, and it must
/// not expand beyond the configured size (a zip bomb would otherwise take the process's memory or disk).
/// </summary>
internal static class XlsxArchiveCheck
{
    private const long SuspiciousRatio = 200;
    private const long RatioAppliesAbove = 10L << 20;

    /// <summary>
    /// The Excel reader streams the rows but holds every shared string (the text of the cells) in memory at once, at
    /// about twice its size in the file: this keeps a workbook of ordinary, well-packing text within the memory bound.
    /// Real deliveries have a few megabytes of it.
    /// </summary>
    public const long MaxSharedStringsBytes = 64L << 20;

    public static void Check(Stream stream, string file, long maxUncompressedBytes)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (!zip.Entries.Any(e => e.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase)))
                throw Unreadable(file, zip.GetEntry("mimetype") is not null
                    ? "Dit is een OpenDocument-bestand (.ods). Sla het op als Excel-werkmap (.xlsx) of als CSV."
                    : "Dit ZIP-bestand is geen Excel-werkmap (.xlsx).");
            CheckDeclaredSizes(zip, file, maxUncompressedBytes);
            CheckActualSizes(zip, file, maxUncompressedBytes);
        }
        catch (InvalidDataException)
        {
            throw Unreadable(file, "Het XLSX-bestand is beschadigd (geen geldig ZIP-archief). Sla het opnieuw op vanuit Excel.");
        }
    }

    private static void CheckDeclaredSizes(ZipArchive zip, string file, long max)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > max) throw TooLarge(file, max);
            if (IsSharedStrings(entry) && entry.Length > MaxSharedStringsBytes) throw TooMuchText(file);
            if (entry.Length > RatioAppliesAbove && entry.Length > SuspiciousRatio * Math.Max(1, entry.CompressedLength))
                throw Unreadable(file, $"Het XLSX-bestand bevat een onderdeel ('{entry.FullName}') dat uitpakt tot " +
                                       $"{entry.Length / Math.Max(1, entry.CompressedLength)} keer zijn ingepakte grootte. " +
                                       "Zo'n bestand wordt niet gelezen: het lijkt op een zip-bom.");
        }
    }

    // The sizes above are what the archive claims. Decompress and count, stopping at the limit, so an archive that
    // understates its sizes cannot slip past the check into ExcelDataReader.
    private static void CheckActualSizes(ZipArchive zip, string file, long max)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        var hasSharedStrings = zip.Entries.Any(IsSharedStrings);
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            long entryBytes = 0;
            var sheet = IsWorksheet(entry) ? new XlsxSheetScan() : null;
            for (var n = content.Read(buffer); n > 0; n = content.Read(buffer))
            {
                entryBytes += n;
                total += n;
                if (total > max) throw TooLarge(file, max);
                if (entryBytes > MaxSharedStringsBytes && IsSharedStrings(entry)) throw TooMuchText(file);
                if (entryBytes > entry.Length)
                    throw Unreadable(file, $"Het XLSX-bestand is beschadigd: onderdeel '{entry.FullName}' is groter dan het archief opgeeft.");
                sheet?.Add(buffer.AsSpan(0, n));
            }
            if (sheet?.Problem(hasSharedStrings) is { } problem) throw Unreadable(file, problem);
        }
    }

    private static bool IsWorksheet(ZipArchiveEntry entry) =>
        entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsSharedStrings(ZipArchiveEntry entry) => entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    private static FeedFormatException TooMuchText(string file) => Unreadable(file,
        $"Het XLSX-bestand bevat meer dan {Sizes.Describe(MaxSharedStringsBytes)} aan tekst in de cellen; dat is te veel om veilig " +
        "in te lezen. Lever zoveel gegevens als CSV aan, of verdeel ze over meer bestanden.");

    private static FeedFormatException TooLarge(string file, long max) => Unreadable(file,
        $"Het XLSX-bestand pakt uit tot meer dan {Sizes.Describe(max)}; dat is te groot om veilig te lezen. " +
        "Lever zoveel gegevens als CSV aan, of verdeel ze over meer bestanden.");

    private static FeedFormatException Unreadable(string file, string message) => new(new Problem(file, null, null, message));
}
