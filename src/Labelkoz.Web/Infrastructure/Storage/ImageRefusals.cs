using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Infrastructure.Storage;

/// <summary>The sentence shared by every image upload for what only the decoder can tell.</summary>
public static class ImageRefusals
{
    public static string TooManyPixels(IStringLocalizer l, ImageSanitizer.Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(outcome);
        return l[
            "L'image annonce {0} × {1} pixels : une image ne peut pas dépasser {2} millions de pixels ni {3} pixels de côté. Réduisez-la avant de l'envoyer.",
            outcome.DeclaredWidth.ToString("N0", CultureInfo.CurrentCulture),
            outcome.DeclaredHeight.ToString("N0", CultureInfo.CurrentCulture),
            ImageSanitizer.MaxDeclaredPixels / 1_000_000,
            ImageSanitizer.MaxDeclaredSide.ToString("N0", CultureInfo.CurrentCulture)];
    }
}
