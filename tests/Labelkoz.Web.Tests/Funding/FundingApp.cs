using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The application on a clock the test moves, with a sandbox processor that can be made to
/// "crash": throw before or after it refunds, the way a process killed half-way would stop.
/// </summary>
public sealed class FundingApp : AppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public CrashSwitch Crash { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Payments:Sandbox:ConfirmationDelaySeconds", "0");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Crash);
            services.RemoveAll<IPaymentProvider>();
            services.AddScoped<IPaymentProvider>(s => new CrashingProvider(s.GetRequiredService<SandboxPaymentProvider>(), s.GetRequiredService<CrashSwitch>()));
        });
    }

    /// <summary>Runs the funding job once: due payment events, then due campaigns.</summary>
    public async Task RunJobsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await FundingJobService.RunOnceAsync(scope.ServiceProvider, Clock, CancellationToken.None);
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// A labelled project with a live campaign ending in 30 days and one tier of
    /// <paramref name="tierQuantity"/> units from 20 € (the city doubles each gift up to
    /// <paramref name="matchCapCents"/>, or no matchfunding), in <paramref name="city"/> and held by
    /// <paramref name="holder"/>, or in a new city by a new citizen.
    /// </summary>
    public async Task<LiveCampaign> CreateLiveCampaignAsync(string title, long goalCents = 1_000_00, long? matchCapCents = null, int tierQuantity = 10, CampaignMode mode = CampaignMode.AllOrNothing, TestCity? city = null, TestUser? holder = null)
    {
        city ??= await Given.City();
        holder ??= await Given.Citizen();
        var campaign = await Given.Campaign(city, holder, new CampaignSpec
        {
            Title = title,
            GoalCents = goalCents,
            MatchCapCents = matchCapCents,
            Mode = mode,
            Tiers = [new TierTerms("Un t-shirt", null, 20_00, tierQuantity, 5_00)],
        });
        return new LiveCampaign(campaign.Id, campaign.Tiers.Single(), campaign.Project, city, holder);
    }

    /// <summary>
    /// Makes the project an association's (its RNA number <paramref name="rna"/>, which keys the
    /// receipts' numbering) and has its city's admin open its gifts to tax receipts.
    /// </summary>
    public Task OpenReceiptsAsync(LiveCampaign campaign, string rna) =>
        this.WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == campaign.City.Id);
            // The holder's type is the holder's to set while drafting: the test sets it after the fact.
            await db.Projects.IgnoreQueryFilters().Where(p => p.Id == campaign.ProjectId).ExecuteUpdateAsync(set => set
                .SetProperty(p => p.HolderType, HolderType.Association).SetProperty(p => p.OrganisationName, "Les Amis du parc").SetProperty(p => p.Rna, rna));
            var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == campaign.ProjectId);
            project.AllowTaxReceipts(city, campaign.City.Admin.Id, ReceiptIssuer.Create("Les Amis du parc", rna, "1 place du Marché\n98000 Ville", "Animer le parc.", ReceiptQuality.GeneralInterest, "Anne Petit", "La présidente"), now);
            await db.SaveChangesAsync();
            return true;
        });

    public sealed class CrashSwitch
    {
        /// <summary>Refund calls left before the processor throws instead of refunding (null: never).</summary>
        public int? RefundsBeforeCrash { get; set; }

        /// <summary>When set, the processor refunds and then throws, as if the platform died before recording it.</summary>
        public bool CrashAfterRefund { get; set; }

        public int RefundCalls { get; set; }
    }

    private sealed class CrashingProvider(SandboxPaymentProvider inner, CrashSwitch crash) : IPaymentProvider
    {
        public PaymentProvider Kind => inner.Kind;

        public Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken) => inner.StartAsync(request, cancellationToken);

        public async Task<RefundResult> RefundAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken)
        {
            lock (crash)
            {
                crash.RefundCalls++;
                if (crash.RefundsBeforeCrash is { } left)
                {
                    if (left == 0)
                    {
                        throw new IOException("Simulated crash before the refund.");
                    }

                    crash.RefundsBeforeCrash = left - 1;
                }
            }

            var result = await inner.RefundAsync(paymentId, amountCents, idempotencyKey, cancellationToken);
            if (crash.CrashAfterRefund)
            {
                crash.CrashAfterRefund = false;
                throw new IOException("Simulated crash after the refund.");
            }

            return result;
        }
    }
}

/// <summary>A live campaign built for a test, with its project, its one tier, its city (and staff) and its holder.</summary>
public sealed record LiveCampaign(long Id, long TierId, TestProject Project, TestCity City, TestUser Holder)
{
    public long ProjectId => Project.Id;

    public string Title => Project.Title;

    /// <summary>The project's public page (with the title's slug).</summary>
    public string ProjectPath => Project.Path;

    /// <summary>The contribution form.</summary>
    public string ContributePath => $"/{City.Slug}/projets/{ProjectId}/contribuer";

    /// <summary>A contribution's status page.</summary>
    public string StatusPath(long contributionId) => $"/{City.Slug}/projets/{ProjectId}/contributions/{contributionId}";

    /// <summary>The campaign in the city's back office.</summary>
    public string AdminPath => $"/{City.Slug}/admin/campagnes/{Id}";

    /// <summary>What most tests need: <c>var (campaignId, tierId, projectId) = campaign;</c>.</summary>
    public void Deconstruct(out long campaignId, out long tierId, out long projectId) => (campaignId, tierId, projectId) = (Id, TierId, ProjectId);
}
