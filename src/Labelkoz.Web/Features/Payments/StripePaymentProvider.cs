using System.Globalization;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Web;
using Stripe;
using Stripe.Checkout;

namespace Labelkoz.Web.Features.Payments;

/// <summary>
/// Card payments through Stripe (Stripe.net), on Stripe's hosted Checkout page: no JavaScript of
/// ours, nothing of the card ever reaches the platform (ADR 0011).
/// <para>
/// <b>The contribution's <c>ProviderPaymentId</c> is the Checkout Session id (<c>cs_…</c>)</b>:
/// it is the only id Stripe returns when the payment starts (the PaymentIntent is created later,
/// when the contributor pays), the same idempotency key always returns the same session, and every
/// <c>checkout.session.*</c> event carries it. Refund events carry the PaymentIntent instead;
/// <see cref="StripeWebhook"/> maps them back through the refund's metadata (refunds the platform
/// makes: <see cref="RefundAsync"/> writes the session id there), the PaymentIntent's metadata
/// (<c>contribution_id</c>, copied onto its charge), or, failing both, by asking Stripe which
/// session holds the PaymentIntent (<see cref="SessionIdForPaymentIntentAsync"/>).
/// </para>
/// </summary>
public sealed class StripePaymentProvider(StripeClients clients, SiteAddress site) : IPaymentProvider
{
    /// <summary>Metadata key of the platform's contribution id (session, PaymentIntent, refund).</summary>
    public const string ContributionIdKey = "contribution_id";

    /// <summary>Metadata key of the Checkout Session id, on the refunds the platform makes.</summary>
    public const string SessionIdKey = "checkout_session_id";

    public PaymentProvider Kind => PaymentProvider.Stripe;

    /// <summary>The campaign's group at Stripe: its charges and the transfer of its money to the holder (ADR 18).</summary>
    public static string TransferGroup(long campaignId) => "campaign-" + campaignId.ToString(CultureInfo.InvariantCulture);

    public async Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contributionId = request.ContributionId.ToString(CultureInfo.InvariantCulture);
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = contributionId,
            CustomerEmail = string.IsNullOrWhiteSpace(request.CustomerEmail) ? null : request.CustomerEmail,
            SuccessUrl = Absolute(request.ReturnUrl),
            CancelUrl = Absolute(request.CancelUrl),
            Locale = "auto",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur",
                        UnitAmount = request.AmountCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
            Metadata = new Dictionary<string, string> { [ContributionIdKey] = contributionId },

            // The page stops taking the payment before the platform gives the contribution up.
            ExpiresAt = request.ExpiresAtUtc,
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Description = request.Description,

                // The charge stays on the platform's account until the campaign is funded; the transfer
                // to the holder's connected account then names the same group (ADR 18).
                TransferGroup = request.CampaignId > 0 ? TransferGroup(request.CampaignId) : null,
                Metadata = new Dictionary<string, string> { [ContributionIdKey] = contributionId },
            },
        };

        var session = await new SessionService(clients.Client).CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
        if (string.IsNullOrEmpty(session.Id) || string.IsNullOrEmpty(session.Url))
        {
            throw new StripeException("Stripe returned a Checkout Session without an id or a URL.");
        }

        return new PaymentStart(session.Id, new Uri(session.Url, UriKind.Absolute));
    }

    /// <summary>
    /// Refunds part or all of a session's payment. The same key refunds once (Stripe's idempotency); the
    /// refund carries the session id so that its events map straight back to the contribution.
    /// </summary>
    public async Task<RefundResult> RefundAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        var session = await new SessionService(clients.Client).GetAsync(paymentId, null, null, cancellationToken);
        if (string.IsNullOrEmpty(session.PaymentIntentId))
        {
            throw new InvalidOperationException($"The Stripe Checkout Session {paymentId} has no payment to refund.");
        }

        var metadata = new Dictionary<string, string> { [SessionIdKey] = paymentId };
        if (session.Metadata?.TryGetValue(ContributionIdKey, out var contributionId) == true)
        {
            metadata[ContributionIdKey] = contributionId;
        }

        var refund = await new RefundService(clients.Client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = session.PaymentIntentId, Amount = amountCents, Metadata = metadata },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken);
        return new RefundResult(refund.Id, string.Equals(refund.Status, "succeeded", StringComparison.Ordinal));
    }

    /// <summary>The Checkout Session that took a PaymentIntent (null if none): for refunds made outside the platform.</summary>
    public async Task<string?> SessionIdForPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentIntentId);
        var sessions = await new SessionService(clients.Client).ListAsync(new SessionListOptions { PaymentIntent = paymentIntentId, Limit = 1 }, null, cancellationToken);
        return sessions.Data.FirstOrDefault()?.Id;
    }

    /// <summary>Stripe needs absolute addresses; the platform's are local paths (made absolute with <c>Platform:PublicBaseUrl</c>).</summary>
    private string Absolute(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http" ? absolute.AbsoluteUri : site.Link(url.StartsWith('/') ? url : "/" + url);
}

/// <summary>
/// The Stripe API client, built from <c>Payments:Stripe:SecretKey</c> (never the static
/// <c>StripeConfiguration.ApiKey</c>). A singleton: it holds one <see cref="HttpClient"/>. Tests
/// replace it with one over a fake HTTP handler.
/// </summary>
public sealed class StripeClients(IStripeClient client)
{
    public IStripeClient Client { get; } = client;

    public static StripeClients Create(string secretKey, HttpMessageHandler? handler = null, int maxNetworkRetries = 2)
    {
        var http = handler is null ? SystemNetHttpClient.BuildDefaultSystemNetHttpClient() : new HttpClient(handler, disposeHandler: false);
        return new StripeClients(new StripeClient(secretKey, httpClient: new SystemNetHttpClient(http, maxNetworkRetries, enableTelemetry: false)));
    }
}
