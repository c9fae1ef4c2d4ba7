using System.Globalization;

namespace Labelkoz.Web.Features.Funding.Campaigns;

/// <summary>The addresses of the holder's campaign pages and of the public contribution form.</summary>
public static class CampaignPaths
{
    public static string Setup(string citySlug, long projectId) => string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/campagne");

    public static string Contributions(string citySlug, long projectId) => Setup(citySlug, projectId) + "/contributions";

    /// <summary>The holder's account at the processor (ADR 18): opening it, back from the processor's form, its dashboard.</summary>
    public static string PayeeAccount(string citySlug, long projectId) => Setup(citySlug, projectId) + "/compte-de-versement";

    public static string Contribute(string citySlug, long projectId) => string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/contribuer");
}
