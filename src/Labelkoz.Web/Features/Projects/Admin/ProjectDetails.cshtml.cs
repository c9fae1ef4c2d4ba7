using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Funding.Admin;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Features.Labels;
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
/// confirm or reject an agent's proposal and revoke a label. Every action is audited. Another
/// city's project, or a draft, is "not found".
/// </summary>
public sealed class ProjectDetailsModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    TaxReceipts receipts,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string ReasonField = "reason";
    public const string NoteField = "note-interne";
    public const string MessageField = "message-porteur";
    public const string ChangesField = "modifications";
    public const string RejectField = "note-agent";
    public const string RevokeField = "motif-retrait";

    public long Id { get; private set; }

    public Details Project { get; private set; } = null!;

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

    public string? RevokeReason { get; private set; }

    /// <summary>The receipts form: as typed before a refusal, else the issuer in force or a draft from the holder's details.</summary>
    public ReceiptIssuerForm.Input ReceiptInput { get; private set; } = new();

    private bool _receiptFormPosted;

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

    /// <summary>An admin withdraws the city's label with a public reason; the holder is told. Refused (403) to agents.</summary>
    public Task<IActionResult> OnPostRevokeAsync(long id, [FromForm] long? projectVersion, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        RevokeReason = reason;
        return ActAsync(id, projectVersion, Required(RevokeField, reason, l["Indiquez le motif du retrait : il sera rendu public."]), adminOnly: true, withDecisions: true, async act =>
        {
            var before = act.Project.Status;
            act.Project.RevokeLabel(act.City, act.StaffUserId, reason, act.Now);
            var revoked = act.Project.Decisions.Single(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed);
            await audit.RecordAsync(
                AuditAction.LabelRevoked, AuditSubject.Project, act.Project.Id, act.Project.Title, revoked.RevokedReason,
                DecisionNews.StatusValues(before), DecisionNews.StatusValues(act.Project.Status), cancellationToken: cancellationToken);
            notifier.Notify(act.Project.HolderUserId, act.City.Id, NotificationKind.LabelRevoked, act.Project.Title, revoked.RevokedReason, ReviewPaths.Exchanges(City.Slug, act.Project.Id));
            return l["Le label du projet « {0} » est retiré : son porteur est prévenu.", act.Project.Title].Value;
        }, cancellationToken);
    }

    /// <summary>
    /// An admin opens the project's tax receipts, or updates who issues them; when its campaign is
    /// already funded, the receipts its gifts are owed are issued at once. Refused (403) to agents.
    /// </summary>
    public async Task<IActionResult> OnPostOpenReceiptsAsync(long id, [FromForm] long? projectVersion, [FromForm(Name = ReceiptIssuerForm.Prefix)] ReceiptIssuerForm.Input? input, CancellationToken cancellationToken)
    {
        ReceiptInput = input ?? new ReceiptIssuerForm.Input();
        _receiptFormPosted = true;
        ReceiptIssuerForm.Check(ReceiptInput, ModelState, l);
        long? fundedCampaign = null;
        var title = string.Empty;
        var result = await ActAsync(id, projectVersion, missing: null, adminOnly: true, withDecisions: false, async act =>
        {
            var before = act.Project.ReceiptIssuer;
            title = act.Project.Title;
            act.Project.AllowTaxReceipts(act.City, act.StaffUserId, ReceiptIssuerForm.Create(ReceiptInput), act.Now);
            await audit.RecordAsync(
                AuditAction.TaxReceiptsAllowed, AuditSubject.Project, act.Project.Id, act.Project.Title, null,
                ReceiptIssuerForm.AuditValues(before), ReceiptIssuerForm.AuditValues(act.Project.ReceiptIssuer), cancellationToken: cancellationToken);
            fundedCampaign = await db.Campaigns.Where(c => c.ProjectId == act.Project.Id && c.Status == CampaignStatus.Funded).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
            return before is not null
                ? l["Les informations des reçus fiscaux du projet « {0} » sont mises à jour.", act.Project.Title].Value
                : l["Les reçus fiscaux du projet « {0} » sont ouverts.", act.Project.Title].Value;
        }, cancellationToken);

        // The issuer is saved first: the receipts it owes are numbered in a transaction of their own.
        if (result is RedirectToPageResult && fundedCampaign is { } campaignId)
        {
            var issued = await receipts.IssueOwedAsync(campaignId, cancellationToken);
            StatusMessage = l["Les reçus fiscaux du projet « {0} » sont ouverts. Reçus émis pour les dons de sa campagne financée : {1}.", title, issued].Value;
        }

        return result;
    }

    /// <summary>An admin stops new receipts for the project; those issued stand. Refused (403) to agents.</summary>
    public Task<IActionResult> OnPostCloseReceiptsAsync(long id, [FromForm] long? projectVersion, CancellationToken cancellationToken) =>
        ActAsync(id, projectVersion, missing: null, adminOnly: true, withDecisions: false, async act =>
        {
            var before = act.Project.ReceiptIssuer;
            act.Project.StopTaxReceipts(act.City, act.StaffUserId, act.Now);
            await audit.RecordAsync(
                AuditAction.TaxReceiptsStopped, AuditSubject.Project, act.Project.Id, act.Project.Title, null,
                ReceiptIssuerForm.AuditValues(before), ReceiptIssuerForm.AuditValues(null), cancellationToken: cancellationToken);
            return l["Les reçus fiscaux du projet « {0} » sont fermés : ceux déjà émis restent valables.", act.Project.Title].Value;
        }, cancellationToken);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The project disappeared while its page was shown again.");
        }
    }

    /// <summary>The French name of a move in a project's history.</summary>
    public static string ActionName(IStringLocalizer l, ProjectAction action)
    {
        ArgumentNullException.ThrowIfNull(l);
        return action switch
        {
            ProjectAction.Created => l["Création du brouillon"],
            ProjectAction.Submitted => l["Dépôt du projet"],
            ProjectAction.Resubmitted => l["Nouveau dépôt après modifications"],
            ProjectAction.Published => l["Publication par la ville"],
            ProjectAction.TakenIntoReview => l["Mise à l'étude"],
            ProjectAction.ChangesRequested => l["Modifications demandées"],
            ProjectAction.Labelled => l["Labellisation par la ville"],
            ProjectAction.Declined => l["Refus par la ville"],
            ProjectAction.FundingLaunched => l["Lancement du financement"],
            ProjectAction.Funded => l["Financement réussi"],
            ProjectAction.NotFunded => l["Financement non atteint"],
            ProjectAction.Started => l["Début de la réalisation"],
            ProjectAction.Completed => l["Réalisation terminée"],
            ProjectAction.Withdrawn => l["Retrait par le porteur"],
            ProjectAction.Hidden => l["Masquage par la ville"],
            ProjectAction.Unhidden => l["Rétablissement par la ville"],
            ProjectAction.Assigned => l["Attribution du suivi"],
            ProjectAction.DecisionProposed => l["Proposition de décision"],
            ProjectAction.ProposalRejected => l["Proposition écartée"],
            ProjectAction.LabelRevoked => l["Retrait du label par la ville"],
            ProjectAction.SelectedInCall => l["Lauréat d'un appel à projets de la ville"],
        };
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
        var details = await db.Projects.AsNoTracking()
            .Where(p => p.Id == id && p.SubmittedAtUtc != null)
            .Select(p => new Details(
                p.Id,
                p.Title,
                p.Summary,
                p.Description,
                p.Status,
                p.Category,
                db.Neighbourhoods.Where(n => n.Id == p.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
                p.Address,
                p.Latitude,
                p.Longitude,
                p.HolderType,
                p.OrganisationName,
                p.Rna,
                p.Siren,
                db.Users.Where(u => u.Id == p.HolderUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                db.Users.Where(u => u.Id == p.HolderUserId).Select(u => u.Email).FirstOrDefault(),
                p.CreatedAtUtc,
                p.SubmittedAtUtc!.Value,
                p.PublishedAtUtc,
                p.HiddenAtUtc,
                p.HiddenReason,
                p.Version,
                p.ReceiptIssuer,
                db.Campaigns.Where(c => c.ProjectId == p.Id).Select(c => (long?)c.Id).FirstOrDefault(),
                db.Campaigns.Where(c => c.ProjectId == p.Id).Select(c => (CampaignStatus?)c.Status).FirstOrDefault(),
                db.TaxReceipts.Count(r => db.Campaigns.Any(c => c.Id == r.CampaignId && c.ProjectId == p.Id) && r.Status == TaxReceiptStatus.Issued),
                db.ProjectSupports.Count(s => s.ProjectId == p.Id),
                db.ProjectFollows.Count(f => f.ProjectId == p.Id),
                db.Comments.Count(c => c.ProjectId == p.Id && c.State == CommentState.Visible),
                db.Comments.Count(c => c.ProjectId == p.Id && (c.State == CommentState.Pending || (c.State == CommentState.Visible && c.OpenReportCount > 0))),
                p.BudgetLines.OrderBy(b => b.Position).Select(b => new BudgetRow(b.Label, b.AmountCents)).ToList(),
                p.RequestedSupports.OrderBy(s => s.Id).Select(s => new SupportRow(s.Kind, s.Details)).ToList(),
                p.Images.OrderBy(i => i.Position).Select(i => new ImageRow(i.Id, i.AltText)).ToList(),
                p.History.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                    .Select(e => new EventRow(
                        e.Action,
                        e.FromStatus,
                        e.ToStatus,
                        e.ByUserId == null ? null : db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                        e.Reason,
                        e.AtUtc,
                        e.IsPublic))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return false;
        }

        Project = details;
        if (!_receiptFormPosted)
        {
            ReceiptInput = ReceiptIssuerForm.Prefill(details.ReceiptIssuer, details.HolderType, details.OrganisationName, details.Rna, details.Siren, City.Name);
        }

        Panel = await db.Projects.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new ReviewPanel(
                p.AssignedStaffUserId,
                db.Users.Where(u => u.Id == p.AssignedStaffUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.Notes.OrderByDescending(n => n.AtUtc).ThenByDescending(n => n.Id)
                    .Select(n => new NoteRow(n.Id, db.Users.Where(u => u.Id == n.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault(), n.Body, n.AtUtc))
                    .ToList(),
                p.Messages.OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
                    .Select(m => new MessageRow(m.Id, m.Side, db.Users.Where(u => u.Id == m.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault(), m.Body, m.AtUtc))
                    .ToList(),
                p.Decisions.OrderBy(d => d.ProposedAtUtc).ThenBy(d => d.Id)
                    .Select(d => new DecisionRow(
                        d.Id,
                        d.Kind,
                        d.State,
                        db.Users.Where(u => u.Id == d.ProposedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                        d.ProposedAtUtc,
                        db.Users.Where(u => u.Id == d.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                        d.DecidedAtUtc,
                        d.PublicReason,
                        d.RejectionNote,
                        d.ValidUntil,
                        d.Conditions,
                        d.RevokedAtUtc,
                        db.Users.Where(u => u.Id == d.RevokedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                        d.RevokedReason,
                        d.Commitments.OrderBy(c => c.Position)
                            .Select(c => new CommitmentView(
                                c.Kind,
                                c.Description,
                                c.EstimatedValueCents,
                                db.Users.Where(u => u.Id == c.ReferentUserId).Select(u => u.DisplayName).FirstOrDefault(),
                                c.CoFinancing,
                                c.GrantCents,
                                c.MatchRatioPercent,
                                c.MatchCapCents))
                            .ToList()))
                    .ToList()))
            .AsSplitQuery()
            .SingleAsync(cancellationToken);
        Staff = await db.StaffAsync(City.Id, cancellationToken);
        CurrentUserId = User.IdOrNull() ?? 0;
        var city = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == City.Id, cancellationToken);
        try
        {
            city.EnsureCanLabel();
            LabelRefusal = null;
        }
        catch (DomainException refusal)
        {
            LabelRefusal = l.Localize(refusal);
        }

        return true;
    }

    public sealed record Details(
        long Id,
        string Title,
        string? Summary,
        string? Description,
        ProjectStatus Status,
        ProjectCategory? Category,
        string? Neighbourhood,
        string? Address,
        double? Latitude,
        double? Longitude,
        HolderType HolderType,
        string? OrganisationName,
        string? Rna,
        string? Siren,
        string HolderName,
        string? HolderEmail,
        DateTime CreatedAtUtc,
        DateTime SubmittedAtUtc,
        DateTime? PublishedAtUtc,
        DateTime? HiddenAtUtc,
        string? HiddenReason,
        long Version,
        ReceiptIssuer? ReceiptIssuer,
        long? CampaignId,
        CampaignStatus? CampaignStatus,
        int ReceiptsInForce,
        int Supports,
        int Followers,
        int VisibleComments,
        int CommentsToModerate,
        List<BudgetRow> Budget,
        List<SupportRow> RequestedSupport,
        List<ImageRow> Images,
        List<EventRow> History)
    {
        public bool IsHidden => HiddenAtUtc is not null;

        public bool IsPublic => PublishedAtUtc is not null && HiddenAtUtc is null && Status != ProjectStatus.Draft;

        public bool AwaitsPublication => PublishedAtUtc is null;

        /// <summary>Only gifts to an association of general interest or to the city give a tax receipt.</summary>
        public bool MayGiveReceipts => HolderType is HolderType.Association or HolderType.Municipality;

        public long BudgetTotalCents => Budget.Sum(b => b.AmountCents);
    }

    public sealed record BudgetRow(string Label, long AmountCents);

    public sealed record SupportRow(CommitmentKind Kind, string? Details);

    public sealed record ImageRow(long Id, string AltText);

    public sealed record EventRow(ProjectAction Action, ProjectStatus From, ProjectStatus To, string? By, string? Reason, DateTime AtUtc, bool IsPublic);

    public sealed record ReviewPanel(
        long? AssigneeId,
        string? Assignee,
        List<NoteRow> Notes,
        List<MessageRow> Messages,
        List<DecisionRow> Decisions)
    {
        public DecisionRow? PendingProposal => Decisions.LastOrDefault(d => d.State == DecisionState.Proposed);

        /// <summary>The confirmed label, revoked or not.</summary>
        public DecisionRow? Label => Decisions.LastOrDefault(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed);

        public DecisionRow? Refusal => Decisions.LastOrDefault(d => d.Kind == DecisionKind.Decline && d.State == DecisionState.Confirmed);
    }

    public sealed record NoteRow(long Id, string? Author, string Body, DateTime AtUtc);

    public sealed record MessageRow(long Id, MessageAuthorSide Side, string? Author, string Body, DateTime AtUtc);

    public sealed record DecisionRow(
        long Id,
        DecisionKind Kind,
        DecisionState State,
        string ProposedBy,
        DateTime ProposedAtUtc,
        string? DecidedBy,
        DateTime? DecidedAtUtc,
        string? PublicReason,
        string? RejectionNote,
        DateOnly? ValidUntil,
        string? Conditions,
        DateTime? RevokedAtUtc,
        string? RevokedBy,
        string? RevokedReason,
        List<CommitmentView> Commitments);

    private sealed record StaffAct(Project Project, Municipality City, long StaffUserId, DateTime Now);
}
