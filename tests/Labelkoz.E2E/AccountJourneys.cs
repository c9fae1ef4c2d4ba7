using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

public sealed class AccountJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string Password = "Ballon rouge sur le quai";

    [Fact]
    public async Task Citizen_Registers_ConfirmsTheAddress_AndLogsIn()
    {
        var email = AccountSteps.NewEmail("ines");
        await Pages.VisitAsync(Page, "/");
        await Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await Pages.CheckAccessibilityAsync(Page);

        await AccountSteps.RegisterAsync(Page, email, "Inès Garnier", Password);
        await AccountSteps.ConfirmEmailAsync(Page, email);

        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await AccountSteps.LogInAsync(Page, email, Password);
        await Expect(Page).ToHaveURLAsync(new Regex("/compte/mon-espace$"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Bonjour Inès Garnier");
        await Expect(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await Pages.CheckAccessibilityAsync(Page);
    }
}
