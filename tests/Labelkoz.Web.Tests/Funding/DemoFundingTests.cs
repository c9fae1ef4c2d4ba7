using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>The demo's campaigns are played through the money core: their figures are the ledger's.</summary>
public sealed class DemoFundingTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Montreuil_HasALiveCampaign_AFundedOne_AndARefundedOne_AllFromTheLedger()
    {
        var campaigns = await app.WithDbAsync(db => db.Campaigns.AsNoTracking()
            .Join(db.Projects, c => c.ProjectId, p => p.Id, (c, p) => new { c.Id, c.Status, p.Title, ProjectStatus = p.Status })
            .ToListAsync());
        var totals = await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaigns.Select(c => c.Id).ToList(), CancellationToken.None));

        var oven = campaigns.Single(c => c.Title.StartsWith("Un four à pain", StringComparison.Ordinal));
        Assert.Equal((CampaignStatus.Live, ProjectStatus.Funding), (oven.Status, oven.ProjectStatus));
        Assert.Equal(new CampaignTotals(1_020_00, 1_020_00, 3), totals[oven.Id]);

        var mural = campaigns.Single(c => c.Title.StartsWith("Une fresque", StringComparison.Ordinal));
        Assert.Equal((CampaignStatus.Funded, ProjectStatus.Funded), (mural.Status, mural.ProjectStatus));
        Assert.Equal(3_085_00, totals[mural.Id].RaisedCents);
        var payout = await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.CampaignId == mural.Id));
        Assert.Equal(3_085_00 - 154_25, payout.AmountCents);
        Assert.Equal(PayoutStatus.Due, payout.Status);

        var toys = campaigns.Single(c => c.Title.StartsWith("Une ludothèque", StringComparison.Ordinal));
        Assert.Equal((CampaignStatus.NotFunded, ProjectStatus.NotFunded), (toys.Status, toys.ProjectStatus));
        Assert.Equal(new CampaignTotals(0, 0, 0), totals[toys.Id]);
        Assert.True(await app.WithDbAsync(db => db.Contributions.Where(c => c.CampaignId == toys.Id).AllAsync(c => c.Status == ContributionStatus.Refunded)));

        Assert.Equal(0, await app.WithDbAsync(db => db.LedgerLines.SumAsync(l => l.AmountCents)));
        Assert.Equal(0, await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Escrow(mural.Id), CancellationToken.None)));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == Domain.Notifications.NotificationKind.CampaignFunded)));

        // The sandbox's own records agree with the ledger, payment by payment.
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<Labelkoz.Web.Features.Payments.Reconciler>().ReconcileAsync(PaymentProvider.Sandbox, CancellationToken.None);
        Assert.True(report.Reconciled, string.Join('\n', report.Lines.Select(l => $"{l.PaymentId}: {l.ProcessorCents} / {l.LedgerCents}")));
    }
}
