using System.Net;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Notifications;

/// <summary>A person's notifications: the unread count in the header, the list, opening one, marking all read.</summary>
public sealed class NotificationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheHeader_CountsTheUnread_AndThePageListsThemNewestFirst()
    {
        var person = await app.Given.Citizen();
        var city = await app.Given.City();
        await app.Given.Notification(person, NotificationKind.ProjectLabelled, "Jardin des Murs-à-pêches", null, $"{city.Path}/projets/1", city, minutesAgo: 30);
        await app.Given.Notification(person, NotificationKind.ProjectDeclined, "Fête des voisins", "Le budget dépasse ce que la ville peut soutenir cette année.", $"{city.Path}/projets/2", city, minutesAgo: 10);
        await app.Given.Notification(person, NotificationKind.ChangesRequested, "Boîte à livres", null, $"{city.Path}/projets/3", minutesAgo: 60, read: true);
        using var browser = await app.SignedInAsync(person.Email);

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
        Assert.Contains($"Ville de {city.Name}", items[0].TextContent, StringComparison.Ordinal);
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
        var person = await app.Given.Citizen();
        var city = await app.Given.City();
        var id = await app.Given.Notification(person, NotificationKind.MessageFromCity, "Composteur", "Pouvez-vous préciser l'emplacement ?", $"{city.Path}/projets/42#echanges");
        using var browser = await app.SignedInAsync(person.Email);
        var page = await browser.GetAsync("/compte/notifications");
        var href = page.Document.QuerySelector("ol.notification-list a")!.GetAttribute("href");
        Assert.Equal($"/compte/notifications/{id}", href);

        var opened = await browser.GetAsync(href!);

        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal($"{city.Path}/projets/42#echanges", opened.Location);
        Assert.NotNull(await ReadAtAsync(id));
        var header = (await browser.GetAsync("/compte/notifications")).Document.QuerySelector("header a[href='/compte/notifications']")!;
        Assert.Equal("Notifications", Normalise(header.TextContent));
    }

    [Theory]
    [InlineData("/\\pirate.exemple")]
    [InlineData("/\\/pirate.exemple/chemin")]
    public async Task ALinkThatIsNotALocalPath_IsNeverFollowed(string link)
    {
        var person = await app.Given.Citizen();
        var id = await app.Given.Notification(person, NotificationKind.MessageFromCity, "Piège", null, "/compte/notifications");

        // The domain refuses such a link; a row written some other way must still not redirect off-site.
        await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(n => n.SetProperty(x => x.Link, link)));
        using var browser = await app.SignedInAsync(person.Email);

        var opened = await browser.GetAsync($"/compte/notifications/{id}");

        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal("/compte/notifications", opened.Location);
    }

    [Fact]
    public async Task SomeoneElsesNotification_IsNotFound_AndStaysUnread()
    {
        var owner = await app.Given.Citizen();
        var id = await app.Given.Notification(owner, NotificationKind.ProjectLabelled, "Le projet d'une autre", null, "/compte/mes-projets");
        using var stranger = await app.SignedInAsync((await app.Given.Citizen()).Email);

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
        var (person, other) = (await app.Given.Citizen(), await app.Given.Citizen());
        var userId = person.Id;
        await app.Given.Notification(person, NotificationKind.ProjectTakenIntoReview, "Un", null, "/compte/mes-projets");
        await app.Given.Notification(person, NotificationKind.ProjectTakenIntoReview, "Deux", null, "/compte/mes-projets");
        var others = await app.Given.Notification(other, NotificationKind.ProjectTakenIntoReview, "Trois", null, "/compte/mes-projets");
        using var browser = await app.SignedInAsync(person.Email);
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
        var person = await app.Given.Citizen();
        for (var i = 0; i < 35; i++)
        {
            await app.Given.Notification(person, NotificationKind.MessageFromCity, $"Projet {i:D2}", null, "/compte/mes-projets", minutesAgo: i);
        }

        using var browser = await app.SignedInAsync(person.Email);
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
        var person = await app.Given.Citizen();
        var (city, other) = await app.Given.TwoCities();
        await app.Given.Notification(person, NotificationKind.ProjectLabelled, "Premier", null, city.Path);
        using var browser = await app.SignedInAsync(person.Email);
        using var anonymous = app.HttpsBrowser();
        var signedInBefore = await CountAsync(browser, city.Path);
        var listBefore = await CountAsync(browser, "/compte/notifications");
        var anonymousBefore = await CountAsync(anonymous, city.Path);

        for (var i = 0; i < 40; i++)
        {
            await app.Given.Notification(person, NotificationKind.MessageFromCity, $"Projet {i}", "Un message", city.Path, i % 2 == 0 ? city : other);
        }

        Assert.Equal(signedInBefore, await CountAsync(browser, city.Path));
        Assert.Equal(listBefore, await CountAsync(browser, "/compte/notifications"));
        Assert.Equal(anonymousBefore, await CountAsync(anonymous, city.Path));
        Assert.InRange(listBefore, 1, 6);
        Assert.Contains("(41", Normalise((await browser.GetAsync(city.Path)).Document.QuerySelector("header a[href='/compte/notifications']")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAccountSpace_LinksToTheNotifications()
    {
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);

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

    private Task<DateTime?> ReadAtAsync(long id) =>
        app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAtUtc).SingleAsync());
}
