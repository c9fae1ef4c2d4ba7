using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
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

    public ProjectView Project { get; private set; } = null!;

    public IReadOnlyList<ImageView> Images { get; private set; } = [];

    public IReadOnlyList<BudgetLineView> Budget { get; private set; } = [];

    public long BudgetTotalCents => Budget.Sum(b => b.AmountCents);

    public IReadOnlyList<RequestedSupportView> RequestedSupports { get; private set; } = [];

    public IReadOnlyList<EventView> Timeline { get; private set; } = [];

    /// <summary>The city's label, revoked or lapsed ones included (null when never labelled).</summary>
    public PublicLabelView? Label { get; private set; }

    /// <summary>Today in Paris: a label is valid through its last day.</summary>
    public DateOnly Today { get; private set; }

    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

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
                throw new DomainException("Vous avez déjà signalé ce commentaire.");
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
                ?? throw new DomainException("Ce commentaire n'appartient pas à ce projet.");
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
            ?? throw new DomainException("Ce commentaire n'appartient pas à ce projet.");
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
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new ProjectView(
                p.Id,
                p.Title,
                p.Summary,
                p.Category,
                p.Status,
                p.HolderUserId,
                db.Users.Where(u => u.Id == p.HolderUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                p.HolderType,
                p.OrganisationName,
                db.Neighbourhoods.Where(n => n.Id == p.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
                p.PublishedAtUtc,
                p.HiddenAtUtc,
                db.ProjectSupports.Count(s => s.ProjectId == p.Id),
                db.ProjectSupports.Any(s => s.ProjectId == p.Id && s.UserId == viewer),
                db.ProjectFollows.Count(f => f.ProjectId == p.Id),
                db.ProjectFollows.Any(f => f.ProjectId == p.Id && f.UserId == viewer),
                p.Description,
                p.LabelledAtUtc,
                p.CallId,
                db.Calls.Where(c => c.Id == p.CallId).Select(c => c.Title).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        if (project is null || (!project.IsPublic && project.HolderUserId != viewer))
        {
            return false;
        }

        Project = project;
        Description = markdown.Render(project.Description);
        Images = await db.ProjectImages.AsNoTracking()
            .Where(i => i.ProjectId == id)
            .OrderBy(i => i.Position)
            .Select(i => new ImageView(i.Id, i.AltText))
            .ToListAsync(cancellationToken);
        Budget = await db.Set<BudgetLine>().AsNoTracking()
            .Where(b => b.ProjectId == id)
            .OrderBy(b => b.Position)
            .Select(b => new BudgetLineView(b.Label, b.AmountCents))
            .ToListAsync(cancellationToken);
        RequestedSupports = await db.Set<RequestedSupport>().AsNoTracking()
            .Where(s => s.ProjectId == id)
            .OrderBy(s => s.Kind)
            .Select(s => new RequestedSupportView(s.Kind, s.Details))
            .ToListAsync(cancellationToken);
        // The review's internal moves are never public, whatever their row says.
        Timeline = await db.ProjectEvents.AsNoTracking()
            .Where(e => e.ProjectId == id && e.IsPublic
                && e.Action != ProjectAction.Assigned && e.Action != ProjectAction.DecisionProposed && e.Action != ProjectAction.ProposalRejected)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new EventView(e.AtUtc, e.Action, e.ToStatus, e.Reason))
            .ToListAsync(cancellationToken);
        Today = PublicLabels.Today(clock);
        Label = project.LabelledAtUtc is null ? null : await PublicLabels.FindAsync(db, id, cancellationToken);
        await LoadCommentsAsync(id, viewer, cancellationToken);
        Funding = await Labelkoz.Web.Features.Funding.FundingPanel.LoadAsync(db, id, Now, cancellationToken);
        HolderManagesCampaign = project.HolderUserId == viewer && await Labelkoz.Web.Features.Funding.FundingPanel.HolderMayManageAsync(db, id, Today, cancellationToken);
        return true;
    }

    /// <summary>
    /// Every comment of the page in one query (others' comments awaiting moderation are not even
    /// read), then the tree of one level of replies built in memory.
    /// </summary>
    private async Task LoadCommentsAsync(long projectId, long? viewer, CancellationToken cancellationToken)
    {
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.ProjectId == projectId && (c.State != CommentState.Pending || c.AuthorUserId == viewer))
            .Join(db.Users, c => c.AuthorUserId, u => u.Id, (c, u) => new { Comment = c, Author = u.DisplayName })
            .OrderBy(r => r.Comment.CreatedAtUtc).ThenBy(r => r.Comment.Id)
            .ToListAsync(cancellationToken);
        var now = Now;
        var accepts = Project.AcceptsParticipation;
        CommentView ToView(Comment c, string author, IReadOnlyList<CommentView> replies)
        {
            var own = viewer == c.AuthorUserId;
            return new CommentView(
                c.Id,
                author,
                c.CreatedAtUtc,
                c.EditedAtUtc is not null && c.State is CommentState.Visible or CommentState.Pending,
                c.State,
                c.State is CommentState.Visible or CommentState.Pending ? c.Body : null,
                own,
                viewer is { } v && c.CanBeEditedBy(v, now),
                own && c.State != CommentState.DeletedByAuthor,
                viewer is not null && !own && c.State == CommentState.Visible,
                viewer is not null && accepts && c.ParentCommentId is null && c.State == CommentState.Visible,
                replies);
        }

        var replies = rows.Where(r => r.Comment.ParentCommentId is not null)
            .Where(r => r.Comment.State != CommentState.DeletedByAuthor)
            .ToLookup(r => r.Comment.ParentCommentId!.Value);
        Comments = [.. rows.Where(r => r.Comment.ParentCommentId is null)
            .Select(r => ToView(r.Comment, r.Author, [.. replies[r.Comment.Id].Select(reply => ToView(reply.Comment, reply.Author, []))]))
            .Where(c => c.State != CommentState.DeletedByAuthor || c.Replies.Count > 0)];
        var shown = Comments.Select(c => c.Id).ToHashSet();
        VisibleCommentCount = rows.Count(r => r.Comment.State == CommentState.Visible && (r.Comment.ParentCommentId is not { } parent || shown.Contains(parent)));
    }

    public sealed record ProjectView(
        long Id,
        string Title,
        string? Summary,
        ProjectCategory? Category,
        ProjectStatus Status,
        long HolderUserId,
        string HolderName,
        HolderType HolderType,
        string? OrganisationName,
        string? Neighbourhood,
        DateTime? PublishedAtUtc,
        DateTime? HiddenAtUtc,
        int Supports,
        bool SupportedByViewer,
        int Followers,
        bool FollowedByViewer,
        string? Description,
        DateTime? LabelledAtUtc,
        long? CallId,
        string? CallTitle)
    {
        public bool IsPublic => PublishedAtUtc is not null && HiddenAtUtc is null && Status != ProjectStatus.Draft;

        public bool AcceptsParticipation => IsPublic && ProjectLifecycle.AcceptsParticipation(Status);
    }

    public sealed record ImageView(long Id, string AltText);

    public sealed record BudgetLineView(string Label, long AmountCents);

    public sealed record RequestedSupportView(CommitmentKind Kind, string? Details);

    public sealed record EventView(DateTime AtUtc, ProjectAction Action, ProjectStatus Status, string? Reason);

    public sealed record CommentView(
        long Id,
        string Author,
        DateTime CreatedAtUtc,
        bool Edited,
        CommentState State,
        string? Body,
        bool IsOwn,
        bool CanEdit,
        bool CanDelete,
        bool CanReport,
        bool CanReply,
        IReadOnlyList<CommentView> Replies);
}
