using System.Globalization;
using System.Text;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stripe;
using Stripe.Checkout;

namespace Labelkoz.Web.Features.Payments;

/// <summary>
/// <c>POST /webhooks/stripe</c>: Stripe tells the platform what happened to a payment. The
/// signature (<c>Stripe-Signature</c>, HMAC-SHA256 with <c>Payments:Stripe:WebhookSecret</c>) is
/// checked with a 300-second tolerance, then the event is only <em>recorded</em> as a
/// <see cref="PaymentEvent"/>, once per event id: the funding job applies it in the background, in
/// whatever order events arrive (<see cref="CampaignMoney.ApplyAsync"/>). No money moves here.
/// </summary>
public static partial class StripeWebhook
{
    public const string Path = "/webhooks/stripe";

    /// <summary>Stripe's own tolerance, in seconds: an older signature may be a replay.</summary>
    public const long ToleranceSeconds = 300;

    /// <summary>Stripe's events are a few kilobytes; anything far larger is not one.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>What the webhook did with an event (logged; tests read it from the database).</summary>
    public enum Outcome
    {
        Recorded,
        Duplicate,
        Ignored,
    }

    public static async Task<Results<Ok, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        AppDbContext db,
        StripeWebhookSettings settings,
        IServiceProvider services,
        TimeProvider clock,
        IStringLocalizer<SharedResource> l,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(StripeWebhook));

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge(l);
        }

        var json = await ReadBodyAsync(request.Body, cancellationToken);
        if (json is null)
        {
            return TooLarge(l);
        }

        var signature = request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            return BadRequest(l, l["Signature Stripe absente."]);
        }

        var now = clock.GetUtcNow();
        Event stripeEvent;
        if (!settings.Secrets.Any(secret => Signed(json, signature, secret, now)))
        {
            // The platform's endpoint and the Connect endpoint (its holders' accounts) each have their secret.
            LogRejected(logger);
            return BadRequest(l, l["Signature Stripe invalide ou trop ancienne."]);
        }

        try
        {
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
        }
        catch (Exception exception) when (exception is StripeException or System.Text.Json.JsonException or Newtonsoft.Json.JsonException
                                               or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return BadRequest(l, l["Événement Stripe illisible."]);
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || stripeEvent.Id.Length > PaymentEvent.IdMaxLength)
        {
            return BadRequest(l, l["Événement Stripe illisible."]);
        }

        // A replay (Stripe retries until it hears 2xx): nothing new, and no call to Stripe.
        if (await KnownAsync(db, stripeEvent.Id, cancellationToken))
        {
            LogHandled(logger, stripeEvent.Id, stripeEvent.Type, Outcome.Duplicate);
            return TypedResults.Ok();
        }

        IReadOnlyList<Mapped> mapped;
        try
        {
            // The holders' accounts and the transfers to them (ADR 18): applied at once, each safe to repeat.
            if (await ConnectEvents.HandleAsync(stripeEvent, db, services, cancellationToken))
            {
                LogHandled(logger, stripeEvent.Id, stripeEvent.Type, Outcome.Recorded);
                return TypedResults.Ok();
            }

            mapped = await MapAsync(stripeEvent, db, services, cancellationToken);
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Stripe could not be asked which session a refund belongs to (an error, the network, a
            // timeout): 503, and Stripe sends the event again (ADR 11). Never a 500.
            LogLookupFailed(logger, exception, stripeEvent.Id);
            return TypedResults.Problem(title: l["Stripe est momentanément injoignable : réessayez plus tard."], statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        mapped = [.. mapped.Where(m => !string.IsNullOrEmpty(m.PaymentId) && m.PaymentId.Length <= PaymentEvent.IdMaxLength)];
        if (mapped.Count == 0)
        {
            LogHandled(logger, stripeEvent.Id, stripeEvent.Type, Outcome.Ignored);
            return TypedResults.Ok();
        }

        // One Stripe event, one payment event; a charge.refunded listing several refunds, one per refund.
        var recorded = mapped.Select(m => PaymentEvent.Receive(
                PaymentProvider.Stripe, mapped.Count == 1 ? stripeEvent.Id : $"{stripeEvent.Id}/{m.RefundId}", m.Type, m.PaymentId, m.RefundId, m.FailureReason, now.UtcDateTime, amountCents: m.AmountCents, feeCents: m.FeeCents))
            .ToList();
        db.PaymentEvents.AddRange(recorded);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once: the unique index (Provider, EventId) kept one.
            recorded.ForEach(e => db.Entry(e).State = EntityState.Detached);
            if (!await KnownAsync(db, stripeEvent.Id, cancellationToken))
            {
                throw;
            }

            LogHandled(logger, stripeEvent.Id, stripeEvent.Type, Outcome.Duplicate);
            return TypedResults.Ok();
        }

        LogHandled(logger, stripeEvent.Id, stripeEvent.Type, Outcome.Recorded);
        return TypedResults.Ok();
    }

    /// <summary>What an event means for a contribution; <paramref name="AmountCents"/> is a refund's amount.</summary>
    internal sealed record Mapped(PaymentEventType Type, string PaymentId, string? RefundId, string? FailureReason, long? AmountCents = null, long? FeeCents = null);

    /// <summary>
    /// What an event means for contributions: none for an event the platform does not need. A
    /// refund is recorded with its own amount (a partial refund moves only its amount, ADR 17):
    /// <c>refund.created</c> / <c>refund.updated</c> once it succeeded, and <c>charge.refunded</c>
    /// for each refund it lists (recent API versions list none: the refund events carry them). The
    /// same refund seen through several events is recorded once (by its id, on the contribution).
    /// Disputes: <c>charge.dispute.created</c> (not an inquiry, which withdraws nothing) and
    /// <c>charge.dispute.closed</c> when won or lost, with the amounts of their balance transactions.
    /// </summary>
    internal static async Task<IReadOnlyList<Mapped>> MapAsync(Event stripeEvent, AppDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Type, stripeEvent.Data?.Object)
        {
            case (EventTypes.CheckoutSessionCompleted, Session { PaymentStatus: "paid" } paid):
                // "unpaid": a delayed method (a debit); its async_payment_* event follows.
                return [new Mapped(PaymentEventType.PaymentSucceeded, paid.Id, null, null)];
            case (EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session succeeded):
                return [new Mapped(PaymentEventType.PaymentSucceeded, succeeded.Id, null, null)];
            case (EventTypes.CheckoutSessionAsyncPaymentFailed, Session failed):
                return [new Mapped(PaymentEventType.PaymentFailed, failed.Id, null, "Le paiement a été refusé.")];
            case (EventTypes.CheckoutSessionExpired, Session expired):
                return [new Mapped(PaymentEventType.PaymentFailed, expired.Id, null, "La page de paiement a expiré sans paiement.")];
            case (EventTypes.RefundCreated or EventTypes.RefundUpdated, Refund refund) when refund.Status == "succeeded" && refund.Amount > 0 && !string.IsNullOrEmpty(refund.Id):
                var sessionId = refund.Metadata?.GetValueOrDefault(StripePaymentProvider.SessionIdKey) is { Length: > 0 } ours
                    ? ours
                    : await SessionIdAsync(refund.PaymentIntentId, refund.Metadata, db, services, cancellationToken);
                return sessionId is null ? [] : [new Mapped(PaymentEventType.Refunded, sessionId, refund.Id, null, refund.Amount)];
            case (EventTypes.ChargeRefunded, Charge charge) when charge.AmountRefunded > 0:
                var listed = (charge.Refunds?.Data ?? []).Where(r => !string.IsNullOrEmpty(r.Id) && r.Status is null or "succeeded").ToList();
                if (listed.Count == 0)
                {
                    return [];
                }

                var chargeSession = await SessionIdAsync(charge.PaymentIntentId, charge.Metadata, db, services, cancellationToken);

                // A refund listed without its amount is the charge's whole refunded amount when it is
                // the only one; among several, its own refund.* event brings it.
                return chargeSession is null
                    ? []
                    : [.. listed.Where(r => r.Amount > 0 || listed.Count == 1)
                        .Select(r => new Mapped(PaymentEventType.Refunded, chargeSession, r.Id, null, r.Amount > 0 ? r.Amount : charge.AmountRefunded))];
            case (EventTypes.ChargeDisputeCreated, Dispute opened) when opened.Amount > 0 && !IsInquiry(opened) && !string.IsNullOrEmpty(opened.Id):
                // The withdrawal and Stripe's fee are in the dispute's balance transactions.
                var openedSession = await SessionIdAsync(opened.PaymentIntentId, opened.Metadata, db, services, cancellationToken);
                var fee = opened.BalanceTransactions?.Where(t => t.Amount < 0).Sum(t => t.Fee) ?? 0;
                return openedSession is null ? [] : [new Mapped(PaymentEventType.DisputeOpened, openedSession, opened.Id, null, opened.Amount, fee)];
            case (EventTypes.ChargeDisputeClosed, Dispute closed) when closed.Status is "won" or "lost" && !string.IsNullOrEmpty(closed.Id):
                var closedSession = await SessionIdAsync(closed.PaymentIntentId, closed.Metadata, db, services, cancellationToken);

                // A won dispute's reinstatement may give Stripe's fee back (a negative fee on a positive amount).
                var feeBack = closed.BalanceTransactions?.Where(t => t.Amount > 0).Sum(t => -t.Fee) ?? 0;
                return closedSession is null
                    ? []
                    : [new Mapped(closed.Status == "won" ? PaymentEventType.DisputeWon : PaymentEventType.DisputeLost, closedSession, closed.Id, null, null, Math.Max(0, feeBack))];
            default:
                return [];
        }
    }

    private static bool Signed(string json, string signature, string secret, DateTimeOffset now)
    {
        try
        {
            EventUtility.ValidateSignature(json, signature, secret, ToleranceSeconds, now.ToUnixTimeSeconds());
            return true;
        }
        catch (StripeException)
        {
            return false;
        }
    }

    /// <summary>An inquiry (<c>warning_*</c>) withdraws no money: nothing to book.</summary>
    private static bool IsInquiry(Dispute dispute) => dispute.Status?.StartsWith("warning", StringComparison.Ordinal) == true;

    /// <summary>Whether the event was recorded already (alone, or as one payment event per refund it listed).</summary>
    private static Task<bool> KnownAsync(AppDbContext db, string eventId, CancellationToken cancellationToken)
    {
        var prefix = eventId + "/";
        return db.PaymentEvents.AnyAsync(e => e.Provider == PaymentProvider.Stripe && (e.EventId == eventId || e.EventId.StartsWith(prefix)), cancellationToken);
    }

    /// <summary>
    /// The session of a PaymentIntent: through its <c>contribution_id</c> metadata (Checkout copies
    /// <c>payment_intent_data.metadata</c> to the PaymentIntent, and Stripe to its charge) and the
    /// contribution's recorded session, else by asking Stripe.
    /// </summary>
    private static async Task<string?> SessionIdAsync(string? paymentIntentId, Dictionary<string, string>? metadata, AppDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (metadata?.GetValueOrDefault(StripePaymentProvider.ContributionIdKey) is { } text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var contributionId))
        {
            var recorded = await db.Contributions.IgnoreQueryFilters()
                .Where(c => c.Id == contributionId && c.Provider == PaymentProvider.Stripe)
                .Select(c => c.ProviderPaymentId)
                .SingleOrDefaultAsync(cancellationToken);
            if (recorded is not null)
            {
                return recorded;
            }
        }

        if (string.IsNullOrEmpty(paymentIntentId) || services.GetService<StripePaymentProvider>() is not { } stripe)
        {
            return null;
        }

        return await stripe.SessionIdForPaymentIntentAsync(paymentIntentId, cancellationToken);
    }

    /// <summary>The body as text, or null when it is larger than <see cref="MaxBodyBytes"/> (no Content-Length, chunked).</summary>
    private static async Task<string?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ProblemHttpResult BadRequest(IStringLocalizer l, string detail) =>
        TypedResults.Problem(title: l["Notification de paiement refusée."], detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult TooLarge(IStringLocalizer l) =>
        TypedResults.Problem(title: l["Notification de paiement trop volumineuse."], statusCode: StatusCodes.Status413PayloadTooLarge);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}): {Outcome}")]
    private static partial void LogHandled(ILogger logger, string eventId, string type, Outcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Stripe webhook call had a missing, wrong or expired signature: refused.")]
    private static partial void LogRejected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe event {EventId}: its Checkout Session could not be looked up; Stripe will send it again.")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception, string eventId);
}

