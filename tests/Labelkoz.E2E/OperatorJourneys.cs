using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

public sealed class OperatorJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string Password = "Lilas en fleurs au canal";

    [Fact]
    public async Task Operator_OpensACity_WhoseInvitedAdminJoins_AndRebrandsThePublicSite()
    {
        var adminEmail = AccountSteps.NewEmail("mairie-romainville");

        // The operator opens Romainville and invites its first administrator.
        var op = Page;
        await Pages.VisitAsync(op, "/operateur/villes/nouvelle");
        await AccountSteps.LogInAsync(op, AccountSteps.OperatorEmail, AccountSteps.DemoPassword);
        await Expect(op).ToHaveURLAsync(new Regex("/operateur/villes/nouvelle$"));
        await Pages.CheckAccessibilityAsync(op);
        var form = op.Locator("form#nouvelle-ville");
        await form.GetByLabel("Nom de la collectivité").FillAsync("Romainville");
        await form.GetByLabel("Code INSEE").FillAsync("93063");
        await form.GetByLabel("Population").FillAsync("30000");
        await form.GetByLabel("Courriel du premier administrateur").FillAsync(adminEmail);
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer la collectivité et inviter son administrateur" }).ClickAsync();
        await Expect(op).ToHaveURLAsync(new Regex(@"/operateur/villes/\d+$"));
        await Expect(op.Locator("h1")).ToHaveTextAsync("Romainville");
        await Expect(op.GetByRole(AriaRole.Main)).ToContainTextAsync($"une invitation a été envoyée à {adminEmail}");
        await Pages.CheckAccessibilityAsync(op);

        // The invited person, in a browser of their own, creates an account with that address...
        var admin = await NewVisitorAsync();
        await DevMailbox.OpenNewestAsync(admin, adminEmail, "Invitation à rejoindre l'équipe de Romainville");
        await DevMailbox.FollowLinkAsync(admin, "/invitations/");
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Invitation à rejoindre l'équipe de Romainville");
        await Pages.CheckAccessibilityAsync(admin);
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await Pages.CheckAccessibilityAsync(admin);
        await AccountSteps.RegisterAsync(admin, adminEmail, "Sophie Lambert", Password);
        await AccountSteps.ConfirmEmailAsync(admin, adminEmail);

        // ...comes back through the invitation link, logs in from there and accepts.
        await DevMailbox.OpenNewestAsync(admin, adminEmail, "Invitation à rejoindre l'équipe de Romainville");
        await DevMailbox.FollowLinkAsync(admin, "/invitations/");
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await AccountSteps.LogInAsync(admin, adminEmail, Password);
        await Expect(admin).ToHaveURLAsync(new Regex("/invitations/"));
        await Pages.CheckAccessibilityAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Accepter l'invitation" }).ClickAsync();

        // Before the back office opens, the new administrator sets up the second factor.
        await AccountSteps.SetUpSecondFactorAsync(admin);
        await Expect(admin).ToHaveURLAsync(new Regex("/romainville/admin$"));
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Administration de Romainville");
        await Pages.CheckAccessibilityAsync(admin);

        // The new administrator changes the city's colour; the public site follows.
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Administration de la ville" })
            .GetByRole(AriaRole.Link, new() { Name = "Identité visuelle" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/romainville/admin/identite-visuelle$"));
        await Pages.CheckAccessibilityAsync(admin);
        await admin.GetByLabel("Code hexadécimal").FillAsync("#6A1B9A");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la couleur" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("La couleur de la ville est maintenant #6A1B9A.");
        await Pages.CheckAccessibilityAsync(admin);

        var visitor = await NewVisitorAsync();
        await Pages.VisitAsync(visitor, "/romainville");
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Les projets citoyens de Romainville");
        var brand = await visitor.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()");
        Assert.Equal("#6A1B9A", brand, ignoreCase: true);
    }
}
