using System.Globalization;
using Labelkoz.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// A file joined to an answer: typed by its bytes (PDF, PNG, JPEG, WebP), at most
/// <see cref="ApplyModel.MaxFileBytes"/>; images are re-encoded (<see cref="ImageSanitizer"/>);
/// anything else is refused with the question's label.
/// </summary>
internal static class ApplicationFile
{
    /// <summary>The file's bytes and its type as its bytes say, or null with the reason under <paramref name="field"/>.</summary>
    public static async Task<(byte[] Bytes, string ContentType, string Extension)?> ReadAsync(ModelStateDictionary modelState, IStringLocalizer l, string field, string label, IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > ApplyModel.MaxFileBytes)
        {
            modelState.AddModelError(field, l["Le fichier joint à « {0} » pèse {1} Mo : un fichier ne peut pas dépasser {2} Mo.", label, (file.Length / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.CurrentCulture), ApplyModel.MaxFileBytes / (1024 * 1024)]);
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            return (bytes, "application/pdf", "pdf");
        }

        // Images are re-encoded, so no metadata (GPS position, author) of the candidate's photos reaches reviewers or the disk.
        var outcome = ImageSanitizer.Sanitize(bytes);
        if (outcome.Image is { } image)
        {
            return (image.Bytes, image.ContentType, image.Extension);
        }

        if (outcome.Refusal is ImageSanitizer.Problem.TooManyPixels)
        {
            modelState.AddModelError(field, ImageRefusals.TooManyPixels(l, outcome));
            return null;
        }

        modelState.AddModelError(field, l["Le fichier joint à « {0} » n'est ni un PDF ni une image PNG, JPEG ou WebP : les autres formats ne sont pas acceptés.", label]);
        return null;
    }
}
