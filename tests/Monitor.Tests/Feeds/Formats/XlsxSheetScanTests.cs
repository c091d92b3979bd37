using System.Text;
using Monitor.Feeds.Formats;

namespace Monitor.Tests.Feeds.Formats;

/// <summary>The worksheet scan sees the same cells however the decompressed bytes are cut into chunks.</summary>
public sealed class XlsxSheetScanTests
{
    // 3,000 cells in 1,000 rows, then one cell at XFD1048576: a walk of 17 billion cells over 3,001 present.
    private static readonly byte[] FarSheet = Encoding.UTF8.GetBytes(
        "<worksheet><sheetData>" +
        string.Concat(Enumerable.Range(1, 1000).Select(r => $"<row r=\"{r}\" spans=\"1:3\"><c r=\"A{r}\" s=\"1\"><v>{r}</v></c><c r='B{r}' t=\"s\"><v>0</v></c>" +
                                                           $"<c\nr=\"C{r}\" t=\"str\"><v>header=\"x\"</v></c></row>")) +
        "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData><pageMargins header=\"0.3\" footer=\"0.3\"/></worksheet>");

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void FarCell_IsFoundAndCellsCounted_InAnyChunking(int chunk)
    {
        var scan = new XlsxSheetScan();
        for (var at = 0; at < FarSheet.Length; at += chunk) scan.Add(FarSheet.AsSpan(at, Math.Min(chunk, FarSheet.Length - at)));

        Assert.Contains("Het werkblad loopt tot cel XFD1048576 terwijl het maar 3.001 cellen bevat", scan.Problem(archiveHasSharedStrings: true));
        Assert.True(scan.UsesSharedStrings);
        Assert.Contains("sharedStrings.xml", scan.Problem(archiveHasSharedStrings: false));
    }

    [Fact]
    public void OrdinarySheet_HasNoProblem()
    {
        var scan = new XlsxSheetScan();
        scan.Add(Encoding.UTF8.GetBytes("<sheetData>" + string.Concat(Enumerable.Range(1, 200_000).Select(r => $"<row r=\"{r}\"><c r=\"J{r}\"><v>1</v></c></row>")) + "</sheetData>"));
        Assert.Null(scan.Problem(archiveHasSharedStrings: false));
    }
}
