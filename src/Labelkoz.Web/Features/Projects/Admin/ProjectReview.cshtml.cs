using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// The city's review of a submitted project, the agent's workbench for it: who follows it, the
/// decision (an agent's proposal an admin confirms or rejects, the label in force), the thread
/// with the holder (and a request for changes), the internal notes and every decision taken. The
/// decision form (<see cref="DecideModel"/>), the label's withdrawal (<see cref="RevokeLabelModel"/>)
/// and the project's dossier (<see cref="ProjectDetailsModel"/>) are pages of their own. Every
/// action is audited.
/// </summary>
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication(Handlers = ["Confirm", "Reject"])]
public sealed class ProjectReviewModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : ProjectStaffPage(db, tenant, clock, notifier, authorization)
{
    public const string NoteField = "note-interne";
    public const string MessageField = "message-porteur";
    public const string ChangesField = "modifications";
    public const string RejectField = "note-agent";

    public Dossier Project { get; private set; } = null!;

    public ReviewPanel Panel { get; private set; } = null!;

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public long CurrentUserId { get; private set; }

    public bool IsAdmin => Staff.Any(s => s.Id == CurrentUserId && s.Role == StaffRole.Admin);

    /// <summary>Why the city cannot label now (its subscription), in the person's language; null when it can.</summary>
    public string? LabelRefusal { get; private set; }

    /// <summary>Texts typed in the review's forms, given back after a refusal.</summary>
    public string? NoteBody { get; private set; }

    public string? ThreadMessage { get; private set; }

    public string? ChangesMessage { get; private set; }

    public string? RejectNote { get; private set; }

    /// <summary>Takes a submitted project into review, for oneself or for a colleague; the holder is told.</summary>
    public Task<IActionResult> OnPostTakeAsync(long id, [FromForm] long? projectVersion, [FromForm] string? assigneeId, CancellationToken cancellationToken) =>
        ActAsync(id, projectVersion, missing: null, adminOnly: false, withDecisions: false, async act =>
        {
            var names = (await Db.StaffAsync(act.City.Id, cancellationToken)).Names();
            var (before, assigneeBefore) = (act.Project.Status, act.Project.AssignedStaffUserId);
            act.Project.TakeIntoReview(act.City, act.StaffUserId, ParseAssignee(assigneeId), act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectTakenIntoReview, AuditSubject.Project, act.Project.Id, act.Project.Title, null,
                AuditTrail.Values(("Statut", ProjectLifecycle.Label(before)), ("Suivi par", NameOf(names, assigneeBefore))),
                AuditTrail.Values(("Statut", ProjectLifecycle.Label(act.Project.Status)), ("Suivi par", NameOf(names, act.Project.AssignedStaffUserId))),
                cancellationToken: cancellationToken);
            Notifier.Notify(act.Project.HolderUserId, act.City.Id, NotificationKind.ProjectTakenIntoReview, act.Project.Title, null, ReviewPaths.Exchanges(City.Slug, act.Project.Id));
            return act.Project.AssignedStaffUserId == act.StaffUserId
                ? l["Vous étudiez maintenant le projet « {0} ». Son porteur est prévenu.", act.Project.Title].Value
                : l["Le projet « {0} » est à l'étude, suivi par {1}. Son porteur est prévenu.", act.Project.Title, NameOf(names, act.Project.AssignedStaffUserId)].Value;
        }, cancellationToken);

    /// <summary>Gives the review to a colleague, or to nobody (an empty choice).</summary>
    public Task<IActionResult> OnPostAssignAsync(long id, [FromForm] long? projectVersion, [FromForm] string? assigneeId, CancellationToken cancellationToken) =>
        ActAsync(id, projectVersion, missing: null, adminOnly: false, withDecisions: false, async act =>
        {
            var names = (await Db.StaffAsync(act.City.Id, cancellationToken)).Names();
            var assigneeBefore = act.Project.AssignedStaffUserId;
            act.Project.Assign(act.City, act.StaffUserId, ParseAssignee(assigneeId), act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectAssigned, AuditSubject.Project, act.Project.Id, act.Project.Title, null,
                AuditTrail.Values(("Suivi par", NameOf(names, assigneeBefore))),
                AuditTrail.Values(("Suivi par", NameOf(names, act.Project.AssignedStaffUserId))),
                cancellationToken: cancellationToken);
            return act.Project.AssignedStaffUserId is null
                ? l["Le suivi du projet « {0} » n'est plus attribué.", act.Project.Title].Value
                : l["Le suivi du projet « {0} » est confié à {1}.", act.Project.Title, NameOf(names, act.Project.AssignedStaffUserId)].Value;
        }, cancellationToken);

    /// <summary>An internal note: staff only, never shown to the holder or the public.</summary>
    public Task<IActionResult> OnPostNoteAsync(long id, [FromForm] long? projectVersion, [FromForm] string? body, CancellationToken cancellationToken)
    {
        NoteBody = body;
        return ActAsync(id, projectVersion, Required(NoteField, body, l["Écrivez la note avant de l'ajouter."].Value), adminOnly: false, withDecisions: false, async act =>
        {
            var note = act.Project.AddNote(act.City, act.StaffUserId, body, act.Now);
            await audit.RecordAsync(AuditAction.ProjectNoteAdded, AuditSubject.Project, act.Project.Id, act.Project.Title, note.Body, cancellationToken: cancellationToken);
            return l["Votre note est ajoutée. Seule l'équipe de la ville la voit."].Value;
        }, cancellationToken);
    }

