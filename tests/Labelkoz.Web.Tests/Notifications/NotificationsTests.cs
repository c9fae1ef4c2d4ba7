using System.Net;
using Labelkoz.Data;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Tests.Accounts;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Notifications;

/// <summary>A person's notifications: the unread count in the header, the list, opening one, marking all read.</summary>
public sealed class NotificationsTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task TheHeader_CountsTheUnread_AndThePageListsThemNewestFirst()
    {
        var (email, userId) = await NewPersonAsync();
        var montreuil = await CityIdAsync("montreuil");
        await NotifyAsync(userId, montreuil, NotificationKind.ProjectLabelled, "Jardin des Murs-à-pêches", null, "/montreuil/projets/1", minutesAgo: 30);
        await NotifyAsync(userId, montreuil, NotificationKind.ProjectDeclined, "Fête des voisins", "Le budget dépasse ce que la ville peut soutenir cette année.", "/montreuil/projets/2", minutesAgo: 10);
        var read = await NotifyAsync(userId, null, NotificationKind.ChangesRequested, "Boîte à livres", null, "/montreuil/projets/3", minutesAgo: 60);
        await MarkReadAsync(read);
        using var browser = await app.SignedInAsync(email, AccountsTestKit.StrongPassword);

        var home = await browser.GetAsync("/");
        var link = home.Document.QuerySelector("header a[href='/compte/notifications']");
        Assert.NotNull(link);
        Assert.Equal("Notifications (2 non lues)", Normalise(link!.TextContent));
        Assert.Equal("non lues", link.QuerySelector(".visually-hidden")!.TextContent.Trim());

        var page = await browser.GetAsync("/compte/notifications");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        var items = page.Document.QuerySelectorAll("ol.notification-list > li");
        Assert.Equal(3, items.Length);
        Assert.Contains("Votre projet « Fête des voisins » n'a pas été retenu par la ville.", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Le budget dépasse ce que la ville peut soutenir cette année.", items[0].QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ville de Montreuil", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Non lue", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("notification-unread", items[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("Votre projet « Jardin des Murs-à-pêches » est labellisé par la ville.", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("La ville demande des modifications sur votre projet « Boîte à livres ».", items[2].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Non lue", items[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("3 notification(s), dont 2 non lue(s).", page.MainText, StringComparison.Ordinal);
        Assert.Equal("/compte/notifications", page.Document.QuerySelector("header a[aria-current=page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task OpeningANotification_MarksItRead_AndGoesToItsPage()
    {
        var (email, userId) = await NewPersonAsync();
        var id = await NotifyAsync(userId, null, NotificationKind.MessageFromCity, "Composteur", "Pouvez-vous préciser l'emplacement ?", "/montreuil/projets/42#echanges");
        using var browser = await app.SignedInAsync(email, AccountsTestKit.StrongPassword);
        var page = await browser.GetAsync("/compte/notifications");
        var href = page.Document.QuerySelector("ol.notification-list a")!.GetAttribute("href");
        Assert.Equal($"/compte/notifications/{id}", href);

        var opened = await browser.GetAsync(href!);

        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal("/montreuil/projets/42#echanges", opened.Location);
        Assert.NotNull(await ReadAtAsync(id));
        var header = (await browser.GetAsync("/compte/notifications")).Document.QuerySelector("header a[href='/compte/notifications']")!;
        Assert.Equal("Notifications", Normalise(header.TextContent));
    }

    [Theory]
    [InlineData("/\\pirate.exemple")]
    [InlineData("/\\/pirate.exemple/chemin")]
    public async Task ALinkThatIsNotALocalPath_IsNeverFollowed(string link)
    {
        var (email, userId) = await NewPersonAsync();
        var id = await NotifyAsync(userId, null, NotificationKind.MessageFromCity, "Piège", null, "/compte/notifications");

        // The domain refuses such a link; a row written some other way must still not redirect off-site.
        await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(n => n.SetProperty(x => x.Link, link)));
        using var browser = await app.SignedInAsync(email, AccountsTestKit.StrongPassword);

        var opened = await browser.GetAsync($"/compte/notifications/{id}");

        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal("/compte/notifications", opened.Location);
    }

    [Fact]
    public async Task SomeoneElsesNotification_IsNotFound_AndStaysUnread()
    {
        var (_, owner) = await NewPersonAsync();
        var id = await NotifyAsync(owner, null, NotificationKind.ProjectLabelled, "Le projet d'une autre", null, "/montreuil/projets/1");
        using var stranger = await app.SignedInAsync(StaffTestKit.Citizen);

        var opened = await stranger.GetAsync($"/compte/notifications/{id}");
        var unknown = await stranger.GetAsync("/compte/notifications/999999999");
        var list = await stranger.GetAsync("/compte/notifications");

        Assert.Equal(HttpStatusCode.NotFound, opened.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Null(await ReadAtAsync(id));
        Assert.DoesNotContain("Le projet d'une autre", list.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisitor_IsSentToTheLogIn_AndSeesNoNotificationLink()
    {
        using var anonymous = app.HttpsBrowser();

        var list = await anonymous.GetAsync("/compte/notifications");
        var one = await anonymous.GetAsync("/compte/notifications/1");
        var home = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, list.Status);
        Assert.Contains("/compte/connexion", list.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, one.Status);
        Assert.Contains("/compte/connexion", one.Location, StringComparison.Ordinal);
        Assert.Null(home.Document.QuerySelector("a[href='/compte/notifications']"));
    }

    [Fact]
    public async Task MarkAllRead_MarksOnlyThePersonsOwn()
    {
        var (email, userId) = await NewPersonAsync();
        var (_, otherId) = await NewPersonAsync();
        await NotifyAsync(userId, null, NotificationKind.ProjectTakenIntoReview, "Un", null, "/montreuil");
        await NotifyAsync(userId, null, NotificationKind.ProjectTakenIntoReview, "Deux", null, "/montreuil");
        var others = await NotifyAsync(otherId, null, NotificationKind.ProjectTakenIntoReview, "Trois", null, "/montreuil");
        using var browser = await app.SignedInAsync(email, AccountsTestKit.StrongPassword);
        var page = await browser.GetAsync("/compte/notifications");

        var marked = await browser.SubmitAsync(page, "form#tout-lire");

        Assert.Equal(HttpStatusCode.Redirect, marked.Status);
        var after = await browser.FollowAsync(marked);
        Assert.Contains("2 notification(s) marquée(s) comme lue(s).", after.MainText, StringComparison.Ordinal);
        Assert.Contains("2 notification(s), toutes lues.", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form#tout-lire"));
        Assert.Empty(after.Document.QuerySelectorAll(".notification-unread"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null)));
        Assert.Null(await ReadAtAsync(others));
    }

    [Fact]
    public async Task ThePage_IsPagedByThirty()
    {
        var (email, userId) = await NewPersonAsync();
        for (var i = 0; i < 35; i++)
        {
            await NotifyAsync(userId, null, NotificationKind.MessageFromCity, $"Projet {i:D2}", null, "/montreuil", minutesAgo: i);
        }

        using var browser = await app.SignedInAsync(email, AccountsTestKit.StrongPassword);
        var first = await browser.GetAsync("/compte/notifications");
        var second = await browser.GetAsync(first.Document.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(30, first.Document.QuerySelectorAll("ol.notification-list > li").Length);
        Assert.Contains("« Projet 00 »", first.Document.QuerySelectorAll("ol.notification-list > li")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(5, second.Document.QuerySelectorAll("ol.notification-list > li").Length);
        Assert.Contains("« Projet 34 »", second.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageWithTheHeader_SendsAFixedNumberOfSqlCommands_AndAVisitorsPageNoneForNotifications()
    {
        var (email, userId) = await NewPersonAsync();
        await NotifyAsync(userId, null, NotificationKind.ProjectLabelled, "Premier", null, "/montreuil");
        using var browser = await app.SignedInAsync(email, AccountsTestKit.StrongPassword);
        using var anonymous = app.HttpsBrowser();
        var signedInBefore = await CountAsync(browser, "/montreuil");
        var listBefore = await CountAsync(browser, "/compte/notifications");
        var anonymousBefore = await CountAsync(anonymous, "/montreuil");

        for (var i = 0; i < 40; i++)
        {
            await NotifyAsync(userId, await CityIdAsync(i % 2 == 0 ? "montreuil" : "bagnolet"), NotificationKind.MessageFromCity, $"Projet {i}", "Un message", "/montreuil");
        }

        Assert.Equal(signedInBefore, await CountAsync(browser, "/montreuil"));
        Assert.Equal(listBefore, await CountAsync(browser, "/compte/notifications"));
        Assert.Equal(anonymousBefore, await CountAsync(anonymous, "/montreuil"));
        Assert.InRange(listBefore, 1, 6);
        Assert.Contains("(41", Normalise((await browser.GetAsync("/montreuil")).Document.QuerySelector("header a[href='/compte/notifications']")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAccountSpace_LinksToTheNotifications()
    {
        using var browser = await app.SignedInAsync(StaffTestKit.Citizen);

        var dashboard = await browser.GetAsync("/compte/mon-espace");

        Assert.NotNull(dashboard.Document.QuerySelector("main a[href='/compte/notifications']"));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    private async Task<(string Email, long Id)> NewPersonAsync()
    {
        var email = AccountsTestKit.NewEmail("notifiee");
        await app.RegisterConfirmedAsync(email, "Personne notifiée");
        return (email, await app.UserIdAsync(email));
    }

    private Task<long> CityIdAsync(string slug) =>
        app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync());

    private async Task<long> NotifyAsync(long userId, long? cityId, NotificationKind kind, string subject, string? text, string link, int minutesAgo = 0)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notification = Notification.Create(userId, cityId, kind, subject, text, link, DateTime.UtcNow.AddMinutes(-minutesAgo));
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    private async Task MarkReadAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notification = await db.Notifications.SingleAsync(n => n.Id == id);
        notification.MarkRead(DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    private Task<DateTime?> ReadAtAsync(long id) =>
        app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAtUtc).SingleAsync());
}
