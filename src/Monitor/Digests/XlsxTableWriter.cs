using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Digests;

/// <summary>
/// Writes rows to an XLSX workbook, one sheet per <see cref="AddSheet"/>, streaming each sheet so a large sample feed
/// never sits in memory. Cells: string → text, numbers → numeric cells, DateOnly/DateTime → date cells, bool, null →
/// empty. A row without any value is left out of the file, as Excel does, so the reader must still count it.
/// </summary>
public sealed class XlsxTableWriter : IDisposable
{
    private const uint DateStyle = 1;
    private readonly SpreadsheetDocument _document;
    private readonly Sheets _sheets;
    private uint _sheetId;

    public XlsxTableWriter(Stream output)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        _sheets = workbook.Workbook.AppendChild(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
    }

    /// <summary>Writes one sheet. Title rows are simply the first rows; row n of the sequence is Excel row n.</summary>
    public void AddSheet(string name, IEnumerable<IEnumerable<object?>> rows)
    {
        var workbook = _document.WorkbookPart!;
        var part = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            uint rowIndex = 0;
            foreach (var row in rows)
            {
                rowIndex++;
                var cells = row.ToList();
                if (cells.All(c => c is null)) continue;
                writer.WriteStartElement(new Row { RowIndex = rowIndex });
                for (var i = 0; i < cells.Count; i++)
                    if (cells[i] is { } value) writer.WriteElement(Cell($"{ColumnLetters(i)}{rowIndex}", value));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        _sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = ++_sheetId, Name = name });
    }

    public void Dispose() => _document.Dispose();

    private static Cell Cell(string reference, object value) => value switch
    {
        string s => new Cell
        {
            CellReference = reference, DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve }),
        },
        bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        DateOnly d => DateCell(reference, d.ToDateTime(TimeOnly.MinValue)),
        DateTime dt => DateCell(reference, dt),
        int or long or short or byte or uint or ulong or float or double or decimal =>
            new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDecimal(value)) },
        _ => throw new ArgumentException($"Cannot write a {value.GetType().Name} to an XLSX cell.", nameof(value)),
    };

    private static Cell DateCell(string reference, DateTime value) =>
        new() { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(value.ToOADate()) };

    private static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    // The smallest stylesheet Excel accepts, plus one cell format with built-in number format 14 (a short date).
    private static Stylesheet Styles() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                  new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
}
