using System.Security.Cryptography;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Data;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Payments;

/// <summary>
/// The built-in card processor in test mode, the embedded default: a hosted page at
/// <c>/paiement-test/{id}</c> takes one of the documented test cards (<see cref="SandboxCards"/>),
/// and the outcome reaches the platform later as an event, like a real processor's webhook
/// (<c>Payments:Sandbox:ConfirmationDelaySeconds</c>, 2 by default). Idempotent like Stripe: the
/// same key gives the same payment or the same refund.
/// </summary>
public sealed class SandboxPaymentProvider(AppDbContext db, TimeProvider clock, IConfiguration configuration) : IPaymentProvider
{
    public PaymentProvider Kind => PaymentProvider.Sandbox;

    public static string PagePath(string paymentId) => $"/paiement-test/{paymentId}";

    public async Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var existing = await db.SandboxPayments.AsNoTracking().SingleOrDefaultAsync(p => p.IdempotencyKey == request.IdempotencyKey, cancellationToken);
        if (existing is null)
        {
            existing = new SandboxPayment
            {
                Id = NewId("pi_sbx_"),
                IdempotencyKey = request.IdempotencyKey,
                AmountCents = request.AmountCents,
                Description = request.Description.Length > 300 ? request.Description[..300] : request.Description,
                ReturnUrl = request.ReturnUrl,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.SandboxPayments.Add(existing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.Entry(existing).State = EntityState.Detached;
                existing = await db.SandboxPayments.AsNoTracking().SingleAsync(p => p.IdempotencyKey == request.IdempotencyKey, cancellationToken);
            }
        }

        return new PaymentStart(existing.Id, new Uri(PagePath(existing.Id), UriKind.Relative));
    }

