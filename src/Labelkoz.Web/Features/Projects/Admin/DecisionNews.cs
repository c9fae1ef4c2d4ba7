using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Audit;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// What follows a label or a refusal, proposed or decided, wherever it was made (the decision
/// page, or an admin confirming on the project page): the audit line, and who is told. Called
/// before the single save, so the news and the decision are stored together.
/// </summary>
public static class DecisionNews
{
    public static async Task RecordAsync(
        AuditTrail audit,
        Notifier notifier,
        Project project,
        ProjectDecision decision,
        ProjectStatus before,
        string citySlug,
        IReadOnlyList<StaffMember> staff,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(staff);
        var names = staff.Names();
        var terms = ReviewNames.ForAudit(decision, names);
        if (decision.State == DecisionState.Proposed)
        {
            await audit.RecordAsync(
                AuditAction.DecisionProposed,
                AuditSubject.Project,
                project.Id,
                project.Title,
                details: "Proposition : " + ReviewNames.Kind(decision.Kind) + "\n" + terms,
                cancellationToken: cancellationToken);
            foreach (var admin in staff.Where(s => s.Role == StaffRole.Admin))
            {
                notifier.Notify(admin.Id, project.MunicipalityId, NotificationKind.ProposalAwaitsConfirmation, project.Title, decision.PublicReason, ReviewPaths.Review(citySlug, project.Id));
            }

            return;
        }

        var label = decision.Kind == DecisionKind.Label;
        var proposedBy = decision.ProposedByUserId != decision.DecidedByUserId && names.TryGetValue(decision.ProposedByUserId, out var proposer)
            ? $"Proposition de {proposer}, confirmée.\n"
            : string.Empty;
        await audit.RecordAsync(
            label ? AuditAction.ProjectLabelled : AuditAction.ProjectDeclined,
            AuditSubject.Project,
            project.Id,
            project.Title,
            details: proposedBy + terms,
            before: StatusValues(before),
            after: StatusValues(project.Status),
            cancellationToken: cancellationToken);
        notifier.Notify(
            project.HolderUserId,
            project.MunicipalityId,
            label ? NotificationKind.ProjectLabelled : NotificationKind.ProjectDeclined,
            project.Title,
            decision.PublicReason,
            ReviewPaths.Exchanges(citySlug, project.Id));
    }

    /// <summary>The "Statut : …" line of the audit log's before/after columns.</summary>
    public static string StatusValues(ProjectStatus status) => AuditTrail.Values(("Statut", ProjectLifecycle.Label(status)));
}
