using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Demo;

/// <summary>
/// Montreuil's demo calls for projects, built through the domain as the application would have:
/// one open with three applications, one closed and in review with scores, one decided whose
/// winner's project is on the city's site. Seeded once (a city that already has calls is left alone).
/// </summary>
public sealed class DemoCalls(AppDbContext db)
{
    private const string Camille = "camille@demo.labelkoz.fr";
    private const string Hugo = "hugo@demo.labelkoz.fr";
    private const string Lea = "lea@demo.labelkoz.fr";

    public async Task SeedAsync(Municipality city, IReadOnlyDictionary<string, long> users, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Calls.AnyAsync(c => c.MunicipalityId == city.Id, cancellationToken))
        {
            return;
        }

        var admin = city.Memberships.First(m => m.Role == StaffRole.Admin).UserId;
        var agent = city.Memberships.FirstOrDefault(m => m.Role == StaffRole.Agent)?.UserId ?? admin;
        var neighbourhoods = await db.Neighbourhoods.Where(n => n.MunicipalityId == city.Id).ToListAsync(cancellationToken);
        Neighbourhood Quarter(string name) => neighbourhoods.Single(n => n.Name == name);

        // Open: a solidarity restaurant, closing in three weeks, three applications.
        var restaurant = await PublishAsync(
            city, admin, "Un restaurant solidaire pour le quartier des Ruffins",
            "La Ville cherche un porteur de projet pour ouvrir un **restaurant solidaire** aux Ruffins, quartier sans restaurant à prix accessible.\n\n- repas à prix libre le midi\n- cuisine de produits locaux\n- emplois d'insertion",
            ProjectCategory.Solidarity, Quarter("Ruffins – Théophile Sueur"), 8_000_000, winners: 1,
            [
                new CommitmentTerms(CommitmentKind.Premises, "Un local de 140 m² avec cuisine, avenue du Président Wilson, loyer gratuit trois ans", 6_000_000),
                new CommitmentTerms(CommitmentKind.CoFinancing, "La Ville double chaque don jusqu'à 10 000 €", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: 1_000_000),
                new CommitmentTerms(CommitmentKind.Expertise, "Un agent du développement économique accompagne l'ouverture", ReferentUserId: agent),
            ],
            opens: now.AddDays(-10), closes: now.AddDays(21), now.AddDays(-12), cancellationToken);
        await ApplyAsync(restaurant, users[Camille], HolderType.Association, "Les Tables de la Boissière", "W931000456", "La Table des Ruffins", "Un restaurant associatif à prix libre, cuisine de saison, dix emplois d'insertion.", ["Quarante couverts le midi", "Trois ans dans la restauration collective"], submit: true, now.AddDays(-6), cancellationToken);
        await ApplyAsync(restaurant, users[Hugo], HolderType.Individual, null, null, "La Cantine du Parc", "Une cantine de quartier ouverte midi et soir, avec un menu unique.", ["Trente couverts", "Cuisinier depuis douze ans"], submit: true, now.AddDays(-4), cancellationToken);
        await ApplyAsync(restaurant, users[Lea], HolderType.Individual, null, null, "Le Bol des Ruffins", "Un restaurant de soupes et de plats mijotés, avec un atelier cuisine pour les enfants.", ["Vingt-cinq couverts", null], submit: false, now.AddDays(-1), cancellationToken);

        // In review: a shared workshop, closed last week, scored by the agent.
        var workshop = await PublishAsync(
            city, admin, "Un atelier partagé de réparation au Bas-Montreuil",
            "Un **atelier partagé** où chacun peut réparer, bricoler et apprendre, ouvert au moins trois jours par semaine.",
            ProjectCategory.Economy, Quarter("Bas-Montreuil"), 3_000_000, winners: 1,
            [new CommitmentTerms(CommitmentKind.Premises, "Un ancien garage municipal de 200 m², rue de Paris", 2_400_000), new CommitmentTerms(CommitmentKind.Equipment, "L'outillage de l'ancien atelier des services techniques", 500_000)],
            opens: now.AddDays(-45), closes: now.AddDays(-7), now.AddDays(-46), cancellationToken);
        var workshopApplications = new[]
        {
            await ApplyAsync(workshop, users[Camille], HolderType.Individual, null, null, "L'Établi commun", "Un atelier ouvert du mercredi au samedi, avec des bénévoles et un artisan salarié.", ["Quatre jours par semaine", "Menuisière de métier"], submit: true, now.AddDays(-30), cancellationToken),
            await ApplyAsync(workshop, users[Lea], HolderType.Individual, null, null, "Répar'Tout", "Réparer vélos, meubles et petits appareils, le samedi avec les habitants.", ["Un jour par semaine", null], submit: true, now.AddDays(-20), cancellationToken),
        };
        await CloseAndScoreAsync(city, workshop, workshopApplications, [agent], now, cancellationToken);

