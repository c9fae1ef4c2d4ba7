using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects.Admin;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Demo;

/// <summary>
/// Demo projects for Montreuil and Bagnolet, in the states of their lifecycle, with images,
/// budgets, supports and comments. Seeded once per city (a city that already has projects is left
/// alone), always through the domain's own methods.
/// </summary>
public sealed class DemoProjects(AppDbContext db, IFileStore files)
{
    private sealed record Demo(
        string Holder, string Title, string Summary, string Description, ProjectCategory Category, string Neighbourhood,
        string Address, double Latitude, double Longitude, string Image, string ImageAlt,
        (string Label, long Cents)[] Budget, (CommitmentKind Kind, string? Details)[] Support,
        ProjectStatus Status, int DaysAgo, string[] Supporters, (string Author, string Text)[] Comments,
        HolderType HolderType = HolderType.Individual, string? Organisation = null, string? Rna = null,
        CommitmentTerms[]? Commitments = null, bool ProposedByAgent = false);

    // An Expertise commitment's referent is the city's agent, known only once the accounts exist.
    private const long TheAgent = 0;

    private static readonly Demo[] Montreuil =
    [
        new("camille@demo.labelkoz.fr", "Un parc de street-workout aux Beaumonts", "Des agrès de musculation en accès libre, pour tous les âges, au bord du parc des Beaumonts.",
            "## Le projet\n\nInstaller **barres de traction, barres parallèles et espaliers** sur une parcelle inutilisée au bord du parc.\n\n## Pour qui ?\n\n- les jeunes du quartier\n- les clubs de sport\n- les seniors (agrès adaptés)\n\nDes séances gratuites seront animées le samedi matin.",
            ProjectCategory.Sport, "Montreau – Le Morillon", "Rue Paul Doumer, 93100 Montreuil", 48.8645, 2.4580, "street-workout", "Deux portiques de traction sur une pelouse, sous le soleil",
            [("Agrès de street-workout", 1_850_000), ("Sol amortissant", 640_000), ("Signalétique et panneau d'exercices", 45_000)],
            [(CommitmentKind.Land, "Une parcelle d'environ 300 m² en bordure du parc"), (CommitmentKind.Expertise, "Un agent des sports pour le suivi")],
            ProjectStatus.Labelled, 40, ["hugo@demo.labelkoz.fr", "agent@bagnolet.demo.labelkoz.fr", "admin@bagnolet.demo.labelkoz.fr"],
            [("hugo@demo.labelkoz.fr", "Super idée, il manque vraiment un lieu comme ça dans le quartier !"), ("camille@demo.labelkoz.fr", "Merci ! Nous organisons une réunion publique le mois prochain.")],
            Commitments:
            [
                new(CommitmentKind.Land, "Mise à disposition d'une parcelle de 300 m² en bordure du parc des Beaumonts, pour dix ans", EstimatedValueCents: 1_500_000),
                new(CommitmentKind.Expertise, "Un agent du service des sports suit le chantier et l'animation", EstimatedValueCents: 300_000, ReferentUserId: TheAgent),
            ],
            ProposedByAgent: true),
        new("camille@demo.labelkoz.fr", "Un jardin partagé rue de la Fontaine", "Transformer une friche en jardin cultivé par les habitants, avec des bacs accessibles en fauteuil.",
            "Une association d'habitants propose de **cultiver ensemble** une friche de 400 m².\n\nBacs surélevés, composteur collectif, récupérateur d'eau de pluie.",
            ProjectCategory.Environment, "La Boissière", "Rue de la Fontaine, 93100 Montreuil", 48.8695, 2.4620, "jardin", "Des bacs de culture en bois avec des légumes et des fleurs",
            [("Bacs surélevés", 420_000), ("Terre et compost", 150_000), ("Récupérateur d'eau", 80_000)],
            [(CommitmentKind.Land, "La friche municipale rue de la Fontaine"), (CommitmentKind.CoFinancing, null)],
            ProjectStatus.Labelled, 35, ["hugo@demo.labelkoz.fr", "agent@bagnolet.demo.labelkoz.fr"], [("hugo@demo.labelkoz.fr", "Je peux donner des plants de tomates.")],
            HolderType.Association, "Les Jardiniers de la Boissière", "W931000123",
            Commitments:
            [
                new(CommitmentKind.Land, "La friche municipale de 400 m² rue de la Fontaine, clôturée et raccordée à l'eau", EstimatedValueCents: 800_000),
                new(CommitmentKind.CoFinancing, "La Ville double chaque don : 1 € pour 1 €, jusqu'à 5 000 €", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: 500_000),
                new(CommitmentKind.Communication, "Annonce dans le journal municipal et sur les panneaux de la ville"),
            ]),
        new("camille@demo.labelkoz.fr", "Un repair café mensuel à la Croix-de-Chavaux", "Un samedi par mois, des bénévoles aident à réparer vélos, petits appareils et vêtements.",
            "Réparer plutôt que jeter : un **repair café** ouvert à tous, dans une salle prêtée par la ville.",
            ProjectCategory.Solidarity, "Croix-de-Chavaux", "Place de la Croix-de-Chavaux, 93100 Montreuil", 48.8580, 2.4360, "repair-cafe", "Une façade de local associatif avec une porte et une vitrine éclairée",
            [("Outillage", 180_000), ("Assurance", 35_000)], [(CommitmentKind.Premises, "Une salle un samedi par mois")],
            ProjectStatus.InReview, 20, ["hugo@demo.labelkoz.fr"], [],
            Commitments: [new(CommitmentKind.Premises, "La salle polyvalente de la Croix-de-Chavaux, le premier samedi de chaque mois", EstimatedValueCents: 240_000)],
            ProposedByAgent: true),
        new("hugo@demo.labelkoz.fr", "Une fresque participative au Bas-Montreuil", "Une fresque peinte avec les enfants du quartier sur le mur du gymnase.",
            "Des artistes locaux encadrent **six ateliers** avec les écoles pour concevoir puis peindre une fresque.",
            ProjectCategory.Culture, "Bas-Montreuil", "Rue de Paris, 93100 Montreuil", 48.8560, 2.4230, "fresque", "Un mur clair couvert de grands disques colorés rouge, bleu et jaune",
            [("Peinture et matériel", 320_000), ("Rémunération des artistes", 600_000)], [(CommitmentKind.Equipment, "Nacelle et échafaudage"), (CommitmentKind.Communication, null)],
            ProjectStatus.Submitted, 12, ["camille@demo.labelkoz.fr", "agent@bagnolet.demo.labelkoz.fr"], [("camille@demo.labelkoz.fr", "Les enfants de l'école Voltaire seraient ravis de participer.")]),
        new("hugo@demo.labelkoz.fr", "Un atelier vélo solidaire", "Apprendre à entretenir son vélo et récupérer des vélos abandonnés pour les remettre en circulation.",
            "Un atelier **participatif** : on vient avec son vélo, on apprend à le réparer.",
            ProjectCategory.Mobility, "Villiers – Barbusse", "Rue Barbusse, 93100 Montreuil", 48.8640, 2.4440, "atelier-velo", "Un vélo rouge dessiné de profil",
            [("Pieds d'atelier et outils", 250_000), ("Pièces détachées", 120_000)], [(CommitmentKind.Premises, null)],
            ProjectStatus.Submitted, 8, ["camille@demo.labelkoz.fr"], []),
        new("camille@demo.labelkoz.fr", "Des boîtes à livres dans chaque quartier", "Six boîtes à livres fabriquées par un chantier d'insertion.",
            "Chaque boîte est fabriquée en bois de réemploi et entretenue par une école voisine.",
            ProjectCategory.Culture, "Ruffins – Théophile Sueur", "Avenue du Président Wilson, 93100 Montreuil", 48.8610, 2.4700, "boite-livres", "Une boîte à livres bleue remplie de livres colorés",
            [("Fabrication de six boîtes", 540_000)], [(CommitmentKind.Communication, null)],
            ProjectStatus.ChangesRequested, 25, [], []),
        new("hugo@demo.labelkoz.fr", "Des composteurs collectifs en pied d'immeuble", "Réduire les déchets de 30 % dans trois résidences.",
            "Trois composteurs, une formation de guides composteurs et un suivi d'un an.",
            ProjectCategory.Environment, "Montreau – Le Morillon", "Rue des Roches, 93100 Montreuil", 48.8660, 2.4680, "composteur", "Deux bacs à compost en bois sur une pelouse",
            [("Composteurs", 90_000), ("Formation", 60_000)], [(CommitmentKind.Expertise, "Un maître composteur de la ville")],
            ProjectStatus.Submitted, 5, ["camille@demo.labelkoz.fr", "admin@bagnolet.demo.labelkoz.fr"], []),
        new("camille@demo.labelkoz.fr", "Une fête de quartier à la Boissière", "Une journée festive et gratuite avec les associations du quartier.",
            "Concerts, jeux, repas partagé : **tout le quartier** est invité.",
            ProjectCategory.Culture, "La Boissière", "Boulevard de la Boissière, 93100 Montreuil", 48.8720, 2.4600, "fete-quartier", "Des guirlandes de fanions colorés au coucher du soleil",
            [("Sonorisation", 150_000), ("Sécurité", 200_000)], [(CommitmentKind.Equipment, "Barrières, tables et chaises")],
            ProjectStatus.Declined, 60, [], []),
        new("hugo@demo.labelkoz.fr", "Un potager pédagogique à l'école", "Un potager pour les classes de l'école Jules Ferry.",
            "Les enfants sèment, arrosent et récoltent : une **classe dehors** chaque semaine.",
            ProjectCategory.Education, "Centre-ville", "Rue Jules Ferry, 93100 Montreuil", 48.8620, 2.4410, "potager-ecole", "Une école au toit rouge et un potager devant",
            [("Bacs et outils adaptés aux enfants", 110_000)], [],
            ProjectStatus.Submitted, 3, [], []),
        new("camille@demo.labelkoz.fr", "Une piste cyclable sécurisée rue de Rosny", "Relier le centre aux Ruffins par une piste séparée de la circulation.",
            "Une étude citoyenne a recensé **1 200 trajets quotidiens** à vélo sur cet axe.",
            ProjectCategory.Mobility, "Ruffins – Théophile Sueur", "Rue de Rosny, 93100 Montreuil", 48.8590, 2.4620, "piste-cyclable", "Une route grise avec une ligne blanche et un arbre",
            [("Étude de faisabilité", 800_000)], [(CommitmentKind.Expertise, null)],
            ProjectStatus.Withdrawn, 50, [], []),
        new("hugo@demo.labelkoz.fr", "Des bancs et de l'ombre place Jean Jaurès", "Installer des bancs et planter des arbres pour les jours de chaleur.",
            "Un îlot de fraîcheur : **quatre arbres** et six bancs.",
            ProjectCategory.Urbanism, "Centre-ville", "Place Jean Jaurès, 93100 Montreuil", 48.8625, 2.4430, "bancs", "Deux bancs en bois et un arbre sur une pelouse",
            [("Bancs", 360_000), ("Arbres et plantation", 480_000)], [(CommitmentKind.Land, null)],
            ProjectStatus.Submitted, 1, ["camille@demo.labelkoz.fr"], []),
        new("camille@demo.labelkoz.fr", "Des ruches sur le toit de la médiathèque", "Brouillon : trois ruches et des ateliers de découverte des abeilles.",
            "À compléter.", ProjectCategory.Environment, "Centre-ville", "Médiathèque, 93100 Montreuil", 48.8630, 2.4420, "ruches", "Deux ruches jaunes sur l'herbe",
            [("Ruches", 90_000)], [], ProjectStatus.Draft, 0, [], []),
    ];