/// <summary>
/// The webhook's signing secrets: the platform endpoint's (<c>Payments:Stripe:WebhookSecret</c>), and
/// the Connect endpoint's (<c>Payments:Stripe:ConnectWebhookSecret</c>), which Stripe gives its own
/// when both deliver to the same address.
/// </summary>
public sealed record StripeWebhookSettings(string Secret, string? ConnectSecret = null)
{
    public IEnumerable<string> Secrets => string.IsNullOrWhiteSpace(ConnectSecret) ? [Secret] : [Secret, ConnectSecret];
}

/// <summary>
/// Stripe Connect's events (ADR 18), applied as they arrive: none moves a contribution's money, and
/// each is safe to repeat or to receive out of order.
/// <list type="bullet">
/// <item><c>account.updated</c>: the holder's account state, unless an event newer than it was kept.</item>
/// <item><c>transfer.created</c>: the transfer of a payout the platform asked for is made (the
/// platform's own answer from Stripe usually came first: then nothing changes).</item>
/// <item><c>transfer.reversed</c>: each reversal it lists is recorded once (the platform's own, or one
/// made from Stripe's dashboard): the payee owes that much less.</item>
/// <item><c>payout.paid</c> / <c>payout.failed</c> from a holder's account: how the money reached
/// (or did not reach) the holder's bank, shown to the holder and the operator.</item>
/// </list>
/// </summary>
internal static class ConnectEvents
{
    /// <summary>True when the event was one of Connect's (handled, or about an account the platform does not know).</summary>
    public static async Task<bool> HandleAsync(Event stripeEvent, AppDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Type, stripeEvent.Data?.Object)
        {
            case (EventTypes.AccountUpdated, Account account) when !string.IsNullOrEmpty(account.Id):
                await UpdateAsync(db, account.Id, payee => ConnectedAccountState.Of(account).Apply(payee, stripeEvent.Created), cancellationToken);
                return true;
            case (EventTypes.TransferCreated, Transfer transfer) when !string.IsNullOrEmpty(transfer.Id):
                if (transfer.Metadata?.GetValueOrDefault(StripeConnect.PayoutIdKey) is { } text
                    && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var payoutId))
                {
                    await services.GetRequiredService<PayoutTransfers>().RecordAsync(payoutId, transfer.Id, cancellationToken);
                }

