using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

public enum PayoutStatus
{
    Due = 1,
    Sent = 2,

    /// <summary>Nothing left to send: refunds after settlement took all of it.</summary>
    Cancelled = 3,

    /// <summary>The transfer to the payee's account at the processor was asked for; it is sent once the processor made it.</summary>
    Transferring = 4,
}

/// <summary>How a payout reaches its payee (ADR 18).</summary>
public enum PayoutRoute
{
    /// <summary>A bank transfer made outside the platform, whose reference the operator records: offline gifts, the city's matchfunding, the sandbox, a public accountant.</summary>
    Manual = 1,

    /// <summary>The card processor transfers the campaign's card money to the payee's own connected account (Stripe Connect).</summary>
    ProcessorTransfer = 2,
}

/// <summary>
/// What a funded campaign owes its payee: the holder, or for a city's own project its public
/// accountant. Created by settlement with the ledger's <c>PayoutDue</c>; marked sent (with the
/// transfer's reference) by the platform, with the ledger's <c>PayoutSent</c>. A campaign whose card
/// money is at a processor with connected accounts has up to two: the card money, transferred by
/// the processor to the holder's own account (<see cref="PayoutRoute.ProcessorTransfer"/>), and the
/// rest (offline gifts, the city's matchfunding) sent by hand (<see cref="PayoutRoute.Manual"/>).
/// </summary>
public sealed class Payout : ITenantOwned
{
    public const int ReferenceMaxLength = 200;

