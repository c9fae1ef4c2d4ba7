using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Notifications;

namespace Labelkoz.Domain.Tests.Notifications;

public sealed class NotificationTests
{
    private static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("https://ailleurs.example/piege")]
    [InlineData("//ailleurs.example/piege")]
    [InlineData("/\\ailleurs.example/piege")]
    [InlineData("montreuil/projets/1")]
    [InlineData("")]
    public void ALink_ThatIsNotALocalPath_IsRefused(string link)
    {
        Assert.ThrowsAny<ArgumentException>(() => Notification.Create(1, 2, NotificationKind.ProjectLabelled, "Projet", null, link, Now));
    }

    [Fact]
    public void ANotification_IsUnreadUntilRead_AndKeepsTheFirstReadingTime()
    {
        var notification = Notification.Create(1, 2, NotificationKind.ChangesRequested, "Projet", "  ", "/montreuil/projets/1/echanges", Now);

        Assert.False(notification.IsRead);
        Assert.Null(notification.Text);
        notification.MarkRead(Now.AddHours(1));
        notification.MarkRead(Now.AddHours(2));
        Assert.Equal(Now.AddHours(1), notification.ReadAtUtc);
    }

    [Fact]
    public void AnAuditEntry_ClipsOversizedTextsInsteadOfFailing()
    {
        var entry = AuditEntry.Record(1, 2, new string('n', 500), AuditAction.ProjectDeclined, AuditSubject.Project, 3, "Projet", Now, new string('d', 10_000));

        Assert.Equal(AuditEntry.ActorNameMaxLength, entry.ActorName.Length);
        Assert.Equal(AuditEntry.DetailsMaxLength, entry.Details!.Length);
        Assert.EndsWith("…", entry.Details, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditEntry.Record(1, 2, "x", (AuditAction)999, AuditSubject.Project, 3, "Projet", Now));
    }
}
