using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>
/// The holder's exchange with the city at <c>/{slug}/projets/{id}/echanges</c>: where the review
/// stands, the thread of messages, the city's decision, and a form to write to the city. The
/// holder's alone: anyone else is told it does not exist. The staff's internal notes, pending and
/// rejected proposals are never read here.
/// </summary>
[Authorize]
public sealed class ExchangesModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    Notifier notifier,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    /// <summary>The same words from the same holder within this delay are one message sent twice.</summary>
    private static readonly TimeSpan DoublePostWindow = TimeSpan.FromMinutes(2);

    private long _projectId;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Summary Current { get; private set; } = null!;

    public IReadOnlyList<MessageView> Thread { get; private set; } = [];

    /// <summary>The city's label, revoked or lapsed ones included (null when never labelled).</summary>
    public PublicLabelView? Label { get; private set; }

    public DeclineView? Decline { get; private set; }

    public DateOnly Today { get; private set; }

    public string CitySlug => tenant.City!.Slug;

    public string CityName => tenant.City!.Name;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var holder = await db.Projects.Where(p => p.Id == id).Select(p => (long?)p.HolderUserId).SingleOrDefaultAsync(cancellationToken);
        if (holder is null || holder != User.Id())
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>"Envoyer à la ville": the message joins the thread and the city's reviewer is told.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var userId = User.Id();
        if (project is null || !project.IsHeldBy(userId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var message = project.WriteToCity(userId, Input.Message, now);
        var recently = now - DoublePostWindow;
        var alreadySent = await db.ReviewMessages.AnyAsync(
            m => m.ProjectId == id && m.Side == MessageAuthorSide.Holder && m.AuthorUserId == userId && m.Body == message.Body && m.AtUtc >= recently,
            cancellationToken);
        if (alreadySent)
        {
            // The same form posted twice (a double click, a reload): the message is in the thread once.
            return Redirect(ProposePaths.Exchanges(CitySlug, id) + "#fil");
        }

        await CityReviewers.NotifyAsync(db, notifier, project, CitySlug, message.Body, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        StatusMessage = l["Votre message est envoyé à la ville."];
        return Redirect(ProposePaths.Exchanges(CitySlug, id) + "#fil");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = PublicLabels.Today(clock);
        Current = await db.Projects.AsNoTracking()
            .Where(p => p.Id == _projectId)
            .Select(p => new Summary(p.Id, p.Title, p.Status, p.PublishedAtUtc != null && p.HiddenAtUtc == null && p.Status != ProjectStatus.Draft, p.LabelledAtUtc))
            .SingleAsync(cancellationToken);
        Thread = await db.ReviewMessages.AsNoTracking()
            .Where(m => m.ProjectId == _projectId)
            .OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
            .Select(m => new MessageView(
                m.Id,
                m.Side,
                m.Side == MessageAuthorSide.City ? db.Users.Where(u => u.Id == m.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault() : null,
                m.Body,
                m.AtUtc))
            .ToListAsync(cancellationToken);
        Label = Current.LabelledAtUtc is null ? null : await PublicLabels.FindAsync(db, _projectId, cancellationToken);
        Decline = Current.Status != ProjectStatus.Declined
            ? null
            : await db.ProjectDecisions.AsNoTracking()
                .Where(d => d.ProjectId == _projectId && d.Kind == DecisionKind.Decline && d.State == DecisionState.Confirmed)
                .OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id)
                .Select(d => new DeclineView(d.DecidedAtUtc ?? d.ProposedAtUtc, d.PublicReason))
                .FirstOrDefaultAsync(cancellationToken);
    }

    public sealed record Summary(long Id, string Title, ProjectStatus Status, bool IsPublic, DateTime? LabelledAtUtc)
    {
        /// <summary>The domain's rule: no exchange on a draft (the city has not seen it) nor once the project's story is over.</summary>
        public bool IsOpen => Status != ProjectStatus.Draft && !ProjectLifecycle.IsFinal(Status);

        public bool IsEditable => ProjectLifecycle.IsEditable(Status);

        public bool CanBeSubmitted => ProjectLifecycle.CanMove(Status, ProjectStatus.Submitted);
    }

    /// <summary>A message of the thread; <see cref="StaffName"/> is the author's name for the city's messages.</summary>
    public sealed record MessageView(long Id, MessageAuthorSide Side, string? StaffName, string Body, DateTime AtUtc);

    public sealed record DeclineView(DateTime DecidedAtUtc, string? Reason);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(ReviewMessage.BodyMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Votre message à la ville")]
        public string? Message { get; set; }
    }
}
