using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Notifications;

/// <summary>
/// The header's link to the signed-in person's notifications, with how many are unread: one small
/// query, and only for someone signed in (the layout does not call it for a visitor).
/// </summary>
public sealed class UnreadNotificationsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var unread = 0;
        if (UserClaimsPrincipal.IdOrNull() is { } userId)
        {
            unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, HttpContext.RequestAborted);
        }

        return View("/Features/Notifications/_UnreadLink.cshtml", unread);
    }
}
