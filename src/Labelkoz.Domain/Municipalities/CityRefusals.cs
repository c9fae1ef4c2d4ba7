using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>
/// The rules of a municipality (the tenant), its site's address and colour, its neighbourhoods and
/// its staff. Fields are named as the back office's and the operator's forms name them.
/// </summary>
public static class CityRefusals
{
    public static readonly DomainRefusal SubscriptionSuspended = new("city.subscription-suspended", null, "L'abonnement de la ville est suspendu : aucun nouveau label ne peut être décerné tant qu'il n'est pas rétabli.");

    public static readonly DomainRefusal SubscriptionCancelled = new("city.subscription-cancelled", null, "L'abonnement de la ville est résilié : elle ne peut plus décerner de label.");

    public static readonly DomainRefusal UnknownSubscriptionStatus = new("city.unknown-subscription-status", "Status", "Ce statut d'abonnement n'existe pas.");

    public static readonly DomainRefusal PopulationOutOfRange = new("city.population-out-of-range", "Population", "La population doit être un nombre positif.");

    public static readonly DomainRefusal SirenNotNineDigits = new("city.siren-not-nine-digits", "Siren", "Le SIREN doit comporter 9 chiffres.");

    public static readonly DomainRefusal UnknownModerationMode = new("city.unknown-moderation-mode", null, "Mode de modération inconnu.");

    public static readonly DomainRefusal UnknownComplianceLevel = new("city.unknown-compliance-level", "AccessibilityCompliance", "Le niveau de conformité doit être « totalement conforme », « partiellement conforme » ou « non conforme ».");

    public static readonly DomainRefusal WebsiteNotAbsolute = new("city.website-not-absolute", "Website", "Le site internet doit être une adresse complète commençant par https://.");

    public static readonly DomainRefusal NeighbourhoodExists = new("city.neighbourhood-exists", "Name", "Le quartier « {0} » existe déjà.");

    public static readonly DomainRefusal TooManyNeighbourhoods = new("city.too-many-neighbourhoods", null, "Une ville ne peut pas avoir plus de {0} quartiers.");

    public static readonly DomainRefusal UnknownNeighbourhood = new("city.unknown-neighbourhood", null, "Ce quartier n'existe pas.");

    public static readonly DomainRefusal NeighbourhoodHasProjects = new("city.neighbourhood-has-projects", null, "Le quartier « {0} » est associé à {1} projet(s) : il ne peut pas être retiré.");

    public static readonly DomainRefusal NotStaff = new("city.not-staff", null, "Cette personne ne fait pas partie de l'équipe de la ville.");

    public static readonly DomainRefusal OfflineThresholdOutOfRange = new("city.offline-threshold-out-of-range", "Threshold", "Le seuil doit être compris entre 0 € et {0}.");

    public static readonly DomainRefusal UnknownRole = new("city.unknown-role", "Role", "Rôle inconnu.");

    public static readonly DomainRefusal LastAdmin = new("city.last-admin", null, "La ville doit garder au moins un administrateur.");

    /// <summary>Shared by every form that takes an address (a staff invitation, a city's contact, a sign-up's contact): the caller names the field.</summary>
    public static readonly DomainRefusal EmailInvalid = new("email.invalid", "Email", "L'adresse électronique « {0} » n'est pas valide.");

    public static readonly DomainRefusal SlugLength = new("slug.length", "Slug", "L'adresse du site (slug) doit comporter entre 2 et {0} caractères.");

    public static readonly DomainRefusal SlugCharacters = new("slug.characters", "Slug", "L'adresse du site (slug) ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets simples.");

    public static readonly DomainRefusal SlugReserved = new("slug.reserved", "Slug", "L'adresse « {0} » est réservée par la plateforme.");

    public static readonly DomainRefusal InseeCodeMalformed = new("insee.malformed", "InseeCode", "Le code INSEE doit comporter 5 caractères : des chiffres, ou 2A / 2B suivis de 3 chiffres pour la Corse.");

    public static readonly DomainRefusal BrandColourMalformed = new("colour.malformed", "BrandColour", "La couleur doit être au format hexadécimal #RRVVBB (par exemple #1F6FB2).");
}
