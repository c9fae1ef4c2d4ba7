using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Funding.Payments;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
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
public sealed class FundingApp : DemoAppFactory
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
    /// A labelled project of Camille's in Montreuil (the city doubles each gift up to
    /// <paramref name="matchCapCents"/>, or no matchfunding) with a live campaign and one tier of
    /// <paramref name="tierQuantity"/> units from 20 €. Returns the campaign's and the tier's ids.
    /// </summary>
    public Task<(long CampaignId, long TierId, long ProjectId)> CreateLiveCampaignAsync(string title, long goalCents = 1_000_00, long? matchCapCents = null, int tierQuantity = 10, CampaignMode mode = CampaignMode.AllOrNothing) =>
        this.WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Slug == "montreuil");
            var holder = await db.Users.Where(u => u.Email == StaffTestKit.Citizen).Select(u => u.Id).SingleAsync();
            var admin = await db.Users.Where(u => u.Email == StaffTestKit.MontreuilAdmin).Select(u => u.Id).SingleAsync();
            var project = Project.StartDraft(city.Id, holder, title, now);
            project.UpdateContent(holder, title, "Un projet financé par les habitants.", "Une description.", ProjectCategory.Sport, null, now);
            project.Submit(holder, ModerationMode.PostModeration, now);
            db.Projects.Add(project);
            await db.SaveChangesAsync();

            project.TakeIntoReview(city, admin, null, now);
            List<CommitmentTerms> commitments = [new CommitmentTerms(CommitmentKind.Land, "Une parcelle", null)];
            if (matchCapCents is { } cap)
            {
                commitments.Add(new CommitmentTerms(CommitmentKind.CoFinancing, "La Ville double chaque don", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: cap));
            }

            project.ProposeLabel(city, admin, new LabelTerms(commitments, null, null), now);
            await db.SaveChangesAsync();

            var campaign = Campaign.Prepare(project, city, holder, now);
            campaign.Configure(holder, goalCents, now.AddDays(30), mode, 5_00, now);
            campaign.AddTier(holder, new TierTerms("Un t-shirt", null, 20_00, tierQuantity, 5_00), now);
            campaign.Launch(project, city, holder, Campaign.DefaultFeeBasisPoints, now);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return (campaign.Id, campaign.Tiers.Single().Id, project.Id);
        });

    /// <summary>
    /// Makes the project an association's (its RNA number <paramref name="rna"/>, which keys the
    /// receipts' numbering) and has Montreuil's admin open its gifts to tax receipts.
    /// </summary>
    public Task OpenReceiptsAsync(long projectId, string rna) =>
        this.WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Slug == "montreuil");
            var admin = await db.Users.Where(u => u.Email == StaffTestKit.MontreuilAdmin).Select(u => u.Id).SingleAsync();
            // The holder's type is the holder's to set while drafting: the test sets it after the fact.
            await db.Projects.IgnoreQueryFilters().Where(p => p.Id == projectId).ExecuteUpdateAsync(set => set
                .SetProperty(p => p.HolderType, HolderType.Association).SetProperty(p => p.OrganisationName, "Les Amis du parc").SetProperty(p => p.Rna, rna));
            var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == projectId);
            project.AllowTaxReceipts(city, admin, ReceiptIssuer.Create("Les Amis du parc", rna, "1 place Jean-Jaurès\n93100 Montreuil", "Animer le parc.", ReceiptQuality.GeneralInterest, "Anne Petit", "La présidente"), now);
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
