using System.Globalization;
using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

/// <summary>
/// Issue #6 end to end, in Chromium: the holder of two labelled projects prepares and launches their
/// campaigns; citizens pay with the sandbox's test cards (one declined, one asking for a
/// confirmation step); the server's clock passes the end dates and the platform settles both by
/// itself: one funded, whose holder and contributors see it, one that missed its goal, whose
/// contributor sees the refund. axe on every page.
/// </summary>
public sealed class FundingJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string CamilleEmail = "camille@demo.labelkoz.fr";
    private const string HugoEmail = "hugo@demo.labelkoz.fr";
    private const string LeaEmail = "lea@demo.labelkoz.fr";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task HolderLaunches_CitizensPayWithTestCards_ThePlatformSettles_FundedAndRefunded()
    {
        // Camille launches two campaigns: the street-workout park (project 1, a small goal) and the
        // shared garden (project 2, the city doubles each gift, a goal out of reach).
        var camille = Page;
        await Pages.VisitAsync(camille, "/montreuil/projets/1/campagne");
        await AccountSteps.LogInAsync(camille, CamilleEmail, AccountSteps.DemoPassword);
        await LaunchAsync(camille, 1, "100", withTier: true);
        await LaunchAsync(camille, 2, "5 000", withTier: false);

        // Hugo gives 60 € with the card that is accepted.
        var hugo = await NewVisitorAsync();
        await Pages.VisitAsync(hugo, "/montreuil/projets/1/contribuer");
        await AccountSteps.LogInAsync(hugo, HugoEmail, AccountSteps.DemoPassword);
        await ContributeAsync(hugo, 1, "60", tier: null, "4242 4242 4242 4242");
        await WaitForTextAsync(hugo, hugo.Url, "est confirmée");

        // Léa's first card is declined; her second asks for a confirmation step, which she gives.
        var lea = await NewVisitorAsync();
        await Pages.VisitAsync(lea, "/montreuil/projets/1/contribuer");
        await AccountSteps.LogInAsync(lea, LeaEmail, AccountSteps.DemoPassword);
        await ContributeAsync(lea, 1, "30", tier: null, "4000 0000 0000 0002");
        await WaitForTextAsync(lea, lea.Url, "Paiement refusé");
        await ContributeAsync(lea, 1, "50", tier: "Un t-shirt du parc", "4000 0025 0000 3155");
        await Expect(lea.GetByRole(AriaRole.Main)).ToContainTextAsync("Confirmer le paiement");
        await Pages.CheckAccessibilityAsync(lea);
        await lea.GetByRole(AriaRole.Button, new() { Name = "Confirmer le paiement" }).ClickAsync();
        await Expect(lea).ToHaveURLAsync(new Regex(@"/montreuil/projets/1/contributions/\d+$"));
        await WaitForTextAsync(lea, lea.Url, "est confirmée");

        // Hugo also gives 20 € to the garden, which will miss its goal.
        await ContributeAsync(hugo, 2, "20", tier: null, "4242 4242 4242 4242");
        await WaitForTextAsync(hugo, hugo.Url, "est confirmée");

        // The public page shows the figures: 110 € of 100 €, two contributors.
        var visitor = await NewVisitorAsync();
        await Pages.VisitAsync(visitor, "/montreuil/projets/1");
        var main = visitor.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("110");
        await Pages.CheckAccessibilityAsync(visitor);

        // Three days later both campaigns have ended; the platform settles them by itself.
        Server.Clock.Advance(TimeSpan.FromDays(3));
        await WaitForTextAsync(visitor, "/montreuil/projets/1", "Financé");
        await WaitForTextAsync(visitor, "/montreuil/projets/2", "Non financé");
        await Pages.CheckAccessibilityAsync(visitor);

        await WaitForTextAsync(hugo, "/compte/mes-contributions", "Remboursée");
        await Pages.CheckAccessibilityAsync(hugo);
        await Pages.VisitAsync(camille, "/compte/notifications");
        await Expect(camille.GetByRole(AriaRole.Main)).ToContainTextAsync("a atteint son objectif");
        await Pages.CheckAccessibilityAsync(camille);
        await Pages.VisitAsync(camille, "/montreuil/projets/1/campagne/contributions");
        await Expect(camille.GetByRole(AriaRole.Main)).ToContainTextAsync("Réussie");
        await Pages.CheckAccessibilityAsync(camille);
    }

    /// <summary>Prepares, configures (ends the day after tomorrow, Paris time) and launches a project's campaign.</summary>
    private async Task LaunchAsync(IPage holder, long projectId, string goal, bool withTier)
    {
        await Pages.VisitAsync(holder, $"/montreuil/projets/{projectId}/campagne");
        await Pages.CheckAccessibilityAsync(holder);
        await holder.GetByRole(AriaRole.Button, new() { Name = "Préparer la campagne" }).ClickAsync();
        await Pages.CheckAccessibilityAsync(holder);

        var end = TimeZoneInfo.ConvertTimeFromUtc(Server.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(2);
        var configuration = holder.Locator("form#configuration");
        await configuration.GetByLabel("Objectif (en euros)").FillAsync(goal);
        await configuration.GetByLabel("Date de fin").FillAsync(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await configuration.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Pages.CheckAccessibilityAsync(holder);

        if (withTier)
        {
            var tier = holder.Locator("form#nouvelle-contrepartie");
            await tier.GetByLabel("Titre").FillAsync("Un t-shirt du parc");
            await tier.GetByLabel("Montant minimal (en euros)").FillAsync("40");
            await tier.GetByLabel("Quantité (vide : illimitée)").FillAsync("5");
            await tier.GetByLabel("Valeur de la contrepartie (en euros)").FillAsync("8");
            await tier.GetByRole(AriaRole.Button, new() { Name = "Ajouter la contrepartie" }).ClickAsync();
            await Expect(holder.GetByRole(AriaRole.Main)).ToContainTextAsync("Un t-shirt du parc");
        }

        await holder.Locator("form#lancer").GetByRole(AriaRole.Button, new() { Name = "Lancer la campagne" }).ClickAsync();
        await Expect(holder.Locator("form#lancer")).ToHaveCountAsync(0);
        await Pages.CheckAccessibilityAsync(holder);
    }

    /// <summary>Fills the contribution form and pays on the sandbox's page; ends on the contribution's status page.</summary>
    private static async Task ContributeAsync(IPage person, long projectId, string euros, string? tier, string card)
    {
        await Pages.VisitAsync(person, $"/montreuil/projets/{projectId}/contribuer");
        await Pages.CheckAccessibilityAsync(person);
        var form = person.Locator("form#contribution");
        await form.GetByLabel("Montant de votre contribution (en euros)").FillAsync(euros);
        if (tier is not null)
        {
            await form.GetByLabel(tier).CheckAsync();
        }

        await form.GetByRole(AriaRole.Button).Last.ClickAsync();
        await Expect(person).ToHaveURLAsync(new Regex("/paiement-test/"));
        await Pages.CheckAccessibilityAsync(person);
        var payment = person.Locator("form#paiement-carte");
        await payment.GetByLabel("Numéro de carte").FillAsync(card);
        await payment.GetByRole(AriaRole.Button).ClickAsync();
        if (!card.EndsWith("3155", StringComparison.Ordinal))
        {
            await Expect(person).ToHaveURLAsync(new Regex($"/montreuil/projets/{projectId}/contributions/\\d+$"));
            await Pages.CheckAccessibilityAsync(person);
        }
    }

    /// <summary>
    /// Reloads <paramref name="path"/> until its main text shows <paramref name="text"/>, polling every
    /// half second, for 45 seconds at most (the funding job wakes every second).
    /// </summary>
    private static async Task WaitForTextAsync(IPage page, string path, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            await page.GotoAsync(path);
            var main = await page.GetByRole(AriaRole.Main).InnerTextAsync();
            if (main.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not show « {text} » within 45 seconds:\n{main}");
            await page.WaitForTimeoutAsync(500);
        }
    }
}
