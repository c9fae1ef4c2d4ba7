using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Labelkoz.Web.Infrastructure.Security;

/// <summary>One cookie the site may set: its name, why the service cannot work without it, and how long it lives.</summary>
public sealed record NecessaryCookie(string Name, string Purpose, string Lifetime);

/// <summary>
/// Every cookie the site may set. They are all strictly necessary to the service the person asked
/// for (ePrivacy directive art. 5.3, CNIL guidelines), so no consent is asked. The cookies page
/// renders this list and a test fails when a response sets any other, so the page cannot drift
/// from what the site does.
/// </summary>
public static class StrictlyNecessaryCookies
{
    public const string Session = ".Labelkoz.Session";
    public const string Antiforgery = ".Labelkoz.Antiforgery";

    public static readonly IReadOnlyList<NecessaryCookie> All =
    [
        new(Session, "Garde la session ouverte après la connexion.", "14 jours sans visite, ou jusqu'à la déconnexion"),
        new(Antiforgery, "Protège les formulaires contre leur envoi par un autre site.", "la durée de la visite"),
        new(LocalizationModule.CultureCookie, "Retient la langue choisie avec le bouton « English » ou « Français ».", "1 an, posé seulement si vous changez de langue"),
        new(CookieTempDataProvider.CookieName, "Porte un message de confirmation d'une page à la suivante (« enregistré »).", "lu et effacé à la page suivante"),
        new(IdentityConstants.TwoFactorUserIdScheme, "Relie les deux étapes d'une connexion avec un second facteur.", "la durée de la connexion"),
        new(IdentityConstants.TwoFactorRememberMeScheme, "Retient, si vous le demandez, que cet appareil a déjà passé le second facteur.", "14 jours"),
    ];

    public static bool IsAllowed(string name) => All.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
