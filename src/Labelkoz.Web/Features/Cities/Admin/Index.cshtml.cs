using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Calls;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Cities.Admin;

/// <summary>
/// The back office's home, as a town-hall agent starts the day: what waits for them ("À traiter"),
/// each count a link to the list that shows exactly those items, then where the city stands. Every
/// count and the city's summary come from one SQL query: each area's queue is defined once, next to
/// its list (<see cref="ApplicationsToScore"/>, <see cref="CampaignQueues"/>, <see cref="CommentsToModerate.Rule"/>).
/// </summary>
public sealed class IndexModel(AppDbContext db, TenantContext tenant, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public Summary City { get; private set; } = null!;

    public bool IsAdmin { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = tenant.MunicipalityId;
        var me = User.IdOrNull() ?? 0;
        var toScore = ApplicationsToScore.By(db, me);

        // Each queue as a query of its own, which EF inlines as a sub-query of the one command
        // (an expression passed to Count inside the projection would run as a query of its own).
        var campaignsEndingSoon = db.Campaigns.Where(CampaignQueues.EndingSoon(now));
        var commentsInQueue = db.Comments.Where(CommentsToModerate.Rule);
        City = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new Summary(
                m.Name,
                m.Slug,
                m.SubscriptionStatus,
                m.Memberships.Count,
                m.Memberships.Count(s => s.Role == StaffRole.Admin),
                m.Neighbourhoods.Count,
                m.Invitations.Count(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now),
                m.LogoFileKey != null,
                m.Presentation != null,
                new Work(
                    db.Projects.Count(p => p.Status == ProjectStatus.Submitted && p.AssignedStaffUserId == null),
                    db.Projects.Count(p => p.Status == ProjectStatus.InReview && p.AssignedStaffUserId == me),
                    db.Projects.Count(p => p.SubmittedAtUtc != null && p.Decisions.Any(d => d.State == DecisionState.Proposed)),
                    db.Projects.Count(p => p.SubmittedAtUtc != null && p.PublishedAtUtc == null && p.HiddenAtUtc == null),
                    commentsInQueue.Count(),
                    toScore.Count(),
                    campaignsEndingSoon.Count())))
            .SingleAsync(cancellationToken);
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded;
    }

    public sealed record Summary(
        string Name, string Slug, SubscriptionStatus Status, int StaffCount, int AdminCount, int NeighbourhoodCount,
        int PendingInvitations, bool HasLogo, bool HasPresentation, Work Work);

    /// <summary>What waits for the person looking, each the size of the list its link opens.</summary>
    /// <param name="ProjectsToTake">Submitted projects nobody has taken into review.</param>
    /// <param name="MyProjectsInReview">Projects in review assigned to the person.</param>
    /// <param name="DecisionsToConfirm">Proposed decisions awaiting an admin (shown to admins only).</param>
    /// <param name="ProjectsToPublish">Submitted projects awaiting publication (pre-moderation).</param>
    /// <param name="CommentsToModerate">Reported comments still visible, and comments awaiting approval.</param>
    /// <param name="ApplicationsToScore">Applications of calls in review the person has yet to score.</param>
    /// <param name="CampaignsEndingSoon">Live campaigns that end in the next seven days.</param>
    public sealed record Work(
        int ProjectsToTake, int MyProjectsInReview, int DecisionsToConfirm, int ProjectsToPublish,
        int CommentsToModerate, int ApplicationsToScore, int CampaignsEndingSoon);
}