    private Payout()
    {
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CampaignId { get; private set; }

    public long AmountCents { get; private set; }

    public bool ToPublicAccountant { get; private set; }

    public long? PayeeUserId { get; private set; }

    public PayoutStatus Status { get; private set; } = PayoutStatus.Due;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public string? Reference { get; private set; }

    public long? SentByUserId { get; private set; }

    /// <summary>When refunds after settlement left nothing to send.</summary>
    public DateTime? CancelledAtUtc { get; private set; }

    public PayoutRoute Route { get; private set; } = PayoutRoute.Manual;

    /// <summary>The processor that transfers it (<see cref="PayoutRoute.ProcessorTransfer"/> only).</summary>
    public PaymentProvider? Provider { get; private set; }

    /// <summary>The payee's account the transfer goes to, frozen when it is asked for.</summary>
    public string? DestinationAccountId { get; private set; }

    public DateTime? TransferAttemptedAtUtc { get; private set; }

    /// <summary>Why the processor refused the last attempt (tried again later); null once it is made.</summary>
    public string? TransferError { get; private set; }

    /// <summary>
    /// A reversal of the transfer asked of the processor and not recorded yet (ADR 18): what the payee
    /// owes after refunds made once the transfer was sent, taken back from the payee's account. Its
    /// amount and key are saved before the processor is asked, so that asking again after a crash
    /// takes back once.
    /// </summary>
    public long? RecoveryCents { get; private set; }

    public string? RecoveryKey { get; private set; }

    public DateTime? RecoveryAttemptedAtUtc { get; private set; }

    /// <summary>Why the processor refused the last reversal (the payee's account is short, say); tried again later.</summary>
    public string? RecoveryError { get; private set; }

    public long Version { get; private set; } = 1;

    /// <summary>The card money of a funded campaign, to be transferred by <paramref name="provider"/> to the holder's connected account.</summary>
    public static Payout DueByTransfer(Campaign campaign, long amountCents, PaymentProvider provider, DateTime nowUtc)
    {
        if (provider == PaymentProvider.Offline)
        {
            throw new ArgumentOutOfRangeException(nameof(provider), "Offline money is never transferred by a processor.");
        }

        var payout = Due(campaign, amountCents, nowUtc);
        if (payout.ToPublicAccountant)
        {
            // A public accountant is paid by the treasury's own means, never to a connected account.
            throw new DomainException(PayoutRefusals.PublicAccountantByHand);
        }

        payout.Route = PayoutRoute.ProcessorTransfer;
        payout.Provider = provider;
        return payout;
    }

    public static Payout Due(Campaign campaign, long amountCents, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Succeeded != true)
        {
            // Only a campaign whose settlement found it funded owes its payee anything.
            throw new DomainException(PayoutRefusals.CampaignNotFunded);
        }

        if (amountCents <= 0)
        {
            throw new DomainException(PayoutRefusals.AmountNotPositive);
        }

        return new Payout
        {
            MunicipalityId = campaign.MunicipalityId,
            CampaignId = campaign.Id,
            AmountCents = amountCents,
            ToPublicAccountant = campaign.PaysPublicAccountant,
            PayeeUserId = campaign.PaysPublicAccountant ? null : campaign.HolderUserId,
            CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// A refund after settlement, before the payout was sent, is taken from it (ADR 17): the payout
    /// shrinks, and is cancelled when nothing is left. Once sent, the payee owes it instead.
    /// </summary>
    public void Reduce(long cents, DateTime nowUtc)
    {
        if (Status != PayoutStatus.Due)
        {
            throw new DomainException(PayoutRefusals.NotDue);
        }

        if (cents <= 0 || cents > AmountCents)
        {
            throw new DomainException(PayoutRefusals.ReductionBeyondAmount);
        }

        AmountCents -= cents;
        if (AmountCents == 0)
        {
            Status = PayoutStatus.Cancelled;
            SentAtUtc = null;
            CancelledAtUtc = nowUtc;
        }

        Version++;
    }

    /// <summary>
    /// The transfer to <paramref name="destinationAccountId"/> is about to be asked for: from now on
    /// its amount is frozen (a refund after settlement is owed by the payee instead of reducing it),
    /// so that asking again after a crash, with the same key, can never transfer twice.
    /// </summary>
    public void BeginTransfer(string destinationAccountId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationAccountId);
        if (Route != PayoutRoute.ProcessorTransfer)
        {
            throw new InvalidOperationException("Only a payout by transfer is transferred by the processor.");
        }

        if (Status == PayoutStatus.Transferring)
        {
            return;
        }

        if (Status != PayoutStatus.Due)
        {
            throw new DomainException(Status == PayoutStatus.Sent ? PayoutRefusals.AlreadySent : PayoutRefusals.NotDue);
        }

        Status = PayoutStatus.Transferring;
        DestinationAccountId = destinationAccountId;
        TransferAttemptedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>The processor refused the transfer (an error of its own, the account restricted): kept, tried again later.</summary>
    public void TransferFailed(string error, DateTime nowUtc)
    {
        if (Status != PayoutStatus.Transferring)
        {
            throw new InvalidOperationException("Only a transfer asked for can fail.");
        }

        TransferError = string.IsNullOrWhiteSpace(error) ? "Erreur inconnue." : error.Trim()[..Math.Min(error.Trim().Length, ReferenceMaxLength)];
        TransferAttemptedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>The processor made the transfer: the payout is sent, its reference is the transfer's id. Idempotent.</summary>
    public bool MarkTransferred(string transferId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transferId);
        if (Status == PayoutStatus.Sent && Reference == transferId)
        {
            return false;
        }

        if (Status != PayoutStatus.Transferring)
        {
            throw new InvalidOperationException($"Payout {Id} is {Status}: no transfer was asked for.");
        }

        Reference = transferId.Length <= ReferenceMaxLength ? transferId : throw new ArgumentOutOfRangeException(nameof(transferId));
        TransferError = null;
        SentAtUtc = nowUtc;
        Status = PayoutStatus.Sent;
        Version++;
        return true;
    }

    /// <summary>
    /// What to take back from the payee's account, by reversing part of the transfer: what the payee
    /// owes (<paramref name="owedCents"/>), at most what is left of the transfer after earlier
    /// reversals (<paramref name="reversedCents"/>). The reversal already asked for, if one is pending;
    /// null when there is nothing to take back.
    /// </summary>
    public (long Cents, string Key)? BeginRecovery(long owedCents, long reversedCents, DateTime nowUtc)
    {
        if (Route != PayoutRoute.ProcessorTransfer || Status != PayoutStatus.Sent)
        {
            throw new InvalidOperationException("Only a transfer made can be reversed.");
        }

        if (RecoveryKey is { } pending)
        {
            return (RecoveryCents!.Value, pending);
        }

        var cents = Math.Min(owedCents, AmountCents - reversedCents);
        if (cents <= 0)
        {
            return null;
        }

        RecoveryCents = cents;
        RecoveryKey = $"payout-{Id}-reversal-{reversedCents}";
        RecoveryAttemptedAtUtc = nowUtc;
        RecoveryError = null;
        Version++;
        return (cents, RecoveryKey);
    }

    /// <summary>The processor refused the reversal: kept (same amount, same key), tried again later.</summary>
    public void RecoveryFailed(string error, DateTime nowUtc)
    {
        if (RecoveryKey is null)
        {
            throw new InvalidOperationException("Only a reversal asked for can fail.");
        }

        var text = string.IsNullOrWhiteSpace(error) ? "Erreur inconnue." : error.Trim();
        RecoveryError = text[..Math.Min(text.Length, ReferenceMaxLength)];
        RecoveryAttemptedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>The reversal asked with <paramref name="key"/> is made; true when it was the pending one.</summary>
    public bool Recovered(string? key)
    {
        if (key is null || RecoveryKey != key)
        {
            return false;
        }

        (RecoveryCents, RecoveryKey, RecoveryError, RecoveryAttemptedAtUtc) = (null, null, null, null);
        Version++;
        return true;
    }

    public void MarkSent(long byUserId, string? reference, DateTime nowUtc)
    {
        if (Status == PayoutStatus.Sent)
        {
            throw new DomainException(PayoutRefusals.AlreadySent);
        }

        if (Route == PayoutRoute.ProcessorTransfer)
        {
            // The processor moves that money to the payee's own account: a transfer by hand would pay twice.
            throw new DomainException(PayoutRefusals.PaidByTransfer);
        }

        if (Status != PayoutStatus.Due)
        {
            throw new DomainException(PayoutRefusals.NotDue);
        }

        Reference = Text.Required(reference, ReferenceMaxLength, "Référence du virement", field: "Reference");
        SentByUserId = byUserId;
        SentAtUtc = nowUtc;
        Status = PayoutStatus.Sent;
        Version++;
    }
}

/// <summary>
/// A payee pays back what it owes after refunds made once its payout was sent (ADR 17): at most what
/// it owes, with the reference of the transfer the platform received.
/// </summary>
public static class PayeeDebt
{
    /// <summary>Checks a repayment of <paramref name="amountCents"/> on a debt of <paramref name="owedCents"/>; returns the reference, checked.</summary>
    public static string Repay(long owedCents, long amountCents, string? reference)
    {
        if (owedCents <= 0)
        {
            throw new DomainException(PayoutRefusals.NothingOwed);
        }

        if (amountCents <= 0 || amountCents > owedCents)
        {
            throw new DomainException(PayoutRefusals.RepaymentBeyondDebt.With(Money.Euros(owedCents)));
        }

        return Text.Required(reference, Payout.ReferenceMaxLength, "Référence du virement reçu", field: "Reference");
    }
}
