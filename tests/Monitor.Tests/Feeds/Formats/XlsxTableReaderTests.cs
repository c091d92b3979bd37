using System.IO.Compression;
using Monitor.Feeds.Formats;
using Monitor.Feeds.Values;
using static Monitor.Tests.Support.Tables;

namespace Monitor.Tests.Feeds.Formats;

public sealed class XlsxTableReaderTests
{
    private static readonly TableReadOptions Plekken = Required("peildatum", "gemeentecode", "capaciteit");

    private static readonly object?[] Header = ["Peildatum", "Gemeentecode ", "CAPACITEIT", "locatienaam"];

    [Fact]
    public void TitleRowsAboveHeader_LineIsTheExcelRow()
    {
        var bytes = Xlsx(w => w.AddSheet("Plekken", [
            ["Plekken per gemeente, provincie Utrecht"],
            [],
            ["Bron: gemeenten", null, "peildatum staat in kolom A"],
            Header,
            [new DateOnly(2025, 7, 1), "GM0344", 120, "Kazerne"],
            [],
            [],
            [new DateOnly(2025, 7, 1), "GM0345", 40, "Hotel"],
        ]));
        using var reader = Open(bytes, "plekken.xlsx", Plekken);
        var rows = ReadAll(reader);
        Assert.Equal("xlsx", reader.Format);
        Assert.Equal(["peildatum", "gemeentecode", "capaciteit", "locatienaam"], reader.Header);
        Assert.Equal([5L, 8], rows.Select(r => r.Line));
        Assert.Equal("2025-07-01", rows[0]["peildatum"]);
        Assert.Equal("120", rows[0]["capaciteit"]);
    }

