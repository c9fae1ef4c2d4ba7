using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>
/// The people of the city who hear from the holder: the member of staff who follows the review,
/// or, when nobody does (or they left the team), the city's admins.
/// </summary>
internal static class CityReviewers
{
    /// <summary>What a notification quotes of a long message.</summary>
    public const int ExcerptLength = 300;

    /// <summary>
    /// Adds a "the holder wrote" notification for each reviewer (before the save, in the same unit
    /// of work); the caller sends the e-mails with <see cref="Notifier.SendMailsAsync"/> once saved.
    /// </summary>
    public static async Task NotifyAsync(AppDbContext db, Notifier notifier, Project project, string citySlug, string text, CancellationToken cancellationToken)
    {
        var staff = await db.Memberships.AsNoTracking()
            .Where(m => m.MunicipalityId == project.MunicipalityId)
            .Select(m => new { m.UserId, m.Role })
            .ToListAsync(cancellationToken);
        var reviewers = project.AssignedStaffUserId is { } assigned && staff.Any(s => s.UserId == assigned)
            ? [assigned]
            : staff.Where(s => s.Role == StaffRole.Admin).Select(s => s.UserId).ToList();
        var link = Admin.ReviewPaths.Review(citySlug, project.Id);
        foreach (var reviewer in reviewers.Where(r => r != project.HolderUserId).Distinct())
        {
            notifier.Notify(reviewer, project.MunicipalityId, NotificationKind.MessageFromHolder, project.Title, Excerpt(text), link);
        }
    }

    public static string Excerpt(string text) =>
        text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength - 1).TrimEnd(), "…");
}
