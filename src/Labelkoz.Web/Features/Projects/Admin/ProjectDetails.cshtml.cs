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
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// Everything the holder entered on a submitted project, who holds it, and its whole history
/// (moderation included); and the city's review of it: who follows it, the internal notes, the
/// thread with the holder, the decisions (proposed, confirmed, rejected) and the label. Staff
/// publish, hide or restore the project, take it into review, write, ask for changes; admins
/// confirm or reject an agent's proposal. Revoking the label (<see cref="RevokeLabelModel"/>) and the
/// tax receipts (<c>Funding/Admin/ProjectReceipts</c>) have pages of their own. Every action is
/// audited. Another city's project, or a draft, is "not found".
/// </summary>
public sealed class ProjectDetailsModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string ReasonField = "reason";
    public const string NoteField = "note-interne";
    public const string MessageField = "message-porteur";
    public const string ChangesField = "modifications";
    public const string RejectField = "note-agent";

    public long Id { get; private set; }

    public Dossier Project { get; private set; } = null!;

    public ReviewPanel Panel { get; private set; } = null!;

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public long CurrentUserId { get; private set; }

    public bool IsAdmin => Staff.Any(s => s.Id == CurrentUserId && s.Role == StaffRole.Admin);

    /// <summary>Why the city cannot label now (its subscription), in the person's language; null when it can.</summary>
    public string? LabelRefusal { get; private set; }

    /// <summary>The reason typed before a refusal, given back in its field.</summary>
    public string? Reason { get; private set; }

    /// <summary>Texts typed in the review's forms, given back after a refusal.</summary>
    public string? NoteBody { get; private set; }

    public string? ThreadMessage { get; private set; }

    public string? ChangesMessage { get; private set; }

    public string? RejectNote { get; private set; }

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }


    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

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
        return ActAsync(id, projectVersion, Required(ReasonField, reason, l["Indiquez le motif : il est gardé dans l'historique du projet."]), adminOnly: false, withDecisions: false, async act =>
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
        return ActAsync(id, projectVersion, Required(ReasonField, reason, l["Indiquez le motif : il est gardé dans l'historique du projet."]), adminOnly: false, withDecisions: false, async act =>
        {
            act.Project.Unhide(act.StaffUserId, reason, act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectRestored, AuditSubject.Project, act.Project.Id, act.Project.Title, reason?.Trim(),
                Visibility("Masqué"), Visibility(act.Project.IsPublic ? "Public" : "En attente de publication"), cancellationToken: cancellationToken);
            return l["Le projet « {0} » est rétabli.", act.Project.Title].Value;
        }, cancellationToken);
    }

    /// <summary>Takes a submitted project into review, for oneself or for a colleague; the holder is told.</summary>
    public Task<IActionResult> OnPostTakeAsync(long id, [FromForm] long? projectVersion, [FromForm] string? assigneeId, CancellationToken cancellationToken) =>
        ActAsync(id, projectVersion, missing: null, adminOnly: false, withDecisions: false, async act =>
        {
            var names = (await db.StaffAsync(act.City.Id, cancellationToken)).Names();
            var (before, assigneeBefore) = (act.Project.Status, act.Project.AssignedStaffUserId);
            act.Project.TakeIntoReview(act.City, act.StaffUserId, ParseAssignee(assigneeId), act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectTakenIntoReview, AuditSubject.Project, act.Project.Id, act.Project.Title, null,
                AuditTrail.Values(("Statut", ProjectLifecycle.Label(before)), ("Suivi par", NameOf(names, assigneeBefore))),
                AuditTrail.Values(("Statut", ProjectLifecycle.Label(act.Project.Status)), ("Suivi par", NameOf(names, act.Project.AssignedStaffUserId))),
                cancellationToken: cancellationToken);
            notifier.Notify(act.Project.HolderUserId, act.City.Id, NotificationKind.ProjectTakenIntoReview, act.Project.Title, null, ReviewPaths.Exchanges(City.Slug, act.Project.Id));
            return act.Project.AssignedStaffUserId == act.StaffUserId
                ? l["Vous étudiez maintenant le projet « {0} ». Son porteur est prévenu.", act.Project.Title].Value
                : l["Le projet « {0} » est à l'étude, suivi par {1}. Son porteur est prévenu.", act.Project.Title, NameOf(names, act.Project.AssignedStaffUserId)].Value;
        }, cancellationToken);

    /// <summary>Gives the review to a colleague, or to nobody (an empty choice).</summary>
    public Task<IActionResult> OnPostAssignAsync(long id, [FromForm] long? projectVersion, [FromForm] string? assigneeId, CancellationToken cancellationToken) =>
        ActAsync(id, projectVersion, missing: null, adminOnly: false, withDecisions: false, async act =>
        {
            var names = (await db.StaffAsync(act.City.Id, cancellationToken)).Names();
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
        return ActAsync(id, projectVersion, Required(NoteField, body, l["Écrivez la note avant de l'ajouter."]), adminOnly: false, withDecisions: false, async act =>
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
        return ActAsync(id, projectVersion, Required(MessageField, message, l["Écrivez votre message au porteur avant de l'envoyer."]), adminOnly: false, withDecisions: false, async act =>
        {
            var posted = act.Project.WriteToHolder(act.City, act.StaffUserId, message, act.Now);
            await audit.RecordAsync(AuditAction.ProjectMessageSent, AuditSubject.Project, act.Project.Id, act.Project.Title, posted.Body, cancellationToken: cancellationToken);
            notifier.Notify(act.Project.HolderUserId, act.City.Id, NotificationKind.MessageFromCity, act.Project.Title, posted.Body, ReviewPaths.Exchanges(City.Slug, act.Project.Id));
            return l["Votre message est envoyé au porteur du projet."].Value;
        }, cancellationToken);
    }

    /// <summary>Sends the project back to its holder with what to change; the message opens the thread.</summary>
    public Task<IActionResult> OnPostRequestChangesAsync(long id, [FromForm] long? projectVersion, [FromForm] string? message, CancellationToken cancellationToken)
    {
        ChangesMessage = message;
        return ActAsync(id, projectVersion, Required(ChangesField, message, l["Dites au porteur ce qu'il doit modifier."]), adminOnly: false, withDecisions: false, async act =>
        {
            var before = act.Project.Status;
            var posted = act.Project.RequestChanges(act.City, act.StaffUserId, message, act.Now);
            await audit.RecordAsync(
                AuditAction.ProjectChangesRequested, AuditSubject.Project, act.Project.Id, act.Project.Title, posted.Body,
                DecisionNews.StatusValues(before), DecisionNews.StatusValues(act.Project.Status), cancellationToken: cancellationToken);
            notifier.Notify(act.Project.HolderUserId, act.City.Id, NotificationKind.ChangesRequested, act.Project.Title, posted.Body, ReviewPaths.Exchanges(City.Slug, act.Project.Id));
            return l["Votre demande de modifications est envoyée au porteur du projet."].Value;
        }, cancellationToken);
    }

    /// <summary>An admin confirms an agent's proposal: it becomes the city's decision. Refused (403) to agents.</summary>
    public Task<IActionResult> OnPostConfirmAsync(long id, [FromForm] long? projectVersion, [FromForm] long? decisionId, CancellationToken cancellationToken) =>
        ActAsync(id, decisionId is null ? null : projectVersion, missing: null, adminOnly: true, withDecisions: true, async act =>
        {
            var staff = await db.StaffAsync(act.City.Id, cancellationToken);
            var before = act.Project.Status;
            var decision = act.Project.ConfirmProposal(act.City, act.StaffUserId, decisionId!.Value, act.Now);
            await DecisionNews.RecordAsync(audit, notifier, act.Project, decision, before, City.Slug, staff, cancellationToken);
            return decision.Kind == DecisionKind.Label
                ? l["Le projet « {0} » est labellisé : son porteur est prévenu.", act.Project.Title].Value
                : l["Le projet « {0} » n'est pas retenu : son porteur est prévenu.", act.Project.Title].Value;
        }, cancellationToken);

    /// <summary>An admin sends an agent's proposal back with a note; the project stays in review. Refused (403) to agents.</summary>
    public Task<IActionResult> OnPostRejectAsync(long id, [FromForm] long? projectVersion, [FromForm] long? decisionId, [FromForm] string? note, CancellationToken cancellationToken)
    {
        RejectNote = note;
        return ActAsync(id, decisionId is null ? null : projectVersion, Required(RejectField, note, l["Expliquez à l'agent pourquoi sa proposition est écartée."]), adminOnly: true, withDecisions: true, async act =>
        {
            act.Project.RejectProposal(act.City, act.StaffUserId, decisionId!.Value, note, act.Now);
            var rejected = act.Project.Decisions.Single(d => d.Id == decisionId.Value);
            await audit.RecordAsync(
                AuditAction.ProposalRejected, AuditSubject.Project, act.Project.Id, act.Project.Title,
                $"Proposition écartée : {ReviewNames.Kind(rejected.Kind)}\nNote à l'agent : {rejected.RejectionNote}",
                cancellationToken: cancellationToken);
            if (rejected.ProposedByUserId != act.StaffUserId)
            {
                notifier.Notify(rejected.ProposedByUserId, act.City.Id, NotificationKind.ProposalRejected, act.Project.Title, rejected.RejectionNote, ReviewPaths.Project(City.Slug, act.Project.Id));
            }

            return l["La proposition est écartée ; le projet reste à l'étude."].Value;
        }, cancellationToken);
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The project disappeared while its page was shown again.");
        }
    }

    private static string Visibility(string value) => AuditTrail.Values(("Visibilité", value));

    private static string NameOf(Dictionary<long, string> names, long? userId) =>
        userId is { } id ? (names.TryGetValue(id, out var name) ? name : "#" + id.ToString(CultureInfo.InvariantCulture)) : "personne";

    /// <summary>
    /// The chosen colleague: none for an empty choice; a value that is no account id becomes one
    /// that matches nobody, so the domain refuses it with its own sentence.
    /// </summary>
    private static long? ParseAssignee(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
            : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;

    private static (string Field, string Message)? Required(string field, string? text, LocalizedString message) =>
        string.IsNullOrWhiteSpace(text) ? (field, message.Value) : null;

    /// <summary>
    /// One staff action: the project as the person saw it (its version), the city with its staff
    /// (the domain checks who may act), one domain call, its audit line and notifications, one save.
    /// A domain refusal or a lost race is turned into a message on the page by <see cref="DomainExceptionPageFilter"/>.
    /// </summary>
    private async Task<IActionResult> ActAsync(
        long id,
        long? version,
        (string Field, string Message)? missing,
        bool adminOnly,
        bool withDecisions,
        Func<StaffAct, Task<string>> act,
        CancellationToken cancellationToken)
    {
        Id = id;
        if (adminOnly && !(await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded)
        {
            return Forbid();
        }

        var projects = db.Projects.Where(p => p.Id == id && p.SubmittedAtUtc != null);
        if (withDecisions)
        {
            projects = projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments);
        }

        var project = await projects.SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (version is null || User.IdOrNull() is not { } staffUserId)
        {
            return BadRequest();
        }

        if (missing is { } refusal)
        {
            ModelState.AddModelError(refusal.Field, refusal.Message);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);

        // The version the person saw: if someone acted on the project since, the save is refused.
        db.ExpectVersion(project, version.Value);
        var done = await act(new StaffAct(project, city, staffUserId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        StatusMessage = done;
        return RedirectToPage();
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var details = await db.ProjectDossierAsync(id, cancellationToken);
        if (details is null)
        {
            return false;
        }

        Project = details;
        Panel = await db.ReviewPanelAsync(id, cancellationToken);
        Staff = await db.StaffAsync(City.Id, cancellationToken);
        CurrentUserId = User.IdOrNull() ?? 0;
        var status = await db.Municipalities.AsNoTracking().Where(m => m.Id == City.Id).Select(m => m.SubscriptionStatus).SingleAsync(cancellationToken);
        LabelRefusal = Municipality.WhyCannotLabelOrOpenCalls(status) is { } refusal ? l.Localize(refusal) : null;

        return true;
    }

    private sealed record StaffAct(Project Project, Municipality City, long StaffUserId, DateTime Now);
}
