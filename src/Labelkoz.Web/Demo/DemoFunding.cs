using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Demo;

/// <summary>
/// Montreuil's demo campaigns, played through the real money core on a clock set in the past, so
/// every figure comes from the ledger as it would in production: one live campaign with card and
/// cheque contributions and the city's matchfunding, one that reached its goal and was settled
/// (fee and payout due), and one that missed it and was refunded. The sandbox processor takes the
/// cards; no e-mail leaves (the notifications are on the site). Seeded once.
/// </summary>
public sealed class DemoFunding(
    AppDbContext db,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> l,
    SiteAddress site,
    ILoggerFactory loggers)
{
    private const string Camille = "camille@demo.labelkoz.fr";
    private const string Hugo = "hugo@demo.labelkoz.fr";
    private const string Lea = "lea@demo.labelkoz.fr";
    private const string Card = "4242 4242 4242 4242";

    public async Task SeedAsync(Municipality city, IReadOnlyDictionary<string, long> users, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AnyAsync(c => c.MunicipalityId == city.Id, cancellationToken))
        {
            return;
        }

        var clock = new DemoClock(now.AddDays(-60));
        var admin = city.Memberships.First(m => m.Role == StaffRole.Admin).UserId;
        var neighbourhoods = await db.Neighbourhoods.Where(n => n.MunicipalityId == city.Id).ToListAsync(cancellationToken);
        var sandbox = new SandboxPaymentProvider(db, clock, configuration);
        var notifier = new Notifier(db, clock, new DiscardedMail(), l, site, loggers.CreateLogger<Notifier>());
        var receipts = new TaxReceipts(db, clock, configuration);
        var money = new CampaignMoney(db, new PaymentProviders([sandbox]), notifier, receipts, clock, loggers.CreateLogger<CampaignMoney>());
        var settlement = new CampaignSettlement(db, money, new PaymentProviders([sandbox]), new PayeeAccounts(db, [], new PaymentProviders([sandbox]), clock), receipts, notifier, clock, loggers.CreateLogger<CampaignSettlement>());

        // Funded: a mural, 3 000 € asked, ended five days ago above its goal. It is held by an
        // association of general interest whose gifts the city opened to tax receipts: they were
        // issued at settlement, except Léa's second gift, made without her address (she can claim it).
        var mural = await LabelledAsync(
            city, admin, users[Hugo], "Une fresque sur le mur de l'école Jules-Ferry",
            "Une grande fresque peinte avec les enfants et un collectif d'artistes du quartier.",
            "Le mur aveugle de la cour sera peint pendant les vacances de printemps, avec **les enfants de l'école** et le collectif *Couleurs de Montreuil*.\n\nLe financement couvre la peinture, l'échafaudage et la rémunération des artistes.",
            ProjectCategory.Culture, neighbourhoods.Single(n => n.Name == "Bas-Montreuil"), [], clock, cancellationToken, ("Couleurs de Montreuil", "W931000789"));
        mural.AllowTaxReceipts(city, admin, ReceiptIssuer.Create(
            "Couleurs de Montreuil", "W931000789", "14 rue de Paris\n93100 Montreuil", "Favoriser la création artistique dans l'espace public et son partage avec les habitants.",
            ReceiptQuality.GeneralInterest, "Hugo Moreau", "Le président"), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        clock.Set(now.AddDays(-40));
        var muralCampaign = await LaunchAsync(city, mural, users[Hugo], 3_000_00, now.AddDays(-5), CampaignMode.AllOrNothing,
            [new TierTerms("Une carte postale de la fresque", "Tirée en 500 exemplaires, envoyée par la poste.", 15_00, null, 1_00), new TierTerms("Une demi-journée de peinture avec les artistes", "Pour les adultes et les enfants accompagnés.", 60_00, 12, 10_00, new DateOnly(2026, 5, 1))],
            clock, cancellationToken);
        var camille = new DonorIdentity("Camille Leroy", "3 rue de la Fraternité\n93100 Montreuil");
        await ContributeAsync(money, sandbox, clock, muralCampaign, users[Camille], 800_00, null, "Camille D.", "Vivement la fresque !", now.AddDays(-35), cancellationToken, camille);
        await ContributeAsync(money, sandbox, clock, muralCampaign, users[Lea], 60_00, muralCampaign.Tiers[1].Id, "Léa", null, now.AddDays(-30), cancellationToken, new DonorIdentity("Léa Fontaine", "27 avenue Pasteur\n93100 Montreuil"));
        await ContributeAsync(money, sandbox, clock, muralCampaign, users[Camille], 1_500_00, null, null, null, now.AddDays(-20), cancellationToken, camille);
        await ContributeAsync(money, sandbox, clock, muralCampaign, users[Lea], 25_00, muralCampaign.Tiers[0].Id, "Léa", "Pour les enfants de l'école.", now.AddDays(-12), cancellationToken);
        clock.Set(now.AddDays(-8));
        await money.RecordOfflineAsync(muralCampaign.Id, admin, null, 700_00, PaymentMethod.Cheque, "Chèque n° 0012345, Crédit Mutuel", new DonorIdentity("Association des parents d'élèves Jules-Ferry", "12 rue Jules-Ferry, 93100 Montreuil"), false, "demo-offline-mural", cancellationToken);

        // Not funded: a toy library, 8 000 € asked, ended three days ago far from its goal.
        clock.Set(now.AddDays(-50));
        var toys = await LabelledAsync(
            city, admin, users[Lea], "Une ludothèque itinérante dans les parcs",
            "Un triporteur chargé de jeux de société, le mercredi et le samedi dans les parcs de la ville.",
            "Un triporteur électrique, deux cents jeux et une animatrice : la ludothèque vient aux familles, dans les **parcs et les squares**.",
            ProjectCategory.Solidarity, neighbourhoods.Single(n => n.Name == "Montreau – Le Morillon"), [], clock, cancellationToken);
        clock.Set(now.AddDays(-33));
        var toysCampaign = await LaunchAsync(city, toys, users[Lea], 8_000_00, now.AddDays(-3), CampaignMode.AllOrNothing,
            [new TierTerms("Un jeu à votre nom dans la ludothèque", null, 30_00, 50, 0)], clock, cancellationToken);
        await ContributeAsync(money, sandbox, clock, toysCampaign, users[Camille], 50_00, toysCampaign.Tiers[0].Id, "Camille D.", "Bonne chance !", now.AddDays(-25), cancellationToken);
        await ContributeAsync(money, sandbox, clock, toysCampaign, users[Hugo], 120_00, null, null, null, now.AddDays(-18), cancellationToken);
        await ContributeAsync(money, sandbox, clock, toysCampaign, users[Camille], 35_00, toysCampaign.Tiers[0].Id, "Camille D.", null, now.AddDays(-9), cancellationToken);

        // Settled on the day after each end: the platform's job, on the demo clock.
        clock.Set(now.AddDays(-4));
        await settlement.SettleDueAsync(cancellationToken);
        clock.Set(now.AddDays(-2));
        await settlement.SettleDueAsync(cancellationToken);
        await settlement.SettleDueAsync(cancellationToken);

        // Live: a bread oven, the city doubles each gift up to 2 000 €, three weeks left.
        clock.Set(now.AddDays(-30));
        var oven = await LabelledAsync(
            city, admin, users[Camille], "Un four à pain partagé à la Boissière",
            "Un four à bois dans le jardin de la Boissière, pour cuire le pain ensemble chaque samedi.",
            "Un **four à pain** construit en terre par un artisan et les habitants, ouvert chaque samedi matin : on apporte sa pâte, on repart avec son pain.\n\nLe financement couvre les matériaux, l'artisan et l'abri du four.",
            ProjectCategory.Environment, neighbourhoods.Single(n => n.Name == "La Boissière"),
            [new CommitmentTerms(CommitmentKind.CoFinancing, "La Ville double chaque don jusqu'à 2 000 €", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: 2_000_00)],
            clock, cancellationToken);
        clock.Set(now.AddDays(-12));
        var ovenCampaign = await LaunchAsync(city, oven, users[Camille], 6_000_00, now.AddDays(21), CampaignMode.AllOrNothing,
            [new TierTerms("Une fournée de pain à votre nom", "Votre pain cuit dans la première fournée.", 20_00, null, 3_00), new TierTerms("Un atelier de construction du four", "Une journée avec l'artisan pour monter la voûte.", 80_00, 10, 15_00, new DateOnly(2027, 3, 1)), new TierTerms("Une plaque gravée sur l'abri du four", null, 250_00, 3, 20_00, new DateOnly(2027, 6, 1))],
            clock, cancellationToken);
        await ContributeAsync(money, sandbox, clock, ovenCampaign, users[Hugo], 40_00, ovenCampaign.Tiers[0].Id, "Hugo", "Hâte de goûter le premier pain.", now.AddDays(-11), cancellationToken);
        await ContributeAsync(money, sandbox, clock, ovenCampaign, users[Lea], 80_00, ovenCampaign.Tiers[1].Id, "Léa", null, now.AddDays(-9), cancellationToken);
        await ContributeAsync(money, sandbox, clock, ovenCampaign, users[Hugo], 500_00, null, null, null, now.AddDays(-6), cancellationToken);
        await ContributeAsync(money, sandbox, clock, ovenCampaign, users[Lea], 250_00, ovenCampaign.Tiers[2].Id, "Léa", "Pour le quartier !", now.AddDays(-3), cancellationToken);
        clock.Set(now.AddDays(-2));
        await money.RecordOfflineAsync(ovenCampaign.Id, admin, null, 150_00, PaymentMethod.Transfer, "Virement du 25/11, réf. BOULANGERIE-DUPRE", new DonorIdentity("Boulangerie Dupré", "8 rue de la Boissière, 93100 Montreuil"), false, "demo-offline-oven", cancellationToken);
    }

    private async Task<Project> LabelledAsync(Municipality city, long admin, long holder, string title, string summary, string description, ProjectCategory category, Neighbourhood neighbourhood, CommitmentTerms[] extra, DemoClock clock, CancellationToken cancellationToken, (string Name, string Rna)? association = null)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var project = Project.StartDraft(city.Id, holder, title, at);
        project.UpdateContent(holder, title, summary, description, category, neighbourhood, at);
        if (association is { } organisation)
        {
            project.UpdateHolder(holder, HolderType.Association, organisation.Name, organisation.Rna, null, at);
        }

        project.Submit(holder, ModerationMode.PostModeration, at);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        project.TakeIntoReview(city, admin, null, at.AddDays(1));
        project.ProposeLabel(city, admin, new LabelTerms([new CommitmentTerms(CommitmentKind.Communication, "La Ville relaie la campagne dans le journal municipal et sur ses réseaux", 150_000), .. extra], null, null), at.AddDays(3));
        await db.SaveChangesAsync(cancellationToken);
        return project;
    }

    private async Task<Campaign> LaunchAsync(Municipality city, Project project, long holder, long goal, DateTime ends, CampaignMode mode, TierTerms[] tiers, DemoClock clock, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var campaign = Campaign.Prepare(project, city, holder, at);
        campaign.Configure(holder, goal, ends, mode, 5_00, at);
        foreach (var tier in tiers)
        {
            campaign.AddTier(holder, tier, at);
        }

        campaign.Launch(project, city, holder, Campaign.DefaultFeeBasisPoints, at);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>A card contribution paid with the sandbox's accepted test card, confirmed at once.</summary>
    private async Task ContributeAsync(CampaignMoney money, SandboxPaymentProvider sandbox, DemoClock clock, Campaign campaign, long user, long cents, long? tierId, string? publicName, string? message, DateTime at, CancellationToken cancellationToken, DonorIdentity? donor = null)
    {
        clock.Set(at);
        var started = await money.StartAsync(campaign.Id, user, new ContributionRequest(cents, tierId, publicName is null, publicName, message, $"demo-{campaign.Id}-{at.Ticks}", donor), id => $"/contributions/{id}", null, cancellationToken);
        var payment = await db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync(cancellationToken);
        await sandbox.PayAsync(payment, Card, cancellationToken);
        var events = await db.PaymentEvents.Where(e => e.PaymentId == payment && e.ProcessedAtUtc == null).Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var id in events)
        {
            await money.ApplyAsync(id, cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private sealed class DiscardedMail : IMailSender
    {
        public Task SendAsync(MailMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