    /// <summary>
    /// Refunds <paramref name="amountCents"/> of a paid payment, in part or in full, like Stripe: the
    /// same key gives back the same refund; more than what is left to refund is refused. The
    /// platform hears of it through a refund event carrying the amount.
    /// </summary>
    public async Task<RefundResult> RefundAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken)
    {
        var done = await db.SandboxRefunds.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == idempotencyKey, cancellationToken);
        if (done is not null)
        {
            return new RefundResult(done.Id, true);
        }

        var payment = await db.SandboxPayments.SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            ?? throw new InvalidOperationException($"The sandbox has no payment {paymentId}.");
        if (payment.Status != SandboxPaymentStatus.Succeeded || amountCents <= 0 || amountCents > payment.AmountCents - payment.RefundedCents)
        {
            throw new InvalidOperationException($"The sandbox refunds at most what is left of a paid payment; {paymentId} is {payment.Status}, {payment.RefundedCents} of {payment.AmountCents} cents refunded, {amountCents} asked.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var refund = new SandboxRefund { Id = NewId("re_sbx_"), PaymentId = payment.Id, IdempotencyKey = idempotencyKey, AmountCents = amountCents, CreatedAtUtc = now };
        db.SandboxRefunds.Add(refund);
        payment.RefundedCents += amountCents;
        payment.RefundId = refund.Id;
        if (payment.RefundedCents == payment.AmountCents)
        {
            payment.Status = SandboxPaymentStatus.Refunded;
            payment.RefundedAtUtc = now;
        }

        payment.Version++;
        db.PaymentEvents.Add(PaymentEvent.Receive(PaymentProvider.Sandbox, NewId("evt_sbx_"), PaymentEventType.Refunded, payment.Id, refund.Id, null, now, now.Add(Delay), amountCents));

        // Two refunds of one payment at once: the version makes the second one lose, with nothing
        // written; when it was the same refund (the same key), it is the one the first made.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var same = await db.SandboxRefunds.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == idempotencyKey, cancellationToken);
            if (same is null)
            {
                throw;
            }

            return new RefundResult(same.Id, true);
        }

        return new RefundResult(refund.Id, true);
    }

    /// <summary>
    /// The hosted page's card step. Returns the payment's new state; the platform hears of a
    /// success or a decline through an event, after the processor's delay.
    /// </summary>
    public async Task<SandboxPaymentStatus> PayAsync(string paymentId, string? cardNumber, CancellationToken cancellationToken)
    {
        var payment = await db.SandboxPayments.SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            ?? throw new DomainException(FundingPageRefusals.UnknownTestPayment);
        if (payment.Status != SandboxPaymentStatus.RequiresCard)
        {
            return payment.Status;
        }

        var card = SandboxCards.Find(cardNumber);
        payment.CardLast4 = card.Number[^4..];
        if (card.Outcome == SandboxCardOutcome.RequiresConfirmation)
        {
            payment.Status = SandboxPaymentStatus.RequiresConfirmation;
            payment.Version++;
            await db.SaveChangesAsync(cancellationToken);
            return payment.Status;
        }

        return await DecideAsync(payment, card.Outcome == SandboxCardOutcome.Succeeds, card.DeclineReason, cancellationToken);
    }

    /// <summary>The confirmation step (like 3-D Secure): the cardholder approves or refuses.</summary>
    public async Task<SandboxPaymentStatus> ConfirmAsync(string paymentId, bool approved, CancellationToken cancellationToken)
    {
        var payment = await db.SandboxPayments.SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            ?? throw new DomainException(FundingPageRefusals.UnknownTestPayment);
        if (payment.Status != SandboxPaymentStatus.RequiresConfirmation)
        {
            return payment.Status;
        }

        return await DecideAsync(payment, approved, approved ? null : "Authentification refusée par le titulaire de la carte.", cancellationToken);
    }

    private TimeSpan Delay => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Payments:Sandbox:ConfirmationDelaySeconds", 2), 0, 60));

    private static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private async Task<SandboxPaymentStatus> DecideAsync(SandboxPayment payment, bool succeeded, string? declineReason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        payment.Status = succeeded ? SandboxPaymentStatus.Succeeded : SandboxPaymentStatus.Declined;
        payment.DeclineReason = declineReason;
        payment.DecidedAtUtc = now;
        payment.Version++;
        db.PaymentEvents.Add(PaymentEvent.Receive(
            PaymentProvider.Sandbox,
            NewId("evt_sbx_"),
            succeeded ? PaymentEventType.PaymentSucceeded : PaymentEventType.PaymentFailed,
            payment.Id,
            null,
            declineReason,
            now,
            now.Add(Delay)));

        // Two tabs paying at once: the version makes the second one lose, with nothing written.
        await db.SaveChangesAsync(cancellationToken);
        return payment.Status;
    }
}

public enum SandboxCardOutcome
{
    Succeeds,
    Declined,
    RequiresConfirmation,
}

/// <summary>The sandbox's documented test cards (the same numbers as Stripe's test mode).</summary>
public static class SandboxCards
{
    public static IReadOnlyList<(string Number, SandboxCardOutcome Outcome, string? DeclineReason)> All { get; } =
    [
        ("4242424242424242", SandboxCardOutcome.Succeeds, null),
        ("5555555555554444", SandboxCardOutcome.Succeeds, null),
        ("4000000000000002", SandboxCardOutcome.Declined, "Carte refusée par la banque."),
        ("4000000000009995", SandboxCardOutcome.Declined, "Provision insuffisante."),
        ("4000002500003155", SandboxCardOutcome.RequiresConfirmation, null),
    ];

    /// <summary>The test card typed (spaces allowed), or a French refusal naming the cards to use.</summary>
    public static (string Number, SandboxCardOutcome Outcome, string? DeclineReason) Find(string? typed)
    {
        var digits = new string((typed ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
        foreach (var card in All)
        {
            if (card.Number == digits)
            {
                return card;
            }
        }

        throw new DomainException(FundingPageRefusals.NotATestCard);
    }
}
