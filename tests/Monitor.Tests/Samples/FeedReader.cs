using System.Globalization;
using System.Text;
using System.Text.Json;
using ExcelDataReader;
using Monitor.Samples;

namespace Monitor.Tests.Samples;

/// <summary>
/// An independent reader for the sample files (not the product's reader, and not the generator's writer), so the tests
/// check the files themselves: CSV per the manifest's delimiter and encoding, XLSX through ExcelDataReader, JSON.
/// </summary>
internal static class FeedReader
{
    private static readonly HashSet<string> NumberColumns =
        ["inwoners", "oppervlakte_km2", "aantal", "capaciteit", "bezetting", "gehuisvest", "waarvan_amv"];
    private static readonly HashSet<string> DateColumns =
        ["peildatum", "publicatiedatum", "beschikbaar_vanaf", "beschikbaar_tot", "besluitdatum", "datum"];
    private static readonly HashSet<string> GemeenteColumns =
        ["gemeentecode", "van_gemeentecode", "naar_gemeentecode", "oude_gemeentecode", "nieuwe_gemeentecode", "gebiedcode"];

    /// <summary>Header and cells exactly as written (text), one array per data row.</summary>
    public static (string[] Header, List<string?[]> Rows) ReadRaw(string path, ManifestEntry entry) => entry.Format switch
    {
        "csv" => ReadCsv(path, entry),
        "json" => ReadJson(path, entry),
        "xlsx" => ReadXlsx(path),
        _ => throw new InvalidDataException(entry.Format),
    };

    /// <summary>Rows as column → value with numbers invariant ("1234", "185.53"), dates ISO and gemeente codes "GM0363".</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path, ManifestEntry entry)
    {
        var (header, rows) = ReadRaw(path, entry);
        var dutch = entry.Delimiter == ";";
        return rows.Select(r => (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, v: Normalize(h, r[i], dutch)))
            .Where(x => x.v is not null).ToDictionary(x => x.h, x => x.v!)).ToList();
    }

    private static string? Normalize(string column, string? value, bool dutch)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (NumberColumns.Contains(column) && dutch) return value.Replace(".", "").Replace(',', '.');
        if (DateColumns.Contains(column))
            return DateOnly.ParseExact(value, ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (GemeenteColumns.Contains(column) && value.All(char.IsAsciiDigit)) return "GM" + value.PadLeft(4, '0');
        return value;
    }

    public static bool IsBareGemeentecode(string value) => value.Length is >= 1 and <= 4 && value.All(char.IsAsciiDigit);

    private static (string[], List<string?[]>) ReadCsv(string path, ManifestEntry entry)
    {
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.AsSpan().StartsWith("\uFEFF"u8);
        Assert.Equal(entry.Encoding == "utf-8-bom", bom);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = entry.Encoding == "windows-1252"
            ? Encoding.GetEncoding(1252)
            : new UTF8Encoding(false, throwOnInvalidBytes: true);
        var text = encoding.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        Assert.DoesNotContain('\r', text);
        var records = ParseCsv(text, entry.Delimiter![0]);
        return (records[0].Select(h => h!).ToArray(), records.Skip(1).ToList());
    }

    /// <summary>RFC 4180: quoted fields may hold the delimiter, quotes ("") and line breaks.</summary>
    private static List<string?[]> ParseCsv(string text, char delimiter)
    {
        var records = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); records.Add([.. fields]); fields.Clear(); }
            else field.Append(c);
        }
        Assert.Equal(0, field.Length + fields.Count); // every record ends with "\n"
        return records;
    }

    private static (string[], List<string?[]>) ReadJson(string path, ManifestEntry entry)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var array = entry.Shape == "rows" ? doc.RootElement.GetProperty("rows") : doc.RootElement;
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        var header = array[0].EnumerateObject().Select(p => p.Name).ToArray();
        var rows = array.EnumerateArray().Select(o => header.Select(h => o.GetProperty(h) switch
        {
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            var s => s.GetString(),
        }).ToArray()).ToList();
        return (header, rows);
    }

    /// <summary>The header is the first row whose first cell is a column name; the rows above are titles.</summary>
    private static (string[], List<string?[]>) ReadXlsx(string path)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        string[]? header = null;
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => Cell(reader.GetValue(i))).ToArray();
            if (header is null)
            {
                if (cells.Length > 0 && cells[0] == "opgave") header = cells.Select(c => c!).ToArray();
                continue;
            }
            if (cells.All(c => c is null)) continue;
            rows.Add(cells);
        }
        Assert.NotNull(header);
        return (header, rows);
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => DateOnly.FromDateTime(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };
}
