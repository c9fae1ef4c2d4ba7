using System.Net;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Accounts;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Operator;

public sealed class OperatorTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NewCityForm = "form#nouvelle-ville";

    [Fact]
    public async Task Operator_OpensACity_WhoseInvitedAdminJoinsAndBrandsIt()
    {
        var adminEmail = AccountsTestKit.NewEmail("maire-adjointe");
        using var operatorBrowser = await OperatorAsync();

        var created = await CreateCityAsync(operatorBrowser, "Saint-Ouen-sur-Seine", slug: string.Empty, insee: "93070", adminEmail: adminEmail);

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var details = await operatorBrowser.FollowAsync(created);
        Assert.Contains("Saint-Ouen-sur-Seine", details.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"une invitation a été envoyée à {adminEmail}", details.MainText, StringComparison.Ordinal);
        Assert.Contains(adminEmail, details.Document.QuerySelector("#titre-invitations")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var list = await operatorBrowser.GetAsync("/operateur?q=saint-ouen");
        Assert.Contains("/saint-ouen-sur-seine", list.MainText, StringComparison.Ordinal);
        Assert.Contains("Période d'essai", list.MainText, StringComparison.Ordinal);

        // Every city has a subscription: a 30-day trial on the plan suggested for its population, billed monthly.
        var trial = await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters()
            .Where(s => s.MunicipalityId == db.Municipalities.Where(m => m.Slug == "saint-ouen-sur-seine").Select(m => m.Id).Single())
            .Select(s => new { s.Status, s.Period, Plan = db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.Name).Single(), Days = s.TrialEndsOn.DayNumber - s.StartedOn.DayNumber })
            .SingleAsync());
        Assert.Equal((SubscriptionStatus.Trial, Labelkoz.Domain.Subscriptions.BillingPeriod.Monthly, "Ville (10 000 à 50 000 habitants)", 30), (trial.Status, trial.Period, trial.Plan, trial.Days));
        Assert.Contains("Ville (10 000 à 50 000 habitants)", details.Document.QuerySelector("#abonnement")!.TextContent, StringComparison.Ordinal);

        // The invitation travels by mail; the database only knows its hash.
        var mail = Assert.Single(app.MailsTo(adminEmail));
        Assert.Contains("Saint-Ouen-sur-Seine", mail.Subject, StringComparison.Ordinal);
        var link = app.InvitationLinkTo(adminEmail);
        var token = link["/invitations/".Length..];
        Assert.Equal(43, token.Length);
        Assert.Contains($"href=\"http://localhost:5000{link}\"", mail.HtmlBody, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.StaffInvitations.Where(i => i.Email == adminEmail).Select(i => i.TokenHash).SingleAsync());
        Assert.Equal(64, stored.Length);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);

        // A stranger to the platform opens the link, creates the invited account, and accepts.
        using var invitee = app.HttpsBrowser();
        var anonymousView = await invitee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, anonymousView.Status);
        Assert.Contains("Administrateur", anonymousView.MainText, StringComparison.Ordinal);
        var logInLink = anonymousView.Document.QuerySelector("main a[href^='/compte/connexion']")!.GetAttribute("href")!;
        Assert.Contains(Uri.EscapeDataString(link), logInLink, StringComparison.Ordinal);
        Assert.NotNull(anonymousView.Document.QuerySelector($"main a[href*='email={Uri.EscapeDataString(adminEmail)}']"));
        Assert.Null(anonymousView.Document.QuerySelector("form#accepter"));

        await app.RegisterConfirmedAsync(adminEmail, "Nadia Saïd");
        var loggedIn = await invitee.TryLogInAsync(adminEmail, AccountsTestKit.StrongPassword, logInLink);
        Assert.Equal(link, loggedIn.Location);
        var invitation = await invitee.GetAsync(link);
        var accepted = await invitee.SubmitAsync(invitation, "form#accepter");
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal("/saint-ouen-sur-seine/admin", accepted.Location);
        // A new admin sets up the second factor before the back office opens (ADR 19), then lands there.
        var enrolment = await invitee.FollowAsync(accepted);
        Assert.StartsWith("/compte/double-authentification/activer", enrolment.Url, StringComparison.Ordinal);
        var dashboard = await invitee.EnrolAndContinueAsync(enrolment, adminEmail);
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal("/saint-ouen-sur-seine/admin", dashboard.Url);
        Assert.Contains("Bienvenue dans l'équipe de Saint-Ouen-sur-Seine", dashboard.MainText, StringComparison.Ordinal);

        var branding = await invitee.GetAsync("/saint-ouen-sur-seine/admin/identite-visuelle");
        var saved = await invitee.SubmitAsync(branding, "form#couleur", new Dictionary<string, string> { ["Input.Hex"] = "#C1121F" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var theme = await invitee.Client.GetStringAsync("/saint-ouen-sur-seine/theme.css");
        Assert.Contains("--brand: #C1121F", theme, StringComparison.Ordinal);

        // The link served once.
        var again = await invitee.GetAsync(link);
        Assert.Contains("déjà été acceptée", again.MainText, StringComparison.Ordinal);
        Assert.Null(again.Document.QuerySelector("form#accepter"));
        var staff = await app.WithDbAsync(db => db.Memberships.Where(m => m.Municipality!.Slug == "saint-ouen-sur-seine").Select(m => m.Role).ToListAsync());
        Assert.Equal([StaffRole.Admin], staff);
    }

    [Theory]
    [InlineData("9304")]
    [InlineData("930700")]
    [InlineData("ABCDE")]
    [InlineData("2C004")]
    public async Task InseeCode_NotFiveValidCharacters_IsRefusedOnItsField(string insee)
    {
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, "Commune " + insee, "commune-" + insee.ToLowerInvariant(), insee);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Le code INSEE doit comporter 5 caractères", page.FieldError("Input_InseeCode-error"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.Name == "Commune " + insee)));
    }

    [Fact]
    public async Task InseeCode_OfCorsica_IsAccepted()
    {
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, "Ajaccio", string.Empty, "2a004");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("2A004", await app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == "ajaccio").Select(m => m.InseeCode).SingleAsync()));
    }

    [Fact]
    public async Task InseeCode_AlreadyTaken_IsRefusedWithTheCityThatHasIt()
    {
        var city = await app.Given.City();
        var slug = $"{city.Slug}-bis";
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, $"{city.Name} bis", slug, city.InseeCode);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Le code INSEE {city.InseeCode} est déjà celui de {city.Name}", page.FieldError("Input_InseeCode-error"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.Slug == slug)));
    }

    [Fact]
    public async Task Slug_AlreadyTaken_IsRefusedOnItsField()
    {
        var city = await app.Given.City();
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, $"{city.Name}-sur-Mer", city.Slug, "93999");

        Assert.Contains($"L'adresse « {city.Slug} » est déjà utilisée par {city.Name}", page.FieldError("Input_Slug-error"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "93999")));
    }

    [Fact]
    public async Task Slug_DerivedFromTheName_WhenLeftEmpty_AndTakenAlready_IsReported()
    {
        // A city whose address is the one its name gives: opened with the slug left empty.
        var name = "Villeneuve " + Given.Token();
        using var browser = await OperatorAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await CreateCityAsync(browser, name, string.Empty, "93990")).Status);
        var slug = await app.WithDbAsync(db => db.Municipalities.Where(m => m.InseeCode == "93990").Select(m => m.Slug).SingleAsync());

        var page = await CreateCityAsync(browser, name, string.Empty, "93998");

        Assert.Contains($"« {slug} » est déjà utilisée", page.FieldError("Input_Slug-error"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "93998")));
    }

    [Theory]
    [InlineData("operateur")]
    [InlineData("api")]
    [InlineData("invitations")]
    public async Task Slug_ReservedByThePlatform_IsRefused(string slug)
    {
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, "Ville " + slug, slug, "93997");

        Assert.Contains("est réservée par la plateforme", page.FieldError("Input_Slug-error"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "93997")));
    }

    [Theory]
    [InlineData("Ville\u0007sonnante")]
    [InlineData("Ville\u001Bechap")]
    [InlineData("   ")]
    public async Task Name_UnreadableOrEmpty_IsRefusedOnItsField(string name)
    {
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, name, "ville-illisible", "93996");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.FieldError("Input_Name-error"));
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "93996")));
    }

    [Fact]
    public async Task Name_WithANulCharacter_IsARefusedRequest_NotAnError()
    {
        using var browser = await OperatorAsync();

        // ASP.NET Core refuses a form holding NUL before any page sees it.
        var page = await CreateCityAsync(browser, "Ville\u0000nulle", "ville-nulle", "93992");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Requête invalide", page.MainText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "93992")));
    }

    [Fact]
    public async Task Name_VeryLong_IsRefusedOnItsField()
    {
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, new string('x', 5000), "ville-longue", "93995");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("ne peut pas dépasser 120 caractères", page.FieldError("Input_Name-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadNumbersAndColours_GetFrenchMessages_NotErrors()
    {
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, "Ville test", "ville-test", "93994", population: "beaucoup", colour: "rouge", adminEmail: "pas-une-adresse");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.FieldError("Input_Population-error"));
        Assert.Contains("#RRVVBB", page.FieldError("Input_BrandColour-error"), StringComparison.Ordinal);
        Assert.Contains("adresse électronique valide", page.FieldError("Input_AdminEmail-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANegativePopulation_IsRefusedByTheDomain_OnItsField()
    {
        using var browser = await OperatorAsync();

        var page = await CreateCityAsync(browser, "Ville négative", "ville-negative", "93991", population: "-5");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("La population doit être un nombre positif.", page.FieldError("Input_Population-error"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "93991")));
    }

    [Fact]
    public async Task InvitationMail_EncodesTheCityNameInItsHtml()
    {
        var adminEmail = AccountsTestKit.NewEmail("encodage");
        using var browser = await OperatorAsync();

        var created = await CreateCityAsync(browser, "Ville <b>gras</b> & Cie", "ville-gras", "93993", adminEmail: adminEmail);

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var mail = app.LatestMailTo(adminEmail);
        Assert.DoesNotContain("<b>gras</b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;gras&lt;/b&gt; &amp; Cie", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_ResendsAnInvitation_AndTheOldLinkStopsWorking_ThenCancelsTheNewOne()
    {
        var adminEmail = AccountsTestKit.NewEmail("renvoi");
        using var browser = await OperatorAsync();
        var details = await browser.FollowAsync(await CreateCityAsync(browser, "Pantin", string.Empty, "93055", adminEmail: adminEmail));
        var oldLink = app.InvitationLinkTo(adminEmail);

        var resent = await browser.SubmitAsync(details, "form[action*='handler=Resend']");
        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
        var newLink = app.InvitationLinkTo(adminEmail);
        Assert.NotEqual(oldLink, newLink);
        Assert.Equal(2, app.MailsTo(adminEmail).Count);
        using var anonymous = app.HttpsBrowser();
        Assert.Contains("annulée", (await anonymous.GetAsync(oldLink)).MainText, StringComparison.Ordinal);

        details = await browser.GetAsync(resent.Location!);
        var cancelled = await browser.SubmitAsync(details, "form[action*='handler=Cancel']");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        var after = await browser.GetAsync(cancelled.Location!);
        Assert.Contains("Aucune invitation en attente", after.MainText, StringComparison.Ordinal);
        Assert.Contains("annulée", (await anonymous.GetAsync(newLink)).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_ListsAndSearchesTheCities()
    {
        var (one, other) = await app.Given.TwoCities();
        using var browser = await OperatorAsync();

        var all = await browser.GetAsync("/operateur");
        var byInsee = await browser.GetAsync($"/operateur?q={other.InseeCode}");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Single(all.Document.QuerySelectorAll("h1"));
        var names = all.Document.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(one.Name, names);
        Assert.Contains(other.Name, names);
        Assert.Equal([other.Name], byInsee.Document.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()));
        Assert.Contains(other.InseeCode, byInsee.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsolePages_AreAccessiblyStructured()
    {
        // A city with its staff and a subscription of some months: two invoices paid, one to pay.
        var city = await app.Given.City();
        await app.Given.Subscription(city, new SubscriptionSpec { StartedDaysAgo = 100, PaidAfterDays = 11 });
        using var browser = await OperatorAsync();

        foreach (var url in new[] { "/operateur", "/operateur/villes/nouvelle", $"/operateur/villes/{city.Id}" })
        {
            var page = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            page.AssertAccessibleStructure();
        }
    }

    [Fact]
    public async Task Console_IsTheOperatorsOnly()
    {
        using var admin = await app.SignedInAsync((await app.Given.City()).Admin.Email);
        using var anonymous = app.HttpsBrowser();

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/operateur")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/operateur/villes/nouvelle")).Status);
        var redirected = await anonymous.GetAsync("/operateur/villes/nouvelle");
        Assert.Equal(HttpStatusCode.Redirect, redirected.Status);
        Assert.Contains("/compte/connexion", redirected.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCityId_IsAFrench404()
    {
        using var browser = await OperatorAsync();

        var page = await browser.GetAsync("/operateur/villes/999999");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page introuvable", page.MainText, StringComparison.Ordinal);
    }

    private async Task<TestBrowser> OperatorAsync() => await app.SignedInAsync((await app.Given.Operator()).Email);

    private static async Task<TestBrowser.Page> CreateCityAsync(
        TestBrowser browser, string name, string slug, string insee, string population = "12345", string colour = "#1F4E8C", string? adminEmail = null)
    {
        var form = await browser.GetAsync("/operateur/villes/nouvelle");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await browser.SubmitAsync(form, NewCityForm, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Slug"] = slug,
            ["Input.InseeCode"] = insee,
            ["Input.Population"] = population,
            ["Input.BrandColour"] = colour,
            ["Input.AdminEmail"] = adminEmail ?? AccountsTestKit.NewEmail("admin"),
        });
    }
}
