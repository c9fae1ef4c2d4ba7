using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Text;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects;

/// <summary>
/// A project's public page at <c>/{slug}/projets/{id}-{title-slug}</c>, and everything a person
/// does on it: support, follow, comment, reply, edit, delete and report a comment. A project that
/// is not public (draft, awaiting publication, hidden) is shown to its holder only.
/// </summary>
public sealed class DetailsModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    MarkdownRenderer markdown,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public long ProjectId { get; private set; }

    public long? ViewerId { get; private set; }

    public PublicProjectView Project { get; private set; } = null!;

    public IReadOnlyList<ProjectImageView> Images { get; private set; } = [];

    public IReadOnlyList<ProjectBudgetLineView> Budget { get; private set; } = [];

    public long BudgetTotalCents => Budget.Sum(b => b.AmountCents);

    public IReadOnlyList<ProjectSupportView> RequestedSupports { get; private set; } = [];

    public IReadOnlyList<ProjectEventView> Timeline { get; private set; } = [];

    /// <summary>The city's label, revoked or lapsed ones included (null when never labelled).</summary>
    public PublicLabelView? Label { get; private set; }

    /// <summary>Today in Paris: a label is valid through its last day.</summary>
    public DateOnly Today { get; private set; }

    public IReadOnlyList<ProjectCommentView> Comments { get; private set; } = [];

    /// <summary>The public funding panel (null: no launched campaign).</summary>
    public Funding.FundingPanelView? Funding { get; private set; }

    /// <summary>For the holder: a campaign exists or the project can be funded.</summary>
    public bool HolderManagesCampaign { get; private set; }

    public int VisibleCommentCount { get; private set; }

    public HtmlString Description { get; private set; } = HtmlString.Empty;

    public string CanonicalPath => ProjectPaths.Page(City.Slug, Project.Id, Project.Title);

    public string AbsoluteUrl => $"{Request.Scheme}://{Request.Host}{CanonicalPath}";

    public CurrentCity City => tenant.City!;

    public bool IsHolder => ViewerId is { } viewer && viewer == Project.HolderUserId;

    /// <summary>The text of the new comment, kept when it was refused so nothing typed is lost.</summary>
    public string? NewCommentBody { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!TryReadKey(key) || !await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // An old or missing title slug: one permanent address per project.
        var canonical = CanonicalPath;
        if (!string.Equals(Request.Path.Value, canonical, StringComparison.Ordinal))
        {
            return RedirectPermanent(canonical + Request.QueryString);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSupportAsync(string key, [FromForm] bool? support, CancellationToken cancellationToken)
    {
        if (!TryReadKey(key))
        {
            return NotFound();
        }

        if (ViewerId is not { } userId)
        {
            return LogInFirst();
        }

        var project = await FindForViewerAsync(userId, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var supported = await db.ProjectSupports.AnyAsync(s => s.ProjectId == ProjectId && s.UserId == userId, cancellationToken);
        if (support ?? !supported)
        {
            if (!supported)
            {
                db.ProjectSupports.Add(new ProjectSupport(project, userId, Now));
                await SaveIdempotentlyAsync(() => db.ProjectSupports.AnyAsync(s => s.ProjectId == ProjectId && s.UserId == userId, cancellationToken), cancellationToken);
            }

            StatusMessage = l["Merci : votre soutien à ce projet est enregistré."];
        }
        else
        {
            await db.ProjectSupports.Where(s => s.ProjectId == ProjectId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            StatusMessage = l["Votre soutien à ce projet a été retiré."];
        }

        return BackToPage(project, "soutien");
    }

    public async Task<IActionResult> OnPostFollowAsync(string key, [FromForm] bool? follow, CancellationToken cancellationToken)
    {
        if (!TryReadKey(key))
        {
            return NotFound();
        }

        if (ViewerId is not { } userId)
        {
            return LogInFirst();
        }

        var project = await FindForViewerAsync(userId, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var following = await db.ProjectFollows.AnyAsync(f => f.ProjectId == ProjectId && f.UserId == userId, cancellationToken);
        if (follow ?? !following)
        {
            if (!following)
            {
                db.ProjectFollows.Add(new ProjectFollow(project, userId, Now));
                await SaveIdempotentlyAsync(() => db.ProjectFollows.AnyAsync(f => f.ProjectId == ProjectId && f.UserId == userId, cancellationToken), cancellationToken);
            }

            StatusMessage = l["Vous suivez ce projet : vous serez prévenu de ses nouvelles."];
        }
        else
        {
            await db.ProjectFollows.Where(f => f.ProjectId == ProjectId && f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            StatusMessage = l["Vous ne suivez plus ce projet."];
        }

        return BackToPage(project, "suivi");
    }

    public async Task<IActionResult> OnPostCommentAsync(string key, [FromForm] string? body, CancellationToken cancellationToken) =>
        await WriteAsync(key, null, body, cancellationToken);

    public async Task<IActionResult> OnPostReplyAsync(string key, [FromForm] long? parentId, [FromForm] string? body, CancellationToken cancellationToken) =>
        parentId is null ? BadRequest() : await WriteAsync(key, parentId, body, cancellationToken);

    public async Task<IActionResult> OnPostEditCommentAsync(string key, [FromForm] long? commentId, [FromForm] string? body, CancellationToken cancellationToken)
    {
        var (result, project, comment) = await CommentForViewerAsync(key, commentId, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        comment!.Edit(ViewerId!.Value, body, Now);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Votre commentaire a été modifié."];
        return BackToPage(project!, CommentAnchor(comment.Id));
    }

    public async Task<IActionResult> OnPostDeleteCommentAsync(string key, [FromForm] long? commentId, CancellationToken cancellationToken)
    {
        var (result, project, comment) = await CommentForViewerAsync(key, commentId, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        comment!.Delete(ViewerId!.Value, Now);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Votre commentaire a été supprimé."];
        return BackToPage(project!, "commentaires");
    }

    public async Task<IActionResult> OnPostReportCommentAsync(string key, [FromForm] long? commentId, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        var (result, project, comment) = await CommentForViewerAsync(key, commentId, cancellationToken, includeOwnReport: true);
        if (result is not null)
        {
            return result;
        }

        var userId = ViewerId!.Value;
        comment!.Report(userId, reason, Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two reports from one person at once: the unique index (comment, reporter) keeps one.
            DetachAll();
            if (await db.CommentReports.AnyAsync(r => r.CommentId == comment.Id && r.ReporterUserId == userId, cancellationToken))
            {
                throw new DomainException(CommentRefusals.AlreadyReported);
            }

            throw;
        }

        StatusMessage = l["Merci : votre signalement a été transmis à la ville, qui va l'examiner."];
        return BackToPage(project!, CommentAnchor(comment.Id));
    }

    /// <summary>Reloads what the page shows after a refused form (see <see cref="DomainExceptionPageFilter"/>).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The project disappeared while its page was shown.");
        }
    }

    public static string CommentAnchor(long commentId) => string.Create(CultureInfo.InvariantCulture, $"commentaire-{commentId}");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> WriteAsync(string key, long? parentId, string? body, CancellationToken cancellationToken)
    {
        if (!TryReadKey(key))
        {
            return NotFound();
        }

        if (ViewerId is not { } userId)
        {
            return LogInFirst();
        }

        var project = await FindForViewerAsync(userId, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        NewCommentBody = parentId is null ? body : null;
        Comment? parent = null;
        if (parentId is { } id)
        {
            parent = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.ProjectId == ProjectId, cancellationToken)
                ?? throw new DomainException(CommentRefusals.OfAnotherProject);
        }

        var moderation = await db.Municipalities.Where(m => m.Id == project.MunicipalityId).Select(m => m.CommentModeration).SingleAsync(cancellationToken);
        var comment = Comment.Write(project, userId, parent, body, moderation, Now);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = comment.State == CommentState.Pending
            ? l["Merci : votre commentaire sera publié après sa relecture par la ville."]
            : parent is null ? l["Votre commentaire est publié."] : l["Votre réponse est publiée."];
        return BackToPage(project, CommentAnchor(comment.Id));
    }

    /// <summary>
    /// The comment named in the form, loaded for a change, if it belongs to the project of the
    /// address (another project's or city's comment id is refused, never acted upon).
    /// </summary>
    private async Task<(IActionResult? Result, Project? Project, Comment? Comment)> CommentForViewerAsync(string key, long? commentId, CancellationToken cancellationToken, bool includeOwnReport = false)
    {
        if (!TryReadKey(key))
        {
            return (NotFound(), null, null);
        }

        if (ViewerId is not { } userId)
        {
            return (LogInFirst(), null, null);
        }

        if (commentId is null)
        {
            return (BadRequest(), null, null);
        }

        var project = await FindForViewerAsync(userId, cancellationToken);
        if (project is null)
        {
            return (NotFound(), null, null);
        }

        var comments = db.Comments.Where(c => c.Id == commentId && c.ProjectId == ProjectId);
        if (includeOwnReport)
        {
            comments = comments.Include(c => c.Reports.Where(r => r.ReporterUserId == userId));
        }

        var comment = await comments.SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(CommentRefusals.OfAnotherProject);
        return (null, project, comment);
    }

    /// <summary>The project of the address, if the viewer may see it (public, or theirs).</summary>
    private async Task<Project?> FindForViewerAsync(long userId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == ProjectId, cancellationToken);
        return project is not null && (project.IsPublic || project.IsHeldBy(userId)) ? project : null;
    }

    /// <summary>
    /// Saves a row whose primary key makes it unique (one support, one follow per person): when the
    /// same person's other request won the race, the row is there and the wish is already met.
    /// </summary>
    private async Task SaveIdempotentlyAsync(Func<Task<bool>> alreadyThere, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            DetachAll();
            if (!await alreadyThere())
            {
                throw;
            }
        }
    }

    private void DetachAll()
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private bool TryReadKey(string? key)
    {
        var digits = key is null ? 0 : key.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0 || !long.TryParse(key.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        ProjectId = id;
        ViewerId = User.IdOrNull();
        return true;
    }

    private RedirectResult LogInFirst() =>
        Redirect("/compte/connexion?returnUrl=" + Uri.EscapeDataString(Request.Path.Value ?? "/"));

    private RedirectResult BackToPage(Project project, string anchor) =>
        Redirect(ProjectPaths.Page(City.Slug, project.Id, project.Title) + "#" + anchor);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = ProjectId;
        var viewer = ViewerId;
        var project = await ProjectPageQuery.FindAsync(db, id, viewer, cancellationToken);
        if (project is null || (!project.IsPublic && project.HolderUserId != viewer))
        {
            return false;
        }

        Project = project;
        Description = markdown.Render(project.Description);
        Images = await ProjectPageQuery.ImagesAsync(db, id, cancellationToken);
        Budget = await ProjectPageQuery.BudgetAsync(db, id, cancellationToken);
        RequestedSupports = await ProjectPageQuery.RequestedSupportsAsync(db, id, cancellationToken);
        Timeline = await ProjectPageQuery.TimelineAsync(db, id, cancellationToken);
        Today = PublicLabels.Today(clock);
        Label = project.LabelledAtUtc is null ? null : await PublicLabels.FindAsync(db, id, cancellationToken);
        (Comments, VisibleCommentCount) = await ProjectPageQuery.CommentsAsync(db, id, viewer, project.AcceptsParticipation, Now, cancellationToken);
        Funding = await Labelkoz.Web.Features.Funding.FundingPanel.LoadAsync(db, id, Now, cancellationToken);
        HolderManagesCampaign = project.HolderUserId == viewer && await Labelkoz.Web.Features.Funding.FundingPanel.HolderMayManageAsync(db, id, Today, cancellationToken);
        return true;
    }
}
