using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Labelkoz.Web.Features.Payments;

/// <summary>
/// Transfers funded campaigns' card money to their holders' own accounts at the processor (ADR 18),
/// in three steps that each survive a crash:
/// <list type="number">
/// <item>Under the campaign's lock, once the holder's account can receive, the payout is frozen
/// (<see cref="Domain.Funding.Payout.BeginTransfer(string, DateTime)"/>) with its destination: from then on a refund after settlement
/// is owed by the payee instead of shrinking it.</item>
/// <item>The processor is asked, with the key <c>payout-{id}</c>: asking again after a crash returns
/// the same transfer, never a second one. A refusal is kept on the payout (shown to the operator)
/// and tried again after <see cref="RetryDelay"/>.</item>
/// <item>Under the lock, the payout is marked sent with the transfer's id and the ledger moves the
/// amount from the payee's payable to the processor's clearing (the money left the platform's
/// balance at the processor), once: its key is the payout's. The processor's <c>transfer.created</c>
/// notification lands on the same step and changes nothing the second time.</item>
/// </list>
/// </summary>
public sealed partial class PayoutTransfers(AppDbContext db, CampaignMoney money, IEnumerable<IConnectedAccounts> accounts, TimeProvider clock, ILogger<PayoutTransfers> logger)
{
    /// <summary>How long a refused transfer waits before it is asked again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(15);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every payout by transfer that can go now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var retryBefore = Now - RetryDelay;
        var due = await db.Payouts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Route == PayoutRoute.ProcessorTransfer
                && (p.Status == PayoutStatus.Due || (p.Status == PayoutStatus.Transferring && (p.TransferError == null || p.TransferAttemptedAtUtc <= retryBefore))))
            .OrderBy(p => p.CreatedAtUtc)
            .Select(p => p.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            try
            {
                if (await SendAsync(id, cancellationToken))
                {
                    sent++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One payout's trouble must not hold the others back; it is tried again on a later run.
                LogTransferFailed(logger, exception, id);
            }
        }

        return sent;
    }

    /// <summary>Moves one payout as far as it can go now; true when it was sent.</summary>
    public async Task<bool> SendAsync(long payoutId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var request = await BeginAsync(payoutId, cancellationToken);
        if (request is null)
        {
            return false;
        }

        var connect = accounts.Single(a => a.Kind == request.Provider);
        string transferId;
        try
        {
            transferId = await connect.TransferAsync(request.Transfer, cancellationToken);
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await FailAsync(payoutId, exception is StripeException stripe ? stripe.Message : "Stripe est injoignable.", cancellationToken);
            LogTransferRefused(logger, exception, payoutId);
            return false;
        }

        return await RecordAsync(payoutId, transferId, cancellationToken);
    }

    /// <summary>
    /// Step 3: the processor made the transfer (its answer, or its <c>transfer.created</c> notification).
    /// True when this call marked it sent; false when it was already, or is not a transfer the platform asked for.
    /// </summary>
    public async Task<bool> RecordAsync(long payoutId, string transferId, CancellationToken cancellationToken)
    {
        var campaignId = await db.Payouts.IgnoreQueryFilters().Where(p => p.Id == payoutId).Select(p => (long?)p.CampaignId).SingleOrDefaultAsync(cancellationToken);
        if (campaignId is not { } id)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(id, cancellationToken);
        db.ChangeTracker.Clear();
        var payout = await db.Payouts.IgnoreQueryFilters().SingleAsync(p => p.Id == payoutId, cancellationToken);
        if (payout.Status != PayoutStatus.Transferring || !payout.MarkTransferred(transferId, Now))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        await money.AddOnceAsync(
            LedgerTransaction.Transfer(
                payout.MunicipalityId, id, null, LedgerTransactionKind.PayoutSent, $"payout:{payout.Id}:sent",
                LedgerAccount.Payable(id), LedgerAccount.Clearing(payout.Provider!.Value), payout.AmountCents, Now),
            cancellationToken);
        var title = await db.Campaigns.IgnoreQueryFilters().Where(c => c.Id == id)
            .Select(c => db.Projects.IgnoreQueryFilters().Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault())
            .SingleAsync(cancellationToken) ?? string.Empty;
        db.AuditEntries.Add(AuditEntry.Record(
            payout.MunicipalityId, null, "Plateforme", AuditAction.PayoutSent, AuditSubject.Payout, payout.Id, title, Now,
            $"Virement Stripe {transferId} vers le compte {payout.DestinationAccountId} du porteur",
            before: "Versement : à effectuer",
            after: $"Versement : effectué par Stripe ; montant {Money.Euros(payout.AmountCents)}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogTransferred(logger, payoutId, transferId, payout.AmountCents);
        return true;
    }

    /// <summary>
    /// Takes back from payees' accounts what they owe after refunds made once their transfer was sent
    /// (ADR 17, 18): a reversal of part of the transfer, at most what is left of it. Like a transfer, in
    /// three steps: the amount and key saved first (<see cref="Domain.Funding.Payout.BeginRecovery"/>),
    /// then Stripe asked with that key, then the reversal recorded once. Returns how many were recorded.
    /// </summary>
    public async Task<int> RecoverOwedAsync(CancellationToken cancellationToken)
    {
        var retryBefore = Now - RetryDelay;

        // Run every few seconds: it starts from the few campaigns whose payee owes something (receivable
        // lines exist only after refunds made once a payout was sent), not from every transfer ever made.
        var owingCampaigns = db.LedgerLines.IgnoreQueryFilters()
            .Where(l => l.AccountKind == LedgerAccountKind.PayeeReceivable)
            .GroupBy(l => l.AccountReference)
            .Where(g => g.Sum(l => l.AmountCents) < 0)
            .Select(g => g.Key);
        var owing = await db.Payouts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Route == PayoutRoute.ProcessorTransfer && p.Status == PayoutStatus.Sent && p.Reference != null
                && (p.RecoveryKey != null
                    ? p.RecoveryError == null || p.RecoveryAttemptedAtUtc <= retryBefore
                    : owingCampaigns.Contains(p.CampaignId)))
            .OrderBy(p => p.Id)
            .Select(p => p.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        var recovered = 0;
        foreach (var id in owing)
        {
            try
            {
                if (await RecoverAsync(id, cancellationToken))
                {
                    recovered++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRecoveryFailed(logger, exception, id);
            }
        }

        return recovered;
    }

    /// <summary>Takes back what the payee of one payout owes, as far as it can now; true when a reversal was recorded.</summary>
    public async Task<bool> RecoverAsync(long payoutId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var campaignId = await db.Payouts.IgnoreQueryFilters().Where(p => p.Id == payoutId).Select(p => p.CampaignId).SingleAsync(cancellationToken);
        (long Cents, string Key)? recovery;
        Domain.Funding.Payout payout;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await money.LockAsync(campaignId, cancellationToken);
            payout = await db.Payouts.IgnoreQueryFilters().SingleAsync(p => p.Id == payoutId, cancellationToken);
            if (payout.Route != PayoutRoute.ProcessorTransfer || payout.Status != PayoutStatus.Sent || payout.Provider is not { } kind || accounts.All(a => a.Kind != kind))
            {
                await transaction.CommitAsync(cancellationToken);
                return false;
            }

            var owed = -await FundingTotals.BalanceAsync(db, LedgerAccount.Receivable(campaignId), cancellationToken);
            var reversed = await ReversedAsync(campaignId, cancellationToken);
            recovery = payout.BeginRecovery(owed, reversed, Now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (recovery is not { } asked)
        {
            return false;
        }

        string reversalId;
        try
        {
            reversalId = await accounts.Single(a => a.Kind == payout.Provider).ReverseAsync(payout.Id, payout.Reference!, asked.Cents, asked.Key, cancellationToken);
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            db.ChangeTracker.Clear();
            var failed = await db.Payouts.IgnoreQueryFilters().SingleAsync(p => p.Id == payoutId, cancellationToken);
            if (failed.RecoveryKey == asked.Key)
            {
                failed.RecoveryFailed(exception is StripeException stripe ? stripe.Message : "Stripe est injoignable.", Now);
                await db.SaveChangesAsync(cancellationToken);
            }

            LogRecoveryRefused(logger, exception, payoutId);
            return false;
        }

        return await RecordReversalAsync(payoutId, reversalId, asked.Cents, asked.Key, cancellationToken);
    }

    /// <summary>
    /// A reversal of a payout's transfer is made (Stripe's answer, or its <c>transfer.reversed</c>
    /// notification, including a reversal made from Stripe's dashboard): the money is back in the
    /// processor's balance and the payee owes that much less, recorded once per reversal. True when
    /// this call recorded it.
    /// </summary>
    public async Task<bool> RecordReversalAsync(long payoutId, string reversalId, long amountCents, string? recoveryKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reversalId);
        var campaignId = await db.Payouts.IgnoreQueryFilters().Where(p => p.Id == payoutId).Select(p => (long?)p.CampaignId).SingleOrDefaultAsync(cancellationToken);
        if (campaignId is not { } id || amountCents <= 0)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(id, cancellationToken);
        db.ChangeTracker.Clear();
        var payout = await db.Payouts.IgnoreQueryFilters().SingleAsync(p => p.Id == payoutId, cancellationToken);
        if (payout.Route != PayoutRoute.ProcessorTransfer || payout.Provider is not { } kind)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var key = $"payout:{payout.Id}:reversal:{reversalId}";
        var recorded = false;
        if (!await db.LedgerTransactions.IgnoreQueryFilters().AnyAsync(t => t.IdempotencyKey == key, cancellationToken))
        {
            await money.AddOnceAsync(
                LedgerTransaction.Transfer(
                    payout.MunicipalityId, id, null, LedgerTransactionKind.TransferReversed, key,
                    LedgerAccount.Clearing(kind), LedgerAccount.Receivable(id), amountCents, Now),
                cancellationToken);
            var title = await db.Campaigns.IgnoreQueryFilters().Where(c => c.Id == id)
                .Select(c => db.Projects.IgnoreQueryFilters().Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault())
                .SingleAsync(cancellationToken) ?? string.Empty;
            db.AuditEntries.Add(AuditEntry.Record(
                payout.MunicipalityId, null, "Plateforme", AuditAction.PayeeRepaid, AuditSubject.Payout, payout.Id, title, Now,
                $"Reprise {reversalId} sur le virement Stripe {payout.Reference} : {Money.Euros(amountCents)}"));
            recorded = true;
        }

        payout.Recovered(recoveryKey);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    /// <summary>What was already taken back from the campaign's transfer (its reversals, in the ledger).</summary>
    private Task<long> ReversedAsync(long campaignId, CancellationToken cancellationToken) =>
        (from line in db.LedgerLines.IgnoreQueryFilters()
         join transaction in db.LedgerTransactions.IgnoreQueryFilters() on line.TransactionId equals transaction.Id
         where transaction.CampaignId == campaignId && transaction.Kind == LedgerTransactionKind.TransferReversed && line.AccountKind == LedgerAccountKind.PayeeReceivable
         select line.AmountCents).SumAsync(cancellationToken);

    /// <summary>Step 1: null when the payout cannot go now (the holder's account not ready, already sent).</summary>
    private async Task<Begun?> BeginAsync(long payoutId, CancellationToken cancellationToken)
    {
        var campaignId = await db.Payouts.IgnoreQueryFilters().Where(p => p.Id == payoutId).Select(p => p.CampaignId).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(campaignId, cancellationToken);
        var payout = await db.Payouts.IgnoreQueryFilters().SingleAsync(p => p.Id == payoutId, cancellationToken);
        if (payout.Route != PayoutRoute.ProcessorTransfer || payout.Provider is not { } provider || accounts.All(a => a.Kind != provider))
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        if (payout.Status == PayoutStatus.Due)
        {
            var account = await db.PayeeAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == payout.PayeeUserId && a.Provider == provider, cancellationToken);
            if (account is not { CanReceive: true })
            {
                // It waits for the holder to finish the processor's form; the operator sees it waiting.
                await transaction.CommitAsync(cancellationToken);
                return null;
            }

            payout.BeginTransfer(account.AccountId, Now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return payout.Status != PayoutStatus.Transferring
            ? null
            : new Begun(provider, new TransferRequest(payout.Id, campaignId, payout.DestinationAccountId!, payout.AmountCents, $"Versement de la campagne n° {campaignId}", $"payout-{payout.Id}"));
    }

    private async Task FailAsync(long payoutId, string error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var payout = await db.Payouts.IgnoreQueryFilters().SingleAsync(p => p.Id == payoutId, cancellationToken);
        if (payout.Status == PayoutStatus.Transferring)
        {
            payout.TransferFailed(error, Now);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private sealed record Begun(PaymentProvider Provider, TransferRequest Transfer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payout {PayoutId} transferred by the processor ({TransferId}, {Cents} cents).")]
    private static partial void LogTransferred(ILogger logger, long payoutId, string transferId, long cents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The processor refused the transfer of payout {PayoutId}; it is asked again later.")]
    private static partial void LogTransferRefused(ILogger logger, Exception exception, long payoutId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The processor refused to reverse part of the transfer of payout {PayoutId}; it is asked again later.")]
    private static partial void LogRecoveryRefused(ILogger logger, Exception exception, long payoutId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Taking back what the payee of payout {PayoutId} owes failed; it is tried again on a later run.")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception, long payoutId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The transfer of payout {PayoutId} failed; it is tried again on a later run.")]
    private static partial void LogTransferFailed(ILogger logger, Exception exception, long payoutId);
}
