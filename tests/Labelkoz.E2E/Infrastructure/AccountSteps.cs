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
        if (new Uri(page.Url).AbsolutePath == "/compte/connexion/code")
        {
            // Staff give the code of their authenticator app (the demo accounts' key, ADR 19).
            await GiveCodeAsync(page, "form#code-connexion", "Code à 6 chiffres", "Vérifier et me connecter", DemoAuthenticatorKey);
        }

        await Expect(page).Not.ToHaveURLAsync(new Regex("/compte/connexion"));
    }

    /// <summary>
    /// New staff are asked to set up their authenticator app before the back office opens (ADR 19):
    /// read the key shown next to the QR code, type the app's first code, keep the recovery codes,
    /// go on. Returns the key, for the person's next log-in.
    /// </summary>
    public static async Task<string> SetUpSecondFactorAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page).ToHaveURLAsync(new Regex("/compte/double-authentification/activer"));
        await Expect(page.Locator("#double-authentification-obligatoire")).ToBeVisibleAsync();
        var key = (await page.Locator("#cle-authentification").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await GiveCodeAsync(page, "form#activer-double-authentification", "Code à 6 chiffres", "Activer", key);
        await Expect(page).ToHaveURLAsync(new Regex("/compte/double-authentification/codes-de-secours"));
        await Expect(page.Locator("#codes-de-secours li")).ToHaveCountAsync(10);
        await Pages.CheckAccessibilityAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "J'ai gardé mes codes : continuer" }).ClickAsync();
        return key;
    }

    /// <summary>The authenticator key of the demo staff accounts.</summary>
    public const string DemoAuthenticatorKey = Labelkoz.Web.Demo.DemoSeeder.DemoAuthenticatorKey;

    /// <summary>What an authenticator app holding <paramref name="key"/> shows now, on the server's clock.</summary>
    public static string CodeFor(string key) =>
        Labelkoz.Web.Features.Accounts.SecondFactor.ClockAuthenticatorTokenProvider.Code(
            Labelkoz.Web.Features.Accounts.SecondFactor.Base32.Decode(key),
            Labelkoz.Web.Features.Accounts.SecondFactor.ClockAuthenticatorTokenProvider.StepAt(E2EServer.Shared.GetUtcNow()));

    /// <summary>Types the current code into a form and sends it, checking the page's accessibility first.</summary>
    public static async Task GiveCodeAsync(IPage page, string formSelector, string label, string button, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Pages.CheckAccessibilityAsync(page);
        var form = page.Locator(formSelector);
        await form.GetByLabel(label).FillAsync(CodeFor(key));
        await form.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }
}
