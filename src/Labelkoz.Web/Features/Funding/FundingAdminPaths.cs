using System.Globalization;

namespace Labelkoz.Web.Features.Funding;

/// <summary>The addresses of the funding pages of the back office.</summary>
public static class FundingAdminPaths
{
    public static string List(string citySlug) => $"/{citySlug}/admin/campagnes";

    public static string Campaign(string citySlug, long campaignId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/campagnes/{campaignId}");

    public static string Report(string citySlug, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/campagnes/rapport?annee={year}");
}
