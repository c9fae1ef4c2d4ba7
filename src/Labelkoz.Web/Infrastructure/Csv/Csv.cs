using System.Text;

namespace Labelkoz.Web.Infrastructure.Csv;

/// <summary>
/// CSV files that open as they are in a French spreadsheet: UTF-8 with a byte order mark, ';'
/// between cells, every cell quoted. A cell that a spreadsheet would take for a formula (starting
/// with = + - @, or a tab or carriage return) is prefixed with an apostrophe. Every export of the
/// platform writes through here.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>One cell, quoted, safe from formula injection.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>One line of cells, with its CRLF.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(';', cells.Select(Cell)) + "\r\n";
}

/// <summary>A small CSV file built in memory, in the format of <see cref="Csv"/>.</summary>
public sealed class CsvFile
{
    private readonly StringBuilder _text = new();

    public void Line(IEnumerable<string?> cells) => _text.Append(Csv.Line(cells));

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];
}
