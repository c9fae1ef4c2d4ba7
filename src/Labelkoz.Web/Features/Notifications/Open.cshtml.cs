using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Notifications;

/// <summary>
/// Opens one of the person's notifications: marks it read, then goes to the page it is about.
/// Only ever to a path on this site; someone else's notification is "not found".
/// </summary>
[Authorize]
public sealed class OpenModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId)
        {
            return Challenge();
        }

        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        if (!notification.IsRead)
        {
            notification.MarkRead(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        // The domain keeps links local; this checks again (no "/\host" or scheme tricks) before leaving.
        return Url.IsLocalUrl(notification.Link) ? LocalRedirect(notification.Link) : RedirectToPage("/Notifications/Index");
    }
}
