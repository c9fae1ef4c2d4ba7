using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
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
/// The holder checks what is missing, reads the project over once more and sends it to the city
/// (also after the city asked for changes). Public at once, or after moderation, as the city chose.
/// </summary>
[Authorize]
public sealed class SubmitModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    Notifier notifier,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    private long _projectId;

    /// <summary>The message joined to a resubmission (the form offers it only after the city asked for changes).</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The city's last message while it waits for changes (null otherwise).</summary>
    public CityRequest? LastCityRequest { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Overview Current { get; private set; } = null!;

    public ModerationMode Moderation { get; private set; }

    public string CitySlug => tenant.City!.Slug;

    public string CityName => tenant.City!.Name;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var holder = await db.Projects.Where(p => p.Id == id).Select(p => (long?)p.HolderUserId).SingleOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return NotFound();
        }

        if (holder != User.Id())
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var userId = User.Id();
        if (!project.IsHeldBy(userId))
        {
            return Forbid();
        }

        // A second click (or a reload) after a successful submission: nothing to do, the same answer.
        if (project.Status == ProjectStatus.Submitted)
        {
            return Redirect(ProjectPaths.Page(CitySlug, project.Id, project.Title));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var resubmission = project.Status == ProjectStatus.ChangesRequested;
        var message = resubmission && !string.IsNullOrWhiteSpace(Input.MessageToCity) ? Input.MessageToCity : null;
        var moderation = await db.Municipalities.Where(m => m.Id == project.MunicipalityId).Select(m => m.ProjectModeration).SingleAsync(cancellationToken);
        project.Submit(userId, moderation, clock.GetUtcNow().UtcDateTime, message);
        if (resubmission)
        {
            // The reviewer hears of it: with the holder's words, or at least the project's title.
            await CityReviewers.NotifyAsync(db, notifier, project, CitySlug, project.Messages.Count > 0 ? project.Messages[^1].Body : project.Title, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        StatusMessage = project.IsPublic
            ? l["Votre projet est déposé et il est public dès maintenant. La ville va l'étudier ; en attendant, les habitants peuvent le soutenir."]
            : l["Votre projet est déposé. La ville vérifie les projets avant de les publier : il sera visible de tous après sa validation."];
        return Redirect(ProjectPaths.Page(CitySlug, project.Id, project.Title));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Moderation = await db.Municipalities.Where(m => m.Id == tenant.MunicipalityId).Select(m => m.ProjectModeration).SingleAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking()
            .Include(p => p.BudgetLines)
            .Include(p => p.RequestedSupports)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == _projectId, cancellationToken);
        var neighbourhood = project.NeighbourhoodId is { } neighbourhoodId
            ? await db.Neighbourhoods.Where(n => n.Id == neighbourhoodId).Select(n => n.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var imageCount = await db.ProjectImages.CountAsync(i => i.ProjectId == _projectId, cancellationToken);
        LastCityRequest = project.Status == ProjectStatus.ChangesRequested
            ? await CityRequest.LastAsync(db, _projectId, ProposePaths.Exchanges(CitySlug, _projectId), cancellationToken)
            : null;
        Current = new Overview(
            project.Id,
            project.Title,
            project.Summary,
            project.Status,
            project.IsPublic,
            project.Category,
            neighbourhood,
            project.Address,
            project.HolderType,
            project.OrganisationName,
            project.BudgetTotalCents,
            project.BudgetLines.Count,
            project.RequestedSupports.Select(s => s.Kind).Order().ToList(),
            imageCount,
            project.MissingForSubmission());
    }

    public sealed record Overview(
        long Id,
        string Title,
        string? Summary,
        ProjectStatus Status,
        bool IsPublic,
        ProjectCategory? Category,
        string? Neighbourhood,
        string? Address,
        HolderType HolderType,
        string? OrganisationName,
        long BudgetTotalCents,
        int BudgetLineCount,
        IReadOnlyList<CommitmentKind> RequestedSupports,
        int ImageCount,
        IReadOnlyList<string> Missing)
    {
        /// <summary>Draft, or sent back by the city: the holder may (re)submit it.</summary>
        public bool CanBeSubmitted => ProjectLifecycle.CanMove(Status, ProjectStatus.Submitted);
    }

    public sealed class InputModel
    {
        [StringLength(ReviewMessage.BodyMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Message à la ville")]
        public string? MessageToCity { get; set; }
    }
}
