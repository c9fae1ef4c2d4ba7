using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

/// <summary>Every back-office and account page a member of staff or a citizen opens passes axe.</summary>
public sealed class BackOfficeJourneys(BrowserFixture fixture) : Journey(fixture)
{
    [Fact]
    public async Task CityAdmin_WalksEveryBackOfficePage_AllAccessible()
    {
        await Pages.VisitAsync(Page, "/montreuil/admin");
        await AccountSteps.LogInAsync(Page, "admin@montreuil.demo.labelkoz.fr", AccountSteps.DemoPassword);
        await Expect(Page).ToHaveURLAsync(new Regex("/montreuil/admin$"));
        await Pages.CheckAccessibilityAsync(Page);

        foreach (var path in new[] { "presentation", "identite-visuelle", "quartiers", "parametres", "equipe", "projets", "moderation", "journal", "appels", "appels/1", "appels/2", "appels/2/candidatures", "appels/2/candidatures/4", "appels/3/candidatures", "campagnes", "campagnes/1", "campagnes/3", "campagnes/rapport" })
        {
            await Pages.VisitAsync(Page, "/montreuil/admin/" + path);
        }

        // A project's staff page, reached from the list.
        await Pages.VisitAsync(Page, "/montreuil/admin/projets");
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Un parc de street-workout aux Beaumonts" }).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/montreuil/admin/projets/\d+$"));
        await Expect(Page.Locator("h1")).ToContainTextAsync("street-workout");
        await Pages.CheckAccessibilityAsync(Page);

        // Its review, one tab further.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages du projet" }).GetByRole(AriaRole.Link, new() { Name = "Étude et décision" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/montreuil/admin/projets/\d+/etude$"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Étude du projet");
        await Pages.CheckAccessibilityAsync(Page);
    }

    [Fact]
    public async Task Citizen_AccountAndProjectPages_AllAccessible()
    {
        await Pages.VisitAsync(Page, "/compte/connexion");
        await AccountSteps.LogInAsync(Page, "camille@demo.labelkoz.fr", AccountSteps.DemoPassword);
        foreach (var path in new[] { "/compte/mon-espace", "/compte/profil", "/compte/courriel", "/compte/mot-de-passe", "/compte/mes-projets", "/compte/notifications", "/compte/mes-candidatures", "/montreuil/projets", "/montreuil/projets?tri=soutiens&categorie=sport", "/montreuil/appels", "/appels", "/montreuil/appels/1", "/montreuil/appels/1/candidature", "/montreuil/appels/3", "/compte/mes-contributions", "/montreuil/projets/17", "/montreuil/projets/18", "/montreuil/projets/19", "/montreuil/projets/19/contribuer", "/" })
        {
            await Pages.VisitAsync(Page, path);
        }

        // A labelled demo project with its image, budget, timeline and comments, found by the search
        // (the list's first page depends on what other journeys on this server have done).
        await Pages.VisitAsync(Page, "/montreuil/projets?q=workout");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Un parc de street-workout aux Beaumonts" }).First.ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Un parc de street-workout aux Beaumonts");
        await Pages.CheckAccessibilityAsync(Page);
    }

    [Fact]
    public async Task Operator_Console_IsAccessible()
    {
        await Pages.VisitAsync(Page, "/operateur");
        await AccountSteps.LogInAsync(Page, AccountSteps.OperatorEmail, AccountSteps.DemoPassword);
        await Expect(Page).ToHaveURLAsync(new Regex("/operateur$"));
        await Pages.CheckAccessibilityAsync(Page);
        await Pages.VisitAsync(Page, "/operateur/villes/nouvelle");
        await Pages.VisitAsync(Page, "/operateur/versements");
        await Pages.VisitAsync(Page, "/operateur/paiements");
        await Pages.VisitAsync(Page, "/operateur/rapprochement");
    }
}
