using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// A submitted project's dossier: where it stands, everything the holder entered, who holds it and
/// its whole history (moderation included). Staff publish, hide or restore it here; its review
/// (<see cref="ProjectReviewModel"/>), decision, label withdrawal and tax receipts
/// (<c>Funding/Admin/ProjectReceipts</c>) have pages of their own. Every action is audited.
/// </summary>
public sealed class ProjectDetailsModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : ProjectStaffPage(db, tenant, clock, notifier, authorization)
{
    public const string ReasonField = "reason";

    public Dossier Project { get; private set; } = null!;

    public bool IsAdmin { get; private set; }

    /// <summary>The reason typed before a refusal, given back in its field.</summary>
    public string? Reason { get; private set; }

    public Task<IActionResult> OnPostPublishAsync(long id, [FromForm] long? projectVersion, CancellationToken cancellationToken) =>
        ActAsync(id, projectVersion, missing: null, adminOnly: false, withDecisions: false, async act =>
        {
            act.Project.Publish(act.StaffUserId, act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectPublished, AuditSubject.Project, act.Project.Id, act.Project.Title,
                before: Visibility("En attente de publication"), after: Visibility("Public"), cancellationToken: cancellationToken);
            return l["Le projet « {0} » est publié : il est maintenant visible de tous.", act.Project.Title].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostHideAsync(long id, [FromForm] long? projectVersion, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        return ActAsync(id, projectVersion, Required(ReasonField, reason, l["Indiquez le motif : il est gardé dans l'historique du projet."].Value), adminOnly: false, withDecisions: false, async act =>
        {
            var wasPublic = act.Project.IsPublic;
            act.Project.Hide(act.StaffUserId, reason, act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectHidden, AuditSubject.Project, act.Project.Id, act.Project.Title, act.Project.HiddenReason,
                Visibility(wasPublic ? "Public" : "En attente de publication"), Visibility("Masqué"), cancellationToken: cancellationToken);
            return l["Le projet « {0} » est masqué : seuls son porteur et l'équipe de la ville le voient.", act.Project.Title].Value;
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostUnhideAsync(long id, [FromForm] long? projectVersion, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        return ActAsync(id, projectVersion, Required(ReasonField, reason, l["Indiquez le motif : il est gardé dans l'historique du projet."].Value), adminOnly: false, withDecisions: false, async act =>
        {
            act.Project.Unhide(act.StaffUserId, reason, act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectRestored, AuditSubject.Project, act.Project.Id, act.Project.Title, reason?.Trim(),
                Visibility("Masqué"), Visibility(act.Project.IsPublic ? "Public" : "En attente de publication"), cancellationToken: cancellationToken);
            return l["Le projet « {0} » est rétabli.", act.Project.Title].Value;
        }, cancellationToken);
    }

    protected override async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var details = await Db.ProjectDossierAsync(id, cancellationToken);
        if (details is null)
        {
            return false;
        }

        Project = details;
        var me = User.IdOrNull() ?? 0;
        var staff = await Db.StaffAsync(City.Id, cancellationToken);
        IsAdmin = staff.Any(s => s.Id == me && s.Role == StaffRole.Admin);
        return true;
    }

    private static string Visibility(string value) => AuditTrail.Values(("Visibilité", value));
}
