using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding;

/// <summary>
/// Settles the campaigns whose end date has passed, exactly once, in steps that each survive a
/// crash (DESIGN §6):
/// <list type="number">
/// <item>Start: once no payment is still in flight, the outcome is decided from the ledger and
/// the campaign moves to Settling (one transaction).</item>
/// <item>Funded: the fee, the payout due, the end states and the tax receipts owed, in one
/// transaction: all or nothing.</item>
/// <item>Not funded: each contribution is refunded through its provider with a key of its own (a
/// restart asks again with the same key, and the provider refunds once), and recorded in the
/// ledger once; the campaign ends when none is left.</item>
/// </list>
/// </summary>
public sealed partial class CampaignSettlement(AppDbContext db, CampaignMoney money, PaymentProviders providers, PayeeAccounts payees, TaxReceipts receipts, Notifier notifier, TimeProvider clock, ILogger<CampaignSettlement> logger)
{
    /// <summary>
    /// How long the processor's payment page takes a payment, from its creation: Stripe's shortest
    /// (30 minutes) and one more, for the time between our clock and theirs.
    /// </summary>
    public static readonly TimeSpan CheckoutLifetime = TimeSpan.FromMinutes(31);

    /// <summary>
    /// A payment started this long before now and still unconfirmed is abandoned (its reward unit
    /// goes back): the payment page has closed by then (<see cref="CheckoutLifetime"/>), and its last
    /// confirmation had four more minutes to arrive. A payment confirmed later still is refunded.
    /// </summary>
    public static readonly TimeSpan PendingTimeout = CheckoutLifetime + TimeSpan.FromMinutes(4);

    /// <summary>
    /// How long after a campaign's end its admins may still confirm a cheque or a transfer that waits
    /// for them (one that arrived on the last day): the settlement waits that long for such entries,
    /// then sets them aside, for the city to give the money back (issue #16).
    /// </summary>
    public static readonly TimeSpan OfflineConfirmationGrace = TimeSpan.FromDays(3);

    /// <summary>Settles every due campaign; returns how many reached their end state.</summary>
    public async Task<int> SettleDueAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.Campaigns.IgnoreQueryFilters().AsNoTracking()
            .Where(c => ((c.Status == CampaignStatus.Live || c.Status == CampaignStatus.Paused) && c.EndsAtUtc <= now) || c.Status == CampaignStatus.Settling)
            .OrderBy(c => c.EndsAtUtc)
            .Select(c => c.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var id in due)
        {
            try
            {
                if (await SettleAsync(id, cancellationToken))
                {
                    settled++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One campaign's trouble (a provider down) must not stop the others; it is tried again.
                LogSettlementFailed(logger, exception, id);
            }
        }

        return settled;
    }

    /// <summary>Moves one campaign as far as it can go now; true when it reached its end state.</summary>
    public async Task<bool> SettleAsync(long campaignId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await StartAsync(campaignId, cancellationToken))
        {
            return false;
        }

        var succeeded = await db.Campaigns.IgnoreQueryFilters().Where(c => c.Id == campaignId).Select(c => c.Succeeded).SingleAsync(cancellationToken);
        return succeeded == true
            ? await PayAsync(campaignId, cancellationToken)
            : await RefundAllAsync(campaignId, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} ended; funded: {Funded}.")]
    private static partial void LogEnded(ILogger logger, long campaignId, bool funded);

    [LoggerMessage(Level = LogLevel.Error, Message = "Settlement of campaign {CampaignId} failed; it will be tried again.")]
    private static partial void LogSettlementFailed(ILogger logger, Exception exception, long campaignId);

