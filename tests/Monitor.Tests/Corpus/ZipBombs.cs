using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Monitor.Tests.Corpus;

/// <summary>
/// XLSX zip bombs: a real workbook whose one cell refers to the shared strings, and shared strings (which the Excel
/// reader loads into memory whole) that unpack to 600 MB from well under a megabyte. Written streaming, so making one
/// costs no memory either.
/// </summary>
public static class ZipBombs
{
    public const long Unpacked = 600L << 20;
    private const string SharedStrings = "xl/sharedStrings.xml";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Says how large it unpacks: refused on the sizes the archive declares.</summary>
    public static void Honest(string path) => Write(path, Unpacked);

    /// <summary>
    /// Declares its shared strings as 1000 bytes while they unpack to 600 MB: a reader that trusted the declared size
    /// for its checks and then read on would load them all. (.NET's zip reader stops at the declared size, so the
    /// workbook reads as damaged; the archive check would stop it too, counting what it unpacks.)
    /// </summary>
    public static void Understated(string path)
    {
        Write(path, Unpacked);
        var bytes = File.ReadAllBytes(path);
        Understate(bytes, SharedStrings, declared: 1000);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Not a bomb by ratio: shared strings that differ from each other, so they pack only about tenfold, as real text
    /// does. The Excel reader holds every one of them in memory at once.
    /// </summary>
    public static Action<string> Texts(long bytes) => path => Write(path, bytes, i => $"<si><t>Locatie {i:x8} aan de Dorpsstraat</t></si>");

    /// <summary>The workbook with shared strings of at least <paramref name="sharedStringBytes"/> bytes, all "Azc Groningen".</summary>
    public static void Write(string path, long sharedStringBytes) => Write(path, sharedStringBytes, null);

    private static void Write(string path, long sharedStringBytes, Func<long, string>? text)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        Small(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        Small(zip, "_rels/.rels", $"<Relationships xmlns=\"{Relationships}\">" +
            $"<Relationship Id=\"rId1\" Type=\"{OfficeRelationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Small(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{OfficeRelationships}\">" +
            "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Small(zip, "xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"{Relationships}\">" +
            $"<Relationship Id=\"rId1\" Type=\"{OfficeRelationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            $"<Relationship Id=\"rId2\" Type=\"{OfficeRelationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Small(zip, "xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");

        using var content = zip.CreateEntry(SharedStrings, text is null ? CompressionLevel.SmallestSize : CompressionLevel.Fastest).Open();
        content.Write(Encoding.UTF8.GetBytes($"<sst xmlns=\"{Main}\">"));
        if (text is not null)
        {
            using var writer = new StreamWriter(content, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            long written = 0;
            for (long i = 0; written < sharedStringBytes; i++)
            {
                var si = text(i);
                writer.Write(si);
                written += si.Length;
            }
            writer.Write("</sst>");
            return;
        }
        var unit = "<si><t>Azc Groningen</t></si>"u8.ToArray();
        var block = new byte[Math.Min((1 << 20) / unit.Length, (sharedStringBytes + unit.Length - 1) / unit.Length) * unit.Length];
        for (var i = 0; i < block.Length; i += unit.Length) unit.CopyTo(block, i);
        for (long written = 0; written < sharedStringBytes; written += block.Length) content.Write(block);
        content.Write("</sst>"u8);
    }

    private static void Small(ZipArchive zip, string name, string xml)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml));
    }

    /// <summary>Rewrites the uncompressed size of one entry in its local header and its central directory record.</summary>
    private static void Understate(byte[] zip, string entry, uint declared)
    {
        var name = Encoding.UTF8.GetBytes(entry);
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var (sizeAt, nameLengthAt, nameAt) = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) switch
            {
                0x04034b50 => (22, 26, 30), // local file header
                0x02014b50 => (24, 28, 46), // central directory file header
                _ => (-1, -1, -1),
            };
            if (sizeAt < 0 || BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + nameLengthAt)) != name.Length) continue;
            if (!zip.AsSpan(i + nameAt, name.Length).SequenceEqual(name)) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + sizeAt), declared);
            patched++;
        }
        if (patched != 2) throw new InvalidOperationException($"{entry}: {patched} headers found, expected 2");
    }
}