    [Fact]
    public void SheetStartingBelowRowOne_LineIsStillTheExcelRow()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [[], [], [], Header, ["2025-07-01", "GM0363", 5]]));
        using var reader = Open(bytes, "plekken.xlsx", Plekken);
        Assert.Equal(5, Assert.Single(ReadAll(reader)).Line);
    }

    [Fact]
    public void HeaderNotInColumnA_CellsStayInTheirColumns()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [
            [null, null, "Titel"],
            [null, "peildatum", "gemeentecode", "capaciteit"],
            [null, "1-7-2025", "GM0363", 5],
        ]));
        using var reader = Open(bytes, "plekken.xlsx", Plekken);
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal("GM0363", row["gemeentecode"]);
        Assert.Equal("5", row["capaciteit"]);
    }

    [Theory]
    [InlineData(1234.0, "1234", "1234")]
    [InlineData(12.5, "12,5", "12.5")]
    [InlineData(1.234, "1,234", "1.234")]
    [InlineData(0.1, "0,1", "0.1")]
    [InlineData(0.30000000000000004, "0,3", "0.3")]
    [InlineData(-3.75, "-3,75", "-3.75")]
    [InlineData(1e-7, "0,0000001", "0.0000001")]
    public void NumericCells_RenderedSoTheDutchParserReadsTheRightValue(double cell, string text, string expected)
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [["waarde"], [cell]]));
        using var reader = Open(bytes, "getallen.xlsx", Required("waarde"));
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal(NumberStyleHint.Dutch, reader.Numbers);
        Assert.Equal(text, row["waarde"]);
        Assert.True(ValueParser.TryDecimal(row["waarde"], reader.Numbers, out var value, out var error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void TextCells_AreReadAsDutch()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [["aantal", "oppervlakte"], ["1.234", "185,53"]]));
        using var reader = Open(bytes, "tekst.xlsx", Required("aantal"));
        var row = Assert.Single(ReadAll(reader));
        Assert.True(ValueParser.TryCount(row["aantal"], reader.Numbers, out var aantal, out _));
        Assert.True(ValueParser.TryDecimal(row["oppervlakte"], reader.Numbers, out var oppervlakte, out _));
        Assert.Equal(1234, aantal);
        Assert.Equal(185.53m, oppervlakte);
    }

    [Fact]
    public void DateCellWithTime_KeepsTheTimeSoItIsNotSilentlyDropped()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [["peildatum"], [new DateTime(2025, 7, 1, 13, 30, 0)], [true]]));
        using var reader = Open(bytes, "tijd.xlsx", Required("peildatum"));
        var rows = ReadAll(reader);
        Assert.Equal("2025-07-01 13:30:00", rows[0]["peildatum"]);
        Assert.False(ValueParser.TryDate(rows[0]["peildatum"], out _, out _));
        Assert.Equal("true", rows[1]["peildatum"]);
    }

    [Fact]
    public void NamedSheet_IsRead_CaseInsensitive()
    {
        var bytes = Xlsx(w =>
        {
            w.AddSheet("Toelichting", [["Dit werkblad legt uit"]]);
            w.AddSheet("Plekken Juli", [Header, ["2025-07-01", "GM0363", 5, "Hotel"]]);
        });
        using var reader = Open(bytes, "plekken.xlsx", Plekken with { Sheet = "plekken juli" });
        Assert.Equal("GM0363", Assert.Single(ReadAll(reader))["gemeentecode"]);
    }

    [Fact]
    public void NoSheetNamed_FirstSheetIsRead()
    {
        var bytes = Xlsx(w =>
        {
            w.AddSheet("Eerste", [Header, ["2025-07-01", "GM0363", 5]]);
            w.AddSheet("Tweede", [Header, ["2025-07-01", "GM0344", 6]]);
        });
        using var reader = Open(bytes, "plekken.xlsx", Plekken);
        Assert.Equal("GM0363", Assert.Single(ReadAll(reader))["gemeentecode"]);
    }

    [Fact]
    public void UnknownSheet_ListsTheSheets()
    {
        var bytes = Xlsx(w =>
        {
            w.AddSheet("Toelichting", [["uitleg"]]);
            w.AddSheet("Plekken", [Header]);
        });
        var problem = Assert.Single(Problems(() => Open(bytes, "plekken.xlsx", Plekken with { Sheet = "Data" })));
        Assert.Equal("Werkblad 'Data' bestaat niet in dit bestand. Werkbladen: 'Toelichting', 'Plekken'.", problem.Message);
    }

    [Fact]
    public void MissingColumn_ReportedAgainstTheFirstRow()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [[], ["Datum", "gemeentecode", "capaciteit"], ["2025-07-01", "GM0363", 5]]));
        var problem = Assert.Single(Problems(() => Open(bytes, "plekken.xlsx", Plekken)));
        Assert.Equal(2, problem.Line);
        Assert.Equal("Kolom 'peildatum' ontbreekt in de kopregel. Gevonden kolommen: Datum, gemeentecode, capaciteit.", problem.Message);
    }

    [Fact]
    public void ColumnMapping_Applies()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [["Datum", "Gemeente", "Plekken"], ["2025-07-01", 363, 5]]));
        var options = Plekken with
        {
            ColumnMapping = new Dictionary<string, string> { ["datum"] = "peildatum", ["gemeente"] = "gemeentecode", ["plekken"] = "capaciteit" },
        };
        using var reader = Open(bytes, "plekken.xlsx", options);
        var row = Assert.Single(ReadAll(reader));
        Assert.True(ValueParser.TryGemeentecode(row["gemeentecode"], out var code, out _));
        Assert.Equal("GM0363", code);
    }

    [Fact]
    public void EmptySheet_SaysSo()
    {
        var bytes = Xlsx(w => w.AddSheet("Leeg", []));
        Assert.Equal("Werkblad 'Leeg' is leeg.", Assert.Single(Problems(() => Open(bytes, "leeg.xlsx", Plekken))).Message);
    }

    [Fact]
    public void HeaderOnly_NoRows()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [Header]));
        using var reader = Open(bytes, "plekken.xlsx", Plekken);
        Assert.Empty(ReadAll(reader));
    }

    [Fact]
    public void ForwardOnlyStream_IsCopiedAside()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [Header, ["2025-07-01", "GM0363", 5]]));
        using var reader = Open(bytes, "plekken.xlsx", Plekken, seekable: false);
        Assert.Equal("5", Assert.Single(ReadAll(reader))["capaciteit"]);
    }

    [Fact]
    public void ZipBomb_RefusedBeforeExcelReadsIt()
    {
        var bomb = Zip(("xl/workbook.xml", 100), ("xl/worksheets/sheet1.xml", 600L << 20));
        Assert.True(bomb.Length < 2 << 20, $"the bomb is {bomb.Length} bytes");
        var problem = Assert.Single(Problems(() => Open(bomb, "plekken.xlsx", Plekken)));
        Assert.StartsWith("Het XLSX-bestand pakt uit tot meer dan 512 MB;", problem.Message);
    }

    [Fact]
    public void AbsurdCompressionRatio_Refused()
    {
        var bomb = Zip(("xl/workbook.xml", 100), ("xl/worksheets/sheet1.xml", 20L << 20));
        var problem = Assert.Single(Problems(() => Open(bomb, "plekken.xlsx", Plekken)));
        Assert.Contains("zip-bom", problem.Message);
    }

    [Fact]
    public void LowerUncompressedLimit_IsHonoured()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [Header, .. Enumerable.Range(0, 2000).Select(i => new object?[] { "2025-07-01", "GM0363", i })]));
        var problem = Assert.Single(Problems(() => Open(bytes, "plekken.xlsx", Plekken with { MaxUncompressedBytes = 50_000 })));
        Assert.StartsWith("Het XLSX-bestand pakt uit tot meer dan 48,8 kB;", problem.Message);
    }

    [Fact]
    public void ZipWithoutWorkbook_IsNotAnXlsx()
    {
        var problem = Assert.Single(Problems(() => Open(Zip(("data.csv", 10)), "plekken.xlsx", Plekken)));
        Assert.Equal("Dit ZIP-bestand is geen Excel-werkmap (.xlsx).", problem.Message);
    }

    [Fact]
    public void TruncatedXlsx_IsDamaged()
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [Header]));
        var problem = Assert.Single(Problems(() => Open(bytes[..(bytes.Length / 2)], "plekken.xlsx", Plekken)));
        Assert.Contains("beschadigd", problem.Message);
    }

    /// <summary>A zip of entries filled with zeros, written streaming so a 600 MB entry costs no memory.</summary>
    private static byte[] Zip(params (string Name, long Bytes)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                for (var left = bytes; left > 0; left -= zeros.Length) entry.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }
        }
        return output.ToArray();
    }
}
