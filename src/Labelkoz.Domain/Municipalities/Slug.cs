using System.Globalization;
using System.Text;
using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>The URL segment of a municipality's site, e.g. <c>montreuil</c> in <c>/montreuil</c>.</summary>
public static class Slug
{
    public const int MaxLength = 60;

    /// <summary>Top-level paths of the platform itself, which a city may never take.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "appels", "assets", "compte", "connexion", "css", "dev", "erreur", "favicon.ico",
        "fichiers", "img", "inscription", "inscrire-ma-collectivite", "js", "langue", "lib", "openapi",
        "operateur", "projets", "robots.txt", "statistiques", "villes", "webhooks", "accessibilite",
        "mentions-legales", "confidentialite", "conditions-d-utilisation", "cookies", "invitations", "notifications", "health", "healthz", "paiement-test",
    };

    public static string Validate(string? raw)
    {
        var value = raw?.Trim() ?? string.Empty;
        if (value.Length is < 2 or > MaxLength)
        {
            throw new DomainException(CityRefusals.SlugLength.With(MaxLength));
        }

        var valid = value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && value[0] != '-' && value[^1] != '-' && !value.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new DomainException(CityRefusals.SlugCharacters);
        }

        if (Reserved.Contains(value))
        {
            throw new DomainException(CityRefusals.SlugReserved.With(value));
        }

        return value;
    }

    /// <summary>Builds a slug from a name: "Saint-Denis" → "saint-denis", "L'Île-Saint-Denis" → "l-ile-saint-denis".</summary>
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasDash = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
            {
                builder.Append(lower);
                lastWasDash = false;
            }
            else if (!lastWasDash)
            {
                builder.Append('-');
                lastWasDash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }
}
