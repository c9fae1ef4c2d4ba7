using Labelkoz.Web.Features.Funding;
using Labelkoz.Domain.Funding;

namespace Labelkoz.Web.Features.Payments;

/// <summary>
/// What the platform asks a card processor to take. The processor returns the same payment when
/// asked twice with the same idempotency key; its hosted page sends the contributor back to the
/// return address (or the cancel address). The hosted page stops taking the payment at
/// <paramref name="ExpiresAtUtc"/>, before the platform gives the contribution up
/// (<see cref="CampaignSettlement.CheckoutLifetime"/>, <see cref="CampaignSettlement.PendingTimeout"/>).
/// <paramref name="CampaignId"/> ties the payment to its campaign at the processor (Stripe's
/// <c>transfer_group</c>), so that the transfer to the holder's account names the same group (ADR 18).
/// </summary>
public sealed record PaymentRequest(
    long ContributionId,
    long AmountCents,
    string Description,
    string IdempotencyKey,
    string ReturnUrl,
    string CancelUrl,
    string? CustomerEmail,
    DateTime ExpiresAtUtc,
    long CampaignId = 0);

/// <summary>The processor's payment and the hosted page where the contributor pays.</summary>
public sealed record PaymentStart(string PaymentId, Uri RedirectUrl);

/// <summary>A refund the processor accepted; <see cref="Completed"/> when it is already final.</summary>
public sealed record RefundResult(string RefundId, bool Completed);

/// <summary>
/// A card processor behind one interface (DESIGN §6): the built-in sandbox (the default) or
/// Stripe. Outcomes reach the platform as <see cref="PaymentEvent"/>s (webhooks, or the sandbox's
/// delayed confirmations), never through the contributor's browser.
/// </summary>
public interface IPaymentProvider
{
    PaymentProvider Kind { get; }

    Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds <paramref name="amountCents"/> of a payment (in part or in full); asking twice with the same key refunds once.</summary>
    Task<RefundResult> RefundAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>The providers the platform has, and the one that takes cards now (Stripe when configured).</summary>
public sealed class PaymentProviders(IEnumerable<IPaymentProvider> providers)
{
    private readonly Dictionary<PaymentProvider, IPaymentProvider> _byKind = providers.ToDictionary(p => p.Kind);

    public IPaymentProvider Card => _byKind.TryGetValue(PaymentProvider.Stripe, out var stripe) ? stripe : _byKind[PaymentProvider.Sandbox];

    public IPaymentProvider For(PaymentProvider kind) =>
        _byKind.TryGetValue(kind, out var provider) ? provider : throw new InvalidOperationException($"No {kind} payment provider is configured.");
}
