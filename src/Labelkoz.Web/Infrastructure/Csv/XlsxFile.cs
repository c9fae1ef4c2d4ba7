using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Labelkoz.Web.Infrastructure.Csv;

/// <summary>
/// A one-sheet Excel workbook written with the OpenXML SDK, for the exports a council or an
/// accountant opens in a spreadsheet: the title lines, an empty line, the bold header, then the
/// rows (the columns named as wide are twice as wide). Texts are inline strings (never formulas, so a text
/// starting with = + - @ stays a text), ints and decimals are numbers, decimals shown with two
/// decimals.
/// </summary>
public static class XlsxFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const uint TwoDecimalsStyle = 2;
    private const uint TitleStyle = 3;
    private const int MaxCellText = 32_767;

    public static byte[] Write(string sheetName, IReadOnlyList<string> titleLines, IReadOnlyList<string> header, IReadOnlyList<object?[]> rows, IReadOnlyCollection<int> wideColumns)
    {
        ArgumentNullException.ThrowIfNull(titleLines);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(wideColumns);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new X.Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();

            var data = new X.SheetData();
            uint index = 0;
            foreach (var line in titleLines)
            {
                data.Append(Row(++index, [line], TitleStyle));
            }

            index++;
            data.Append(Row(++index, header, HeaderStyle));
            foreach (var row in rows)
            {
                data.Append(Row(++index, row, null));
            }

            var columns = new X.Columns();
            for (var i = 0; i < header.Count; i++)
            {
                var column = (uint)(i + 1);
                columns.Append(new X.Column { Min = column, Max = column, Width = wideColumns.Contains(i) ? 32 : 16, CustomWidth = true });
            }

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new X.Worksheet(columns, data);
            workbookPart.Workbook.Append(new X.Sheets(new X.Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }

        return stream.ToArray();
    }

    private static X.Row Row(uint index, IEnumerable<object?> values, uint? style)
    {
        var row = new X.Row { RowIndex = index };
        var column = 0;
        foreach (var value in values)
        {
            var reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            X.Cell? cell = value switch
            {
                null => null,
                int number => new X.Cell { CellValue = new X.CellValue(number), DataType = X.CellValues.Number },
                decimal number => new X.Cell { CellValue = new X.CellValue(number), DataType = X.CellValues.Number, StyleIndex = TwoDecimalsStyle },
                _ => new X.Cell(new X.InlineString(new X.Text(Text(Convert.ToString(value, CultureInfo.InvariantCulture))))) { DataType = X.CellValues.InlineString },
            };
            if (cell is null)
            {
                continue;
            }

            cell.CellReference = reference;
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>A text a spreadsheet accepts: no character XML forbids, at most 32,767 characters.</summary>
    private static string Text(string? value)
    {
        var text = new string((value ?? string.Empty).Where(XmlConvert.IsXmlChar).ToArray());
        return text.Length > MaxCellText ? text[..MaxCellText] : text;
    }

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>The styles: 0 plain, 1 bold header, 2 two decimals ("0.00", built-in format 2), 3 bold title.</summary>
    private static X.Stylesheet Stylesheet() => new(
        new X.Fonts(new X.Font(), new X.Font(new X.Bold())) { Count = 2 },
        new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }), new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 })) { Count = 2 },
        new X.Borders(new X.Border()) { Count = 1 },
        new X.CellFormats(
            new X.CellFormat(),
            new X.CellFormat { FontId = 1, ApplyFont = true },
            new X.CellFormat { NumberFormatId = 2, ApplyNumberFormat = true },
            new X.CellFormat { FontId = 1, ApplyFont = true })
        { Count = 4 });
}
