using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Monitor.Tests.Samples;

public sealed class SampleXlsxTests
{
    private static string XlsxPath => Path.Combine(GeneratedSamples.Directory, GeneratedSamples.Manifest.Files.Single(f => f.Format == "xlsx").File);

    [Fact]
    public void Xlsx_IsValidOpenXml()
    {
        using var doc = SpreadsheetDocument.Open(XlsxPath, isEditable: false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Xlsx_HasTitleRowsAboveTheHeader_NumbersAsNumbers_DatesAsDates()
    {
        var entry = GeneratedSamples.Manifest.Files.Single(f => f.Format == "xlsx");
        Assert.Equal(4, entry.HeaderRow);
        var rows = GeneratedSamples.Rows(entry);
        Assert.Equal(2 * (342 + 12), rows.Count);
        // ExcelDataReader hands numbers back as double and date cells as DateTime: both survive as values, not text.
        Assert.All(rows, r => Assert.Equal("2024-01-15", r["publicatiedatum"]));
        Assert.Contains(rows, r => r["gebiedcode"] == "GM0363" && r["opgave"] == "asiel" && int.Parse(r["aantal"]) > 3000);
    }
}
