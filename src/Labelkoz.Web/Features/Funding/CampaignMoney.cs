using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding;

/// <summary>What a person asks to give, as typed on the contribution form (amounts in cents).</summary>
public sealed record ContributionRequest(
    long AmountCents,
    long? TierId,
    bool IsAnonymous,
    string? PublicName,
    string? Message,
    string IdempotencyKey,
    DonorIdentity? Donor);

/// <summary>An offline payment as staff recorded it: whether it waits for an admin's confirmation, whether the form was a replay.</summary>
public sealed record OfflineRecorded(long ContributionId, bool AwaitsConfirmation, bool Replayed);

/// <summary>A contribution and where its contributor pays (null: nothing to pay, e.g. a replay of a paid one).</summary>
public sealed record ContributionStarted(long ContributionId, ContributionStatus Status, Uri? PaymentUrl);

/// <summary>
/// Every movement of money on a campaign, each in one database transaction that first takes the
/// campaign's row lock (<see cref="Campaign.MoneyMoves"/>): contributions, reward stock, payment
/// events and the ledger on one campaign happen one after the other, whatever runs in parallel.
/// Each ledger transaction has a key unique in the database, so a replay moves nothing.
/// </summary>
public sealed partial class CampaignMoney(AppDbContext db, PaymentProviders providers, Notifier notifier, TaxReceipts receipts, TimeProvider clock, ILogger<CampaignMoney> logger)
{
    /// <summary>
    /// Starts a card contribution: the reward unit is held, then the processor's payment is
    /// created. The same form key (a double click, a refresh, a replay) returns the same contribution
    /// and the same payment: never two.
    /// </summary>
    public async Task<ContributionStarted> StartAsync(long campaignId, long userId, ContributionRequest request, Func<long, string> returnUrl, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(returnUrl);
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > Contribution.KeyMaxLength)
        {
            throw new DomainException(ContributionRefusals.FormExpired);
        }

        Contribution contribution;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(campaignId, cancellationToken);
            var existing = await db.Contributions.SingleOrDefaultAsync(c => c.CampaignId == campaignId && c.IdempotencyKey == request.IdempotencyKey, cancellationToken);
            if (existing is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                existing.EnsureSameRequest(userId, request.AmountCents, request.TierId);
                contribution = existing;
            }
            else
            {
                var campaign = await db.Campaigns.Include(c => c.Tiers).SingleAsync(c => c.Id == campaignId, cancellationToken);
                var tier = request.TierId is { } tierId ? campaign.Tier(tierId) : null;
                Contribution.EnsureOneHoldPerPerson(tier, tier is not null && await db.Contributions.AnyAsync(
                    c => c.CampaignId == campaignId && c.ContributorUserId == userId && c.TierId == tier.Id && c.Status == ContributionStatus.Pending, cancellationToken));
                contribution = Contribution.Start(campaign, tier, userId, request.AmountCents, request.IsAnonymous, request.PublicName, request.Message, providers.Card.Kind, request.IdempotencyKey, request.Donor, Now);
                db.Contributions.Add(contribution);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (contribution.Status != ContributionStatus.Pending)
        {
            return new ContributionStarted(contribution.Id, contribution.Status, null);
        }

        // Outside the lock: a processor call may be slow. Its own key makes it idempotent too.
        var provider = providers.For(contribution.Provider);
        PaymentStart payment;
        try
        {
            payment = await provider.StartAsync(
                new PaymentRequest(contribution.Id, contribution.AmountCents, $"Contribution n° {contribution.Id}", $"contribution-{contribution.Id}", returnUrl(contribution.Id), returnUrl(contribution.Id), email, Now + CampaignSettlement.CheckoutLifetime, contribution.CampaignId),
                cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or DomainException))
        {
            // The processor is down or refused: the contribution stays pending (its unit expires if
            // nobody comes back) and the same form, sent again, resumes it with the same keys.
            LogProviderFailed(logger, exception, contribution.Provider, contribution.Id);
            throw new DomainException(FundingPageRefusals.ProviderUnavailable);
        }

        if (contribution.ProviderPaymentId is null)
        {
            // Replays of the same form race here with the same payment (the processor's key): the
            // first one writes it, the others find it written.
            await db.Contributions.Where(c => c.Id == contribution.Id && c.ProviderPaymentId == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ProviderPaymentId, payment.PaymentId).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }

        return new ContributionStarted(contribution.Id, contribution.Status, payment.RedirectUrl);
    }

