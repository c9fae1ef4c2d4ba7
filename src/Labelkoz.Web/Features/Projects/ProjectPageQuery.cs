using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects;

/// <summary>The reads of a project's public page (<see cref="DetailsModel"/>), each one SQL command.</summary>
internal static class ProjectPageQuery
{
    public static async Task<PublicProjectView?> FindAsync(AppDbContext db, long id, long? viewer, CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PublicProjectView(
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

    public static async Task<IReadOnlyList<ProjectImageView>> ImagesAsync(AppDbContext db, long id, CancellationToken cancellationToken) =>
        await db.ProjectImages.AsNoTracking()
            .Where(i => i.ProjectId == id)
            .OrderBy(i => i.Position)
            .Select(i => new ProjectImageView(i.Id, i.AltText))
            .ToListAsync(cancellationToken);

    public static async Task<IReadOnlyList<ProjectBudgetLineView>> BudgetAsync(AppDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Set<BudgetLine>().AsNoTracking()
            .Where(b => b.ProjectId == id)
            .OrderBy(b => b.Position)
            .Select(b => new ProjectBudgetLineView(b.Label, b.AmountCents))
            .ToListAsync(cancellationToken);

    public static async Task<IReadOnlyList<ProjectSupportView>> RequestedSupportsAsync(AppDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Set<RequestedSupport>().AsNoTracking()
            .Where(s => s.ProjectId == id)
            .OrderBy(s => s.Kind)
            .Select(s => new ProjectSupportView(s.Kind, s.Details))
            .ToListAsync(cancellationToken);

    /// <summary>The public steps of the project: the review's internal moves are never public, whatever their row says.</summary>
    public static async Task<IReadOnlyList<ProjectEventView>> TimelineAsync(AppDbContext db, long id, CancellationToken cancellationToken) =>
        await db.ProjectEvents.AsNoTracking()
            .Where(e => e.ProjectId == id && e.IsPublic
                && e.Action != ProjectAction.Assigned && e.Action != ProjectAction.DecisionProposed && e.Action != ProjectAction.ProposalRejected)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new ProjectEventView(e.AtUtc, e.Action, e.ToStatus, e.Reason))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Every comment of the page in one query (others' comments awaiting moderation are not even
    /// read), then the tree of one level of replies built in memory.
    /// </summary>
    public static async Task<(IReadOnlyList<ProjectCommentView> Comments, int Visible)> CommentsAsync(AppDbContext db, long projectId, long? viewer, bool acceptsParticipation, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.ProjectId == projectId && (c.State != CommentState.Pending || c.AuthorUserId == viewer))
            .Join(db.Users, c => c.AuthorUserId, u => u.Id, (c, u) => new { Comment = c, Author = u.DisplayName })
            .OrderBy(r => r.Comment.CreatedAtUtc).ThenBy(r => r.Comment.Id)
            .ToListAsync(cancellationToken);
        var accepts = acceptsParticipation;
        ProjectCommentView ToView(Comment c, string author, IReadOnlyList<ProjectCommentView> replies)
        {
            var own = viewer == c.AuthorUserId;
            return new ProjectCommentView(
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
        IReadOnlyList<ProjectCommentView> comments = [.. rows.Where(r => r.Comment.ParentCommentId is null)
            .Select(r => ToView(r.Comment, r.Author, [.. replies[r.Comment.Id].Select(reply => ToView(reply.Comment, reply.Author, []))]))
            .Where(c => c.State != CommentState.DeletedByAuthor || c.Replies.Count > 0)];
        var shown = comments.Select(c => c.Id).ToHashSet();
        var visible = rows.Count(r => r.Comment.State == CommentState.Visible && (r.Comment.ParentCommentId is not { } parent || shown.Contains(parent)));
        return (comments, visible);
    }
}
