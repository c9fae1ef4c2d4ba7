using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

/// <summary>Where a test campaign ends up.</summary>
public enum CampaignState
{
    /// <summary>Prepared by the holder and nothing more: no goal, no end date, no tier.</summary>
    Prepared,

    /// <summary>Configured (goal, end date, mode, tiers), not launched.</summary>
    Draft,

    /// <summary>Launched now, ending in thirty days (or <see cref="CampaignSpec.EndsIn"/>).</summary>
    Live,

    /// <summary>Launched five weeks ago, ended yesterday at or above its goal, settled by the platform (fee, payout due).</summary>
    Funded,

    /// <summary>Launched five weeks ago, ended yesterday below its goal, settled by the platform (refunded).</summary>
    NotFunded,
}

/// <summary>A card contribution paid with the sandbox's accepted card; <paramref name="Tier"/> is an index in <see cref="CampaignSpec.Tiers"/>.</summary>
public sealed record Gift(TestUser From, long Cents, int? Tier = null, string? PublicName = null, DonorIdentity? Donor = null);

/// <summary>What a test campaign is made of; every part has a plausible default.</summary>
public sealed record CampaignSpec
{
    /// <summary>The project's title; "Projet financé N" when null (N unique).</summary>
    public string? Title { get; init; }

    public CampaignState State { get; init; } = CampaignState.Live;

    public long GoalCents { get; init; } = 1_000_00;

    /// <summary>How long after its launch a live or draft campaign ends; thirty days when null.</summary>
    public TimeSpan? EndsIn { get; init; }

    public CampaignMode Mode { get; init; } = CampaignMode.AllOrNothing;

    public TierTerms[] Tiers { get; init; } = [new TierTerms("Un t-shirt", null, 20_00, 10, 5_00)];

    /// <summary>The city doubles each gift up to this cap (a matchfunding commitment in the label), or no matchfunding.</summary>
    public long? MatchCapCents { get; init; }

    /// <summary>
    /// The contributions, in this order. A funded campaign without any gets one of its goal from a
    /// new account, so that it reaches it.
    /// </summary>
    public Gift[] Gifts { get; init; } = [];

    /// <summary>
    /// The project is an association's of general interest, whose gifts the city's admin opened to
    /// tax receipts before the launch: settlement issues a receipt for each gift with a <see cref="Gift.Donor"/>.
    /// </summary>
    public bool TaxReceipts { get; init; }

    /// <summary>
    /// The association that holds the project (its name and RNA number), its gifts not opened to tax
    /// receipts unless <see cref="TaxReceipts"/>; an individual holds it when null (and not <see cref="TaxReceipts"/>).
    /// </summary>
    public (string Name, string Rna)? Association { get; init; }
}

/// <summary>A campaign built for a test, with its project and its tiers in the order of <see cref="CampaignSpec.Tiers"/>.</summary>
public sealed record TestCampaign(long Id, TestProject Project, IReadOnlyList<long> Tiers);

public sealed partial class Given
{
    private const string AcceptedCard = "4242 4242 4242 4242";

