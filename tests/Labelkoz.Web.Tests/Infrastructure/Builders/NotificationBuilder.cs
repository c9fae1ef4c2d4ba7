using Labelkoz.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

public sealed partial class Given
{
    /// <summary>
    /// A notification to <paramref name="user"/> (about <paramref name="city"/>, or none) written
    /// <paramref name="minutesAgo"/> minutes ago, unread unless <paramref name="read"/>. Returns its id.
    /// </summary>
    public Task<long> Notification(TestUser user, NotificationKind kind, string subject, string? text, string link, TestCity? city = null, int minutesAgo = 0, bool read = false) =>
        InDbAsync(async db =>
        {
            var notification = Domain.Notifications.Notification.Create(user.Id, city?.Id, kind, subject, text, link, Now.AddMinutes(-minutesAgo));
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            if (read)
            {
                var stored = await db.Notifications.SingleAsync(n => n.Id == notification.Id);
                stored.MarkRead(Now);
                await db.SaveChangesAsync();
            }

            return notification.Id;
        });
}
