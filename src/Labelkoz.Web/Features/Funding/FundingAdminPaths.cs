using System.Globalization;

namespace Labelkoz.Web.Features.Funding;

/// <summary>The addresses of the funding pages of the back office (the city's, and the operator's).</summary>
public static class FundingAdminPaths
{
    public static string List(string citySlug) => $"/{citySlug}/admin/campagnes";

    public static string Campaign(string citySlug, long campaignId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/campagnes/{campaignId}");

    public static string Report(string citySlug, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/campagnes/rapport?annee={year}");

    /// <summary>The operator's page to refund part or all of a contribution.</summary>
    public static string OperatorRefund(long contributionId) =>
        string.Create(CultureInfo.InvariantCulture, $"/operateur/contributions/{contributionId}/remboursement");
}
