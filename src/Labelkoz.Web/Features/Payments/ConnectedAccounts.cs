using System.Globalization;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Web;
using Stripe;

namespace Labelkoz.Web.Features.Payments;

/// <summary>What the processor says of a payee's account (Stripe: the <c>account</c> object).</summary>
public sealed record ConnectedAccountState(bool DetailsSubmitted, bool TransfersActive, bool PayoutsEnabled, IReadOnlyList<string> RequirementsDue, string? DisabledReason)
{
    public static ConnectedAccountState Of(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new ConnectedAccountState(
            account.DetailsSubmitted,
            string.Equals(account.Capabilities?.Transfers, "active", StringComparison.Ordinal),
            account.PayoutsEnabled,
            account.Requirements?.CurrentlyDue ?? [],
            account.Requirements?.DisabledReason);
    }

    public bool Apply(PayeeAccount account, DateTime stateAtUtc)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Update(DetailsSubmitted, TransfersActive, PayoutsEnabled, RequirementsDue, DisabledReason, stateAtUtc);
    }
}

/// <summary>A transfer of a payout to the payee's account, asked once by its key.</summary>
public sealed record TransferRequest(long PayoutId, long CampaignId, string DestinationAccountId, long AmountCents, string Description, string IdempotencyKey);

/// <summary>
/// The processor's accounts of payees (ADR 18): the platform opens one for a holder, sends the holder
/// to the processor's own pages to complete it (identity checks, bank account: the processor's job,
/// never the platform's), reads its state, and transfers a funded campaign's card money to it.
/// Stripe Connect with Express accounts; absent when the processor takes no cards (the sandbox).
/// </summary>
public interface IConnectedAccounts
{
    PaymentProvider Kind { get; }

    /// <summary>Opens the person's account; asking twice for the same person opens one (the processor's idempotency).</summary>
    Task<string> OpenAsync(long userId, string? email, CancellationToken cancellationToken);

    /// <summary>A one-time address of the processor's onboarding pages, which send the person back to <paramref name="returnUrl"/> (or <paramref name="refreshUrl"/> when the link expired).</summary>
    Task<Uri> OnboardingLinkAsync(string accountId, string returnUrl, string refreshUrl, CancellationToken cancellationToken);

    /// <summary>A one-time address of the processor's dashboard of the account: its balance, its payouts to the bank.</summary>
    Task<Uri> DashboardLinkAsync(string accountId, CancellationToken cancellationToken);

    Task<ConnectedAccountState> GetAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Transfers to the payee's account; the same key transfers once. Returns the transfer's id.</summary>
    Task<string> TransferAsync(TransferRequest request, CancellationToken cancellationToken);

    /// <summary>Takes <paramref name="amountCents"/> of a transfer back from the payee's account; the same key reverses once. Returns the reversal's id.</summary>
    Task<string> ReverseAsync(long payoutId, string transferId, long amountCents, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>Stripe Connect (Express accounts; separate charges and transfers), through Stripe.net.</summary>
public sealed class StripeConnect(StripeClients clients, SiteAddress site) : IConnectedAccounts
{
    /// <summary>Metadata key of the platform's user id, on the account.</summary>
    public const string UserIdKey = "user_id";

    /// <summary>Metadata key of the platform's payout id, on the transfer and its reversals.</summary>
    public const string PayoutIdKey = "payout_id";

    /// <summary>Metadata key of the reversal's idempotency key, on the reversals the platform asks for.</summary>
    public const string RecoveryKeyKey = "recovery_key";

    public PaymentProvider Kind => PaymentProvider.Stripe;

    public async Task<string> OpenAsync(long userId, string? email, CancellationToken cancellationToken)
    {
        var options = new AccountCreateOptions
        {
            Type = "express",
            Country = "FR",
            DefaultCurrency = "eur",
            Email = string.IsNullOrWhiteSpace(email) ? null : email,

            // Separate charges and transfers: the account only receives transfers from the platform.
            Capabilities = new AccountCapabilitiesOptions { Transfers = new AccountCapabilitiesTransfersOptions { Requested = true } },
            Metadata = new Dictionary<string, string> { [UserIdKey] = userId.ToString(CultureInfo.InvariantCulture) },
        };
        var account = await new AccountService(clients.Client).CreateAsync(options, new RequestOptions { IdempotencyKey = $"payee-account-{userId}" }, cancellationToken);
        return string.IsNullOrEmpty(account.Id) ? throw new StripeException("Stripe returned an account without an id.") : account.Id;
    }

    public async Task<Uri> OnboardingLinkAsync(string accountId, string returnUrl, string refreshUrl, CancellationToken cancellationToken)
    {
        var link = await new AccountLinkService(clients.Client).CreateAsync(
            new AccountLinkCreateOptions { Account = accountId, Type = "account_onboarding", ReturnUrl = site.Link(returnUrl), RefreshUrl = site.Link(refreshUrl) },
            null,
            cancellationToken);
        return new Uri(link.Url, UriKind.Absolute);
    }

    public async Task<Uri> DashboardLinkAsync(string accountId, CancellationToken cancellationToken)
    {
        var link = await new AccountLoginLinkService(clients.Client).CreateAsync(accountId, null, null, cancellationToken);
        return new Uri(link.Url, UriKind.Absolute);
    }

    public async Task<ConnectedAccountState> GetAsync(string accountId, CancellationToken cancellationToken) =>
        ConnectedAccountState.Of(await new AccountService(clients.Client).GetAsync(accountId, null, null, cancellationToken));

    public async Task<string> TransferAsync(TransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transfer = await new TransferService(clients.Client).CreateAsync(
            new TransferCreateOptions
            {
                Amount = request.AmountCents,
                Currency = "eur",
                Destination = request.DestinationAccountId,
                TransferGroup = StripePaymentProvider.TransferGroup(request.CampaignId),
                Description = request.Description,
                Metadata = new Dictionary<string, string> { [PayoutIdKey] = request.PayoutId.ToString(CultureInfo.InvariantCulture) },
            },
            new RequestOptions { IdempotencyKey = request.IdempotencyKey },
            cancellationToken);
        return string.IsNullOrEmpty(transfer.Id) ? throw new StripeException("Stripe returned a transfer without an id.") : transfer.Id;
    }

    public async Task<string> ReverseAsync(long payoutId, string transferId, long amountCents, string idempotencyKey, CancellationToken cancellationToken)
    {
        var reversal = await new TransferReversalService(clients.Client).CreateAsync(
            transferId,
            new TransferReversalCreateOptions
            {
                Amount = amountCents,
                Metadata = new Dictionary<string, string>
                {
                    [PayoutIdKey] = payoutId.ToString(CultureInfo.InvariantCulture),
                    [RecoveryKeyKey] = idempotencyKey,
                },
            },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken);
        return string.IsNullOrEmpty(reversal.Id) ? throw new StripeException("Stripe returned a transfer reversal without an id.") : reversal.Id;
    }
}
