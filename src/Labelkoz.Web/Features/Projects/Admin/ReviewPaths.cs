using System.Globalization;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>The addresses the review links to: the staff's project page, its decision page, the holder's exchanges.</summary>
public static class ReviewPaths
{
    public static string Project(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/projets/{projectId}");

    public static string Decide(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/projets/{projectId}/decision");

    /// <summary>The holder's side of the review thread (where their notifications lead).</summary>
    public static string Exchanges(string citySlug, long projectId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/echanges");
}