        // Decided: a kiosk café in the park, won by Hugo, whose project is on the site.
        var kiosk = await PublishAsync(
            city, admin, "Un café-kiosque au parc des Beaumonts",
            "Faire vivre le **kiosque** du parc des Beaumonts : boissons, petite restauration et animations le week-end.",
            ProjectCategory.Economy, Quarter("Montreau – Le Morillon"), 1_500_000, winners: 1,
            [new CommitmentTerms(CommitmentKind.Premises, "Le kiosque du parc, rénové par la Ville, pour cinq ans", 1_200_000), new CommitmentTerms(CommitmentKind.Communication, "Le café annoncé dans le journal municipal et sur le site de la Ville")],
            opens: now.AddDays(-120), closes: now.AddDays(-80), now.AddDays(-121), cancellationToken);
        var kioskApplications = new[]
        {
            await ApplyAsync(kiosk, users[Hugo], HolderType.Company, "Kiosque & Cie", "732829320", "Le Kiosque des Beaumonts", "Un café en plein air, produits de la région, concerts acoustiques le dimanche.", ["Soixante places en terrasse", "Gérant d'un café à Vincennes"], submit: true, now.AddDays(-100), cancellationToken),
            await ApplyAsync(kiosk, users[Camille], HolderType.Individual, null, null, "Le Thé des Beaumonts", "Un salon de thé associatif tenu par des bénévoles.", ["Vingt places", null], submit: true, now.AddDays(-95), cancellationToken),
        };
        await CloseAndScoreAsync(city, kiosk, kioskApplications, [agent, admin], now, cancellationToken);
        var calls = await db.Calls.Include(c => c.Offer).Include(c => c.Criteria).AsSplitQuery().SingleAsync(c => c.Id == kiosk.Id, cancellationToken);
        var applications = await db.CallApplications.Where(a => a.CallId == kiosk.Id).ToListAsync(cancellationToken);
        foreach (var project in calls.SelectWinners(city, admin, applications, [kioskApplications[0].Id], now.AddDays(-70)))
        {
            db.Projects.Add(project);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Call> PublishAsync(
        Municipality city, long admin, string title, string description, ProjectCategory category, Neighbourhood quarter, long envelopeCents, int winners,
        CommitmentTerms[] offer, DateTime opens, DateTime closes, DateTime at, CancellationToken cancellationToken)
    {
        var call = Call.StartDraft(city, admin, title, at);
        call.Describe(city, admin, title, description, category, quarter, envelopeCents, winners, at);
        call.ReplaceOffer(city, admin, offer);
        call.ReplaceQuestions(city, admin,
        [
            new QuestionTerms("Combien de personnes pourrez-vous accueillir ?", QuestionKind.ShortText, Required: true),
            new QuestionTerms("Votre expérience dans ce domaine", QuestionKind.LongText, Required: false, "Quelques lignes suffisent."),
            new QuestionTerms("Budget de démarrage estimé (en euros)", QuestionKind.Number, Required: false),
            new QuestionTerms("Avez-vous déjà une équipe ?", QuestionKind.YesNo, Required: false),
            new QuestionTerms("Plan ou présentation (PDF ou image)", QuestionKind.File, Required: false),
        ]);
        call.ReplaceCriteria(city, admin,
        [
            new CriterionTerms("Utilité pour le quartier", 40, "Répond-il à un besoin des habitants ?"),
            new CriterionTerms("Solidité du projet", 35, "Budget, calendrier, expérience du porteur."),
            new CriterionTerms("Ouverture à tous", 25, "Prix, accessibilité, horaires."),
        ]);
        call.Schedule(city, admin, opens, closes);
        call.Publish(city, admin, at);
        db.Calls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        return call;
    }

    private async Task<CallApplication> ApplyAsync(
        Call call, long applicant, HolderType type, string? organisation, string? identifier, string title, string summary, string?[] answers, bool submit, DateTime at, CancellationToken cancellationToken)
    {
        var application = CallApplication.Start(call, applicant, type, organisation, type == HolderType.Association ? identifier : null, type == HolderType.Company ? identifier : null, title, at);
        var questions = call.Questions.OrderBy(q => q.Position).ToList();
        var terms = answers.Select((text, i) => new AnswerTerms(questions[i].Id, text)).Where(a => a.Text is not null).ToList();
        terms.Add(new AnswerTerms(questions[2].Id, Number: 45_000m));
        terms.Add(new AnswerTerms(questions[3].Id, YesNo: submit));
        application.Edit(call, applicant, type, organisation, type == HolderType.Association ? identifier : null, type == HolderType.Company ? identifier : null, title, summary, terms, at);
        if (submit)
        {
            application.Submit(call, applicant, at);
        }

        db.CallApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    private async Task CloseAndScoreAsync(Municipality city, Call call, CallApplication[] applications, long[] reviewers, DateTime now, CancellationToken cancellationToken)
    {
        call.CloseIfDue(now);
        var seed = 0;
        foreach (var application in applications)
        {
            foreach (var reviewer in reviewers)
            {
                var scores = call.Criteria.OrderBy(c => c.Position).Select(c => new ScoreTerms(c.Id, 9 - ((seed++ + (int)c.Position) % 4), seed % 3 == 0 ? "Projet solide, à préciser sur le calendrier." : null)).ToList();
                application.Score(call, city, reviewer, scores, call.ClosesAtUtc.AddDays(1));
            }

            seed += applications.Length;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
