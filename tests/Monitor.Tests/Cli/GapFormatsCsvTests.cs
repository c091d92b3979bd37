using Monitor.Compute;
using Monitor.Cli;

namespace Monitor.Tests.Cli;

/// <summary><c>monitor gaps --format csv</c> with names from a feed: opened in a spreadsheet, none is a live formula.</summary>
public sealed class GapFormatsCsvTests
{
    private static GapRow Row(string code, string name) =>
        new(code, name, "gemeente", "asiel", new DateOnly(2025, 9, 15), 500, 300, 200, 200, 60m, new DateOnly(2025, 7, 1), null, null, null, null);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\";\"klik\")", "\"'=HYPERLINK(\"\"http://x.example\"\";\"\"klik\"\")\"")]
    [InlineData("+31 Gemeente", "'+31 Gemeente")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("Tilburg", "Tilburg")]
    public void NameStartingAFormula_IsDefusedAsInTheDigestCsv(string name, string field)
    {
        var line = GapFormats.Csv([Row("GM0855", name)]).Split('\n')[1];
        Assert.StartsWith($"GM0855,{field},asiel,2025-09-15,500,300,200,200,60.00,", line);
    }
}
