using System.Globalization;
using System.Text;
using Labelkoz.Web.Infrastructure.Csv;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Audit;

/// <summary>The journal as a CSV file (see <see cref="Csv"/>), streamed as it is read.</summary>
public static class JournalCsv
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Streams the rows to the response, reading them from the database as they go.</summary>
    public static async Task<IActionResult> WriteAsync(HttpResponse response, string fileName, IAsyncEnumerable<JournalRow> rows, IStringLocalizer l, bool withCity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(l);
        response.ContentType = Csv.ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(ByteOrderMark, cancellationToken);
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);

        var header = new List<string> { l["Date (heure de Paris)"] };
        if (withCity)
        {
            header.Add(l["Collectivité"]);
        }

        header.AddRange([l["Auteur"], l["Action"], l["Objet"], l["Identifiant de l'objet"], l["Libellé de l'objet"], l["Détails"], l["Avant"], l["Après"]]);
        await WriteLineAsync(writer, header);

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var cells = new List<string?> { Cultures.ToParis(row.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) };
            if (withCity)
            {
                cells.Add(row.CityName);
            }

            cells.AddRange([
                row.Actor,
                AuditNames.Action(l, row.Action),
                AuditNames.Subject(l, row.SubjectType),
                row.SubjectId?.ToString(CultureInfo.InvariantCulture),
                row.SubjectLabel,
                row.Details,
                row.Before,
                row.After,
            ]);
            await WriteLineAsync(writer, cells);
        }

        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    private static Task WriteLineAsync(StreamWriter writer, IEnumerable<string?> cells) =>
        writer.WriteAsync(Csv.Line(cells));
}
