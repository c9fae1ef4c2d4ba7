using System.Globalization;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Web.Features.Projects;

/// <summary>The public addresses of a project: <c>/{city}/projets/{id}-{title-slug}</c>.</summary>
public static class ProjectPaths
{
    public static string TitleSlug(string title)
    {
        var slug = Slug.FromName(title);
        return slug.Length == 0 ? "projet" : slug;
    }

    public static string Page(string citySlug, long id, string title) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{id}-{TitleSlug(title)}");

    public static string Image(string citySlug, long projectId, long imageId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/images/{imageId}");
}
