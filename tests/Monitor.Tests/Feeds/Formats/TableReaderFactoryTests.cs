using System.Text;
using Monitor.Feeds.Formats;
using static Monitor.Tests.Support.Tables;

namespace Monitor.Tests.Feeds.Formats;

public sealed class TableReaderFactoryTests
{
    private static readonly TableReadOptions Regios = Required("regiocode", "regionaam", "gemeentecode");

    [Theory]
    [InlineData("regios.csv")]
    [InlineData("regios.json")]
    [InlineData("regios")]
    [InlineData("regios.xlsx")]
    public void Xlsx_RecognisedByContent(string name)
    {
        var bytes = Xlsx(w => w.AddSheet("Blad1", [["regiocode", "regionaam", "gemeentecode"], ["RRT1", "Utrecht-West", "GM0344"]]));
        using var reader = Open(bytes, name, Regios);
        Assert.Equal("xlsx", reader.Format);
    }

    [Theory]
    [InlineData("regios.json")]
    [InlineData("https://example.org/api/regios")]
    [InlineData("regios.xml")]
    public void Json_RecognisedByContent(string name)
    {
        var json = "\uFEFF \n [{\"regiocode\": \"RRT1\", \"regionaam\": \"Utrecht-West\", \"gemeentecode\": \"GM0344\"}]";
        using var reader = Open(new UTF8Encoding(false).GetBytes(json), name, Regios);
        Assert.Equal("json", reader.Format);
        Assert.Single(ReadAll(reader));
    }

    [Fact]
    public void BracketStartWithCsvExtension_IsCsv()
    {
        using var reader = Open("[regiocode];regionaam;gemeentecode;regiocode\n1;2;3;RRT1\n"u8.ToArray(), "regios.csv", Regios);
        Assert.Equal("csv", reader.Format);
        Assert.Equal("RRT1", Assert.Single(ReadAll(reader))["regiocode"]);
    }

    [Fact]
    public void JsonExtensionButNoJson_ReportsInvalidJson()
    {
        var problem = Assert.Single(Problems(() => Open("regiocode;regionaam\n"u8.ToArray(), "regios.json", Regios)));
        Assert.StartsWith("Dit is geen geldige JSON", problem.Message);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void XlsxExtensionButText_SaysItIsNoWorkbook()
    {
        var problem = Assert.Single(Problems(() => Open("regiocode;regionaam;gemeentecode\n"u8.ToArray(), "regios.xlsx", Regios)));
        Assert.Contains("geen Excel-werkmap", problem.Message);
    }

    [Fact]
    public void BinaryJunk_IsNoTable()
    {
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);
        junk[0] = (byte)'x';
        var problem = Assert.Single(Problems(() => Open(junk, "regios.csv", Regios)));
        Assert.Equal("Dit is geen CSV-, XLSX- of JSON-bestand.", problem.Message);
        Assert.Null(problem.Line);
    }

    [Fact]
    public void OldExcelFile_ExplainsWhatToDo()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var problem = Assert.Single(Problems(() => Open(xls, "regios.xls", Regios)));
        Assert.Contains("oud Excel-bestand (.xls)", problem.Message);
    }

    [Fact]
    public void Utf16Csv_IsRead()
    {
        using var reader = Open(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("regiocode;regionaam;gemeentecode\nRRT1;Fryslân;GM1900\n")).ToArray(), "regios.csv", Regios);
        Assert.Equal("Fryslân", Assert.Single(ReadAll(reader))["regionaam"]);
    }

    [Fact]
    public void CallersStreamIsLeftOpen()
    {
        var stream = new MemoryStream("regiocode;regionaam;gemeentecode\nRRT1;West;GM0344\n"u8.ToArray());
        using (var reader = TableReaderFactory.Open(stream, "regios.csv", Regios)) ReadAll(reader);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void StreamNotAtStart_ReadFromItsPosition()
    {
        var bytes = "voorloop"u8.ToArray().Concat(Xlsx(w => w.AddSheet("Blad1", [["regiocode", "regionaam", "gemeentecode"], ["RRT1", "West", "GM0344"]]))).ToArray();
        var stream = new MemoryStream(bytes) { Position = 8 };
        using var reader = TableReaderFactory.Open(stream, "regios.xlsx", Regios);
        Assert.Equal("GM0344", Assert.Single(ReadAll(reader))["gemeentecode"]);
    }
}
