using Labelkoz.Data;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Web.Features.Projects;

/// <summary>What a project card shows (city list, city home page, platform home page).</summary>
public sealed record ProjectCardView(
    long Id,
    string CitySlug,
    string CityName,
    string Title,
    string? Summary,
    ProjectCategory? Category,
    string? Neighbourhood,
    ProjectStatus Status,
    int Supports,
    int Comments,
    long? ImageId,
    string? ImageAlt,
    bool Labelled)
{
    public string Url => ProjectPaths.Page(CitySlug, Id, Title);

    public string? ImageUrl => ImageId is { } imageId ? ProjectPaths.Image(CitySlug, Id, imageId) : null;
}

/// <summary>The public side of projects as queries, so every page applies the same rule.</summary>
public static class PublicProjects
{
    /// <summary>Published, not hidden by moderation, not a draft: <see cref="Project.PublicRule"/>.</summary>
    public static IQueryable<Project> ThatArePublic(this IQueryable<Project> projects) =>
        projects.Where(Project.PublicRule);

    /// <summary>
    /// One SQL query for a page of cards: counts and the first image are correlated subqueries and
    /// the label's badge is <see cref="Project.LabelActiveRule"/> inlined, so the number of commands
    /// never grows with the number of projects, supports, comments or labels.
    /// </summary>
    public static IQueryable<ProjectCardView> SelectCards(this IQueryable<Project> projects, AppDbContext db, DateOnly today) =>
        projects.Select(PublicLabels.WithActiveLabel<ProjectCardView>(today, (p, labelled) => new ProjectCardView(
            p.Id,
            db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Slug).FirstOrDefault()!,
            db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Name).FirstOrDefault()!,
            p.Title,
            p.Summary,
            p.Category,
            db.Neighbourhoods.Where(n => n.Id == p.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
            p.Status,
            db.ProjectSupports.Count(s => s.ProjectId == p.Id),
            db.Comments.Count(c => c.ProjectId == p.Id && c.State == CommentState.Visible),
            p.Images.OrderBy(i => i.Position).Select(i => (long?)i.Id).FirstOrDefault(),
            p.Images.OrderBy(i => i.Position).Select(i => i.AltText).FirstOrDefault(),
            labelled)));

    /// <summary>Projects that carry the city's badge on <paramref name="today"/>: <see cref="Project.LabelActiveRule"/>.</summary>
    public static IQueryable<Project> ThatAreLabelled(this IQueryable<Project> projects, DateOnly today) =>
        projects.Where(Project.LabelActiveRule(today));

    public static IOrderedQueryable<Project> NewestFirst(this IQueryable<Project> projects) =>
        projects.OrderByDescending(p => p.PublishedAtUtc).ThenByDescending(p => p.Id);
}