    /// <summary>Step 1: decides the outcome from the ledger. False while payments are still in flight.</summary>
    private async Task<bool> StartAsync(long campaignId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(campaignId, cancellationToken);
        var campaign = await db.Campaigns.IgnoreQueryFilters().Include(c => c.Tiers).SingleAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign.Status == CampaignStatus.Settling)
        {
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        if (!campaign.IsDue(Now))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        // A payment started before the end may still be confirmed: wait for it, up to the timeout;
        // an offline payment waiting for an admin, up to the grace after the end.
        var pending = await db.Contributions.IgnoreQueryFilters().Where(c => c.CampaignId == campaignId && c.Status == ContributionStatus.Pending).ToListAsync(cancellationToken);
        var abandonedBefore = Now - PendingTimeout;
        var offlineWaits = campaign.EndsAtUtc + OfflineConfirmationGrace > Now;
        if (pending.Any(c => c.AwaitsConfirmation ? offlineWaits : c.CreatedAtUtc > abandonedBefore))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        foreach (var contribution in pending)
        {
            contribution.Fail(
                contribution.TierId is { } tierId ? campaign.Tier(tierId) : null,
                contribution.AwaitsConfirmation ? "Paiement hors ligne non confirmé par un administrateur : à rendre au donateur." : "Paiement abandonné avant la fin de la campagne.",
                Now);
        }

        var totals = await FundingTotals.ForAsync(db, campaignId, cancellationToken);
        campaign.StartSettlement(Settlement.GoalReached(campaign.Mode, campaign.GoalCents, totals), Now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogEnded(logger, campaignId, campaign.Succeeded == true);
        return true;
    }

    /// <summary>Step 2 (funded): the fee and the payout due, then the end states. One transaction.</summary>
    private async Task<bool> PayAsync(long campaignId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(campaignId, cancellationToken);
        var campaign = await db.Campaigns.IgnoreQueryFilters().SingleAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign.Status != CampaignStatus.Settling)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        // Decided funded at the start: a refund since then lowers the figures, not the outcome.
        var totals = await FundingTotals.ForAsync(db, campaignId, cancellationToken);
        var plan = Settlement.Funded(totals, campaign.FeeBasisPoints);
        if (plan.FeeCents > 0)
        {
            await money.AddOnceAsync(LedgerTransaction.Transfer(
                campaign.MunicipalityId, campaign.Id, null, LedgerTransactionKind.PlatformFee, $"campaign:{campaign.Id}:fee",
                LedgerAccount.Escrow(campaign.Id), LedgerAccount.PlatformFees, plan.FeeCents, Now), cancellationToken);
        }

        if (plan.PayoutCents > 0)
        {
            await money.AddOnceAsync(LedgerTransaction.Transfer(
                campaign.MunicipalityId, campaign.Id, null, LedgerTransactionKind.PayoutDue, $"campaign:{campaign.Id}:payout-due",
                LedgerAccount.Escrow(campaign.Id), LedgerAccount.Payable(campaign.Id), plan.PayoutCents, Now), cancellationToken);
            await AddPayoutsAsync(campaign, plan, cancellationToken);
        }

        var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == campaign.ProjectId, cancellationToken);
        campaign.FinishSettlement(project, Now);