    /// <summary>A message to the holder in the review thread; the holder is told.</summary>
    public Task<IActionResult> OnPostMessageAsync(long id, [FromForm] long? projectVersion, [FromForm] string? message, CancellationToken cancellationToken)
    {
        ThreadMessage = message;
        return ActAsync(id, projectVersion, Required(MessageField, message, l["Écrivez votre message au porteur avant de l'envoyer."].Value), adminOnly: false, withDecisions: false, async act =>
        {
            var posted = act.Project.WriteToHolder(act.City, act.StaffUserId, message, act.Now);
            await audit.RecordAsync(AuditAction.ProjectMessageSent, AuditSubject.Project, act.Project.Id, act.Project.Title, posted.Body, cancellationToken: cancellationToken);
            Notifier.Notify(act.Project.HolderUserId, act.City.Id, NotificationKind.MessageFromCity, act.Project.Title, posted.Body, ReviewPaths.Exchanges(City.Slug, act.Project.Id));
            return l["Votre message est envoyé au porteur du projet."].Value;
        }, cancellationToken);
    }

    /// <summary>Sends the project back to its holder with what to change; the message opens the thread.</summary>
    public Task<IActionResult> OnPostRequestChangesAsync(long id, [FromForm] long? projectVersion, [FromForm] string? message, CancellationToken cancellationToken)
    {
        ChangesMessage = message;
        return ActAsync(id, projectVersion, Required(ChangesField, message, l["Dites au porteur ce qu'il doit modifier."].Value), adminOnly: false, withDecisions: false, async act =>
        {
            var before = act.Project.Status;
            var posted = act.Project.RequestChanges(act.City, act.StaffUserId, message, act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectChangesRequested, AuditSubject.Project, act.Project.Id, act.Project.Title, posted.Body,
                DecisionNews.StatusValues(before), DecisionNews.StatusValues(act.Project.Status), cancellationToken: cancellationToken);
            Notifier.Notify(act.Project.HolderUserId, act.City.Id, NotificationKind.ChangesRequested, act.Project.Title, posted.Body, ReviewPaths.Exchanges(City.Slug, act.Project.Id));
            return l["Votre demande de modifications est envoyée au porteur du projet."].Value;
        }, cancellationToken);
    }

    /// <summary>An admin confirms an agent's proposal: it becomes the city's decision. Refused (403) to agents.</summary>
    public Task<IActionResult> OnPostConfirmAsync(long id, [FromForm] long? projectVersion, [FromForm] long? decisionId, CancellationToken cancellationToken) =>
        ActAsync(id, decisionId is null ? null : projectVersion, missing: null, adminOnly: true, withDecisions: true, async act =>
        {
            var staff = await Db.StaffAsync(act.City.Id, cancellationToken);
            var before = act.Project.Status;
            var decision = act.Project.ConfirmProposal(act.City, act.StaffUserId, decisionId!.Value, act.Now);
            await DecisionNews.RecordAsync(audit, Notifier, act.Project, decision, before, City.Slug, staff, cancellationToken);
            return decision.Kind == DecisionKind.Label
                ? l["Le projet « {0} » est labellisé : son porteur est prévenu.", act.Project.Title].Value
                : l["Le projet « {0} » n'est pas retenu : son porteur est prévenu.", act.Project.Title].Value;
        }, cancellationToken);

    /// <summary>An admin sends an agent's proposal back with a note; the project stays in review. Refused (403) to agents.</summary>
    public Task<IActionResult> OnPostRejectAsync(long id, [FromForm] long? projectVersion, [FromForm] long? decisionId, [FromForm] string? note, CancellationToken cancellationToken)
    {
        RejectNote = note;
        return ActAsync(id, decisionId is null ? null : projectVersion, Required(RejectField, note, l["Expliquez à l'agent pourquoi sa proposition est écartée."].Value), adminOnly: true, withDecisions: true, async act =>
        {
            act.Project.RejectProposal(act.City, act.StaffUserId, decisionId!.Value, note, act.Now);
            var rejected = act.Project.Decisions.Single(d => d.Id == decisionId.Value);
            await audit.RecordAsync(
                AuditAction.ProposalRejected, AuditSubject.Project, act.Project.Id, act.Project.Title,
                $"Proposition écartée : {ReviewNames.Kind(rejected.Kind)}\nNote à l'agent : {rejected.RejectionNote}",
                cancellationToken: cancellationToken);
            if (rejected.ProposedByUserId != act.StaffUserId)
            {
                Notifier.Notify(rejected.ProposedByUserId, act.City.Id, NotificationKind.ProposalRejected, act.Project.Title, rejected.RejectionNote, ReviewPaths.Review(City.Slug, act.Project.Id));
            }

            return l["La proposition est écartée ; le projet reste à l'étude."].Value;
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
        Panel = await Db.ReviewPanelAsync(id, cancellationToken);
        Staff = await Db.StaffAsync(City.Id, cancellationToken);
        CurrentUserId = User.IdOrNull() ?? 0;
        var status = await Db.Municipalities.AsNoTracking().Where(m => m.Id == City.Id).Select(m => m.SubscriptionStatus).SingleAsync(cancellationToken);
        LabelRefusal = Municipality.WhyCannotLabelOrOpenCalls(status) is { } refusal ? ModelStateRefusals.Localize(l, refusal) : null;
        return true;
    }

    private static string NameOf(Dictionary<long, string> names, long? userId) =>
        userId is { } id ? (names.TryGetValue(id, out var name) ? name : "#" + id.ToString(CultureInfo.InvariantCulture)) : "personne";

    /// <summary>
    /// The chosen colleague: none for an empty choice; a value that is no account id becomes one
    /// that matches nobody, so the domain refuses it with its own sentence.
    /// </summary>
    private static long? ParseAssignee(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
            : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
}