    /// <summary>
    /// Staff record a cheque or a transfer they received: it counts at once, matchfunding included,
    /// unless it waits for a second person (<see cref="Contribution.OfflineNeedsConfirmation"/>):
    /// then it holds its reward unit and nothing is booked until an admin confirms it
    /// (<see cref="ConfirmOfflineAsync"/>). A replayed key returns the contribution it made.
    /// <paramref name="record"/> is called only when the contribution is new, with its id known and
    /// before the commit: the audit line it adds is written in the same transaction.
    /// </summary>
    public async Task<OfflineRecorded> RecordOfflineAsync(
        long campaignId, long staffUserId, long? tierId, long amountCents, PaymentMethod method, string? reference, DonorIdentity donor, bool isAnonymous, string idempotencyKey,
        CancellationToken cancellationToken, Func<Contribution, Task>? record = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(campaignId, cancellationToken);
        var existing = await db.Contributions.Where(c => c.CampaignId == campaignId && c.IdempotencyKey == idempotencyKey)
            .Select(c => new { c.Id, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new OfflineRecorded(existing.Id, existing.Status == ContributionStatus.Pending, Replayed: true);
        }

        var campaign = await db.Campaigns.Include(c => c.Tiers).SingleAsync(c => c.Id == campaignId, cancellationToken);
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == campaign.MunicipalityId, cancellationToken);
        var tier = tierId is { } t ? campaign.Tier(t) : null;
        var contribution = Contribution.RecordOffline(campaign, city, staffUserId, tier, amountCents, method, reference, donor, isAnonymous, idempotencyKey, Now);
        db.Contributions.Add(contribution);
        await db.SaveChangesAsync(cancellationToken);
        if (!contribution.AwaitsConfirmation)
        {
            await RecordPaidAsync(campaign, contribution, cancellationToken);
        }

        if (record is not null)
        {
            await record(contribution);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OfflineRecorded(contribution.Id, contribution.AwaitsConfirmation, Replayed: false);
    }

    /// <summary>
    /// A city admin confirms an offline payment that waited for them (four eyes, issue #16): under
    /// the campaign's lock, the domain checks who confirms and when, then the money is booked with
    /// the city's match, once. Returns false on a replay. <paramref name="record"/> adds the audit
    /// line in the same transaction.
    /// </summary>
    public async Task<bool> ConfirmOfflineAsync(long contributionId, long adminUserId, Func<Contribution, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (campaign, city, contribution, transaction) = await OfflineUnderLockAsync(contributionId, cancellationToken);
        await using (transaction)
        {
            if (!contribution.ConfirmOffline(campaign, city, adminUserId, Now))
            {
                return false;
            }

            await RecordPaidAsync(campaign, contribution, cancellationToken);
            await record(contribution);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }

    /// <summary>
    /// A city admin (or the one who typed it) sets aside an offline payment that waited: it never
    /// counts, its reward unit goes back. <paramref name="record"/> adds the audit line, given the
    /// reason as the domain kept it.
    /// </summary>
    public async Task RejectOfflineAsync(long contributionId, long staffUserId, string? reason, Func<Contribution, string, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (campaign, city, contribution, transaction) = await OfflineUnderLockAsync(contributionId, cancellationToken);
        await using (transaction)
        {
            var tier = contribution.TierId is { } tierId ? campaign.Tier(tierId) : null;
            var why = contribution.RejectOffline(campaign, city, staffUserId, tier, reason, Now);
            await record(contribution, why);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<(Domain.Funding.Campaign Campaign, Domain.Municipalities.Municipality City, Contribution Contribution, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction)> OfflineUnderLockAsync(
        long contributionId, CancellationToken cancellationToken)
    {
        var campaignId = await db.Contributions.Where(c => c.Id == contributionId).Select(c => c.CampaignId).SingleAsync(cancellationToken);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await LockAsync(campaignId, cancellationToken);
            var contribution = await db.Contributions.SingleAsync(c => c.Id == contributionId, cancellationToken);
            var campaign = await db.Campaigns.Include(c => c.Tiers).SingleAsync(c => c.Id == campaignId, cancellationToken);
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == campaign.MunicipalityId, cancellationToken);
            return (campaign, city, contribution, transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Applies one provider event, once: what it does to the contribution is the domain's decision
    /// (<see cref="PaymentEventRules"/>, applied by <see cref="Contribution.ApplyPaymentEvent"/>);
    /// this books the money it names in the ledger, asks the processor for a late payment's refund
    /// and tells the contributor. An event for a payment not known yet waits.
    /// </summary>
    public async Task ApplyAsync(long eventId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var known = await db.PaymentEvents.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
        if (known.ProcessedAtUtc is not null)
        {
            return;
        }

        var campaignId = await db.Contributions.IgnoreQueryFilters()
            .Where(c => c.Provider == known.Provider && c.ProviderPaymentId == known.PaymentId)
            .Select(c => (long?)c.CampaignId)
            .SingleOrDefaultAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (campaignId is { } id)
        {
            await LockAsync(id, cancellationToken);
        }

        var paymentEvent = await db.PaymentEvents.SingleAsync(e => e.Id == eventId, cancellationToken);
        if (paymentEvent.ProcessedAtUtc is not null)
        {
            return;
        }

        if (campaignId is null)
        {
            var unknown = PaymentEventRules.ForUnknownPayment(paymentEvent.ReceivedAtUtc, Now);
            if (unknown.Action == PaymentEventAction.Wait)
            {
                paymentEvent.Deferred(unknown.Outcome, Now);
            }
            else
            {
                paymentEvent.Processed(unknown.Outcome, Now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var contribution = await db.Contributions.IgnoreQueryFilters().Include(c => c.Refunds)
            .SingleAsync(c => c.Provider == paymentEvent.Provider && c.ProviderPaymentId == paymentEvent.PaymentId, cancellationToken);
        var campaign = await db.Campaigns.IgnoreQueryFilters().Include(c => c.Tiers).SingleAsync(c => c.Id == contribution.CampaignId, cancellationToken);
        var tier = contribution.TierId is { } tierId ? campaign.Tier(tierId) : null;
        var before = contribution.Status;

        // The domain decides (PaymentEventRules) and moves the contribution; here, only the I/O it names.
        var (decision, refund) = contribution.ApplyPaymentEvent(paymentEvent, tier, campaign.Status == CampaignStatus.Funded, Now);
        var outcome = decision.Outcome;
        if (decision.RefundsAtProcessor)
        {
            var late = await providers.For(contribution.Provider).RefundAsync(paymentEvent.PaymentId, contribution.AmountCents, $"late-refund-{contribution.Id}", cancellationToken);
            outcome = decision.OutcomeWithRefund(late.RefundId);
        }

        if (decision.BooksPayment)
        {
            await RecordPaidAsync(campaign, contribution, cancellationToken);
        }

        if (decision.Action is PaymentEventAction.OpenDispute or PaymentEventAction.WinDispute)
        {
            await RecordDisputeAsync(campaign, contribution, paymentEvent, cancellationToken);
        }

        if (refund is not null)
        {
            await RecordRefundAsync(campaign, contribution, refund, cancellationToken);
            outcome = RefundOutcome(contribution, refund);
        }
        else if (decision.BooksRefund)
        {
            outcome = "Remboursement déjà enregistré : rien à faire.";
        }

        // The contributor hears of every change: a refund, even partial, included.
        var kind = refund is not null ? NotificationKind.ContributionRefunded
            : before == contribution.Status ? (NotificationKind?)null
            : contribution.Status switch
            {
                ContributionStatus.Succeeded => NotificationKind.ContributionConfirmed,
                ContributionStatus.Failed => NotificationKind.ContributionDeclined,
                _ => null,
            };
        if (contribution.ContributorUserId is { } contributor && kind is { } told)
        {
            await NotifyAsync(campaign, contributor, told, contribution.Id, cancellationToken);
        }

        if (decision.Action == PaymentEventAction.Wait)
        {
            // Known payment, not confirmed yet (a dispute before the payment's own event): later.
            paymentEvent.Deferred(outcome, Now);
        }
        else
        {
            paymentEvent.Processed(outcome, Now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        LogApplied(logger, paymentEvent.EventId, paymentEvent.Type, contribution.Id, outcome);
    }

    /// <summary>
    /// The operator asks the processor to give back part or all of a contribution (a donor's
    /// request, a mistake): checked by the domain (<see cref="Contribution.EnsureRefundable"/>), then
    /// asked with the form's key, so a form posted twice refunds once. Nothing is booked here: the
    /// processor's refund event records it (<see cref="ApplyAsync"/>), before or after the campaign's
    /// settlement alike. <paramref name="record"/> writes the audit line (given the processor's
    /// refund, so that a replay of the form does not write it twice). Returns the processor's refund.
    /// </summary>
    public async Task<RefundResult> RequestRefundAsync(long contributionId, long amountCents, string? reason, string formKey, Func<Contribution, string, RefundResult, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(formKey) || formKey.Length > Contribution.KeyMaxLength)
        {
            throw new DomainException(ContributionRefusals.FormExpired);
        }

        var campaignId = await db.Contributions.IgnoreQueryFilters().Where(c => c.Id == contributionId).Select(c => c.CampaignId).SingleAsync(cancellationToken);

        // Under the campaign's lock: the same form posted twice at once asks the processor one after
        // the other, with the same key, and the second finds the refund the first made.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(campaignId, cancellationToken);
        var contribution = await db.Contributions.IgnoreQueryFilters().SingleAsync(c => c.Id == contributionId, cancellationToken);
        var why = contribution.EnsureRefundable(amountCents, reason);
        var result = await providers.For(contribution.Provider).RefundAsync(contribution.ProviderPaymentId!, amountCents, $"operator-refund-{contribution.Id}-{formKey}", cancellationToken);
        contribution.RequestRefund(Now);
        await record(contribution, why, result);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Applying an event failed, and nothing of it was saved (its transaction rolled back): the
    /// event records the failure in a transaction of its own, to be tried again later or, after
    /// <paramref name="maxFailures"/> failures in a row, set aside for the operator
    /// (<see cref="PaymentEvent.Failed"/>). Returns true when this failure set it aside.
    /// </summary>
    public async Task<bool> RecordFailureAsync(long eventId, Exception error, int maxFailures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        db.ChangeTracker.Clear();
        var paymentEvent = await db.PaymentEvents.SingleAsync(e => e.Id == eventId, cancellationToken);
        var setAside = paymentEvent.Failed($"{error.GetType().Name}: {error.Message}", Now, maxFailures);
        await db.SaveChangesAsync(cancellationToken);
        if (setAside)
        {
            LogSetAside(logger, error, paymentEvent.EventId, paymentEvent.Provider, paymentEvent.Failures);
        }
        else
        {
            LogEventFailed(logger, error, paymentEvent.EventId, paymentEvent.Provider, paymentEvent.Failures, paymentEvent.AvailableAtUtc);
        }

        return setAside;
    }

    /// <summary>
    /// Gives back the reward units of card payments started long ago and never confirmed (the person
    /// left the processor's page): the contribution fails. A payment confirmed later is refunded
    /// (see <see cref="ApplyAsync"/>). Returns how many expired.
    /// </summary>
    public async Task<int> ExpireAbandonedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var before = Now - timeout;
        var abandoned = await db.Contributions.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == ContributionStatus.Pending && c.Provider != PaymentProvider.Offline && c.CreatedAtUtc < before)
            .Select(c => new { c.Id, c.CampaignId })
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var one in abandoned)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockAsync(one.CampaignId, cancellationToken);
            var contribution = await db.Contributions.IgnoreQueryFilters().SingleAsync(c => c.Id == one.Id, cancellationToken);
            var campaign = await db.Campaigns.IgnoreQueryFilters().Include(c => c.Tiers).SingleAsync(c => c.Id == one.CampaignId, cancellationToken);
            contribution.Fail(contribution.TierId is { } tierId ? campaign.Tier(tierId) : null, "Paiement abandonné : il n'a pas été confirmé à temps.", Now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return abandoned.Count;
    }

    /// <summary>
    /// Tells one person about their contribution (or, without one, about the campaign): the link
    /// goes to the contribution's status page, or to the project.
    /// </summary>
    internal async Task NotifyAsync(Domain.Funding.Campaign campaign, long userId, NotificationKind kind, long? contributionId, CancellationToken cancellationToken)
    {
        var where = await db.Projects.IgnoreQueryFilters()
            .Where(p => p.Id == campaign.ProjectId)
            .Select(p => new { p.Title, Slug = db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Slug).Single() })
            .SingleAsync(cancellationToken);
        var link = contributionId is { } id ? $"/{where.Slug}/projets/{campaign.ProjectId}/contributions/{id}" : $"/{where.Slug}/projets/{campaign.ProjectId}";
        notifier.Notify(userId, campaign.MunicipalityId, kind, where.Title, null, link);
    }

    /// <summary>Takes the campaign's row lock for the rest of the current transaction.</summary>
    internal Task LockAsync(long campaignId, CancellationToken cancellationToken) => LockAsync(db, campaignId, cancellationToken);

    /// <summary>Takes the campaign's row lock for the rest of the current transaction of <paramref name="db"/>.</summary>
    internal static async Task LockAsync(AppDbContext db, long campaignId, CancellationToken cancellationToken)
    {
        var locked = await db.Campaigns.IgnoreQueryFilters().Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.MoneyMoves, c => c.MoneyMoves + 1), cancellationToken);
        if (locked == 0)
        {
            throw new DomainException(FundingPageRefusals.UnknownCampaign);
        }
    }

    /// <summary>The contribution's money enters the escrow, with the city's match up to its cap. Once.</summary>
    internal async Task RecordPaidAsync(Domain.Funding.Campaign campaign, Contribution contribution, CancellationToken cancellationToken)
    {
        if (!await AddOnceAsync(LedgerTransaction.Transfer(
                campaign.MunicipalityId, campaign.Id, contribution.Id, LedgerTransactionKind.Contribution, contribution.LedgerKey(LedgerStep.Paid),
                LedgerAccount.Clearing(contribution.Provider), LedgerAccount.Escrow(campaign.Id), contribution.AmountCents, Now), cancellationToken))
        {
            return;
        }

        if (campaign.MatchfundingOf(contribution.ContributorUserId) is not { } match)
        {
            // No match, or the holder's own gift: never matched (issue #16).
            return;
        }

        // Pending additions of this unit of work count too (the lock makes the database's figure exact).
        var matched = await FundingTotals.ForAsync(db, campaign.Id, cancellationToken);
        var cents = match.MatchFor(contribution.AmountCents, matched.MatchedCents + PendingMatched(campaign.Id));
        if (cents > 0)
        {
            await AddOnceAsync(LedgerTransaction.Transfer(
                campaign.MunicipalityId, campaign.Id, contribution.Id, LedgerTransactionKind.Matchfunding, contribution.LedgerKey(LedgerStep.Matched),
                LedgerAccount.Matchfunding(campaign.MunicipalityId), LedgerAccount.Escrow(campaign.Id), cents, Now), cancellationToken);
        }
    }

    /// <summary>
    /// Books one refund the contribution recorded (<see cref="Contribution.Refund"/>), once, by its
    /// id (ADR 17). Before settlement, the refunded money leaves the escrow and the city's match of
    /// the gift is reduced in proportion to what stands (<see cref="Settlement.MatchStanding"/>).
    /// After a funded settlement, the platform gives back the fee the money had paid and the payee's
    /// side bears the rest: the payout while it is due (it shrinks), a debt of the payee once it was
    /// sent; the city's match stays settled; a tax receipt on the gift is cancelled (and replaced for
    /// what stands). Runs in the caller's transaction, under the campaign's lock.
    /// </summary>
    internal async Task RecordRefundAsync(Domain.Funding.Campaign campaign, Contribution contribution, ContributionRefund refund, CancellationToken cancellationToken)
    {
        var key = contribution.LedgerKey(refund);
        if (refund.AfterSettlement)
        {
            await RecordRefundAfterSettlementAsync(campaign, contribution, refund, key, cancellationToken);
            return;
        }

        if (!await AddOnceAsync(LedgerTransaction.Transfer(
                campaign.MunicipalityId, campaign.Id, contribution.Id, LedgerTransactionKind.Refund, key,
                LedgerAccount.Escrow(campaign.Id), RefundedTo(contribution, refund), refund.AmountCents, Now), cancellationToken))
        {
            return;
        }

        var matched = await EscrowSumAsync(contribution.Id, LedgerTransactionKind.Matchfunding, cancellationToken);
        if (matched <= 0)
        {
            return;
        }

        var returned = -await EscrowSumAsync(contribution.Id, LedgerTransactionKind.MatchfundingReturned, cancellationToken);
        var toReturn = matched - Settlement.MatchStanding(matched, contribution.AmountCents, contribution.StandingCents) - returned;
        if (toReturn > 0)
        {
            await AddOnceAsync(LedgerTransaction.Transfer(
                campaign.MunicipalityId, campaign.Id, contribution.Id, LedgerTransactionKind.MatchfundingReturned, $"{key}:match-returned",
                LedgerAccount.Escrow(campaign.Id), LedgerAccount.Matchfunding(campaign.MunicipalityId), toReturn, Now), cancellationToken);
        }
    }

    private async Task RecordRefundAfterSettlementAsync(Domain.Funding.Campaign campaign, Contribution contribution, ContributionRefund refund, string key, CancellationToken cancellationToken)
    {
        if (await db.LedgerTransactions.IgnoreQueryFilters().AnyAsync(t => t.IdempotencyKey == key, cancellationToken))
        {
            return;
        }

        var totals = await FundingTotals.ForAsync(db, campaign.Id, cancellationToken);
        var split = Settlement.RefundAfterSettlement(totals.ContributedAtSettlementCents, totals.RefundedAfterSettlementCents, refund.AmountCents, campaign.FeeBasisPoints);
        // Taken first from the payout that carries this gift's money (the processor's transfer for a
        // card gift, ADR 18), then from the other while it is due; what no due payout covers, the payee owes.
        var payouts = await db.Payouts.IgnoreQueryFilters().Where(p => p.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var fromPayout = 0L;
        foreach (var payout in payouts.Where(p => p.Status == PayoutStatus.Due).OrderBy(p => p.Provider == contribution.Provider ? 0 : 1).ThenBy(p => p.Id))
        {
            var taken = Math.Min(split.FromPayeeCents - fromPayout, payout.AmountCents);
            if (taken > 0)
            {
                payout.Reduce(taken, Now);
                fromPayout += taken;
            }
        }

        var owed = split.FromPayeeCents - fromPayout;
        List<(LedgerAccount, long)> lines = [(RefundedTo(contribution, refund), refund.AmountCents)];
        if (split.FeeReturnedCents > 0)
        {
            lines.Add((LedgerAccount.PlatformFees, -split.FeeReturnedCents));
        }

        if (fromPayout > 0)
        {
            lines.Add((LedgerAccount.Payable(campaign.Id), -fromPayout));
        }

        if (owed > 0)
        {
            lines.Add((LedgerAccount.Receivable(campaign.Id), -owed));
        }

        await AddOnceAsync(LedgerTransaction.Record(campaign.MunicipalityId, campaign.Id, contribution.Id, LedgerTransactionKind.RefundAfterSettlement, key, Now, lines), cancellationToken);
        await receipts.ReviseForRefundAsync(campaign, contribution, refund, cancellationToken);
        if (owed > 0)
        {
            LogPayeeOwes(logger, campaign.Id, owed);
        }
    }

    /// <summary>
    /// Where a refund's money goes: back to the processor (its clearing account), or, for a lost
    /// dispute, to the disputes account the processor's withdrawal was booked against when it opened.
    /// </summary>
    private static LedgerAccount RefundedTo(Contribution contribution, ContributionRefund refund) =>
        refund.ByDispute ? LedgerAccount.Disputes(contribution.Provider) : LedgerAccount.Clearing(contribution.Provider);

    /// <summary>
    /// Books a dispute's money, once per dispute and step (ADR 17): when it opens, the processor took
    /// the amount and its fee (the platform advances the amount on its disputes account and bears the
    /// fee); when it is won, the processor gives the amount back, and the fee if it says so. A lost
    /// dispute is a refund (<see cref="RecordRefundAsync"/>). The campaign's figures do not move
    /// while a dispute is open.
    /// </summary>
    private async Task RecordDisputeAsync(Domain.Funding.Campaign campaign, Contribution contribution, PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        var disputeId = paymentEvent.RefundId ?? paymentEvent.EventId;
        if (contribution.DisputeId != disputeId)
        {
            return;
        }

        var clearing = LedgerAccount.Clearing(contribution.Provider);
        var disputes = LedgerAccount.Disputes(contribution.Provider);
        var fee = paymentEvent.FeeCents ?? 0;
        List<(LedgerAccount, long)> lines;
        LedgerTransactionKind kind;
        string step;
        if (paymentEvent.Type == PaymentEventType.DisputeOpened)
        {
            (kind, step, lines) = (LedgerTransactionKind.DisputeOpened, "opened", [(clearing, contribution.DisputedCents + fee), (disputes, -contribution.DisputedCents)]);
            if (fee > 0)
            {
                lines.Add((LedgerAccount.PlatformFees, -fee));
            }
        }
        else if (contribution.Dispute == DisputeState.Won)
        {
            (kind, step, lines) = (LedgerTransactionKind.DisputeWon, "won", [(clearing, -(contribution.DisputedCents + fee)), (disputes, contribution.DisputedCents)]);
            if (fee > 0)
            {
                lines.Add((LedgerAccount.PlatformFees, fee));
            }
        }
        else
        {
            return;
        }

        await AddOnceAsync(LedgerTransaction.Record(campaign.MunicipalityId, campaign.Id, contribution.Id, kind, $"contribution:{contribution.Id}:dispute:{disputeId}:{step}", Now, lines), cancellationToken);
    }

    /// <summary>What a contribution's ledger transactions of one kind moved on the escrow (saved, and pending in this unit of work).</summary>
    private async Task<long> EscrowSumAsync(long contributionId, LedgerTransactionKind kind, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<LedgerTransaction>()
            .Where(e => e.State == EntityState.Added && e.Entity.ContributionId == contributionId && e.Entity.Kind == kind)
            .SelectMany(e => e.Entity.Lines).Where(l => l.AccountKind == LedgerAccountKind.CampaignEscrow).Sum(l => l.AmountCents);
        return pending + await db.LedgerLines
            .Where(l => l.AccountKind == LedgerAccountKind.CampaignEscrow
                && db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.ContributionId == contributionId && t.Kind == kind))
            .SumAsync(l => l.AmountCents, cancellationToken);
    }

    /// <summary>The outcome kept on the event (for the operator).</summary>
    private static string RefundOutcome(Contribution contribution, ContributionRefund refund) =>
        (contribution.Status == ContributionStatus.Refunded ? $"Contribution remboursée ({Money.Euros(refund.AmountCents)})" : $"Remboursement partiel de {Money.Euros(refund.AmountCents)} : il reste {Money.Euros(contribution.StandingCents)}")
        + (refund.AfterSettlement ? ", après le règlement de la campagne." : ".");

    /// <summary>Adds a ledger transaction unless its key is already recorded (saved or pending in this unit of work).</summary>
    internal async Task<bool> AddOnceAsync(LedgerTransaction transaction, CancellationToken cancellationToken)
    {
        var key = transaction.IdempotencyKey;
        if (db.ChangeTracker.Entries<LedgerTransaction>().Any(e => e.Entity.IdempotencyKey == key)
            || await db.LedgerTransactions.IgnoreQueryFilters().AnyAsync(t => t.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        db.LedgerTransactions.Add(transaction);
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Provider} payment provider failed to start the payment of contribution {ContributionId}.")]
    private static partial void LogProviderFailed(ILogger logger, Exception exception, PaymentProvider provider, long contributionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment event {EventId} ({Provider}) failed to apply ({Failures} failure(s) in a row); tried again at {NextTryUtc:o}.")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, string eventId, PaymentProvider provider, int failures, DateTime nextTryUtc);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment event {EventId} ({Provider}) failed {Failures} times in a row: set aside for the operator (/operateur/paiements).")]
    private static partial void LogSetAside(ILogger logger, Exception exception, string eventId, PaymentProvider provider, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A refund after the payout of campaign {CampaignId} was sent: its payee owes {Cents} cents back (operator's payouts page).")]
    private static partial void LogPayeeOwes(ILogger logger, long campaignId, long cents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment event {EventId} ({Type}) on contribution {ContributionId}: {Outcome}")]
    private static partial void LogApplied(ILogger logger, string eventId, PaymentEventType type, long contributionId, string outcome);

    private long PendingMatched(long campaignId) =>
        db.ChangeTracker.Entries<LedgerTransaction>()
            .Where(e => e.State == EntityState.Added && e.Entity.CampaignId == campaignId && e.Entity.Kind is LedgerTransactionKind.Matchfunding or LedgerTransactionKind.MatchfundingReturned)
            .SelectMany(e => e.Entity.Lines)
            .Where(l => l.AccountKind == LedgerAccountKind.CampaignEscrow)
            .Sum(l => l.AmountCents);
}
