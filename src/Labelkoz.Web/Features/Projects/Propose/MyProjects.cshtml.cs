using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>
/// "Mes projets": everything the signed-in person holds, in every city, drafts included. There is
/// no city on this page, so the tenant filter lets every city through: the holder is filtered here.
/// </summary>
[Authorize]
public sealed class MyProjectsModel(AppDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        Projects = await (
                from p in db.Projects.AsNoTracking()
                join c in db.Municipalities on p.MunicipalityId equals c.Id
                where p.HolderUserId == userId
                orderby p.UpdatedAtUtc descending, p.Id descending
                select new Row(p.Id, p.Title, c.Name, c.Slug, p.Status, p.UpdatedAtUtc, p.PublishedAtUtc != null, p.HiddenAtUtc != null))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(long Id, string Title, string CityName, string CitySlug, ProjectStatus Status, DateTime UpdatedAtUtc, bool IsPublished, bool IsHidden)
    {
        public bool IsPublic => IsPublished && !IsHidden && Status != ProjectStatus.Draft;

        public bool IsEditable => ProjectLifecycle.IsEditable(Status);

        public bool CanBeSubmitted => ProjectLifecycle.CanMove(Status, ProjectStatus.Submitted);

        public bool CanBeWithdrawn => ProjectLifecycle.CanMove(Status, ProjectStatus.Withdrawn);

        /// <summary>Deposited under pre-moderation and not published by the city yet.</summary>
        public bool AwaitsModeration => !IsPublished && Status != ProjectStatus.Draft && !ProjectLifecycle.IsFinal(Status);
    }
}
