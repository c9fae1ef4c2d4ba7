using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Audit;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// The comment moderation queue: reported comments, comments awaiting approval (when the city
/// pre-moderates), and what was moderated lately. Agents and admins alike hide, restore and
/// approve, each with a reason kept on the comment.
/// </summary>
public sealed class ModerationModel(AppDbContext db, TenantContext tenant, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    /// <summary>A queue longer than this is shown in parts: the oldest first, the rest after.</summary>
    public const int QueueLimit = 100;

    public const int RecentLimit = 30;

    public CurrentCity City => tenant.City!;

    public ModerationMode CommentModeration { get; private set; }

    public IReadOnlyList<QueueItem> Reported { get; private set; } = [];

    public int ReportedTotal { get; private set; }

    public IReadOnlyList<QueueItem> Pending { get; private set; } = [];

    public int PendingTotal { get; private set; }

    public IReadOnlyList<ModeratedItem> Recent { get; private set; } = [];

    /// <summary>The comment whose form was refused, and the reason typed in it, given back to the person.</summary>
    public long? PostedCommentId { get; private set; }

    public string? PostedReason { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public static string ReasonKey(long commentId) => $"motif-{commentId}";


    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostHideAsync([FromForm] long? commentId, [FromForm] long? commentVersion, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ModerateAsync(
            AuditAction.CommentHidden,
            commentId,
            commentVersion,
            reason,
            reasonRequired: true,
            (comment, staff, now) => comment.Hide(staff, reason, now),
            () => l["Le commentaire est masqué."],
            cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync([FromForm] long? commentId, [FromForm] long? commentVersion, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ModerateAsync(
            AuditAction.CommentRestored,
            commentId,
            commentVersion,
            reason,
            reasonRequired: true,
            (comment, staff, now) => comment.Restore(staff, reason, now),
            () => l["Le commentaire est rétabli : il reste visible et ses signalements sont traités."],
            cancellationToken);

    public Task<IActionResult> OnPostApproveAsync([FromForm] long? commentId, [FromForm] long? commentVersion, CancellationToken cancellationToken) =>
        ModerateAsync(
            AuditAction.CommentApproved,
            commentId,
            commentVersion,
            reason: null,
            reasonRequired: false,
            (comment, staff, now) => comment.Approve(staff, now),
            () => l["Le commentaire est approuvé : il est maintenant visible."],
            cancellationToken);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var cityId = tenant.MunicipalityId;
        CommentModeration = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == cityId)
            .Select(m => m.CommentModeration)
            .SingleAsync(cancellationToken);

        var reported = db.Comments.AsNoTracking().Where(c => c.State == CommentState.Visible && c.OpenReportCount > 0);
        var pending = db.Comments.AsNoTracking().Where(c => c.State == CommentState.Pending);
        var counts = await db.Comments.AsNoTracking()
            .Where(CommentsToModerate.Rule)
            .GroupBy(c => c.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        ReportedTotal = counts.Where(c => c.State == CommentState.Visible).Sum(c => c.Count);
        PendingTotal = counts.Where(c => c.State == CommentState.Pending).Sum(c => c.Count);

        Reported = ReportedTotal == 0
            ? []
            : await Items(reported.OrderByDescending(c => c.OpenReportCount).ThenBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)).ToListAsync(cancellationToken);
        Pending = PendingTotal == 0
            ? []
            : await Items(pending.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)).ToListAsync(cancellationToken);
        Recent = await db.Comments.AsNoTracking()
            .Where(c => c.ModeratedAtUtc != null && c.State != CommentState.DeletedByAuthor)
            .OrderByDescending(c => c.ModeratedAtUtc).ThenByDescending(c => c.Id)
            .Take(RecentLimit)
            .Select(c => new ModeratedItem(
                c.Id,
                c.Version,
                c.Body,
                c.State,
                db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                c.ProjectId,
                db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault() ?? string.Empty,
                c.ModeratedAtUtc!.Value,
                db.Users.Where(u => u.Id == c.ModeratedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                c.ModerationReason))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The queue's comments with their author, project and reports, in one command.</summary>
    private IQueryable<QueueItem> Items(IQueryable<Comment> comments) =>
        comments
            .Take(QueueLimit)
            .Select(c => new QueueItem(
                c.Id,
                c.Version,
                c.Body,
                c.CreatedAtUtc,
                c.EditedAtUtc,
                c.ParentCommentId != null,
                db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                c.ProjectId,
                db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault() ?? string.Empty,
                db.Projects.Where(Project.PublicRule).Any(p => p.Id == c.ProjectId),
                c.OpenReportCount,
                c.ModeratedAtUtc,
                c.Reports.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id)
                    .Select(r => new ReportRow(
                        r.Reason,
                        db.Users.Where(u => u.Id == r.ReporterUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                        r.CreatedAtUtc))
                    .ToList()))
            .AsSingleQuery();

    private async Task<IActionResult> ModerateAsync(
        AuditAction action,
        long? commentId,
        long? version,
        string? reason,
        bool reasonRequired,
        Action<Comment, long, DateTime> moderate,
        Func<string> done,
        CancellationToken cancellationToken)
    {
        if (commentId is null || version is null || User.IdOrNull() is not { } staffUserId)
        {
            return BadRequest();
        }

        // The tenant filter keeps the city's own comments: another city's id is "not found".
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        PostedCommentId = commentId;
        PostedReason = reason;
        if (reasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError(ReasonKey(comment.Id), l["Indiquez le motif de votre décision."]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        // The version the person saw: a new report or another moderator's decision since refuses the save.
        db.ExpectVersion(comment, version.Value);
        var before = Recorded(comment);
        moderate(comment, staffUserId, clock.GetUtcNow().UtcDateTime);
        var title = await db.Projects.Where(p => p.Id == comment.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        await audit.RecordAsync(
            action,
            AuditSubject.Comment,
            comment.Id,
            $"{title} — « {AuditNames.Excerpt(comment.Body)} »",
            details: reason?.Trim(),
            before: before,
            after: Recorded(comment),
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = done();
        return RedirectToPage();
    }

    /// <summary>What moderation changes on a comment, as the audit log records it.</summary>
    private static string Recorded(Comment comment) =>
        AuditTrail.Values(("État", AuditNames.Recorded(comment.State)), ("Signalements en attente", comment.OpenReportCount));

    public sealed record QueueItem(
        long Id,
        long Version,
        string Body,
        DateTime CreatedAtUtc,
        DateTime? EditedAtUtc,
        bool IsReply,
        string Author,
        long ProjectId,
        string ProjectTitle,
        bool ProjectIsPublic,
        int OpenReports,
        DateTime? ModeratedAtUtc,
        List<ReportRow> Reports)
    {
        /// <summary>A report made before the comment's last moderation was handled by it.</summary>
        public bool IsHandled(ReportRow report) => ModeratedAtUtc is { } moderated && report?.AtUtc <= moderated;
    }

    public sealed record ReportRow(string Reason, string Reporter, DateTime AtUtc);

    public sealed record ModeratedItem(
        long Id,
        long Version,
        string Body,
        CommentState State,
        string Author,
        long ProjectId,
        string ProjectTitle,
        DateTime ModeratedAtUtc,
        string? ModeratedBy,
        string? Reason);
}
