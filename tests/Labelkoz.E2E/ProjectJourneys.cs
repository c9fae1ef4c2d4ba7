using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

public sealed class ProjectJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string CamilleEmail = "camille@demo.labelkoz.fr";
    private const string HugoEmail = "hugo@demo.labelkoz.fr";
    private const string AgentEmail = "agent@montreuil.demo.labelkoz.fr";

    private const string Summary = "Des nichoirs posés sur les façades des écoles pour accueillir les martinets chaque printemps.";
    private const string Description = "Les martinets **reviennent** chaque année.\n\n- dix nichoirs\n- une sortie d'observation";
    private const string ImageAlt = "Un nichoir en bois fixé sous un toit";

    /// <summary>A valid 1 × 1 pixel PNG: the server checks an image by its bytes.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>"1 250,50 €" as the French culture writes it (narrow and non-breaking spaces).</summary>
    private static readonly Regex BudgetAmount = new(@"1\s?250,50\s?€");

    [Fact]
    public async Task Citizen_ProposesAProject_AnotherSupportsCommentsAndFollows_StaffHidesAReportedComment()
    {
        var title = $"Des nichoirs à martinets {Guid.NewGuid():N}"[..33];
        var comment = $"J'ai vu des martinets rue de Paris hier soir ({Guid.NewGuid():N}).";

        // Camille starts a draft from her city's site, logging in on the way.
        var camille = Page;
        await Pages.VisitAsync(camille, "/montreuil");
        await camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Proposer un projet" }).ClickAsync();
        await AccountSteps.LogInAsync(camille, CamilleEmail, AccountSteps.DemoPassword);
        await Expect(camille).ToHaveURLAsync(new Regex("/montreuil/projets/proposer$"));
        await Expect(camille.Locator("h1")).ToHaveTextAsync("Proposer un projet à Montreuil");
        await Pages.CheckAccessibilityAsync(camille);
        var start = camille.Locator("form#proposer");
        await start.GetByLabel("Titre du projet").FillAsync(title);
        await start.GetByRole(AriaRole.Button, new() { Name = "Commencer mon brouillon" }).ClickAsync();
        await Expect(camille).ToHaveURLAsync(new Regex(@"/montreuil/projets/\d+/modifier$"));
        await Expect(camille.Locator("h1")).ToHaveTextAsync($"Mon projet : {title}");
        await Expect(camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync($"Votre brouillon « {title} » est créé.");
        await Pages.CheckAccessibilityAsync(camille);
        var editUrl = camille.Url;

        // She describes it and saves the draft.
        var form = camille.Locator("form#projet");
        await form.GetByLabel("Résumé", new() { Exact = true }).FillAsync(Summary);
        await form.GetByLabel("Description", new() { Exact = true }).FillAsync(Description);
        await form.GetByLabel("Catégorie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Environnement" });
        await form.GetByLabel("Quartier", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bas-Montreuil" });
        await form.GetByLabel("Poste de dépense, ligne 1").FillAsync("Nichoirs en bois");
        await form.GetByLabel("Montant en euros, ligne 1").FillAsync("1 250,50");
        await form.GetByLabel("Matériel", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Précisions sur « Matériel » (facultatif)").FillAsync("Une nacelle pour la pose");
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Votre brouillon est enregistré.");
        await Expect(camille).ToHaveURLAsync(editUrl);
        await Pages.CheckAccessibilityAsync(camille);

        // She leaves for "Mes projets", where the draft is listed, and comes back to it.
        await camille.GetByRole(AriaRole.Navigation, new() { Name = "Étapes de mon projet" })
            .GetByRole(AriaRole.Link, new() { Name = "Mes projets" }).ClickAsync();
        await Expect(camille).ToHaveURLAsync(new Regex("/compte/mes-projets$"));
        await Pages.CheckAccessibilityAsync(camille);
        var row = camille.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("Brouillon");
        await row.GetByRole(AriaRole.Link, new() { Name = "Modifier" }).ClickAsync();
        await Expect(camille).ToHaveURLAsync(editUrl);
        await Pages.CheckAccessibilityAsync(camille);
        form = camille.Locator("form#projet");
        await Expect(form.GetByLabel("Titre")).ToHaveValueAsync(title);
        await Expect(form.GetByLabel("Résumé", new() { Exact = true })).ToHaveValueAsync(Summary);
        await Expect(form.GetByLabel("Description", new() { Exact = true })).ToHaveValueAsync(Description);
        await Expect(form.GetByLabel("Catégorie", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("Environnement");
        await Expect(form.GetByLabel("Quartier", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("Bas-Montreuil");
        await Expect(form.GetByLabel("Poste de dépense, ligne 1")).ToHaveValueAsync("Nichoirs en bois");
        await Expect(form.GetByLabel("Montant en euros, ligne 1")).ToHaveValueAsync(new Regex(@"^1\s?250,50$"));
        await Expect(form.Locator("#budget-total")).ToHaveTextAsync(BudgetAmount);
        await Expect(form.GetByLabel("Matériel", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(form.GetByLabel("Précisions sur « Matériel » (facultatif)")).ToHaveValueAsync("Une nacelle pour la pose");

        // She adds a picture with its text alternative.
        await form.GetByRole(AriaRole.Link, new() { Name = "Ajouter des images" }).ClickAsync();
        await Expect(camille).ToHaveURLAsync(new Regex(@"/montreuil/projets/\d+/images$"));
        await Pages.CheckAccessibilityAsync(camille);
        var upload = camille.Locator("form#ajout-image");
        await upload.GetByLabel("Image", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "nichoir.png", MimeType = "image/png", Buffer = Png });
        await upload.GetByLabel("Description de l'image (texte alternatif)").FillAsync(ImageAlt);
        await upload.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'image" }).ClickAsync();
        await Expect(camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("L'image est ajoutée au projet.");
        await ExpectLoadedImageAsync(camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Img, new() { Name = ImageAlt }));
        await Expect(camille.GetByRole(AriaRole.Navigation, new() { Name = "Étapes de mon projet" })).ToContainTextAsync("Images (1/8)");
        await Pages.CheckAccessibilityAsync(camille);

        // She submits it and lands on its public page.
        await camille.GetByRole(AriaRole.Link, new() { Name = "Passer au dépôt" }).ClickAsync();
        await Expect(camille).ToHaveURLAsync(new Regex(@"/montreuil/projets/\d+/deposer$"));
        await Expect(camille.Locator("h1")).ToHaveTextAsync($"Déposer mon projet : {title}");
        await Pages.CheckAccessibilityAsync(camille);
        await camille.Locator("form#deposer").GetByRole(AriaRole.Button, new() { Name = "Déposer mon projet" }).ClickAsync();
        await Expect(camille).ToHaveURLAsync(new Regex(@"/montreuil/projets/\d+-des-nichoirs-a-martinets-[0-9a-f]+$"));
        var projectUrl = camille.Url;
        await Expect(camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Votre projet est déposé et il est public dès maintenant.");
        await Expect(camille.Locator("h1")).ToHaveTextAsync(title);
        await Expect(camille.Locator(".project-header")).ToContainTextAsync("Déposé");
        await Expect(camille.Locator(".project-header")).ToContainTextAsync("Porté par Camille Leroy");
        await ExpectLoadedImageAsync(Region(camille, "Images du projet").GetByRole(AriaRole.Img, new() { Name = ImageAlt }));
        await Expect(Region(camille, "Description du projet").Locator("strong")).ToHaveTextAsync("reviennent");
        await Expect(Region(camille, "Description du projet").GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["dix nichoirs", "une sortie d'observation"]);
        var budget = Region(camille, "Budget prévisionnel");
        await Expect(budget.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nichoirs en bois" })).ToContainTextAsync(BudgetAmount);
        await Expect(budget.GetByRole(AriaRole.Row).Filter(new() { HasText = "Total" })).ToContainTextAsync(BudgetAmount);
        await Expect(Region(camille, "Ce que le projet demande à la ville")).ToContainTextAsync("Matériel — Une nacelle pour la pose");
        await Expect(Region(camille, "Soutenir").Locator(".support-count")).ToHaveTextAsync("0 soutien");
        await Pages.CheckAccessibilityAsync(camille);

        // Hugo, in a browser of his own, finds it by searching the city's projects...
        var hugo = await NewVisitorAsync();
        await Pages.VisitAsync(hugo, "/montreuil/projets");
        await hugo.GetByLabel("Rechercher dans les projets").FillAsync(title);
        await hugo.GetByRole(AriaRole.Button, new() { Name = "Afficher les projets" }).ClickAsync();
        await Expect(hugo).ToHaveURLAsync(new Regex(@"/montreuil/projets\?q="));
        await Expect(hugo.Locator("#titre-resultats")).ToHaveTextAsync("1 projet");
        await Pages.CheckAccessibilityAsync(hugo);
        await hugo.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(hugo).ToHaveURLAsync(projectUrl);
        await Pages.CheckAccessibilityAsync(hugo);

        // ...logs in from the project page, supports it, follows it and comments.
        await Region(hugo, "Soutenir").GetByRole(AriaRole.Link, new() { Name = "Connectez-vous pour soutenir ce projet" }).ClickAsync();
        await AccountSteps.LogInAsync(hugo, HugoEmail, AccountSteps.DemoPassword);
        await Expect(hugo).ToHaveURLAsync(projectUrl);
        await Pages.CheckAccessibilityAsync(hugo);

        await Region(hugo, "Soutenir").GetByRole(AriaRole.Button, new() { Name = "Soutenir ce projet" }).ClickAsync();
        await Expect(hugo.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Merci : votre soutien à ce projet est enregistré.");
        await Expect(Region(hugo, "Soutenir").Locator(".support-count")).ToHaveTextAsync("1 soutien");
        await Pages.CheckAccessibilityAsync(hugo);

        await Region(hugo, "Suivre").GetByRole(AriaRole.Button, new() { Name = "Suivre ce projet" }).ClickAsync();
        await Expect(hugo.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Vous suivez ce projet");
        await Pages.CheckAccessibilityAsync(hugo);

        var comments = Region(hugo, "Commentaires");
        await comments.GetByLabel("Votre commentaire").FillAsync(comment);
        await comments.GetByRole(AriaRole.Button, new() { Name = "Publier le commentaire" }).ClickAsync();
        await Expect(hugo.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Votre commentaire est publié.");
        await Pages.CheckAccessibilityAsync(hugo);

        // Coming back later, the page remembers all of it.
        await hugo.ReloadAsync();
        await Expect(hugo.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        var support = Region(hugo, "Soutenir");
        await Expect(support.Locator(".support-count")).ToHaveTextAsync("1 soutien");
        await Expect(support).ToContainTextAsync("Vous soutenez ce projet.");
        await Expect(support.GetByRole(AriaRole.Button, new() { Name = "Retirer mon soutien" })).ToBeVisibleAsync();
        var follow = Region(hugo, "Suivre");
        await Expect(follow).ToContainTextAsync("1 personne suit ce projet");
        await Expect(follow).ToContainTextAsync("Vous suivez ce projet.");
        await Expect(follow.GetByRole(AriaRole.Button, new() { Name = "Ne plus suivre ce projet" })).ToBeVisibleAsync();
        var hugosComment = CommentBy(hugo, "Hugo Moreau");
        await Expect(hugosComment).ToContainTextAsync(comment);
        await Expect(Region(hugo, "Commentaires").Locator(".comment-count")).ToHaveTextAsync("1 commentaire");
        await Pages.CheckAccessibilityAsync(hugo);

        // Camille reports Hugo's comment.
        await camille.ReloadAsync();
        await Expect(Region(camille, "Soutenir").Locator(".support-count")).ToHaveTextAsync("1 soutien");
        var reported = CommentBy(camille, "Hugo Moreau");
        await Expect(reported).ToContainTextAsync(comment);
        await reported.Locator("summary", new() { HasText = "Signaler" }).ClickAsync();
        await reported.GetByLabel("Pourquoi signalez-vous ce commentaire ?").FillAsync("Hors sujet : ce commentaire ne parle pas du projet.");
        await Pages.CheckAccessibilityAsync(camille);
        await reported.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();
        await Expect(camille.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Merci : votre signalement a été transmis à la ville, qui va l'examiner.");
        await Pages.CheckAccessibilityAsync(camille);

        // A Montreuil agent finds it in the moderation queue and hides it, giving a reason.
        var agent = await NewVisitorAsync();
        await Pages.VisitAsync(agent, "/montreuil/admin/moderation");
        await AccountSteps.LogInAsync(agent, AgentEmail, AccountSteps.DemoPassword);
        await Expect(agent).ToHaveURLAsync(new Regex("/montreuil/admin/moderation$"));
        await Expect(agent.Locator("h1")).ToHaveTextAsync("Modération des commentaires");
        await Pages.CheckAccessibilityAsync(agent);
        var item = Region(agent, "Commentaires signalés", exact: false).GetByRole(AriaRole.Listitem).Filter(new() { HasText = comment });
        await Expect(item.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Commentaire de Hugo Moreau");
        await Expect(item).ToContainTextAsync($"« {title} »");
        await Expect(item.Locator(".moderation-reports")).ToContainTextAsync("Camille Leroy");
        await Expect(item.Locator(".moderation-reports")).ToContainTextAsync("Hors sujet : ce commentaire ne parle pas du projet.");
        await item.GetByLabel("Motif de votre décision").FillAsync("Sans rapport avec le projet.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Masquer le commentaire de Hugo Moreau" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Le commentaire est masqué.");
        await Expect(Region(agent, "Commentaires signalés", exact: false).GetByRole(AriaRole.Listitem).Filter(new() { HasText = comment })).ToHaveCountAsync(0);
        var decision = Region(agent, "Décisions récentes").GetByRole(AriaRole.Row).Filter(new() { HasText = comment });
        await Expect(decision).ToContainTextAsync("Masqué");
        await Expect(decision).ToContainTextAsync("Sans rapport avec le projet.");
        await Pages.CheckAccessibilityAsync(agent);

        // On the public page, the comment now stands hidden, without its words.
        await camille.ReloadAsync();
        var hidden = CommentBy(camille, "Hugo Moreau");
        await Expect(hidden.Locator(".comment-body")).ToHaveTextAsync("Commentaire masqué par la modération");
        await Expect(Region(camille, "Commentaires")).Not.ToContainTextAsync(comment);
        await Pages.CheckAccessibilityAsync(camille);
    }

    /// <summary>A section of the page, by the heading that names it (all of it, unless <paramref name="exact"/> is false).</summary>
    private static ILocator Region(IPage page, string name, bool exact = true) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Region, new() { Name = name, Exact = exact });

    /// <summary>The comment (not a reply) written by <paramref name="author"/> on the open project page.</summary>
    private static ILocator CommentBy(IPage page, string author) =>
        Region(page, "Commentaires").Locator("li.comment").Filter(new() { Has = page.Locator(".comment-head strong", new() { HasText = author }) });

    /// <summary>The picture is on the page and was actually served: the browser decoded its pixel.</summary>
    private static async Task ExpectLoadedImageAsync(ILocator image)
    {
        await image.ScrollIntoViewIfNeededAsync();
        await Expect(image).ToBeVisibleAsync();
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 1);
    }
}
