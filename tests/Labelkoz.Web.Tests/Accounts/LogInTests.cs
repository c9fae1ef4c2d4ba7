using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using static Labelkoz.Web.Tests.Accounts.AccountsTestKit;

namespace Labelkoz.Web.Tests.Accounts;

public sealed class LogInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task LogIn_WithWrongPasswordOrUnknownEmail_GetsTheSameGenericMessage()
    {
        var hugo = (await app.Given.Citizen()).Email;
        using var browser = app.HttpsBrowser();

        var wrongPassword = await browser.TryLogInAsync(hugo, "Pas-le-bon-mot-de-passe");
        var unknown = await browser.TryLogInAsync("personne@exemple.fr", "Pas-le-bon-mot-de-passe");

        foreach (var page in new[] { wrongPassword, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Adresse électronique ou mot de passe incorrect.", page.MainText, StringComparison.Ordinal);
            Assert.NotNull(page.Document.QuerySelector("#erreurs"));
        }
    }

    [Fact]
    public async Task LogIn_WithEmptyFields_ShowsFieldErrors()
    {
        using var browser = app.HttpsBrowser();

        var page = await browser.TryLogInAsync(string.Empty, string.Empty);

        Assert.Contains("est obligatoire", page.FieldError("email-erreur"), StringComparison.Ordinal);
        Assert.Contains("est obligatoire", page.FieldError("mdp-erreur"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenTheRightPasswordIsThenRefused()
    {
        var email = NewEmail("lock");
        await app.RegisterConfirmedAsync(email, "Lola Verrou");
        using var browser = app.HttpsBrowser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await browser.TryLogInAsync(email, OtherStrongPassword);
            Assert.Contains("Adresse électronique ou mot de passe incorrect.", refused.MainText, StringComparison.Ordinal);
        }

        var fifth = await browser.TryLogInAsync(email, OtherStrongPassword);
        Assert.Contains("Trop de tentatives infructueuses", fifth.MainText, StringComparison.Ordinal);
        Assert.Contains("heure de Paris", fifth.MainText, StringComparison.Ordinal);

        var right = await browser.TryLogInAsync(email, StrongPassword);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains("Trop de tentatives infructueuses", right.MainText, StringComparison.Ordinal);
        Assert.NotNull(right.Document.QuerySelector("#compte-bloque a[href='/compte/mot-de-passe-oublie']"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/compte/mon-espace")).Status);
    }

    [Fact]
    public async Task LogIn_FollowsALocalReturnUrl_ButNeverAnExternalOne()
    {
        var hugo = (await app.Given.Citizen()).Email;
        using (var browser = app.HttpsBrowser())
        {
            var local = await browser.TryLogInAsync(hugo, Given.Password, "/compte/connexion?returnUrl=%2Fcompte%2Fprofil");
            Assert.Equal("/compte/profil", local.Location);
        }

        foreach (var hostile in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
        {
            using var browser = app.HttpsBrowser();
            var page = await browser.TryLogInAsync(hugo, Given.Password, "/compte/connexion?returnUrl=" + Uri.EscapeDataString(hostile));
            Assert.Equal("/compte/mon-espace", page.Location);
        }
    }

    [Fact]
    public async Task ProtectedPage_SendsToLogIn_ThenBack()
    {
        var hugo = (await app.Given.Citizen()).Email;
        using var browser = app.HttpsBrowser();

        var challenge = await browser.GetAsync("/compte/profil");
        Assert.Equal(HttpStatusCode.Redirect, challenge.Status);
        var location = new Uri(new Uri("https://localhost"), challenge.Location!);
        Assert.Equal("/compte/connexion", location.AbsolutePath);

        var loggedIn = await browser.TryLogInAsync(hugo, Given.Password, location.PathAndQuery);
        Assert.Equal("/compte/profil", loggedIn.Location);
    }

    [Fact]
    public async Task LogOut_IsAPostThatEndsTheSession()
    {
        var hugo = (await app.Given.Citizen()).Email;
        using var browser = app.HttpsBrowser();
        await browser.LogInAsync(hugo);
        var dashboard = await browser.GetAsync("/compte/mon-espace");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);

        // A GET only shows the button: a link elsewhere cannot log anyone out.
        var confirm = await browser.GetAsync("/compte/deconnexion");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/compte/mon-espace")).Status);

        var loggedOut = await browser.SubmitAsync(dashboard, "form#deconnexion");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.Status);
        Assert.Equal("/", loggedOut.Location);
        var after = await browser.GetAsync("/compte/mon-espace");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/compte/connexion", new Uri(new Uri("https://localhost"), after.Location!).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogIn_WithTamperedAntiforgeryToken_Gets400()
    {
        var hugo = (await app.Given.Citizen()).Email;
        using var browser = app.HttpsBrowser();
        var login = await browser.GetAsync("/compte/connexion");

        var page = await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = hugo,
            ["Input.Password"] = Given.Password,
            ["__RequestVerificationToken"] = "forged",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Requête invalide", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ListsStaffMemberships_WithLinksToTheCityBackOffice()
    {
        var (city, other) = await app.Given.TwoCities();
        using var admin = app.HttpsBrowser();
        await admin.LogInAsync(city.Admin.Email);
        var page = await admin.GetAsync("/compte/mon-espace");

        Assert.Equal("Bonjour " + city.Admin.DisplayName, page.Document.QuerySelector("h1")!.TextContent.Trim());
        var row = page.Document.QuerySelectorAll("table tbody tr").Single();
        Assert.Contains(city.Name, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Administrateur", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='/{city.Slug}/admin']"));
        Assert.Null(page.Document.QuerySelector("main a[href='/operateur']"));

        using var agent = app.HttpsBrowser();
        await agent.LogInAsync(other.Agent.Email);
        var agentRow = (await agent.GetAsync("/compte/mon-espace")).Document.QuerySelectorAll("table tbody tr").Single();
        Assert.Contains(other.Name, agentRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Agent", agentRow.TextContent, StringComparison.Ordinal);
        Assert.NotNull(agentRow.QuerySelector($"a[href='/{other.Slug}/admin']"));
    }

    [Fact]
    public async Task Dashboard_ShowsTheOperatorConsoleOnlyToTheOperator()
    {
        var city = await app.Given.City();
        using var operatorBrowser = app.HttpsBrowser();
        await operatorBrowser.LogInAsync((await app.Given.Operator()).Email);
        var operatorPage = await operatorBrowser.GetAsync("/compte/mon-espace");
        Assert.NotNull(operatorPage.Document.QuerySelector("main a[href='/operateur']"));
        Assert.Empty(operatorPage.Document.QuerySelectorAll("table tbody tr"));

        using var citizen = app.HttpsBrowser();
        await citizen.LogInAsync((await app.Given.Citizen(homeCityId: city.Id)).Email);
        var citizenPage = await citizen.GetAsync("/compte/mon-espace");
        Assert.Null(citizenPage.Document.QuerySelector("main a[href='/operateur']"));
        Assert.Null(citizenPage.Document.QuerySelector("table"));
        Assert.NotNull(citizenPage.Document.QuerySelector($"main a[href='{city.Path}']"));
    }

    [Fact]
    public async Task DevMailPages_Are404OutsideDevelopment()
    {
        using var browser = app.HttpsBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/dev/courriels")).Status);
        var mails = app.Mail.List();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/dev/courriels/" + (mails.Count > 0 ? mails[0].Id : "20260101000000000-abc"))).Status);
    }
}
