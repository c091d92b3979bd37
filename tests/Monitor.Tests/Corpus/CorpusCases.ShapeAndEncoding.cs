using System.IO.Compression;
using System.Text;

namespace Monitor.Tests.Corpus;

/// <summary>
/// The second hostile round (issue 12), for the shape and encoding of a delivery: a row wider than its header, control
/// characters, NUL, JSON that says a key twice or a count beyond a decimal's digits, UTF-16 without its mark, addresses
/// that differ only in case, decimals the warehouse would round, and workbooks whose coordinates or shared strings lie.
/// Each was an accepted corruption, a database error (exit 1, delivery left pending) or a minute of CPU; now each is a
/// rejection with file, line and column that changes no figure.
/// </summary>
public static partial class CorpusCases
{
    private static IEnumerable<CorpusCase> ShapeAndEncoding() =>
    [
        // Wider than the header: an unquoted 1,500 in a ',' file is two fields; a separator too many at the end is not.
        Bad("plekken-komma-in-getal-verschuift-regel.csv", "plekken", "'500' in veld 7 hoort bij geen kolom", line: 3, column: "7"),
        Good("huisvesting-lege-velden-achteraan.csv", "huisvesting", db => Equal(db, 21,
            "SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0037' AND peildatum = '2025-05-31'")),

        // NUL ends a PostgreSQL text (22021): refused on its cell, raw or as a JSON escape.
        Bad("contacten-nul-teken-in-naam.csv", "contacten", "naam bevat een NUL-teken (\\u0000)", line: 3, column: "naam"),
        Bad("contacten-json-nul-als-escape.json", "contacten", "naam bevat een NUL-teken (\\u0000)", line: 3, column: "naam"),
        // Stored in lower case, so one contact twice (23505 at the merge before).
        Bad("contacten-emailadres-verschilt-alleen-in-hoofdletters.csv", "contacten", "de adressen verschillen alleen in hoofdletters", line: 2),

        // A terminal obeys ESC[2J: refused in a cell, and shown escaped wherever delivery text is quoted.
        Bad("plekken-stuurteken-in-locatienaam.csv", "plekken", "locatienaam bevat het stuurteken \\u001b", line: 2, column: "locatienaam"),
        Bad("huisvesting-stuurteken-in-kopregel.csv", "huisvesting", "Gevonden kolommen: peildatum, periode, gemeentecode, \\u001b[2Jgehuisvest",
            line: 1, column: "gehuisvest"),

        // JSON: a count a decimal would round to a whole number, and a key said twice at any depth.
        Bad("opgave-json-aantal-net-geen-heel-getal.json", "opgave", "'150.0000000000000000000000000001' is geen heel getal", line: 2, column: "aantal"),
        Bad("huisvesting-json-rows-twee-keer.json", "huisvesting", "Sleutel 'rows' staat meer dan eens in hetzelfde JSON-object", line: 3),
        // JSON text that is no text (exit 1 with a .NET exception before): half a character, bytes that are no UTF-8.
        Bad("huisvesting-json-half-teken.json", "huisvesting", "De waarde van 'gehuisvest' is geen geldige tekst", line: 3, column: "gehuisvest"),
        Bad("huisvesting-json-geen-utf8.json", "huisvesting", "De waarde van 'gehuisvest' is geen geldige tekst", line: 3, column: "gehuisvest"),
        Bad("afspraken-json-dubbele-sleutel-in-metadata.json", "afspraken", "Sleutel 'naam' staat meer dan eens in hetzelfde JSON-object", line: 4),

        // UTF-16 without its byte order mark is named as such, not "no CSV".
        Bad("regios-utf16-zonder-bom.csv", "regios", "Dit bestand is tekst in UTF-16 LE zonder byte-order-mark"),

        // Decimals the warehouse column would round or cannot hold (a CHECK or overflow error before).
        Bad("gemeenten-oppervlakte-negatief.csv", "gemeenten", "'-129.18' mag niet negatief zijn", line: 3, column: "oppervlakte_km2"),
        Bad("herindelingen-aandeel-met-te-veel-decimalen.csv", "herindelingen", "'0.00001' heeft meer dan 4 decimalen", line: 3, column: "aandeel"),
        // One pair twice met itself in the merge's ON CONFLICT (21000); its shares do add up to 1.
        Bad("herindelingen-zelfde-paar-twee-keer.csv", "herindelingen", "de herindeling van GM0007 naar GM1950 staat er meer dan eens in (regels 2, 3)", line: 2),

        // Workbooks: one cell at the sheet's last coordinate (a walk over 17 billion cells), text in a part that is missing.
        Bad("plekken-excel-cel-op-xfd1048576.xlsx", "plekken", "Het werkblad loopt tot cel XFD1048576 terwijl het maar 7 cellen bevat")
            with { Generate = RawXlsx(InlineRow(1, "peildatum", "opgave", "gemeentecode", "locatiecode", "status", "capaciteit") +
                                      """<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>""") },
        Bad("huisvesting-excel-zonder-gedeelde-teksten.xlsx", "huisvesting", "(sharedStrings.xml), maar dat onderdeel ontbreekt")
            with { Generate = RawXlsx("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>""") },
    ];

    private static string InlineRow(int row, params string[] texts) =>
        $"<row r=\"{row}\">" + string.Concat(texts.Select((t, i) => $"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{t}</t></is></c>")) + "</row>";

    /// <summary>A workbook of one sheet (and no shared strings) written part by part, so its XML can say what no spreadsheet program writes.</summary>
    private static Action<string> RawXlsx(string sheetData) => path =>
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
        }
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Part("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part("_rels/.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Part("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>""");
    };
}
