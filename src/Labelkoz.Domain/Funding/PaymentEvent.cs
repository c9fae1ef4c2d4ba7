namespace Labelkoz.Domain.Funding;

public enum PaymentEventType
{
    PaymentSucceeded = 1,
    PaymentFailed = 2,
    Refunded = 3,
}

/// <summary>
/// What a payment provider told us (a Stripe webhook, the sandbox's confirmation), kept once per
/// provider and event id: a replayed event finds its row and changes nothing. Events are applied
/// by the platform in the background, in any order they arrive; an event that cannot apply yet (a
/// refund before its payment) waits for the one it needs. Not tenant-owned: an event arrives before
/// anyone knows which city it concerns.
/// </summary>
public sealed class PaymentEvent
{
    public const int IdMaxLength = 255;

    private PaymentEvent()
    {
        EventId = string.Empty;
        PaymentId = string.Empty;
    }

    public long Id { get; private set; }

    public PaymentProvider Provider { get; private set; }

    public string EventId { get; private set; }

    public PaymentEventType Type { get; private set; }

    public string PaymentId { get; private set; }

    public string? RefundId { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>When the event can be applied: the sandbox delays its confirmations like a real processor.</summary>
    public DateTime AvailableAtUtc { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    public DateTime? ProcessedAtUtc { get; private set; }

    public string? Outcome { get; private set; }

    public int Attempts { get; private set; }

    public static PaymentEvent Receive(PaymentProvider provider, string eventId, PaymentEventType type, string paymentId, string? refundId, string? failureReason, DateTime nowUtc, DateTime? availableAtUtc = null)
    {
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > IdMaxLength || string.IsNullOrWhiteSpace(paymentId) || paymentId.Length > IdMaxLength)
        {
            throw new ArgumentException("A payment event has an event id and a payment id.");
        }

        return new PaymentEvent
        {
            Provider = provider,
            EventId = eventId,
            Type = type,
            PaymentId = paymentId,
            RefundId = refundId is { Length: > IdMaxLength } ? refundId[..IdMaxLength] : refundId,
            FailureReason = failureReason is { Length: > 200 } ? failureReason[..200] : failureReason,
            ReceivedAtUtc = nowUtc,
            AvailableAtUtc = availableAtUtc ?? nowUtc,
        };
    }

    public void Processed(string outcome, DateTime nowUtc)
    {
        ProcessedAtUtc = nowUtc;
        Outcome = outcome.Length > 200 ? outcome[..200] : outcome;
        Attempts++;
    }

    /// <summary>Not applicable yet: tried again later.</summary>
    public void Deferred(string why, DateTime nowUtc)
    {
        Outcome = why.Length > 200 ? why[..200] : why;
        Attempts++;
        AvailableAtUtc = nowUtc.AddSeconds(Math.Min(300, 1 << Math.Min(Attempts, 8)));
    }
}
