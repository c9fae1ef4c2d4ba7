using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// Withdrawing the city's label, on a page of its own because it cannot be undone: it says what
/// will happen, asks for the public reason, and only then withdraws. An admin's act, audited; the
/// holder is told.
/// </summary>
[Authorize(Policy = Policies.CityAdmin)]
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class RevokeLabelModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage, IRefusalFields
{
    public const string ReasonField = "motif-retrait";

    public long Id { get; private set; }

    public LabelView Label { get; private set; } = null!;

    /// <summary>The reason typed before a refusal, given back in its field.</summary>
    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    public CurrentCity City => tenant.City!;

    public string RefusalPrefix => string.Empty;

    public IReadOnlyDictionary<string, string>? RefusalFieldMap { get; } = new Dictionary<string, string> { ["Reason"] = ReasonField };

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] long? projectVersion, CancellationToken cancellationToken)
    {
        Id = id;
        var project = await db.Projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments)
            .SingleOrDefaultAsync(p => p.Id == id && p.SubmittedAtUtc != null, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (projectVersion is null)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(project, projectVersion.Value);
        var before = project.Status;
        project.RevokeLabel(city, User.Id(), Reason, clock.GetUtcNow().UtcDateTime);
        var revoked = project.Decisions.Single(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed);
        await audit.RecordAsync(
            AuditAction.LabelRevoked, AuditSubject.Project, project.Id, project.Title, revoked.RevokedReason,
            DecisionNews.StatusValues(before), DecisionNews.StatusValues(project.Status), cancellationToken: cancellationToken);
        notifier.Notify(project.HolderUserId, city.Id, NotificationKind.LabelRevoked, project.Title, revoked.RevokedReason, ReviewPaths.Exchanges(City.Slug, project.Id));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        TempData[nameof(ProjectReviewModel.StatusMessage)] = l["Le label du projet « {0} » est retiré : son porteur est prévenu.", project.Title].Value;
        return Redirect(ReviewPaths.Review(City.Slug, project.Id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The project disappeared while its page was shown again.");
        }
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var label = await db.Projects.AsNoTracking()
            .Where(p => p.Id == id && p.SubmittedAtUtc != null)
            .Select(p => new LabelView(
                p.Id,
                p.Title,
                p.Status,
                p.Version,
                p.Decisions.Any(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed && d.RevokedAtUtc == null),
                p.Decisions.Where(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed && d.RevokedAtUtc == null)
                    .SelectMany(d => d.Commitments).OrderBy(c => c.Position).Select(c => c.Kind).ToList(),
                db.Campaigns.Any(c => c.ProjectId == p.Id)))
            .SingleOrDefaultAsync(cancellationToken);
        if (label is null)
        {
            return false;
        }

        Label = label;
        return true;
    }

    /// <summary>The label in force (if any) and what withdrawing it touches; the domain has the last word on whether it can be.</summary>
    public sealed record LabelView(long Id, string Title, ProjectStatus Status, long Version, bool InForce, List<CommitmentKind> Commitments, bool HasCampaign);
}
