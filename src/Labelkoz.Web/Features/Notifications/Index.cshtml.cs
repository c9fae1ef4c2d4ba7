using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Notifications;

/// <summary>The signed-in person's notifications, newest first: what the cities decided about their projects.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 30;

    public IReadOnlyList<Row> Notifications { get; private set; } = [];

    public int Total { get; private set; }

    public int Unread { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId)
        {
            return Challenge();
        }

        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var counts = await mine
            .GroupBy(n => n.UserId)
            .Select(g => new { Total = g.Count(), Unread = g.Count(n => n.ReadAtUtc == null) })
            .SingleOrDefaultAsync(cancellationToken);
        Total = counts?.Total ?? 0;
        Unread = counts?.Unread ?? 0;
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var requested)
            ? Math.Clamp(requested, 1, PageCount)
            : 1;
        if (Total == 0)
        {
            return Page();
        }

        Notifications = await mine
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(n => new Row(
                n.Id,
                n.Kind,
                n.Subject,
                n.Text,
                n.CreatedAtUtc,
                n.ReadAtUtc != null,
                db.Municipalities.Where(m => m.Id == n.MunicipalityId).Select(m => m.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Marks every unread notification of the person read, in one statement.</summary>
    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId)
        {
            return Challenge();
        }

        // A bulk update rather than Notification.MarkRead on each: someone may have hundreds
        // unread, and marking read is only ever setting the time once (the same rule: only unread ones).
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        StatusMessage = marked == 0
            ? l["Toutes vos notifications étaient déjà lues."]
            : l["{0} notification(s) marquée(s) comme lue(s).", marked];
        return RedirectToPage();
    }

    public string PageUrl(int page) =>
        page <= 1 ? "/compte/notifications" : "/compte/notifications?page=" + page.ToString(CultureInfo.InvariantCulture);

    public sealed record Row(long Id, NotificationKind Kind, string Subject, string? Text, DateTime CreatedAtUtc, bool IsRead, string? CityName);
}