    private static readonly Demo[] Bagnolet =
    [
        new("hugo@demo.labelkoz.fr", "Un jardin partagé à la Noue", "Des bacs potagers au pied des immeubles de la Noue.",
            "Cultiver ensemble, **apprendre** ensemble.", ProjectCategory.Environment, "La Noue", "Rue de la Noue, 93170 Bagnolet", 48.8680, 2.4230, "jardin", "Des bacs de culture en bois avec des légumes",
            [("Bacs", 300_000)], [(CommitmentKind.Land, null)], ProjectStatus.Submitted, 9, ["camille@demo.labelkoz.fr"], []),
        new("hugo@demo.labelkoz.fr", "Un atelier de réparation de vélos aux Coutures", "Un atelier ouvert deux soirs par semaine.",
            "Réparer son vélo soi-même, avec de l'aide.", ProjectCategory.Mobility, "Les Coutures", "Rue Sadi Carnot, 93170 Bagnolet", 48.8700, 2.4160, "atelier-velo", "Un vélo rouge dessiné de profil",
            [("Outils", 150_000)], [(CommitmentKind.Premises, null)], ProjectStatus.InReview, 15, [], []),
        new("hugo@demo.labelkoz.fr", "Une boîte à livres au Centre-ville", "Une boîte à livres devant la mairie.",
            "Donner, prendre, échanger des livres.", ProjectCategory.Culture, "Centre-ville", "Place Salvador Allende, 93170 Bagnolet", 48.8690, 2.4180, "boite-livres", "Une boîte à livres bleue",
            [("Fabrication", 80_000)], [], ProjectStatus.Submitted, 2, [], []),
    ];

