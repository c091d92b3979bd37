using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Monitor.Samples;

/// <summary>
/// A minimal XLSX writer: one sheet, title rows above the header (as in published spreadsheets), shared strings,
/// whole numbers as numbers and dates as real date cells. The parts are written by hand into a zip with fixed entry
/// times, so the same table gives the same bytes; the file passes the Open XML SDK validator (see the tests).
/// </summary>
public static class XlsxSampleWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int DateStyle = 1, BoldStyle = 2;
    private static readonly DateTimeOffset EntryTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>Writes the table with <paramref name="titleRows"/> and one empty row above the header.</summary>
    public static void Write(Stream output, SampleTable table, IReadOnlyList<string> titleRows, string sheetName)
    {
        var strings = new SharedStrings();
        var sheet = Sheet(table, titleRows, strings);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", ContentTypes);
        Entry(zip, "_rels/.rels",
            $"""<Relationships xmlns="{PackageRel}"><Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml",
            $"""<workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets><sheet name="{Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry(zip, "xl/_rels/workbook.xml.rels",
            $"""<Relationships xmlns="{PackageRel}"><Relationship Id="rId1" Type="{Rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{Rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{Rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        Entry(zip, "xl/styles.xml", Styles);
        Entry(zip, "xl/worksheets/sheet1.xml", sheet);
        Entry(zip, "xl/sharedStrings.xml", strings.ToXml());
    }

    private static string Sheet(SampleTable table, IReadOnlyList<string> titleRows, SharedStrings strings)
    {
        var rows = new StringBuilder();
        var r = 0;
        foreach (var title in titleRows)
            rows.Append(RowXml(++r, [title], strings, BoldStyle));
        r++; // an empty row between the titles and the header, as people leave it
        rows.Append(RowXml(++r, table.Columns.Cast<object?>().ToArray(), strings, BoldStyle));
        foreach (var row in table.Rows)
            rows.Append(RowXml(++r, row, strings, 0));
        var last = ColumnName(table.Columns.Count - 1);
        return $"""<worksheet xmlns="{Main}" xmlns:r="{Rel}"><dimension ref="A1:{last}{r}"/><cols><col min="1" max="{table.Columns.Count}" width="18" customWidth="1"/></cols><sheetData>{rows}</sheetData></worksheet>""";
    }

    private static string RowXml(int r, object?[] cells, SharedStrings strings, int style)
    {
        var sb = new StringBuilder().Append($"<row r=\"{r}\">");
        var s = style == 0 ? "" : $" s=\"{style}\"";
        for (var i = 0; i < cells.Length; i++)
        {
            var at = $"{ColumnName(i)}{r}";
            switch (cells[i])
            {
                case null: break;
                case string text: sb.Append($"<c r=\"{at}\" t=\"s\"{s}><v>{strings.IndexOf(text)}</v></c>"); break;
                case int n: sb.Append($"<c r=\"{at}\"{s}><v>{n.ToString(CultureInfo.InvariantCulture)}</v></c>"); break;
                case decimal d: sb.Append($"<c r=\"{at}\"{s}><v>{d.ToString(CultureInfo.InvariantCulture)}</v></c>"); break;
                case DateOnly date: sb.Append($"<c r=\"{at}\" s=\"{DateStyle}\"><v>{date.DayNumber - ExcelEpoch}</v></c>"); break;
                default: throw new ArgumentException($"Celtype {cells[i]!.GetType().Name} wordt niet ondersteund.");
            }
        }
        return sb.Append("</row>").ToString();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime; // no "now" in the file: same input, same bytes
        using var stream = entry.Open();
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
        stream.Write(bytes);
    }

    internal static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];
        private int _uses;

        public int IndexOf(string text)
        {
            _uses++;
            if (_index.TryGetValue(text, out var i)) return i;
            _items.Add(text);
            return _index[text] = _items.Count - 1;
        }

        public string ToXml()
        {
            var sb = new StringBuilder($"<sst xmlns=\"{Main}\" count=\"{_uses}\" uniqueCount=\"{_items.Count}\">");
            foreach (var item in _items)
            {
                var preserve = item.Length > 0 && (char.IsWhiteSpace(item[0]) || char.IsWhiteSpace(item[^1]));
                sb.Append(preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>").Append(Escape(item)).Append("</t></si>");
            }
            return sb.Append("</sst>").ToString();
        }
    }

    private const string ContentTypes =
        """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""";

    // Fonts: regular and bold (titles, header). Cell formats: default, built-in date format 14, bold.
    private const string Styles =
        """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";
}
