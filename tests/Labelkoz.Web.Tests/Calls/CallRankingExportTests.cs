using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;

namespace Labelkoz.Web.Tests.Calls;

/// <summary>
/// The ranking's Excel export, the record the municipal council votes on: a real workbook with
/// the call's title, the CSV's header and the same rows and numbers as the CSV, numbers stored as
/// numbers and texts never turned into formulas; refused to outsiders exactly like the CSV.
/// </summary>
public sealed class CallRankingExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task TheXlsx_HasTheCsvsRowsAndNumbers_AsNumbers_WithoutFormulas()
    {
        var city = await app.Given.City();
        var setup = await app.InReviewAsync(city, "=Appel XLSX", 1, null, await app.Given.Citizen("Hugo"), await app.Given.Citizen("Camille"), city.Agent);
        var (hugo, camille) = (setup.Applications[0], setup.Applications[1]);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        using var agent = await app.SignedInAsync(city.Agent.Email);

        // Impact 60 %, Faisabilité 40 %. Hugo: (8,6) → 7.2 and (6,4) → 5.2, mean 6.2. Camille: (10,9) → 9.6 alone.
        // The agent's own application is scored by nobody: last, without average.
        await admin.ScoreAsync(setup, hugo, 8, 6, "=1+1");
        await agent.ScoreAsync(setup, hugo, 6, 4, "-bien");
        await admin.ScoreAsync(setup, camille, 10, 9, "@moi");

        var page = await admin.GetAsync(setup.ReviewPath);
        var link = page.Document.QuerySelector("a[href='?handler=Xlsx']");
        Assert.NotNull(link);
        Assert.True(link.HasAttribute("download"));
        Assert.NotNull(page.Document.QuerySelector("a[href='?handler=Csv']"));

        var response = await admin.Client.GetAsync(setup.ReviewPath + "?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"classement-appel-{setup.Id}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var sheet = ReadWorkbook(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("Classement", sheet.Name);
        Assert.Empty(sheet.Formulas);
        Assert.Equal("Appel à projets : =Appel XLSX", sheet.Rows[0][0].Text);
        Assert.StartsWith("Exporté le ", sheet.Rows[1][0].Text, StringComparison.Ordinal);
        Assert.Empty(sheet.Rows[2]);

        var csv = await CsvAsync(admin, setup);
        var header = sheet.Rows[3];
        Assert.Equal(["Rang", "Projet", "Candidat"], header.Take(3).Select(c => c.Text));
        Assert.Equal(csv[0], header.Select(c => c.Text));

        // Hugo 2 reviewers × 2 criteria, Camille 1 × 2, the agent's application one empty row.
        var body = sheet.Rows.Skip(4).ToList();
        Assert.Equal(7, body.Count);
        Assert.Equal(csv.Count - 1, body.Count);
        for (var i = 0; i < body.Count; i++)
        {
            AssertSameRow(csv[i + 1], body[i]);
        }

        // Rank, average, reviewers and scores are numbers, not texts.
        var camilleRow = body[0];
        Assert.Equal("Candidature de Camille", camilleRow[1].Text);
        Assert.Equal((1m, true), (camilleRow[0].Number, camilleRow[0].IsNumber));
        Assert.Equal(9.6m, camilleRow[7].Number);
        Assert.True(camilleRow[7].IsNumber);
        Assert.Equal(1m, camilleRow[8].Number);
        Assert.Equal(10m, camilleRow[13].Number);
        Assert.True(camilleRow[13].IsNumber);
        var hugoRows = body.Where(r => r[1].Text == "Candidature de Hugo").ToList();
        Assert.Equal(4, hugoRows.Count);
        Assert.All(hugoRows, r => Assert.Equal((2m, 6.2m, 2m), (r[0].Number!.Value, r[7].Number!.Value, r[8].Number!.Value)));
        Assert.Contains(hugoRows, r => r[11].Text == "Impact" && r[12].Number == 60m && r[13].Number == 8m && r.Count == 15 && r[14].Text == "=1+1");
        Assert.Contains(hugoRows, r => r[11].Text == "Faisabilité" && r[12].Number == 40m && r[13].Number == 4m);
        Assert.Contains(hugoRows, r => r.Count == 15 && r[14].Text == "-bien");
        Assert.Equal("@moi", camilleRow[14].Text);
        var unscored = body[6];
        Assert.Equal("Candidature de " + city.Agent.DisplayName, unscored[1].Text);
        Assert.Null(unscored[7].Text);
        Assert.Equal(0m, unscored[8].Number);
    }

    [Fact]
    public async Task TheXlsx_IsRefusedToOutsiders_LikeTheCsv()
    {
        var (city, other) = await app.Given.TwoCities();
        var hugo = await app.Given.Citizen("Hugo");
        var setup = await app.InReviewAsync(city, "Appel XLSX cloisonné", 1, null, hugo);
        var url = setup.ReviewPath;
        var otherUrl = $"{other.AdminPath}/appels/{setup.Id}/candidatures";

        using var otherAdmin = await app.SignedInAsync(other.Admin.Email);
        await AssertSameAsCsvAsync(otherAdmin, url, HttpStatusCode.Forbidden);
        await AssertSameAsCsvAsync(otherAdmin, otherUrl, HttpStatusCode.NotFound);
        using var otherAgent = await app.SignedInAsync(other.Agent.Email);
        await AssertSameAsCsvAsync(otherAgent, url, HttpStatusCode.Forbidden);
        using var citizen = await app.SignedInAsync((await app.Given.Citizen()).Email);
        await AssertSameAsCsvAsync(citizen, url, HttpStatusCode.Forbidden);
        using var applicant = await app.SignedInAsync(hugo.Email);
        await AssertSameAsCsvAsync(applicant, url, HttpStatusCode.Forbidden);
        using var anonymous = app.HttpsBrowser();
        await AssertSameAsCsvAsync(anonymous, url, HttpStatusCode.Redirect);
        var login = await anonymous.Client.GetAsync(url + "?handler=Xlsx");
        Assert.Contains("/compte/connexion", login.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);

        // The city's own staff get it; an unknown call is not found.
        using var agent = await app.SignedInAsync(city.Agent.Email);
        await AssertSameAsCsvAsync(agent, url, HttpStatusCode.OK);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        await AssertSameAsCsvAsync(admin, $"{city.AdminPath}/appels/{setup.Id + 100_000}/candidatures", HttpStatusCode.NotFound);
    }

    private static async Task AssertSameAsCsvAsync(TestBrowser browser, string url, HttpStatusCode expected)
    {
        var xlsx = await browser.Client.GetAsync(url + "?handler=Xlsx");
        var csv = await browser.Client.GetAsync(url + "?handler=Csv");
        Assert.Equal(expected, csv.StatusCode);
        Assert.Equal(expected, xlsx.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.NotEqual(XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        }
    }

    private static void AssertSameRow(List<string> csv, List<XlsxCell> xlsx)
    {
        // The workbook leaves empty cells out: a row may stop before the CSV's last column, never go past it.
        Assert.InRange(xlsx.Count, 1, csv.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            var cell = i < xlsx.Count ? xlsx[i] : new XlsxCell(null, null);
            if (cell.IsNumber)
            {
                Assert.Equal(decimal.Parse(csv[i], CultureInfo.InvariantCulture), cell.Number);
            }
            else
            {
                // The CSV protects a text starting with = + - @ with a quote; the workbook keeps it as a text.
                var expected = csv[i].Length > 1 && csv[i][0] == '\'' && csv[i][1] is '=' or '+' or '-' or '@' ? csv[i][1..] : csv[i];
                Assert.Equal(expected, cell.Text ?? string.Empty);
            }
        }
    }

    /// <summary>The CSV's lines split into unquoted cells (the test data has no ; nor line break in a cell).</summary>
    private static async Task<List<List<string>>> CsvAsync(TestBrowser browser, TestCall call)
    {
        var bytes = await browser.Client.GetByteArrayAsync(call.ReviewPath + "?handler=Csv");
        return Encoding.UTF8.GetString(bytes[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(';').Select(c => c[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)).ToList())
            .ToList();
    }

    /// <summary>
    /// The first sheet read with the OpenXML SDK, each row as a full list of cells by column
    /// (a missing cell is empty), up to the last cell of the row.
    /// </summary>
    private static Sheet1 ReadWorkbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var invalid = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, "The workbook is not valid OpenXML:\n" + string.Join('\n', invalid));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<List<XlsxCell>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var index = (int)row.RowIndex!.Value;
            while (rows.Count < index)
            {
                rows.Add([]);
            }

            var cells = rows[index - 1];
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count <= column)
                {
                    cells.Add(new XlsxCell(null, null));
                }

                var type = cell.DataType?.Value;
                cells[column] = type == CellValues.InlineString ? new XlsxCell(cell.InlineString!.InnerText, null)
                    : type == CellValues.SharedString ? new XlsxCell(shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)], null)
                    : type == CellValues.String ? new XlsxCell(cell.CellValue?.Text, null)
                    : new XlsxCell(null, decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        return new Sheet1(sheet.Name!.Value!, rows, part.Worksheet.Descendants<CellFormula>().Select(f => f.Text).ToList());
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private sealed record XlsxCell(string? Text, decimal? Number)
    {
        public bool IsNumber => Number is not null;
    }

    private sealed record Sheet1(string Name, List<List<XlsxCell>> Rows, List<string> Formulas);
}
