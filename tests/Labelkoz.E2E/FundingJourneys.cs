using System.Globalization;
using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

/// <summary>
/// Issue #6 end to end, in Chromium: the holder of two labelled projects prepares and launches their
/// campaigns; the city opens the association's project to tax receipts; citizens pay with the
/// sandbox's test cards (one declined, one asking for a confirmation step); the server's clock
/// passes the end dates and the platform settles both by itself: one funded, whose contributors
/// download their tax receipts (one of them giving her address afterwards), one that missed its
/// goal, whose contributor sees the refund. axe on every page.
/// </summary>
public sealed class FundingJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string CamilleEmail = "camille@demo.labelkoz.fr";
    private const string HugoEmail = "hugo@demo.labelkoz.fr";
    private const string LeaEmail = "lea@demo.labelkoz.fr";
    private const string AdminEmail = "admin@montreuil.demo.labelkoz.fr";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task HolderLaunches_CitizensPayWithTestCards_ThePlatformSettles_FundedAndRefunded_ReceiptsDownload()
    {
        // Camille launches two campaigns: the street-workout park (project 1, a goal out of reach)
        // and the association's shared garden (project 2, a small goal; the city doubles each gift).
        var camille = Page;
        await Pages.VisitAsync(camille, "/montreuil/projets/1/campagne");
        await AccountSteps.LogInAsync(camille, CamilleEmail, AccountSteps.DemoPassword);
        await LaunchAsync(camille, 1, "5 000", withTier: false);
        await LaunchAsync(camille, 2, "100", withTier: true);

        // The city's admin opens the association's gifts to tax receipts.
        var admin = await NewVisitorAsync();
        await Pages.VisitAsync(admin, "/montreuil/admin/projets/2");
        await AccountSteps.LogInAsync(admin, AdminEmail, AccountSteps.DemoPassword);
        await admin.Locator("a#gerer-recus").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/montreuil/admin/projets/2/recus-fiscaux$"));
        var receipts = admin.Locator("form#ouvrir-recus");
        await receipts.Locator("#recus-adresse").FillAsync("3 rue de la Fontaine\n93100 Montreuil");
        await receipts.Locator("#recus-objet").FillAsync("Cultiver un jardin partagé avec les habitants du quartier.");
        await receipts.Locator("#recus-signataire").FillAsync("Camille Leroy");
        await receipts.Locator("#recus-signataire-qualite").FillAsync("La présidente");
        await receipts.GetByRole(AriaRole.Button, new() { Name = "Ouvrir les reçus fiscaux" }).ClickAsync();
        await Expect(admin.Locator("form#ouvrir-recus").GetByRole(AriaRole.Button, new() { Name = "Mettre à jour" })).ToBeVisibleAsync();
        await Pages.CheckAccessibilityAsync(admin);

        // Hugo gives 60 € with the card that is accepted, with the address his receipt will bear.
        var hugo = await NewVisitorAsync();
        await Pages.VisitAsync(hugo, "/montreuil/projets/2/contribuer");
        await AccountSteps.LogInAsync(hugo, HugoEmail, AccountSteps.DemoPassword);
        await ContributeAsync(hugo, 2, "60", tier: null, "4242 4242 4242 4242", donorAddress: "5 rue de Bagnolet\n93170 Bagnolet");
        await Eventually.PageShowsAsync(hugo, hugo.Url, "est confirmée");

        // Léa's first card is declined; her second asks for a confirmation step, which she gives.
        var lea = await NewVisitorAsync();
        await Pages.VisitAsync(lea, "/montreuil/projets/2/contribuer");
        await AccountSteps.LogInAsync(lea, LeaEmail, AccountSteps.DemoPassword);
        await ContributeAsync(lea, 2, "30", tier: null, "4000 0000 0000 0002");
        await Eventually.PageShowsAsync(lea, lea.Url, "Paiement refusé");
        await ContributeAsync(lea, 2, "50", tier: "Un sachet de graines du jardin", "4000 0025 0000 3155");
        await Expect(lea.GetByRole(AriaRole.Main)).ToContainTextAsync("Confirmer le paiement");
        await Pages.CheckAccessibilityAsync(lea);
        await lea.GetByRole(AriaRole.Button, new() { Name = "Confirmer le paiement" }).ClickAsync();
        await Expect(lea).ToHaveURLAsync(new Regex(@"/montreuil/projets/2/contributions/\d+$"));
        var leasGift = lea.Url;
        await Eventually.PageShowsAsync(lea, leasGift, "est confirmée");

        // Hugo also gives 20 € to the park, which will miss its goal.
        await ContributeAsync(hugo, 1, "20", tier: null, "4242 4242 4242 4242");
        await Eventually.PageShowsAsync(hugo, hugo.Url, "est confirmée");

        // The public page shows the figures: 110 € given, doubled by the city: 220 €.
        var visitor = await NewVisitorAsync();
        await Pages.VisitAsync(visitor, "/montreuil/projets/2");
        var main = visitor.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("220");
        await Pages.CheckAccessibilityAsync(visitor);

        // Three days later both campaigns have ended; the platform settles them by itself.
        Server.Clock.Advance(TimeSpan.FromDays(3));
        await Eventually.PageShowsAsync(visitor, "/montreuil/projets/2", "Financé");
        await Eventually.PageShowsAsync(visitor, "/montreuil/projets/1", "Non financé");
        await Pages.CheckAccessibilityAsync(visitor);

        // Hugo sees his refund, and downloads the tax receipt of his gift to the garden.
        await Eventually.PageShowsAsync(hugo, "/compte/mes-contributions", "Remboursée");
        await Pages.CheckAccessibilityAsync(hugo);
        await ExpectPdfAsync(hugo, hugo.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^N° \d{4}-\d{6} \(PDF\)$") }).First);

        // Léa gave no address: she asks for her receipt, gives it, and downloads the PDF.
        await Pages.VisitAsync(lea, leasGift);
        await lea.GetByRole(AriaRole.Link, new() { Name = "Demander mon reçu fiscal" }).ClickAsync();
        await Pages.CheckAccessibilityAsync(lea);
        var claim = lea.Locator("form#demander-recu");
        await claim.GetByLabel("Nom et prénom").FillAsync("Léa Fontaine");
        await claim.GetByLabel("Adresse postale").FillAsync("27 avenue Pasteur\n93100 Montreuil");
        await ExpectPdfAsync(lea, claim.GetByRole(AriaRole.Button, new() { Name = "Établir et télécharger mon reçu (PDF)" }));
        await Pages.VisitAsync(lea, leasGift);
        await Expect(lea.Locator("#recu-fiscal")).ToContainTextAsync("est établi");
        await Pages.CheckAccessibilityAsync(lea);

        await Pages.VisitAsync(camille, "/compte/notifications");
        await Expect(camille.GetByRole(AriaRole.Main)).ToContainTextAsync("a atteint son objectif");
        await Pages.CheckAccessibilityAsync(camille);
        await Pages.VisitAsync(camille, "/montreuil/projets/2/campagne/contributions");
        await Expect(camille.GetByRole(AriaRole.Main)).ToContainTextAsync("Réussie");
        await Pages.CheckAccessibilityAsync(camille);
    }

    /// <summary>Clicks what downloads a tax receipt and checks the file: a PDF named after its number.</summary>
    private static async Task ExpectPdfAsync(IPage page, ILocator trigger)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => trigger.ClickAsync());
        Assert.Matches(new Regex(@"^recu-fiscal-\d{4}-\d{6}\.pdf$"), download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        var head = new byte[5];
        await stream.ReadExactlyAsync(head);
        Assert.Equal("%PDF-"u8.ToArray(), head);
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
            await tier.GetByLabel("Titre").FillAsync("Un sachet de graines du jardin");
            await tier.GetByLabel("Montant minimal (en euros)").FillAsync("40");
            await tier.GetByLabel("Quantité (vide : illimitée)").FillAsync("5");
            await tier.GetByLabel("Valeur de la contrepartie (en euros)").FillAsync("8");
            await tier.GetByRole(AriaRole.Button, new() { Name = "Ajouter la contrepartie" }).ClickAsync();
            await Expect(holder.GetByRole(AriaRole.Main)).ToContainTextAsync("Un sachet de graines du jardin");
        }

        await holder.Locator("form#lancer").GetByRole(AriaRole.Button, new() { Name = "Lancer la campagne" }).ClickAsync();
        await Expect(holder.Locator("form#lancer")).ToHaveCountAsync(0);
        await Pages.CheckAccessibilityAsync(holder);
    }

    /// <summary>Fills the contribution form and pays on the sandbox's page; ends on the contribution's status page.</summary>
    private static async Task ContributeAsync(IPage person, long projectId, string euros, string? tier, string card, string? donorAddress = null)
    {
        await Pages.VisitAsync(person, $"/montreuil/projets/{projectId}/contribuer");
        await Pages.CheckAccessibilityAsync(person);
        var form = person.Locator("form#contribution");
        await form.GetByLabel("Montant de votre contribution (en euros)").FillAsync(euros);
        if (tier is not null)
        {
            await form.GetByLabel(tier).CheckAsync();
        }

        if (donorAddress is not null)
        {
            await form.Locator("#Input_DonorFullName").FillAsync("Hugo Moreau");
            await form.Locator("#Input_DonorAddress").FillAsync(donorAddress);
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
}
