using CsCheck;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Property-based tests of the ledger through the real money core (issue #15), with CsCheck: random
/// sequences of contributions (paid, declined, abandoned), partial and full refunds made at the
/// processor (before and after settlement), the job's runs and the clock passing campaigns' ends
/// (funded or not, with the city's match and its cap). After each sequence, whatever it was: every
/// transaction balanced, no escrow below zero, the public totals equal to what stands of each gift,
/// the match within its cap, each tier's stock equal to the contributions holding it, every refund
/// recorded once, and the sandbox reconciled with the ledger to the cent. A failure prints the seed
/// that reproduces it.
/// </summary>
public sealed class LedgerPropertyTests(FundingApp app) : IClassFixture<FundingApp>
{
    private static readonly Gen<(int Kind, int A, int B)> Step = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1_000], Gen.Int[0, 1_000]);

    private static readonly Gen<(int Goal, (int Kind, int A, int B)[] Steps)> Story = Gen.Select(Gen.Int[1, 4], Step.Array[6, 18]);

    [Fact]
    public async Task AnySequenceOfPaymentsRefundsAndSettlements_KeepsTheLedgerTrue()
    {
        var run = 0;
        await Story.SampleAsync(
            async story =>
            {
                run++;
                await PlayAsync(run, story.Goal, story.Steps);
                await AssertInvariantsAsync();
            },
            iter: 12,
            threads: 1);
    }

    private async Task PlayAsync(int run, int goal, (int Kind, int A, int B)[] steps)
    {
        var live = await app.CreateLiveCampaignAsync($"Un parc (propriété {run})", goalCents: goal * 100_00, matchCapCents: 120_00, tierQuantity: 3);
        var gifts = new List<long>();
        var n = 0;
        foreach (var (kind, a, b) in steps)
        {
            n++;
            switch (kind)
            {
                case 0 or 1:
                    // A gift of 5 to 200 €, with the tier or not, paid with an accepted card, a declined one, or abandoned.
                    var cents = 5_00 + (a * 19_500L / 1_000);
                    var card = kind == 1 ? null : b % 5 == 0 ? "4000 0000 0000 0002" : "4242 4242 4242 4242";
                    if (await StartAsync(live, cents, b % 2 == 0, card, $"p{run}-{n}") is { } id)
                    {
                        gifts.Add(id);
                    }

                    break;
                case 2 or 3 when gifts.Count > 0:
                    // The processor refunds part (or all) of a paid gift: a donor's request, say.
                    var gift = gifts[a % gifts.Count];
                    var payment = await app.WithDbAsync(db => db.SandboxPayments.AsNoTracking().SingleAsync(p => db.Contributions.Any(c => c.Id == gift && c.ProviderPaymentId == p.Id)));
                    var left = payment.AmountCents - payment.RefundedCents;
                    if (payment.Status == SandboxPaymentStatus.Succeeded && left > 0)
                    {
                        var refund = kind == 3 ? left : 1 + (b % left);
                        await app.WithServiceAsync<SandboxPaymentProvider, RefundResult>(s => s.RefundAsync(payment.Id, refund, $"prop-{run}-{n}", CancellationToken.None));
                    }

                    break;
                case 4:
                    await app.RunJobsAsync();
                    break;
                case 5:
                    // Time passes: up to three weeks, so campaigns end (and are settled) along the way.
                    app.Clock.Advance(TimeSpan.FromDays(a % 22));
                    await app.RunJobsAsync();
                    break;
            }
        }

        // Everything the processor said is applied; abandoned payments expire; settlements finish.
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await app.RunJobsAsync();
        }
    }

    private async Task<long?> StartAsync(LiveCampaign live, long cents, bool withTier, string? card, string key)
    {
        var donor = await app.Given.Person();
        ContributionStarted started;
        try
        {
            started = await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
                live.Id, donor.Id, new ContributionRequest(cents, withTier ? live.TierId : null, false, "Donatrice", null, key, null), id => $"/retour/{id}", null, CancellationToken.None));
        }
        catch (DomainException)
        {
            // Sold out, below the tier's minimum, the campaign ended: refused, nothing written.
            return null;
        }

        if (card is not null)
        {
            var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
            await app.WithServiceAsync<SandboxPaymentProvider, SandboxPaymentStatus>(s => s.PayAsync(payment, card, CancellationToken.None));
        }

        return started.ContributionId;
    }

    private async Task AssertInvariantsAsync()
    {
        var unbalanced = await app.WithDbAsync(db => db.LedgerLines.GroupBy(l => l.TransactionId).Where(g => g.Sum(l => l.AmountCents) != 0).CountAsync());
        Assert.Equal(0, unbalanced);

        var escrows = await app.WithDbAsync(db => db.LedgerLines.Where(l => l.AccountKind == LedgerAccountKind.CampaignEscrow)
            .GroupBy(l => l.AccountReference).Select(g => new { Campaign = g.Key, Cents = g.Sum(l => l.AmountCents) }).ToListAsync());
        Assert.All(escrows, e => Assert.True(e.Cents >= 0, $"Escrow of campaign {e.Campaign}: {e.Cents}"));

        var contributions = await app.WithDbAsync(db => db.Contributions.AsNoTracking().Include(c => c.Refunds).ToListAsync());
        Assert.All(contributions, c =>
        {
            Assert.InRange(c.RefundedCents, 0, c.AmountCents);
            Assert.Equal(c.RefundedCents, c.Refunds.Sum(r => r.AmountCents));
            Assert.Equal(c.Refunds.Count, c.Refunds.Select(r => r.ProviderRefundId).Distinct().Count());
            Assert.Equal(c.Status == ContributionStatus.Refunded, c.Status is ContributionStatus.Succeeded or ContributionStatus.Refunded && c.StandingCents == 0);
        });

        var campaigns = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().Include(c => c.Tiers).ToListAsync());
        var totals = await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaigns.Select(c => c.Id).ToList(), CancellationToken.None));
        foreach (var campaign in campaigns)
        {
            var mine = contributions.Where(c => c.CampaignId == campaign.Id).ToList();
            var standing = mine.Where(c => c.Status == ContributionStatus.Succeeded).Sum(c => c.StandingCents);
            Assert.Equal(standing, totals[campaign.Id].ContributedCents);
            Assert.InRange(totals[campaign.Id].MatchedCents, 0, campaign.Matchfunding?.CapCents ?? 0);
            foreach (var tier in campaign.Tiers)
            {
                Assert.Equal(mine.Count(c => c.TierId == tier.Id && c.HoldsReward && c.Status is ContributionStatus.Pending or ContributionStatus.Succeeded), tier.Taken);
            }

            if (campaign.Status == CampaignStatus.NotFunded)
            {
                Assert.Equal(0, standing + totals[campaign.Id].MatchedCents);
            }
        }

        var report = await app.WithServiceAsync<Reconciler, ReconciliationReport>(r => r.ReconcileAsync(PaymentProvider.Sandbox, CancellationToken.None));
        Assert.True(report.Reconciled, string.Join('\n', report.Lines.Select(l => $"{l.PaymentId} (contribution {l.ContributionId}): {l.ProcessorCents} at the processor, {l.LedgerCents} in the ledger")));
    }
}
