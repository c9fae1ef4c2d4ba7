using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

/// <summary>
/// Issue #4 end to end: a citizen submits, an agent takes the project and asks for changes, the
/// citizen edits and resubmits, the agent proposes a label with two commitments, the admin
/// confirms, and the badge shows publicly while the holder is notified. axe on every page.
/// </summary>
public sealed class ReviewJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string CamilleEmail = "camille@demo.labelkoz.fr";
    private const string AgentEmail = "agent@montreuil.demo.labelkoz.fr";
    private const string AdminEmail = "admin@montreuil.demo.labelkoz.fr";
    private const string AgentName = "Lucas Martin";

    [Fact]
    public async Task Citizen_Submits_AgentAsksForChanges_CitizenResubmits_AgentProposesALabel_AdminConfirms_BadgeIsPublic()
    {
        var title = $"Un verger partagé {Guid.NewGuid():N}"[..30];

        // Camille drafts and submits a project.
        var camille = Page;
        await Pages.VisitAsync(camille, "/montreuil/projets/proposer");
        await AccountSteps.LogInAsync(camille, CamilleEmail, AccountSteps.DemoPassword);
        await Expect(camille).ToHaveURLAsync(new Regex("/montreuil/projets/proposer$"));
        var start = camille.Locator("form#proposer");
        await start.GetByLabel("Titre du projet").FillAsync(title);
        await start.GetByRole(AriaRole.Button, new() { Name = "Commencer mon brouillon" }).ClickAsync();
        await Expect(camille).ToHaveURLAsync(new Regex(@"/montreuil/projets/\d+/modifier$"));
        var id = Regex.Match(camille.Url, @"/projets/(\d+)/modifier").Groups[1].Value;
        var form = camille.Locator("form#projet");
        await form.GetByLabel("Résumé", new() { Exact = true }).FillAsync("Des arbres fruitiers plantés et entretenus par les habitants.");
        await form.GetByLabel("Description", new() { Exact = true }).FillAsync("Vingt arbres fruitiers sur une pelouse municipale, cueillette libre.");
        await form.GetByLabel("Catégorie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Environnement" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Votre brouillon est enregistré.");
        await Pages.VisitAsync(camille, $"/montreuil/projets/{id}/deposer");
        await camille.Locator("form#deposer").GetByRole(AriaRole.Button, new() { Name = "Déposer mon projet" }).ClickAsync();
        await Expect(camille.Locator("h1")).ToHaveTextAsync(title);
        await Pages.CheckAccessibilityAsync(camille);

        // The agent finds it in the review queue, takes it and asks for changes.
        var agent = await NewVisitorAsync();
        await Pages.VisitAsync(agent, "/montreuil/admin/projets?statut=a-traiter");
        await AccountSteps.LogInAsync(agent, AgentEmail, AccountSteps.DemoPassword);
        await Pages.CheckAccessibilityAsync(agent);
        await agent.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex($"/montreuil/admin/projets/{id}$"));
        await Pages.CheckAccessibilityAsync(agent);

        // The dossier leads to the review, where the project is taken.
        await agent.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Étudier le projet" }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex($"/montreuil/admin/projets/{id}/etude$"));
        await Pages.CheckAccessibilityAsync(agent);
        await agent.Locator("form#prendre").GetByRole(AriaRole.Button, new() { Name = "Mettre le projet à l'étude" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Expect(agent.GetByRole(AriaRole.Main)).ToContainTextAsync($"Suivi par {AgentName}");
        await Pages.CheckAccessibilityAsync(agent);
        var changes = agent.Locator("form#demander-modifications");
        await changes.GetByLabel("Modifications demandées au porteur").FillAsync("Pouvez-vous indiquer quelles essences vous souhaitez planter ?");
        await changes.GetByRole(AriaRole.Button, new() { Name = "Demander des modifications" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Main)).ToContainTextAsync("Pouvez-vous indiquer quelles essences vous souhaitez planter ?");
        await Pages.CheckAccessibilityAsync(agent);

        // Camille is told, reads the request, edits and resubmits with a message.
        await Pages.VisitAsync(camille, "/compte/notifications");
        await Expect(camille.Locator("header .notifications-link")).ToContainTextAsync(new Regex(@"\(\d+"));
        await camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = $"La ville demande des modifications sur votre projet « {title} »." }).ClickAsync();
        await Expect(camille).ToHaveURLAsync(new Regex($"/montreuil/projets/{id}/echanges$"));
        await Expect(camille.GetByRole(AriaRole.Main)).ToContainTextAsync("Pouvez-vous indiquer quelles essences vous souhaitez planter ?");
        await Pages.CheckAccessibilityAsync(camille);
        await Pages.VisitAsync(camille, $"/montreuil/projets/{id}/modifier");
        await Expect(camille.GetByRole(AriaRole.Main)).ToContainTextAsync("La ville vous demande");
        form = camille.Locator("form#projet");
        await form.GetByLabel("Description", new() { Exact = true }).FillAsync("Vingt arbres fruitiers : pommiers, poiriers et cerisiers, cueillette libre.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        await Expect(camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Pages.VisitAsync(camille, $"/montreuil/projets/{id}/deposer");
        var resubmit = camille.Locator("form#deposer");
        await resubmit.GetByLabel("Message à la ville (facultatif)").FillAsync("Pommiers, poiriers et cerisiers : la description est complétée.");
        await resubmit.GetByRole(AriaRole.Button, new() { Name = "Déposer à nouveau mon projet" }).ClickAsync();
        await Expect(camille.Locator("h1")).ToHaveTextAsync(title);
        await Pages.CheckAccessibilityAsync(camille);

        // The agent sees the answer, takes the project again and proposes a label with two commitments.
        await Pages.VisitAsync(agent, $"/montreuil/admin/projets/{id}/etude");
        await Expect(agent.GetByRole(AriaRole.Main)).ToContainTextAsync("Pommiers, poiriers et cerisiers : la description est complétée.");
        await agent.Locator("form#prendre").GetByRole(AriaRole.Button, new() { Name = "Mettre le projet à l'étude" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Proposer une décision" }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex($"/montreuil/admin/projets/{id}/decision$"));
        await Pages.CheckAccessibilityAsync(agent);
        var label = agent.Locator("form#labelliser");
        var first = label.Locator("fieldset#engagement-0");
        await first.GetByLabel("Type d'engagement").SelectOptionAsync(new SelectOptionValue { Label = "Terrain" });
        await first.GetByLabel("Description").FillAsync("La pelouse du square Jean Moulin, 600 m²");
        await first.GetByLabel("Valeur estimée en euros (facultatif)").FillAsync("12 000");
        var second = label.Locator("fieldset#engagement-1");
        await second.GetByLabel("Type d'engagement").SelectOptionAsync(new SelectOptionValue { Label = "Accompagnement par un agent" });
        await second.GetByLabel("Description").FillAsync("Un jardinier de la ville conseille la plantation");
        var referent = second.GetByLabel("Agent référent (pour un accompagnement)");
        var agentValue = await referent.Locator("option", new() { HasText = AgentName }).First.GetAttributeAsync("value");
        await referent.SelectOptionAsync(agentValue!);
        await label.GetByRole(AriaRole.Button, new() { Name = "Proposer ce label" }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex($"/montreuil/admin/projets/{id}/etude$"));
        await Expect(agent.GetByRole(AriaRole.Main)).ToContainTextAsync("La pelouse du square Jean Moulin, 600 m²");
        await Pages.CheckAccessibilityAsync(agent);

        // The admin sees the proposal and confirms it.
        var admin = await NewVisitorAsync();
        await Pages.VisitAsync(admin, $"/montreuil/admin/projets/{id}/etude");
        await AccountSteps.LogInAsync(admin, AdminEmail, AccountSteps.DemoPassword);
        await Expect(admin).ToHaveURLAsync(new Regex($"/montreuil/admin/projets/{id}/etude$"));
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("Un jardinier de la ville conseille la plantation");
        await Pages.CheckAccessibilityAsync(admin);
        await admin.Locator("form#confirmer").GetByRole(AriaRole.Button, new() { Name = "Confirmer la labellisation" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync($"Le projet « {title} » est labellisé");
        await Pages.CheckAccessibilityAsync(admin);
        await Pages.VisitAsync(admin, "/montreuil/admin/journal");
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync(title);

        // Anyone sees the badge on the "labellisés" list and on the project page, with the commitments.
        var visitor = await NewVisitorAsync();
        await Pages.VisitAsync(visitor, "/montreuil/projets?labellises=1");
        var card = visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).Filter(new() { Has = visitor.GetByRole(AriaRole.Link, new() { Name = title }) });
        await Expect(card).ToContainTextAsync("Labellisé par la Ville");
        await visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var badge = visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Region, new() { Name = "Labellisé par la Ville de Montreuil" });
        await Expect(badge).ToContainTextAsync("La pelouse du square Jean Moulin, 600 m²");
        await Expect(badge).ToContainTextAsync("Un agent référent de la ville suit le projet.");
        await Expect(badge).Not.ToContainTextAsync(AgentName);
        await Pages.CheckAccessibilityAsync(visitor);

        // Camille has the news on the site.
        await Pages.VisitAsync(camille, "/compte/notifications");
        await Expect(camille.GetByRole(AriaRole.Main)).ToContainTextAsync($"Votre projet « {title} » est labellisé par la ville.");
    }
}
