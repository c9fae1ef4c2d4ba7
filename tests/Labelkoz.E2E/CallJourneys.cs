using System.Globalization;
using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

/// <summary>
/// Issue #5 end to end: the admin creates and publishes a call, a citizen applies, the call
/// closes (the server's clock passes its closing time and the platform's job closes it), an agent
/// and the admin score the application, the admin shortlists it and selects it as the winner; the
/// winner's labelled project exists and links back to the call, and the citizen sees the outcome.
/// axe on every page.
/// </summary>
public sealed class CallJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string AdminEmail = "admin@montreuil.demo.labelkoz.fr";
    private const string AgentEmail = "agent@montreuil.demo.labelkoz.fr";
    private const string LeaEmail = "lea@demo.labelkoz.fr";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task AdminPublishesACall_CitizenApplies_TwoStaffScore_AdminSelectsTheWinner_ProjectIsLabelled()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Un jardin de quartier {suffix}";
        var projectTitle = $"Le potager des Ruffins {suffix}";

        // The admin creates the draft, completes it and publishes it.
        var admin = Page;
        await Pages.VisitAsync(admin, "/montreuil/admin/appels");
        await AccountSteps.LogInAsync(admin, AdminEmail, AccountSteps.DemoPassword);
        await Expect(admin).ToHaveURLAsync(new Regex("/montreuil/admin/appels$"));
        await Pages.CheckAccessibilityAsync(admin);
        var create = admin.Locator("form#nouvel-appel");
        await create.GetByLabel("Titre de l'appel").FillAsync(title);
        await create.GetByRole(AriaRole.Button, new() { Name = "Créer le brouillon" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/montreuil/admin/appels/\d+$"));
        var callId = Regex.Match(admin.Url, @"/appels/(\d+)$").Groups[1].Value;
        await Expect(admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync(title);
        await Pages.CheckAccessibilityAsync(admin);

        // Opens a minute ago, closes in an hour, on the server's clock, typed in Paris time.
        var now = Server.Clock.GetUtcNow().UtcDateTime;
        var opens = Minute(now.AddMinutes(-1));
        var closes = Minute(now.AddHours(1));
        var form = admin.Locator("form#appel");

        // The call's description comes first; the offer rows have a "Description" field too.
        await form.GetByLabel("Description", new() { Exact = true }).First.FillAsync("Un terrain de la ville à cultiver ensemble, avec des bacs accessibles.");
        await form.GetByLabel("Catégorie (facultatif)").SelectOptionAsync(new SelectOptionValue { Label = "Environnement" });
        await form.GetByLabel("Enveloppe budgétaire en euros").FillAsync("5 000");
        await form.GetByLabel("Nombre de lauréats").FillAsync("1");
        await form.GetByLabel("Ouverture des candidatures").FillAsync(ParisInput(opens));
        await form.GetByLabel("Clôture des candidatures").FillAsync(ParisInput(closes));
        var offer = form.Locator("fieldset", new() { Has = admin.Locator("[name='Input.Offer[0].Kind']") }).Last;
        await offer.GetByLabel("Type d'engagement").SelectOptionAsync(new SelectOptionValue { Label = "Terrain" });
        await offer.GetByLabel("Description", new() { Exact = true }).FillAsync("Une parcelle de 300 m² rue de la Boissière");
        var question = form.Locator("fieldset#question-0");
        await question.GetByLabel("Intitulé de la question").FillAsync("Qui cultivera le jardin ?");
        await question.GetByLabel("Type de réponse").SelectOptionAsync(new SelectOptionValue { Label = "Réponse longue" });
        await question.GetByLabel("Réponse obligatoire").CheckAsync();
        var impact = form.Locator("fieldset#critere-0");
        await impact.GetByLabel("Nom du critère").FillAsync("Impact");
        await impact.GetByLabel("Poids en %").FillAsync("60");
        var feasibility = form.Locator("fieldset#critere-1");
        await feasibility.GetByLabel("Nom du critère").FillAsync("Faisabilité");
        await feasibility.GetByLabel("Poids en %").FillAsync("40");
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync($"Le brouillon de l'appel « {title} » est enregistré.");
        await Pages.CheckAccessibilityAsync(admin);
        await admin.Locator("form#publier").GetByRole(AriaRole.Button, new() { Name = "Publier l'appel" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync($"L'appel « {title} » est publié");
        await Pages.CheckAccessibilityAsync(admin);

        // Léa finds the call on the city's list, logs in to apply, saves her answers and submits.
        var lea = await NewVisitorAsync();
        await Pages.VisitAsync(lea, "/montreuil/appels");
        await lea.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(lea).ToHaveURLAsync(new Regex($"/montreuil/appels/{callId}$"));
        await Expect(lea.Locator("h1")).ToHaveTextAsync(title);
        await Expect(lea.GetByRole(AriaRole.Main)).ToContainTextAsync("Une parcelle de 300 m² rue de la Boissière");
        await Pages.CheckAccessibilityAsync(lea);
        await lea.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Déposer ma candidature" }).ClickAsync();
        await AccountSteps.LogInAsync(lea, LeaEmail, AccountSteps.DemoPassword);
        await Expect(lea).ToHaveURLAsync(new Regex($"/montreuil/appels/{callId}/candidature$"));
        await Pages.CheckAccessibilityAsync(lea);
        var application = lea.Locator("form#candidature");
        await application.GetByLabel("Particulier").CheckAsync();
        await application.GetByLabel("Titre du projet").FillAsync(projectTitle);
        await application.GetByLabel("Résumé du projet").FillAsync("Des bacs de légumes cultivés par les voisins et l'école du quartier.");
        await application.GetByLabel("Qui cultivera le jardin ?").FillAsync("Une vingtaine de voisins et deux classes de l'école élémentaire.");
        await application.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(lea.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Votre candidature est enregistrée.");
        await Pages.CheckAccessibilityAsync(lea);
        await lea.Locator("form#depot").GetByRole(AriaRole.Button, new() { Name = "Déposer ma candidature" }).ClickAsync();
        await Expect(lea.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Votre candidature est déposée.");
        await Pages.CheckAccessibilityAsync(lea);
        await Pages.VisitAsync(lea, "/compte/mes-candidatures");
        var mine = lea.Locator($"tr#candidature-{callId}");
        await Expect(mine).ToContainTextAsync(projectTitle);
        await Expect(mine).ToContainTextAsync("Déposée");

        // The server's clock passes the closing time; the platform's job closes the call.
        var wait = closes - Server.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(5);
        if (wait > TimeSpan.Zero)
        {
            Server.Clock.Advance(wait);
        }

        var review = $"/montreuil/admin/appels/{callId}/candidatures";
        await Eventually.PageShowsAsync(admin, review, "Statut de l'appel : En cours d'examen.");
        await Pages.CheckAccessibilityAsync(admin);

        // The agent and the admin each score the application on both criteria.
        var agent = await NewVisitorAsync();
        await Pages.VisitAsync(agent, review);
        await AccountSteps.LogInAsync(agent, AgentEmail, AccountSteps.DemoPassword);
        await Expect(agent).ToHaveURLAsync(new Regex($"{review}$"));
        await Pages.CheckAccessibilityAsync(agent);
        await ScoreAsync(agent, projectTitle, impact: 8, feasibility: 6);
        await ScoreAsync(admin, projectTitle, impact: 10, feasibility: 5);

        // (8 × 60 + 6 × 40) / 100 = 7.2 and (10 × 60 + 5 × 40) / 100 = 8: the average is 7,60.
        await Pages.VisitAsync(admin, review);
        var row = admin.Locator("table.call-ranking tbody tr", new() { HasText = projectTitle });
        await Expect(row).ToContainTextAsync("7,60");
        var xlsx = await admin.RunAndWaitForDownloadAsync(() =>
            admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Télécharger le classement et toutes les notes (Excel, XLSX)" }).ClickAsync());
        Assert.Equal($"classement-appel-{callId}.xlsx", xlsx.SuggestedFilename);
        Assert.Null(await xlsx.FailureAsync());

        // The admin shortlists it, then selects it as the winner.
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Présélectionner « {projectTitle} »" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync($"La candidature « {projectTitle} » est présélectionnée.");
        await Pages.CheckAccessibilityAsync(admin);
        var winners = admin.Locator("form#laureats");
        await winners.GetByLabel(new Regex(Regex.Escape(projectTitle))).CheckAsync();
        await winners.GetByRole(AriaRole.Button, new() { Name = "Choisir les lauréats" }).ClickAsync();

        // The choice cannot be undone: a page of its own restates it before it is confirmed.
        await Expect(admin).ToHaveURLAsync(new Regex($"/montreuil/admin/appels/{callId}/laureats"));
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync(projectTitle);
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("Ce choix est définitif");
        await Pages.CheckAccessibilityAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Confirmer le choix des lauréats" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Les lauréats sont choisis");
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("Statut de l'appel : Attribué.");
        await Pages.CheckAccessibilityAsync(admin);
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Voir le projet lauréat" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/montreuil/admin/projets/\d+$"));
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync(projectTitle);
        await Pages.CheckAccessibilityAsync(admin);

        // Léa sees "Lauréate", is notified, and her project is online, labelled, linked to the call.
        await Pages.VisitAsync(lea, "/compte/mes-candidatures");
        await Expect(mine).ToContainTextAsync("Lauréate");
        await Pages.VisitAsync(lea, "/compte/notifications");
        await Expect(lea.GetByRole(AriaRole.Main)).ToContainTextAsync($"Votre candidature à l'appel « {title} » est retenue : votre projet est en ligne.");
        await Pages.VisitAsync(lea, "/compte/mes-candidatures");
        await mine.GetByRole(AriaRole.Link, new() { Name = "Mon projet lauréat" }).ClickAsync();
        await Expect(lea.Locator("h1")).ToHaveTextAsync(projectTitle);
        var badge = lea.GetByRole(AriaRole.Main).GetByRole(AriaRole.Region, new() { Name = "Labellisé par la Ville de Montreuil" });
        await Expect(badge).ToContainTextAsync("Une parcelle de 300 m² rue de la Boissière");
        await Pages.CheckAccessibilityAsync(lea);

        // Anyone sees the winner from the call's page, and the call from the project's page.
        var visitor = await NewVisitorAsync();
        await Pages.VisitAsync(visitor, $"/montreuil/appels/{callId}");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Attribué");
        await visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = projectTitle }).ClickAsync();
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(projectTitle);
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Lauréat de l'appel à projets");
        await Pages.CheckAccessibilityAsync(visitor);
        await visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = $"« {title} »" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex($"/montreuil/appels/{callId}$"));
        await Pages.CheckAccessibilityAsync(visitor);
    }

    /// <summary>From the ranking, opens the application, gives both scores and saves them.</summary>
    private static async Task ScoreAsync(IPage staff, string projectTitle, int impact, int feasibility)
    {
        await staff.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = projectTitle, Exact = true }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex(@"/candidatures/\d+$"));
        await Pages.CheckAccessibilityAsync(staff);
        var form = staff.Locator("form#notation");
        await form.GetByRole(AriaRole.Group, new() { Name = "Impact (pondération 60 %)" }).GetByLabel("Note de 0 à 10")
            .SelectOptionAsync(impact.ToString(CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Group, new() { Name = "Faisabilité (pondération 40 %)" }).GetByLabel("Note de 0 à 10")
            .SelectOptionAsync(feasibility.ToString(CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes notes" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Vos notes sont enregistrées.");
        await Pages.CheckAccessibilityAsync(staff);
    }

    private static DateTime Minute(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc);

    /// <summary>A UTC time as a datetime-local input takes it, on the clock of Paris.</summary>
    private static string ParisInput(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Paris).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
