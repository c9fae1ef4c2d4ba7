using System.Security.Claims;
using Labelkoz.Data;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.CityAdmin;

/// <summary>
/// Everything the holder entered on a submitted project, who holds it, and its whole history
/// (moderation included). Staff publish a project awaiting pre-moderation, hide it or restore it;
/// review decisions live elsewhere. Another city's project, or a draft, is "not found".
/// </summary>
public sealed class ProjectDetailsModel(AppDbContext db, TenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string ReasonField = "reason";

    public long Id { get; private set; }

    public Details Project { get; private set; } = null!;

    /// <summary>The reason typed before a refusal, given back in its field.</summary>
    public string? Reason { get; private set; }

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>
    /// A request naming no handler this page has (a POST without one, or an unknown
    /// <c>?handler=</c>) would render the page with nothing loaded: it is "not found" instead.
    /// </summary>
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
            return Task.CompletedTask;
        }

        return base.OnPageHandlerExecutionAsync(context, next);
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostPublishAsync(long id, [FromForm] long? projectVersion, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            projectVersion,
            reason: null,
            reasonRequired: false,
            (project, staff, now) => project.Publish(staff, now),
            title => l["Le projet « {0} » est publié : il est maintenant visible de tous.", title],
            cancellationToken);

    public Task<IActionResult> OnPostHideAsync(long id, [FromForm] long? projectVersion, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            projectVersion,
            reason,
            reasonRequired: true,
            (project, staff, now) => project.Hide(staff, reason, now),
            title => l["Le projet « {0} » est masqué : seuls son porteur et l'équipe de la ville le voient.", title],
            cancellationToken);

    public Task<IActionResult> OnPostUnhideAsync(long id, [FromForm] long? projectVersion, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            projectVersion,
            reason,
            reasonRequired: true,
            (project, staff, now) => project.Unhide(staff, reason, now),
            title => l["Le projet « {0} » est rétabli.", title],
            cancellationToken);

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
        };
    }

    private async Task<IActionResult> ChangeAsync(
        long id,
        long? version,
        string? reason,
        bool reasonRequired,
        Action<Project, long, DateTime> change,
        Func<string, string> done,
        CancellationToken cancellationToken)
    {
        Id = id;
        Reason = reason;
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id && p.SubmittedAtUtc != null, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (version is null || !long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var staffUserId))
        {
            return BadRequest();
        }

        if (reasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError(ReasonField, l["Indiquez le motif : il est gardé dans l'historique du projet."]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        // The version the person saw: if someone acted on the project since, the save is refused.
        db.Entry(project).Property(p => p.Version).OriginalValue = version.Value;
        change(project, staffUserId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = done(project.Title);
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

        public long BudgetTotalCents => Budget.Sum(b => b.AmountCents);
    }

    public sealed record BudgetRow(string Label, long AmountCents);

    public sealed record SupportRow(CommitmentKind Kind, string? Details);

    public sealed record ImageRow(long Id, string AltText);

    public sealed record EventRow(ProjectAction Action, ProjectStatus From, ProjectStatus To, string? By, string? Reason, DateTime AtUtc, bool IsPublic);
}
