using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

public sealed class PublicJourneys(BrowserFixture fixture) : Journey(fixture)
{
    [Fact]
    public async Task Visitor_FindsBagnoletFromTheHomePage_AndOpensItsSite()
    {
        await Pages.VisitAsync(Page, "/");

        await Page.GetByLabel("Rechercher une ville (nom ou code INSEE)").FillAsync("Bagnolet");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"\?q=Bagnolet"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 résultat(s) pour « Bagnolet »");
        await Pages.CheckAccessibilityAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Bagnolet", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/bagnolet$"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Les projets citoyens de Bagnolet");
        await Expect(Page.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "La Noue" })).ToBeVisibleAsync();
        await Pages.CheckAccessibilityAsync(Page);
    }

    [Fact]
    public async Task LanguageSwitch_TurnsTheCitySiteToEnglish_AndBack()
    {
        await Pages.VisitAsync(Page, "/montreuil");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        await Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Citizen projects in Montreuil");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page).ToHaveURLAsync(new Regex("/montreuil$"));
        await Pages.CheckAccessibilityAsync(Page);

        await Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Les projets citoyens de Montreuil");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Pages.CheckAccessibilityAsync(Page);
    }

    [Fact]
    public async Task UnknownCity_ShowsPageNotFound_WithAWayBackHome()
    {
        await Pages.VisitAsync(Page, "/ville-inconnue", status: 404);
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Page introuvable");

        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil de Labelkoz" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Server.BaseAddress, "/").ToString());
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Les projets des habitants, soutenus par leur ville");
        await Pages.CheckAccessibilityAsync(Page);
    }

    [Fact]
    public async Task Keyboard_FirstTabReachesTheSkipLink_WhichMovesFocusToTheContent()
    {
        await Pages.VisitAsync(Page, "/montreuil");

        await Page.Keyboard.PressAsync("Tab");
        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeVisibleAsync();

        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("#contenu$"));
        await Expect(Page.Locator("main")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/montreuil")]
    public async Task Phone_PageFitsTheScreenWidth(string path)
    {
        var phone = await NewVisitorAsync(new ViewportSize { Width = 375, Height = 740 });
        await Pages.VisitAsync(phone, path);

        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} scrolls sideways on a 375 px phone: content is {widths[0]} px wide, the screen {widths[1]} px.");
    }
}
