using System.Globalization;

namespace Labelkoz.Web.Features.Funding.Campaigns;

/// <summary>The addresses of the holder's campaign pages and of the public contribution form.</summary>
public static class CampaignPaths
{
    public static string Setup(string citySlug, long projectId) => string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/campagne");

    public static string Contributions(string citySlug, long projectId) => Setup(citySlug, projectId) + "/contributions";

    public static string Contribute(string citySlug, long projectId) => string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/contribuer");
}