    /// <summary>
    /// A labelled project of <paramref name="holder"/> in <paramref name="city"/> and its campaign in
    /// <see cref="CampaignSpec.State"/>. Contributions and settlement go through the real money core
    /// (the sandbox processor, the ledger), on a clock of their own set in the past as needed.
    /// </summary>
    public async Task<TestCampaign> Campaign(TestCity city, TestUser holder, CampaignSpec? spec = null)
    {
        spec ??= new CampaignSpec();
        var now = Now;
        var ended = spec.State is CampaignState.Funded or CampaignState.NotFunded;
        var start = ended ? now.AddDays(-40) : now;
        List<CommitmentTerms> commitments = [new CommitmentTerms(CommitmentKind.Communication, "La Ville relaie la campagne dans le journal municipal")];
        if (spec.MatchCapCents is { } cap)
        {
            commitments.Add(new CommitmentTerms(CommitmentKind.CoFinancing, "La Ville double chaque don", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: cap));
        }

        var project = await Project(city, holder, new ProjectSpec
        {
            Title = spec.Title ?? $"Projet financé {Next()}",
            State = Builders.ProjectState.Labelled,
            Label = new LabelTerms(commitments, null, null),
            At = start,
            HolderType = spec.TaxReceipts || spec.Association is not null ? HolderType.Association : HolderType.Individual,
            Organisation = spec.Association?.Name ?? (spec.TaxReceipts ? "Les Amis du quartier" : null),
            Rna = spec.Association?.Rna ?? (spec.TaxReceipts ? $"W980{Next() % 1_000_000:000000}" : null),
        });
        if (spec.TaxReceipts)
        {
            await InDbAsync(async db =>
            {
                var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
                var labelled = await db.Projects.SingleAsync(p => p.Id == project.Id);
                labelled.AllowTaxReceipts(municipality, city.Admin.Id, ReceiptIssuer.Create(
                    labelled.OrganisationName!, labelled.Rna, "1 place de la Mairie\n98000 Ville", "Animer la vie du quartier.", ReceiptQuality.GeneralInterest, "Anne Petit", "La présidente"), start);
                return await db.SaveChangesAsync();
            });
        }

        var gifts = spec.Gifts;
        if (spec.State == CampaignState.Funded && gifts.Length == 0)
        {
            gifts = [new Gift(await Person(), spec.GoalCents)];
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A live campaign is launched now, as its state says; an ended one five days after its project's label.
        var clock = new FakeTimeProvider(new DateTimeOffset(ended ? start.AddDays(5) : start, TimeSpan.Zero));
        var campaign = await LaunchAsync(db, city, holder, project.Id, spec, clock, ended ? now.AddDays(-1) : now + (spec.EndsIn ?? TimeSpan.FromDays(30)));
        var tiers = campaign.Tiers.OrderBy(t => t.Id).Select(t => t.Id).ToList();
        if (spec.State is CampaignState.Prepared or CampaignState.Draft)
        {
            return new TestCampaign(campaign.Id, project, tiers);
        }

        var (money, sandbox, settlement) = MoneyCore(scope.ServiceProvider, db, clock);
        foreach (var gift in gifts)
        {
            clock.Advance(TimeSpan.FromHours(1));
            var started = await money.StartAsync(
                campaign.Id, gift.From.Id,
                new ContributionRequest(gift.Cents, gift.Tier is { } tier ? tiers[tier] : null, gift.PublicName is null, gift.PublicName, null, $"test-{Guid.NewGuid():N}", gift.Donor),
                id => $"/contributions/{id}", null, CancellationToken.None);
            var payment = await db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync();
            await sandbox.PayAsync(payment, AcceptedCard, CancellationToken.None);
            foreach (var paymentEvent in await db.PaymentEvents.Where(e => e.PaymentId == payment && e.ProcessedAtUtc == null).Select(e => e.Id).ToListAsync())
            {
                await money.ApplyAsync(paymentEvent, CancellationToken.None);
            }

            db.ChangeTracker.Clear();
        }

        if (ended)
        {
            clock.SetUtcNow(new DateTimeOffset(now, TimeSpan.Zero));
            await settlement.SettleDueAsync(CancellationToken.None);
            await settlement.SettleDueAsync(CancellationToken.None);
        }

        return new TestCampaign(campaign.Id, project, tiers);
    }

    private static async Task<Campaign> LaunchAsync(AppDbContext db, TestCity city, TestUser holder, long projectId, CampaignSpec spec, TimeProvider clock, DateTime endsAt)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
        var project = await db.Projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.Id == projectId);
        var campaign = Domain.Funding.Campaign.Prepare(project, municipality, holder.Id, at);
        if (spec.State == CampaignState.Prepared)
        {
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            return campaign;
        }

        campaign.Configure(holder.Id, spec.GoalCents, endsAt, spec.Mode, 5_00, at);
        foreach (var tier in spec.Tiers)
        {
            campaign.AddTier(holder.Id, tier, at);
        }

        if (spec.State != CampaignState.Draft)
        {
            campaign.Launch(project, municipality, holder.Id, Domain.Funding.Campaign.DefaultFeeBasisPoints, at);
        }

        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return campaign;
    }

    /// <summary>The money core on <paramref name="clock"/>, with the sandbox processor and no mail leaving (as the demo's story does).</summary>
    private static (CampaignMoney Money, SandboxPaymentProvider Sandbox, CampaignSettlement Settlement) MoneyCore(IServiceProvider scoped, AppDbContext db, TimeProvider clock)
    {
        var configuration = scoped.GetRequiredService<IConfiguration>();
        var loggers = scoped.GetRequiredService<ILoggerFactory>();
        var sandbox = new SandboxPaymentProvider(db, clock, configuration);
        var providers = new PaymentProviders([sandbox]);
        var notifier = new Notifier(db, clock, new DiscardedMail(), scoped.GetRequiredService<IStringLocalizer<SharedResource>>(), scoped.GetRequiredService<SiteAddress>(), loggers.CreateLogger<Notifier>());
        var receipts = new TaxReceipts(db, clock, configuration);
        var money = new CampaignMoney(db, providers, notifier, receipts, clock, loggers.CreateLogger<CampaignMoney>());
        return (money, sandbox, new CampaignSettlement(db, money, providers, new PayeeAccounts(db, [], providers, clock), receipts, notifier, clock, loggers.CreateLogger<CampaignSettlement>()));
    }

    private sealed class DiscardedMail : IMailSender
    {
        public Task SendAsync(MailMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
