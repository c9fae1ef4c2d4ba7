using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// "Mes candidatures": the signed-in person's applications to calls, in every city, with a link to
/// the project a winner received. There is no city on this page, so the tenant filter lets every
/// city through: the applicant is filtered here. One SQL command.
/// </summary>
[Authorize]
public sealed class MyApplicationsModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Row> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        Applications = await (
                from a in db.CallApplications.AsNoTracking()
                join c in db.Calls on a.CallId equals c.Id
                join m in db.Municipalities on a.MunicipalityId equals m.Id
                where a.ApplicantUserId == userId
                orderby a.UpdatedAtUtc descending, a.Id descending
                select new Row(
                    a.CallId,
                    c.Title,
                    m.Name,
                    m.Slug,
                    a.ProjectTitle,
                    a.Status,
                    a.UpdatedAtUtc,
                    db.Projects.Where(p => p.CallApplicationId == a.Id).Select(p => (long?)p.Id).FirstOrDefault(),
                    db.Projects.Where(p => p.CallApplicationId == a.Id).Select(p => p.Title).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(long CallId, string CallTitle, string CityName, string CitySlug, string ProjectTitle, ApplicationStatus Status, DateTime UpdatedAtUtc, long? ProjectId, string? ProjectTitleOnSite);
}