    public async Task SeedAsync(Municipality montreuil, Municipality bagnolet, IReadOnlyDictionary<string, long> users, DateTime now, CancellationToken cancellationToken)
    {
        await SeedCityAsync(montreuil, Montreuil, users, now, cancellationToken);
        await SeedCityAsync(bagnolet, Bagnolet, users, now, cancellationToken);
    }

    private async Task SeedCityAsync(Municipality city, Demo[] demos, IReadOnlyDictionary<string, long> users, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Projects.AnyAsync(p => p.MunicipalityId == city.Id, cancellationToken))
        {
            return;
        }

        var neighbourhoods = await db.Neighbourhoods.Where(n => n.MunicipalityId == city.Id).ToListAsync(cancellationToken);
        var admin = city.Memberships.First(m => m.Role == StaffRole.Admin).UserId;
        var agent = city.Memberships.FirstOrDefault(m => m.Role == StaffRole.Agent)?.UserId ?? admin;
        var created = new List<(Project Project, Demo Demo)>();
        foreach (var demo in demos)
        {
            var holder = users[demo.Holder];
            var at = now.AddDays(-demo.DaysAgo);
            var project = Project.StartDraft(city.Id, holder, demo.Title, at);
            project.UpdateContent(holder, demo.Title, demo.Summary, demo.Description, demo.Category, neighbourhoods.Single(n => n.Name == demo.Neighbourhood), at);
            project.UpdateLocation(holder, demo.Address, demo.Latitude, demo.Longitude, at);
            if (demo.HolderType != HolderType.Individual)
            {
                project.UpdateHolder(holder, demo.HolderType, demo.Organisation, demo.Rna, null, at);
            }

            project.ReplaceBudget(holder, demo.Budget.Select(b => ((string?)b.Label, b.Cents)), at);
            project.ReplaceRequestedSupport(holder, demo.Support, at);
            project.AddImage(holder, await StoreImageAsync(demo.Image, cancellationToken), "image/png", demo.ImageAlt, at);
            Advance(project, demo, city, holder, admin, agent, at);
            db.Projects.Add(project);
            created.Add((project, demo));
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecordReviewAsync(city, created.Select(c => c.Project).ToList(), cancellationToken);

        foreach (var (project, demo) in created)
        {
            var at = now.AddDays(-demo.DaysAgo).AddHours(3);
            foreach (var supporter in demo.Supporters)
            {
                db.ProjectSupports.Add(new ProjectSupport(project, users[supporter], at));
            }

            if (project.AcceptsParticipation)
            {
                db.ProjectFollows.Add(new ProjectFollow(project, project.HolderUserId, at));
                foreach (var (author, text) in demo.Comments)
                {
                    db.Comments.Add(Comment.Write(project, users[author], null, text, city.CommentModeration, at = at.AddHours(1)));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Advance(Project project, Demo demo, Municipality city, long holder, long admin, long agent, DateTime at)
    {
        var target = demo.Status;
        if (target == ProjectStatus.Draft)
        {
            return;
        }

        if (target == ProjectStatus.Withdrawn)
        {
            project.Submit(holder, ModerationMode.PostModeration, at);
            project.Withdraw(holder, "Le projet sera repris dans le plan vélo de la ville.", at.AddDays(5));
            return;
        }

        project.Submit(holder, ModerationMode.PostModeration, at);
        if (target == ProjectStatus.Submitted)
        {
            return;
        }

        project.TakeIntoReview(city, agent, agent, at.AddDays(2));
        project.AddNote(city, agent, "Vérifier avec le service concerné la faisabilité et le calendrier.", at.AddDays(2).AddHours(1));
        var terms = demo.Commitments is { } commitments
            ? new LabelTerms([.. commitments.Select(c => c.Kind == CommitmentKind.Expertise ? c with { ReferentUserId = agent } : c)], null, "Le porteur présente un bilan d'étape au service concerné tous les six mois.")
            : null;
        switch (target)
        {
            case ProjectStatus.ChangesRequested:
                project.RequestChanges(city, agent, "Pouvez-vous préciser les emplacements envisagés pour les boîtes ?", at.AddDays(4));
                break;
            case ProjectStatus.InReview when terms is not null:
                project.ProposeLabel(city, agent, terms, at.AddDays(5));
                break;
            case ProjectStatus.Labelled when terms is not null:
                if (demo.ProposedByAgent)
                {
                    var proposal = project.ProposeLabel(city, agent, terms, at.AddDays(6));
                    project.ConfirmProposal(city, admin, proposal.Id, at.AddDays(7));
                }
                else
                {
                    project.ProposeLabel(city, admin, terms, at.AddDays(7));
                }

                break;
            case ProjectStatus.Declined:
                project.ProposeDecline(city, admin, "La date proposée coïncide avec la fête de la ville, qui accueillera volontiers les associations du quartier.", at.AddDays(6));
                break;
        }
    }

    /// <summary>
    /// What the seeded review did, as the application would have recorded it: the audit log of the
    /// staff's moves and the holders' notifications of the decisions.
    /// </summary>
    private async Task RecordReviewAsync(Municipality city, List<Project> projects, CancellationToken cancellationToken)
    {
        var staffIds = city.Memberships.Select(m => m.UserId).ToList();
        var names = await db.Users.Where(u => staffIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} <{u.Email}>", cancellationToken);
        foreach (var project in projects)
        {
            var link = $"/{city.Slug}/projets/{project.Id}/echanges";
            foreach (var move in project.History.Where(e => e.ByUserId is { } by && names.ContainsKey(by)))
            {
                AuditAction? action = move.Action switch
                {
                    ProjectAction.TakenIntoReview => AuditAction.ProjectTakenIntoReview,
                    ProjectAction.ChangesRequested => AuditAction.ProjectChangesRequested,
                    ProjectAction.DecisionProposed => AuditAction.DecisionProposed,
                    ProjectAction.Labelled => AuditAction.ProjectLabelled,
                    ProjectAction.Declined => AuditAction.ProjectDeclined,
                    _ => null,
                };
                if (action is { } audited)
                {
                    var decision = project.Decisions.FirstOrDefault(d => d.Kind == DecisionKind.Label && (d.ProposedAtUtc == move.AtUtc || d.DecidedAtUtc == move.AtUtc));
                    var details = move.Action switch
                    {
                        ProjectAction.ChangesRequested => project.Messages.Count > 0 ? project.Messages[0].Body : null,
                        ProjectAction.DecisionProposed or ProjectAction.Labelled when decision is not null => ReviewNames.ForAudit(decision, names),
                        _ => move.Reason,
                    };
                    db.AuditEntries.Add(AuditEntry.Record(
                        city.Id, move.ByUserId, names[move.ByUserId!.Value], audited, AuditSubject.Project, project.Id, project.Title, move.AtUtc, details,
                        AuditTrail.Values(("Statut", ProjectLifecycle.Label(move.FromStatus))), AuditTrail.Values(("Statut", ProjectLifecycle.Label(move.ToStatus)))));
                }

                NotificationKind? news = move.Action switch
                {
                    ProjectAction.TakenIntoReview => NotificationKind.ProjectTakenIntoReview,
                    ProjectAction.ChangesRequested => NotificationKind.ChangesRequested,
                    ProjectAction.Labelled => NotificationKind.ProjectLabelled,
                    ProjectAction.Declined => NotificationKind.ProjectDeclined,
                    _ => null,
                };
                if (news is { } kind)
                {
                    var notification = Notification.Create(project.HolderUserId, city.Id, kind, project.Title, move.Reason, link, move.AtUtc);
                    if (kind == NotificationKind.ProjectTakenIntoReview)
                    {
                        notification.MarkRead(move.AtUtc.AddHours(5));
                    }

                    db.Notifications.Add(notification);
                }
            }

            foreach (var note in project.Notes)
            {
                db.AuditEntries.Add(AuditEntry.Record(
                    city.Id, note.AuthorUserId, names[note.AuthorUserId!.Value], AuditAction.ProjectNoteAdded, AuditSubject.Project, project.Id, project.Title, note.AtUtc, note.Body));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> StoreImageAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoProjects).Assembly.GetManifestResourceStream($"Labelkoz.Web.SeedAssets.projects.{name}.png")
            ?? throw new InvalidOperationException($"Missing seed image {name}.");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return await files.SaveAsync("projects", buffer.ToArray(), "png", cancellationToken);
    }
}
