using System.Text;
using Monitor.Feeds.Formats;
using Monitor.Feeds.Values;
using Monitor.Tests.Support;
using static Monitor.Tests.Support.Tables;

namespace Monitor.Tests.Feeds.Formats;

public sealed class CsvTableReaderTests
{
    private static readonly Monitor.Feeds.Formats.TableReadOptions Plekken = Required("peildatum", "gemeentecode", "capaciteit");

    static CsvTableReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Semicolons_ReadAsDutchNumbers()
    {
        using var reader = OpenCsv("peildatum;gemeentecode;capaciteit\n1-7-2025;GM0363;1.234\n", Plekken);
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal("csv", reader.Format);
        Assert.Equal(NumberStyleHint.Dutch, reader.Numbers);
        Assert.Equal(["peildatum", "gemeentecode", "capaciteit"], reader.Header);
        Assert.True(ValueParser.TryCount(row["capaciteit"], reader.Numbers, out var capaciteit, out _));
        Assert.Equal(1234, capaciteit);
        Assert.Equal(2, row.Line);
    }

    [Fact]
    public void Commas_ReadAsInvariantNumbers_QuotedCommaStaysInItsField()
    {
        using var reader = OpenCsv("peildatum,gemeentecode,capaciteit,locatienaam\n2025-07-01,GM0363,\"1,234\",\"Hotel, Amsterdam\"\n", Plekken);
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal(NumberStyleHint.Invariant, reader.Numbers);
        Assert.Equal("1,234", row["capaciteit"]);
        Assert.Equal("Hotel, Amsterdam", row["locatienaam"]);
    }

    [Fact]
    public void NoRequiredColumns_DelimiterFromTheFirstLine()
    {
        using var reader = OpenCsv("naam,email\n\"Jansen; J.\",j@example.org\n", Required());
        Assert.Equal(NumberStyleHint.Invariant, reader.Numbers);
        Assert.Equal("Jansen; J.", Assert.Single(ReadAll(reader))["naam"]);
    }

    [Fact]
    public void Windows1252_DecodesDiacritics()
    {
        var text = "peildatum;gemeentecode;capaciteit;opgave;locatienaam\n1-7-2025;GM1900;10;Oekraïne;Café Súdwest-Fryslân\n";
        using var reader = OpenCsv(text, Plekken, Encoding.GetEncoding(1252));
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal("Oekraïne", row["opgave"]);
        Assert.Equal("Café Súdwest-Fryslân", row["locatienaam"]);
    }

    [Fact]
    public void Utf8WithBom_HeaderHasNoBom()
    {
        using var reader = OpenCsv("gemeentecode;peildatum;capaciteit;locatienaam\nGM0363;1-7-2025;5;Oekraïne-opvang\n", Plekken, new UTF8Encoding(true));
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal("gemeentecode", reader.Header[0]);
        Assert.Equal("GM0363", row["gemeentecode"]);
        Assert.Equal("Oekraïne-opvang", row["locatienaam"]);
    }

    [Fact]
    public void Utf8WithoutBom_DecodesDiacritics()
    {
        using var reader = OpenCsv("gemeentecode;peildatum;capaciteit;locatienaam\nGM0363;1-7-2025;5;Zoë's plek\n", Plekken);
        Assert.Equal("Zoë's plek", Assert.Single(ReadAll(reader))["locatienaam"]);
    }

