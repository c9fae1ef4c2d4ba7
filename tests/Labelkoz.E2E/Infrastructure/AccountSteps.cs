using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E.Infrastructure;

/// <summary>The account steps several journeys go through, done the way a person does them.</summary>
public static class AccountSteps
{
    /// <summary>The password of every seeded demo account.</summary>
    public const string DemoPassword = "Labelkoz-Demo-2026";

    public const string OperatorEmail = "operateur@demo.labelkoz.fr";

    /// <summary>An address no other test uses, so journeys never depend on each other.</summary>
    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 13)] + "@exemple.fr";

    /// <summary>Fills and sends the registration form of the open page, and expects the "check your inbox" page.</summary>
    public static async Task RegisterAsync(IPage page, string email, string displayName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page).ToHaveURLAsync(new Regex("/compte/inscription"));
        var form = page.Locator("form#inscription");
        await form.GetByLabel("Adresse électronique").FillAsync(email);
        await form.GetByLabel("Nom affiché").FillAsync(displayName);
        await form.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await form.GetByLabel("Confirmation du mot de passe").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/compte/verifiez-vos-courriels"));
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync(email);
        await Pages.CheckAccessibilityAsync(page);
    }

    /// <summary>Opens the confirmation mail sent to <paramref name="email"/> and follows its link.</summary>
    public static async Task ConfirmEmailAsync(IPage page, string email)
    {
        await DevMailbox.OpenNewestAsync(page, email, "Confirmez votre adresse électronique");
        await DevMailbox.FollowLinkAsync(page, "/compte/confirmer");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Adresse électronique confirmée");
        await Pages.CheckAccessibilityAsync(page);
    }

    /// <summary>Fills and sends the log-in form of the open page.</summary>
    public static async Task LogInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page).ToHaveURLAsync(new Regex("/compte/connexion"));
        await Pages.CheckAccessibilityAsync(page);
        var form = page.Locator("form#connexion");
        await form.GetByLabel("Adresse électronique").FillAsync(email);
        await form.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/compte/connexion"));
    }
}
