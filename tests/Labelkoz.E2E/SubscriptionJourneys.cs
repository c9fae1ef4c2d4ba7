using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

/// <summary>
/// Issue #7's journey: a commune signs up, its contact confirms their address, the operator
/// validates the request, the contact becomes the city's first admin and sees the trial, the city
/// subscribes at once and gets its first invoice, the operator records the transfer, and the city
/// is active. axe runs on every page.
/// </summary>
public sealed class SubscriptionJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string Password = "Mairie des Lilas 2026";

    [Fact]
    public async Task ACommune_SignsUp_IsValidated_ItsAdminSeesTheTrial_ThenPaysItsFirstInvoice_AndIsActive()
    {
        var contact = $"dgs-{Guid.NewGuid():N}"[..12] + "@ville-leslilas.fr";

        // The town hall finds the sign-up from the platform's home page and picks itself in the official list.
        var mairie = Page;
        await Pages.VisitAsync(mairie, "/");
        await mairie.GetByRole(AriaRole.Link, new() { Name = "Inscrire ma collectivité" }).First.ClickAsync();
        await Expect(mairie).ToHaveURLAsync(new Regex("/inscrire-ma-collectivite$"));
        await Pages.CheckAccessibilityAsync(mairie);
        await mairie.GetByLabel("Nom de la commune ou code postal").FillAsync("93260");
        await mairie.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Expect(mairie).ToHaveURLAsync(new Regex("q=93260"));
        await Expect(mairie.GetByRole(AriaRole.Link, new() { Name = "Choisir Les Lilas" })).ToBeVisibleAsync();
        await Pages.CheckAccessibilityAsync(mairie);
        await mairie.GetByRole(AriaRole.Link, new() { Name = "Choisir Les Lilas" }).ClickAsync();
        await Expect(mairie).ToHaveURLAsync(new Regex("insee=93045"));
        var main = mairie.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("93045");
        await Expect(main).ToContainTextAsync("219300456");
        await Pages.CheckAccessibilityAsync(mairie);

        // Its official domain, its contact, the plan suggested for its population, monthly billing.
        var form = mairie.Locator("form#inscription");
        await form.GetByLabel("Domaine officiel de la mairie").FillAsync("ville-leslilas.fr");
        await form.GetByLabel("Nom et prénom").FillAsync("Nadia Cherif");
        await form.GetByLabel("Fonction").FillAsync("Directrice générale des services");
        await form.GetByLabel("Adresse électronique").FillAsync(contact);
        await Expect(form.GetByRole(AriaRole.Radio, new() { Name = "Ville (10 000 à 50 000 habitants)" })).ToBeCheckedAsync();
        await form.GetByLabel("Mensuelle").CheckAsync();
        await form.GetByLabel("Adresse de facturation").FillAsync("Hôtel de ville, 96 rue de Paris");
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Expect(mairie).ToHaveURLAsync(new Regex("/inscrire-ma-collectivite/envoyee$"));
        await Expect(mairie.GetByRole(AriaRole.Main)).ToContainTextAsync(contact);
        await Pages.CheckAccessibilityAsync(mairie);

        // The contact confirms their address from the e-mail.
        await DevMailbox.OpenNewestAsync(mairie, contact, "Confirmez la demande d'inscription de Les Lilas");
        await DevMailbox.FollowLinkAsync(mairie, "/inscrire-ma-collectivite/confirmer/");
        await Pages.CheckAccessibilityAsync(mairie);
        await mairie.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon adresse" }).ClickAsync();
        await Expect(mairie.GetByRole(AriaRole.Main)).ToContainTextAsync("Adresse confirmée");
        await Pages.CheckAccessibilityAsync(mairie);

        // The operator finds the request among those to validate, and validates it.
        var op = await NewVisitorAsync();
        await Pages.VisitAsync(op, "/operateur/inscriptions");
        await AccountSteps.LogInAsync(op, AccountSteps.OperatorEmail, AccountSteps.DemoPassword);
        await Expect(op).ToHaveURLAsync(new Regex("/operateur/inscriptions$"));
        await Pages.CheckAccessibilityAsync(op);
        await op.GetByRole(AriaRole.Link, new() { Name = "Les Lilas" }).First.ClickAsync();
        await Expect(op.Locator("h1")).ToHaveTextAsync("Demande d'inscription de Les Lilas");
        await Pages.CheckAccessibilityAsync(op);
        await op.Locator("form#valider").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(op).ToHaveURLAsync(new Regex(@"/operateur/villes/\d+$"));
        await Expect(op.Locator("h1")).ToHaveTextAsync("Les Lilas");
        await Expect(op.GetByRole(AriaRole.Main)).ToContainTextAsync("Période d'essai");
        await Pages.CheckAccessibilityAsync(op);

        // The contact is invited: they create their account with that address, confirm it and join.
        var admin = await NewVisitorAsync();
        await DevMailbox.OpenNewestAsync(admin, contact, "Invitation à rejoindre l'équipe de Les Lilas");
        await DevMailbox.FollowLinkAsync(admin, "/invitations/");
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await AccountSteps.RegisterAsync(admin, contact, "Nadia Cherif", Password);
        await AccountSteps.ConfirmEmailAsync(admin, contact);
        await DevMailbox.OpenNewestAsync(admin, contact, "Invitation à rejoindre l'équipe de Les Lilas");
        await DevMailbox.FollowLinkAsync(admin, "/invitations/");
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await AccountSteps.LogInAsync(admin, contact, Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Accepter l'invitation" }).ClickAsync();
        await AccountSteps.SetUpSecondFactorAsync(admin);
        await Expect(admin).ToHaveURLAsync(new Regex("/les-lilas/admin$"));
        await Pages.CheckAccessibilityAsync(admin);

        // The admin sees the trial, then subscribes at once: the first invoice is issued.
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Administration de la ville" })
            .GetByRole(AriaRole.Link, new() { Name = "Abonnement" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/les-lilas/admin/abonnement$"));
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("Période d'essai");
        await Pages.CheckAccessibilityAsync(admin);
        await admin.Locator("form#souscrire").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("L'abonnement commence aujourd'hui : la facture LKZ-");
        var number = Regex.Match(await admin.GetByRole(AriaRole.Main).InnerTextAsync(), @"LKZ-\d{4}-\d{6}").Value;
        await Pages.CheckAccessibilityAsync(admin);

        // The operator records the transfer of that invoice.
        await Pages.VisitAsync(op, "/operateur/factures?filtre=impayees");
        await Pages.CheckAccessibilityAsync(op);
        var row = op.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await row.GetByLabel($"Référence du virement reçu pour {number}").FillAsync("VIR-LILAS-0001");
        await row.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Main)).ToContainTextAsync($"Le paiement de la facture {number} est enregistré.");
        await Pages.CheckAccessibilityAsync(op);

        // The city is active.
        await admin.ReloadAsync();
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("Abonnement actif");
        await Pages.CheckAccessibilityAsync(admin);
    }
}