    [Fact]
    public void Utf8CharacterCutByTheSniffBuffer_StillUtf8()
    {
        var text = new StringBuilder("peildatum;gemeentecode;capaciteit;locatienaam\n");
        while (text.Length < TableReaderFactory.HeadBytes - 200) text.Append("1-7-2025;GM0363;5;Hotel\n");
        const string rowStart = "1-7-2025;GM0363;5;";
        text.Append(rowStart);
        text.Append('a', TableReaderFactory.HeadBytes - 1 - text.Length).Append("ë\n");
        text.Append(rowStart).Append("Zoë\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.Equal(0xC3, bytes[TableReaderFactory.HeadBytes - 1]); // the sniffed part ends halfway through ë
        using var reader = Open(bytes, "plekken.csv", Plekken);
        var rows = ReadAll(reader);
        Assert.EndsWith("aë", rows[^2]["locatienaam"]);
        Assert.Equal("Zoë", rows[^1]["locatienaam"]);
    }

    [Fact]
    public void InvalidUtf8AfterTheSniffedPart_IsAProblemOnItsLine()
    {
        var text = new StringBuilder("peildatum;gemeentecode;capaciteit;locatienaam\n");
        var lines = 1;
        while (text.Length < TableReaderFactory.HeadBytes + 1000)
        {
            text.Append("1-7-2025;GM0363;5;Zoë\n");
            lines++;
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(Encoding.GetEncoding(1252).GetBytes("1-7-2025;GM0363;5;Café\n")).ToArray();
        var problem = Assert.Single(Problems(() => Open(bytes, "plekken.csv", Plekken)));
        Assert.Equal(lines + 1, problem.Line);
        Assert.Contains("UTF-8", problem.Message);
    }

    [Fact]
    public void TitleRowsAboveHeader_AreSkipped_LinesStayPhysical()
    {
        var text = "Plekken per gemeente;;\nPeildatum: 1 juli 2025;;\n;;\n\npeildatum;gemeentecode;capaciteit\n1-7-2025;GM0363;5\n";
        using var reader = OpenCsv(text, Plekken);
        Assert.Equal(["peildatum", "gemeentecode", "capaciteit"], reader.Header);
        Assert.Equal(6, Assert.Single(ReadAll(reader)).Line);
    }

    [Fact]
    public void HeaderNames_CaseAndSpacesIgnored()
    {
        using var reader = OpenCsv(" PeilDatum ; GEMEENTECODE;Capaciteit  \n1-7-2025;GM0363;5\n", Plekken);
        Assert.Equal(["peildatum", "gemeentecode", "capaciteit"], reader.Header);
        Assert.Equal("5", Assert.Single(ReadAll(reader))["capaciteit"]);
    }

    [Fact]
    public void QuotedNewlines_LineIsWhereTheRecordStarts()
    {
        var text = "peildatum;gemeentecode;capaciteit;locatienaam\r\n" +
                   "1-7-2025;GM0363;5;\"Hotel\r\nNoord\r\nvleugel B\"\r\n" +
                   "1-7-2025;GM0344;7;Kazerne\r\n" +
                   "\r\n" +
                   "1-7-2025;GM0599;9;\"Schip\nAmstel\"\n" +
                   "1-7-2025;GM0518;3;Paviljoen";
        using var reader = OpenCsv(text, Plekken);
        var rows = ReadAll(reader);
        Assert.Equal([2L, 5, 7, 9], rows.Select(r => r.Line));
        Assert.Equal("Hotel\r\nNoord\r\nvleugel B", rows[0]["locatienaam"]);
    }

    [Fact]
    public void OldMacLineEnds_CountAsLines()
    {
        using var reader = OpenCsv("peildatum;gemeentecode;capaciteit\r1-7-2025;GM0363;5\r1-7-2025;GM0344;6\r", Plekken);
        Assert.Equal([2L, 3], ReadAll(reader).Select(r => r.Line));
    }

    [Fact]
    public void UnterminatedQuote_IsAProblemOnTheLineWhereTheFieldStarts()
    {
        var text = "peildatum;gemeentecode;capaciteit;locatienaam\n1-7-2025;GM0363;5;Hotel\n1-7-2025;GM0344;6;\"Kazerne\n1-7-2025;GM0599;7;Schip\n";
        var problem = Assert.Single(Problems(() => OpenCsv(text, Plekken)));
        Assert.Equal(3, problem.Line);
        Assert.Contains("aanhalingstekens", problem.Message);
    }

    [Fact]
    public void TextAfterClosingQuote_IsAProblemOnItsLine()
    {
        var text = "peildatum;gemeentecode;capaciteit;locatienaam\n1-7-2025;GM0363;5;Hotel\n1-7-2025;GM0344;6;\"Kazerne\" Noord\n";
        var problem = Assert.Single(Problems(() => OpenCsv(text, Plekken)));
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void QuoteInsideUnquotedField_IsData()
    {
        using var reader = OpenCsv("peildatum;gemeentecode;capaciteit;locatienaam\n1-7-2025;GM0363;5;Scherm 12\" breed\n", Plekken);
        Assert.Equal("Scherm 12\" breed", Assert.Single(ReadAll(reader))["locatienaam"]);
    }

    [Fact]
    public void HashAtLineStart_IsData()
    {
        using var reader = OpenCsv("locatienaam;peildatum;gemeentecode;capaciteit\n#12 Noord;1-7-2025;GM0363;5\n", Plekken);
        Assert.Equal("#12 Noord", Assert.Single(ReadAll(reader))["locatienaam"]);
    }

    [Fact]
    public void TabSeparated_ReportsMissingColumnsAndTheTabs()
    {
        var problems = Problems(() => OpenCsv("peildatum\tgemeentecode\tcapaciteit\n1-7-2025\tGM0363\t5\n", Plekken));
        Assert.Equal(["peildatum", "gemeentecode", "capaciteit"], problems.Where(p => p.Column is not null).Select(p => p.Column));
        Assert.All(problems, p => Assert.Equal(1, p.Line));
        Assert.Contains(problems, p => p.Column is null && p.Message.Contains("tabs"));
    }

    [Fact]
    public void MissingColumn_NamesItAndTheColumnsFound()
    {
        var problem = Assert.Single(Problems(() => OpenCsv("Datum;gemeentecode;capaciteit\n1-7-2025;GM0363;5\n", Plekken)));
        Assert.Equal("peildatum", problem.Column);
        Assert.Equal(1, problem.Line);
        Assert.Equal("Kolom 'peildatum' ontbreekt in de kopregel. Gevonden kolommen: Datum, gemeentecode, capaciteit.", problem.Message);
    }

    [Fact]
    public void HeaderNotWithinTitleRowWindow_ReportedAgainstFirstRow()
    {
        var text = "Overzicht\n" + string.Concat(Enumerable.Repeat("toelichting;;\n", 25)) + "peildatum;gemeentecode;capaciteit\n";
        var problems = Problems(() => OpenCsv(text, Plekken));
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal(1, p.Line));
        Assert.All(problems, p => Assert.EndsWith("Gevonden kolommen: Overzicht.", p.Message));
    }

    [Fact]
    public void ColumnMapping_RenamesFileHeaders()
    {
        var options = Plekken with { ColumnMapping = new Dictionary<string, string> { ["Gemeente code"] = "gemeentecode", ["PLAATSEN"] = "Capaciteit" } };
        using var reader = OpenCsv("peildatum;gemeente code;plaatsen\n1-7-2025;GM0363;5\n", options);
        Assert.Equal(["peildatum", "gemeentecode", "capaciteit"], reader.Header);
        Assert.Equal("5", Assert.Single(ReadAll(reader))["capaciteit"]);
    }

    [Fact]
    public void MappedColumnMissing_MentionsTheFileName()
    {
        var options = Plekken with { ColumnMapping = new Dictionary<string, string> { ["Datum"] = "peildatum" } };
        var problem = Assert.Single(Problems(() => OpenCsv("peil;gemeentecode;capaciteit\n", options)));
        Assert.StartsWith("Kolom 'peildatum' (in dit bestand 'datum') ontbreekt", problem.Message);
    }

    [Fact]
    public void DuplicateColumn_IsAProblem()
    {
        var problem = Assert.Single(Problems(() => OpenCsv("peildatum;gemeentecode;capaciteit;Capaciteit\n1-7-2025;GM0363;5;6\n", Plekken)));
        Assert.Equal("capaciteit", problem.Column);
        Assert.Contains("kolommen 3, 4", problem.Message);
    }

    [Fact]
    public void ExtraColumns_AreKeptAndDoNotDisturb()
    {
        using var reader = OpenCsv("opmerking;peildatum;gemeentecode;x;capaciteit;y\nnieuw;1-7-2025;GM0363;;5;\n", Plekken);
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal("5", row["capaciteit"]);
        Assert.Null(row["x"]);
    }

    [Fact]
    public void EmptyRowsAndCells_SkippedAndNull()
    {
        using var reader = OpenCsv("peildatum;gemeentecode;capaciteit\n;;\n  ;\t; \n1-7-2025; GM0363 ;\n\n", Plekken);
        var row = Assert.Single(ReadAll(reader));
        Assert.Equal(4, row.Line);
        Assert.Equal("GM0363", row["gemeentecode"]);
        Assert.Null(row["capaciteit"]);
    }

    [Fact]
    public void ShortRow_MissingCellsAreNull()
    {
        using var reader = OpenCsv("peildatum;gemeentecode;capaciteit\n1-7-2025;GM0363\n", Plekken);
        Assert.Equal(2, reader.Read() ? reader.FieldCount : -1);
        Assert.Null(reader.Get(2));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\r\n ")]
    [InlineData("\uFEFF")]
    public void EmptyFile_SaysSo(string text)
    {
        var problem = Assert.Single(Problems(() => OpenCsv(text, Plekken)));
        Assert.Equal("Het bestand is leeg.", problem.Message);
        Assert.Null(problem.Line);
    }

    [Fact]
    public void BlankLinesOnly_SaysEmpty()
    {
        var problem = Assert.Single(Problems(() => OpenCsv(";;\n;;\n", Plekken)));
        Assert.Equal("Het bestand is leeg.", problem.Message);
    }

    [Fact]
    public void HeaderOnly_NoRows()
    {
        using var reader = OpenCsv("peildatum;gemeentecode;capaciteit\r\n", Plekken);
        Assert.Empty(ReadAll(reader));
    }

    [Fact]
    public void LargeFileFromForwardOnlyStream_EveryRowRead()
    {
        var text = new StringBuilder("peildatum;gemeentecode;capaciteit\n");
        for (var i = 0; i < 150_000; i++) text.Append("1-7-2025;GM0363;").Append(i).Append('\n');
        using var reader = Open(Encoding.UTF8.GetBytes(text.ToString()), "groot.csv", Plekken, seekable: false);
        var rows = ReadAll(reader);
        Assert.Equal(150_000, rows.Count);
        Assert.Equal(150_001, rows[^1].Line);
        Assert.Equal("149999", rows[^1]["capaciteit"]);
    }

    [Fact]
    public void FiveMegabyteLine_IsAProblemOnItsLine()
    {
        var text = "peildatum;gemeentecode;capaciteit;locatienaam\n1-7-2025;GM0363;5;" + new string('x', 5 << 20) + "\n1-7-2025;GM0344;6;Kazerne\n";
        var problem = Assert.Single(Problems(() => OpenCsv(text, Plekken)));
        Assert.Equal(2, problem.Line);
        Assert.Contains("langer dan 1 MB", problem.Message);
    }

    [Fact]
    public void EndlessLine_MemoryStaysBounded()
    {
        var header = Encoding.ASCII.GetBytes("peildatum;gemeentecode;capaciteit\n\n1-7-2025;GM0363;");
        var stream = new GeneratedStream(header, (byte)'9', 2L << 30, "\n"u8.ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<Monitor.Feeds.FeedFormatException>(() =>
        {
            using var reader = TableReaderFactory.Open(stream, "eindeloos.csv", Plekken);
            while (reader.Read()) { }
        });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(3, Assert.Single(error.Problems).Line);
        Assert.True(stream.Position < 16 << 20, $"read {stream.Position} bytes of a 2 GB line");
        Assert.True(allocated < 16 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void LowerMaxLineBytes_IsHonoured()
    {
        var options = Plekken with { MaxLineBytes = 4096 };
        var text = "peildatum;gemeentecode;capaciteit;locatienaam\n1-7-2025;GM0363;5;kort\n1-7-2025;GM0363;5;" + new string('x', 10_000) + "\n";
        var problem = Assert.Single(Problems(() => OpenCsv(text, options)));
        Assert.Equal(3, problem.Line);
        Assert.Contains("4 kB", problem.Message);
    }
}