        // The receipts the gifts give right to, numbered in this same transaction: all or nothing.
        var cityName = await db.Municipalities.Where(m => m.Id == campaign.MunicipalityId).Select(m => m.Name).SingleAsync(cancellationToken);
        await receipts.IssueOwedAsync(campaign, project, cityName, cancellationToken);
        var contributors = await db.Contributions.IgnoreQueryFilters()
            .Where(c => c.CampaignId == campaignId && c.Status == ContributionStatus.Succeeded && c.ContributorUserId != null)
            .Select(c => c.ContributorUserId!.Value).Distinct().ToListAsync(cancellationToken);
        foreach (var person in contributors.Append(campaign.HolderUserId).Distinct())
        {
            await money.NotifyAsync(campaign, person, NotificationKind.CampaignFunded, null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The payouts of a funded campaign (ADR 18): when the card processor transfers to its own
    /// accounts and the payee is a person, the card money it holds for the campaign (less the fee) is
    /// transferred to the holder's account, and the rest (offline gifts, the city's matchfunding) is
    /// sent by hand; otherwise all of it is sent by hand.
    /// </summary>
    private async Task AddPayoutsAsync(Domain.Funding.Campaign campaign, SettlementPlan plan, CancellationToken cancellationToken)
    {
        if (payees.Card is not { } card || campaign.PaysPublicAccountant)
        {
            db.Payouts.Add(Payout.Due(campaign, plan.PayoutCents, Now));
            return;
        }

        // What the processor holds for the campaign: its standing gifts, less what open disputes withdrew.
        var cardHeld = await db.Contributions.IgnoreQueryFilters()
            .Where(c => c.CampaignId == campaign.Id && c.Provider == card.Kind && c.Status == ContributionStatus.Succeeded)
            .SumAsync(c => c.AmountCents - c.RefundedCents - (c.Dispute == DisputeState.Open ? c.DisputedCents : 0), cancellationToken);
        var (transfer, manual) = Settlement.PayoutParts(plan.PayoutCents, cardHeld, plan.FeeCents);
        if (transfer > 0)
        {
            db.Payouts.Add(Payout.DueByTransfer(campaign, transfer, card.Kind, Now));
        }

        if (manual > 0)
        {
            db.Payouts.Add(Payout.Due(campaign, manual, Now));
        }
    }

    /// <summary>
    /// Step 2 (not funded): refunds each contribution that still stands, one at a time; the
    /// campaign ends when none is left. Resumable at any point.
    /// </summary>
    private async Task<bool> RefundAllAsync(long campaignId, CancellationToken cancellationToken)
    {
        // A payment under dispute waits for the bank's decision (the processor refuses to refund it):
        // lost, it is refunded by the dispute; won, by a later run. The campaign ends when none is left.
        var standing = await db.Contributions.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.CampaignId == campaignId && c.Status == ContributionStatus.Succeeded && c.Dispute != DisputeState.Open)
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        foreach (var contributionId in standing)
        {
            await RefundAsync(campaignId, contributionId, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(campaignId, cancellationToken);
        db.ChangeTracker.Clear();
        var left = await db.Contributions.IgnoreQueryFilters().AnyAsync(c => c.CampaignId == campaignId && (c.Status == ContributionStatus.Succeeded || c.Status == ContributionStatus.Pending), cancellationToken);
        var campaign = await db.Campaigns.IgnoreQueryFilters().SingleAsync(c => c.Id == campaignId, cancellationToken);
        if (left || campaign.Status != CampaignStatus.Settling)
        {
            // Refunds confirmed later by their provider's event finish the job on a later run.
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == campaign.ProjectId, cancellationToken);
        campaign.FinishSettlement(project, Now);
        await money.NotifyAsync(campaign, campaign.HolderUserId, NotificationKind.CampaignNotFunded, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        return true;
    }

    private async Task RefundAsync(long campaignId, long contributionId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();

        // First the intent, saved: after a crash the same refund is asked again with the same key.
        var contribution = await db.Contributions.IgnoreQueryFilters().SingleAsync(c => c.Id == contributionId, cancellationToken);
        if (contribution.Status != ContributionStatus.Succeeded)
        {
            return;
        }

        if (contribution.RefundRequestedAtUtc is null)
        {
            contribution.RequestRefund(Now);
            await db.SaveChangesAsync(cancellationToken);
        }

        // What stands now is asked back (a partial refund may have come before), and booked as asked.
        var asked = contribution.StandingCents;
        RefundResult result;
        if (contribution.Provider == PaymentProvider.Offline)
        {
            // A cheque or a transfer goes back by the city's hand; the ledger records it now.
            result = new RefundResult($"offline-{contribution.Id}", true);
        }
        else
        {
            result = await providers.For(contribution.Provider).RefundAsync(contribution.ProviderPaymentId!, asked, $"refund-contribution-{contribution.Id}", cancellationToken);
        }

        if (!result.Completed)
        {
            // The provider's refund event records it when it is final.
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(campaignId, cancellationToken);
        db.ChangeTracker.Clear();
        contribution = await db.Contributions.IgnoreQueryFilters().Include(c => c.Refunds).SingleAsync(c => c.Id == contributionId, cancellationToken);
        if (contribution.Status == ContributionStatus.Succeeded)
        {
            var campaign = await db.Campaigns.IgnoreQueryFilters().Include(c => c.Tiers).SingleAsync(c => c.Id == campaignId, cancellationToken);
            var refund = contribution.Refund(contribution.TierId is { } tierId ? campaign.Tier(tierId) : null, result.RefundId, asked, afterSettlement: false, Now);
            if (refund is not null)
            {
                await money.RecordRefundAsync(campaign, contribution, refund, cancellationToken);
                if (contribution.ContributorUserId is { } person)
                {
                    await money.NotifyAsync(campaign, person, NotificationKind.ContributionRefunded, contribution.Id, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
    }
}

/// <summary>
/// Applies payment events and settles due campaigns in the background: at start-up (catching up
/// after a restart) and then every <c>Funding:JobIntervalSeconds</c> (5 by default).
/// </summary>
public sealed partial class FundingJobService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<FundingJobService> logger) : BackgroundService
{
    /// <summary>
    /// One pass: due payment events first (they may finish a settlement), then abandoned payments,
    /// then due campaigns. Each event is applied on its own: one that fails is recorded as failed
    /// (tried again later, set aside after <c>Funding:MaxEventFailures</c> failures, 5 by default)
    /// and the others go on; a failure of the expiries does not stop the settlements either.
    /// </summary>
    public static async Task RunOnceAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);
        var db = services.GetRequiredService<AppDbContext>();
        var money = services.GetRequiredService<CampaignMoney>();
        var maxFailures = Math.Clamp(services.GetRequiredService<IConfiguration>().GetValue("Funding:MaxEventFailures", PaymentEvent.MaxFailures), 1, 100);
        var logger = services.GetRequiredService<ILogger<FundingJobService>>();
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.PaymentEvents.AsNoTracking()
            .Where(e => e.ProcessedAtUtc == null && e.SetAsideAtUtc == null && e.AvailableAtUtc <= now)
            .OrderBy(e => e.AvailableAtUtc)
            .ThenBy(e => e.Id)
            .Select(e => e.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var id in events)
        {
            try
            {
                await money.ApplyAsync(id, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await money.RecordFailureAsync(id, exception, maxFailures, cancellationToken);
            }
        }

        try
        {
            await money.ExpireAbandonedAsync(CampaignSettlement.PendingTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStepFailed(logger, exception, "expiry of abandoned payments");
        }

        await services.GetRequiredService<CampaignSettlement>().SettleDueAsync(cancellationToken);

        // Last, the funded campaigns' card money to their holders' own accounts (ADR 18).
        var transfers = services.GetRequiredService<PayoutTransfers>();
        await transfers.SendDueAsync(cancellationToken);

        // And what payees owe after refunds made once their transfer was sent, taken back from it.
        await transfers.RecoverOwedAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Clamp(configuration.GetValue("Funding:JobIntervalSeconds", 5), 1, 3600);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, clock, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogJobFailed(logger, exception, seconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The funding job's {Step} failed; the other steps went on.")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string step);

    [LoggerMessage(Level = LogLevel.Error, Message = "The funding job failed; it runs again in {Seconds} s.")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, int seconds);
}
