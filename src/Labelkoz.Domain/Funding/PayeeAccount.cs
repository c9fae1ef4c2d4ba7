using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

/// <summary>
/// A holder's own account at the card processor (Stripe Connect, ADR 18): where a funded campaign's
/// card money is transferred, so that the platform never holds it. One per person and processor;
/// opened by the platform, completed by the holder on the processor's own pages (identity, bank
/// account), and kept up to date by the processor's notifications. The platform keeps only what it
/// needs to decide and to show: whether transfers can be made, what the processor still asks for,
/// and how the last bank payout from that account went.
/// </summary>
public sealed class PayeeAccount
{
    public const int AccountIdMaxLength = 100;
    public const int RequirementsMaxLength = 1_000;
    public const int ReasonMaxLength = 500;

    private PayeeAccount()
    {
    }

    public long Id { get; private set; }

    public long UserId { get; private set; }

    public PaymentProvider Provider { get; private set; }

    /// <summary>The processor's id of the account (Stripe: <c>acct_…</c>).</summary>
    public string AccountId { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The holder finished the processor's onboarding form.</summary>
    public bool DetailsSubmitted { get; private set; }

    /// <summary>The processor accepts transfers to the account (Stripe: the <c>transfers</c> capability is active).</summary>
    public bool TransfersActive { get; private set; }

    /// <summary>The account can pay its balance out to the holder's bank.</summary>
    public bool PayoutsEnabled { get; private set; }

    /// <summary>What the processor still asks for, in its own words (Stripe: <c>requirements.currently_due</c>), comma-separated.</summary>
    public string? RequirementsDue { get; private set; }

    /// <summary>Why the processor disabled the account, if it did (Stripe: <c>requirements.disabled_reason</c>).</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>When the processor's state above was true: a notification older than this changes nothing.</summary>
    public DateTime StateAtUtc { get; private set; }

    /// <summary>The last payout from the account to the holder's bank: its amount, when it arrived or failed, and why.</summary>
    public long? LastBankPayoutCents { get; private set; }

    public DateTime? LastBankPayoutAtUtc { get; private set; }

    public bool? LastBankPayoutPaid { get; private set; }

    public string? LastBankPayoutFailure { get; private set; }

    public long Version { get; private set; } = 1;

    /// <summary>Transfers can be made: the holder finished the form and the processor accepts transfers.</summary>
    public bool CanReceive => DetailsSubmitted && TransfersActive && DisabledReason is null;

    public static PayeeAccount Open(long userId, PaymentProvider provider, string accountId, DateTime nowUtc)
    {
        if (provider == PaymentProvider.Offline)
        {
            throw new ArgumentOutOfRangeException(nameof(provider), "Offline money has no account at a processor.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        if (accountId.Length > AccountIdMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(accountId));
        }

        return new PayeeAccount { UserId = userId, Provider = provider, AccountId = accountId, CreatedAtUtc = nowUtc, StateAtUtc = DateTime.MinValue };
    }

    /// <summary>
    /// The processor's state of the account at <paramref name="stateAtUtc"/>. Notifications arrive in
    /// any order: an older state than the one kept changes nothing. Returns whether it changed.
    /// </summary>
    public bool Update(bool detailsSubmitted, bool transfersActive, bool payoutsEnabled, IEnumerable<string>? requirementsDue, string? disabledReason, DateTime stateAtUtc)
    {
        if (stateAtUtc < StateAtUtc)
        {
            return false;
        }

        var due = requirementsDue?.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList() ?? [];
        var text = due.Count == 0 ? null : Clip(string.Join(", ", due), RequirementsMaxLength);
        var reason = string.IsNullOrWhiteSpace(disabledReason) ? null : Clip(disabledReason.Trim(), ReasonMaxLength);
        var changed = DetailsSubmitted != detailsSubmitted || TransfersActive != transfersActive || PayoutsEnabled != payoutsEnabled
            || RequirementsDue != text || DisabledReason != reason;
        (DetailsSubmitted, TransfersActive, PayoutsEnabled, RequirementsDue, DisabledReason, StateAtUtc) =
            (detailsSubmitted, transfersActive, payoutsEnabled, text, reason, stateAtUtc);
        if (changed)
        {
            Version++;
        }

        return changed;
    }

    /// <summary>A payout from the account to the holder's bank arrived (<paramref name="paid"/>) or failed (with the processor's reason); the latest one is kept.</summary>
    public void RecordBankPayout(long amountCents, bool paid, string? failure, DateTime atUtc)
    {
        if (LastBankPayoutAtUtc is { } last && atUtc < last)
        {
            return;
        }

        LastBankPayoutCents = amountCents;
        LastBankPayoutAtUtc = atUtc;
        LastBankPayoutPaid = paid;
        LastBankPayoutFailure = paid || string.IsNullOrWhiteSpace(failure) ? null : Clip(failure.Trim(), ReasonMaxLength);
        Version++;
    }

    /// <summary>
    /// A campaign paid by transfer can launch only once its holder's account can receive: otherwise
    /// the money of a funded campaign would wait at the platform, which must not hold it (ADR 18).
    /// </summary>
    public static void EnsureReadyForLaunch(PayeeAccount? account)
    {
        if (account is null)
        {
            throw new DomainException(PayeeAccountRefusals.NotOpened);
        }

        if (!account.CanReceive)
        {
            throw new DomainException(PayeeAccountRefusals.NotReady);
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>The rules of the holder's account at the processor (<see cref="PayeeAccount"/>).</summary>
public static class PayeeAccountRefusals
{
    public static readonly DomainRefusal NotOpened = new("payee-account.not-opened", null, "Avant de lancer la campagne, ouvrez votre compte de versement : c'est là que les fonds vous seront versés si la campagne réussit.");

    public static readonly DomainRefusal NotReady = new("payee-account.not-ready", null, "Votre compte de versement n'est pas encore validé par Stripe : terminez les informations demandées, puis lancez la campagne.");
}
