using System.Globalization;
using Labelkoz.Domain.Funding;

namespace Labelkoz.Web.Features.Funding.Contribute;

/// <summary>The addresses of contributing, and the French words for a contribution's state.</summary>
public static class ContributionPaths
{
    public static string Contribute(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/contribuer");

    public static string Status(string citySlug, long projectId, long contributionId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/contributions/{contributionId}");

    public const string Mine = "/compte/mes-contributions";

    /// <summary>The state of a contribution, as its contributor reads it (a key for the localizer).</summary>
    public static string StatusLabel(ContributionStatus status) => status switch
    {
        ContributionStatus.Pending => "Paiement en cours de confirmation",
        ContributionStatus.Succeeded => "Confirmée",
        ContributionStatus.Failed => "Paiement refusé",
        ContributionStatus.Refunded => "Remboursée",
        _ => "Inconnu",
    };
}
