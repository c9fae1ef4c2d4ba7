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

    [LoggerMessage(Level = LogLevel.Error, Message = "The transfer of payout {PayoutId} failed; it is tried again on a later run.")]
    private static partial void LogTransferFailed(ILogger logger, Exception exception, long payoutId);
}