                return true;
            case (EventTypes.TransferReversed, Transfer reversed) when !string.IsNullOrEmpty(reversed.Id):
                if (reversed.Metadata?.GetValueOrDefault(StripeConnect.PayoutIdKey) is { } reversedText
                    && long.TryParse(reversedText, NumberStyles.None, CultureInfo.InvariantCulture, out var reversedPayoutId))
                {
                    var transfers = services.GetRequiredService<PayoutTransfers>();
                    foreach (var reversal in reversed.Reversals?.Data ?? [])
                    {
                        if (!string.IsNullOrEmpty(reversal.Id))
                        {
                            await transfers.RecordReversalAsync(reversedPayoutId, reversal.Id, reversal.Amount, reversal.Metadata?.GetValueOrDefault(StripeConnect.RecoveryKeyKey), cancellationToken);
                        }
                    }
                }

                return true;
            case (EventTypes.PayoutPaid or EventTypes.PayoutFailed, Stripe.Payout payout) when !string.IsNullOrEmpty(stripeEvent.Account):
                var paid = stripeEvent.Type == EventTypes.PayoutPaid;
                await UpdateAsync(
                    db,
                    stripeEvent.Account,
                    payee =>
                    {
                        payee.RecordBankPayout(payout.Amount, paid, payout.FailureMessage ?? payout.FailureCode, stripeEvent.Created);
                        return true;
                    },
                    cancellationToken);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Applies a change to a known account; two notifications at once: the second is applied again on a fresh copy.</summary>
    private static async Task UpdateAsync(AppDbContext db, string accountId, Func<PayeeAccount, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var payee = await db.PayeeAccounts.SingleOrDefaultAsync(a => a.Provider == PaymentProvider.Stripe && a.AccountId == accountId, cancellationToken);
            if (payee is null || !change(payee))
            {
                return;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
        }
    }
}
