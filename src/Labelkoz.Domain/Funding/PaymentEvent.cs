using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

public enum PaymentEventType
{
    PaymentSucceeded = 1,
    PaymentFailed = 2,
    Refunded = 3,

    /// <summary>The cardholder disputed the payment (a chargeback): the processor took the amount back, and its fee.</summary>
    DisputeOpened = 4,

    /// <summary>The dispute was decided for the platform: the processor gives the amount back.</summary>
    DisputeWon = 5,

    /// <summary>The dispute was decided for the cardholder: the amount is gone for good, as a refund.</summary>
    DisputeLost = 6,
}

/// <summary>Where an event stands, derived from its dates.</summary>
public enum PaymentEventState
{
    /// <summary>Waiting to be applied (new, deferred, or tried again after a failure).</summary>
    Waiting = 1,

    /// <summary>Applied, or settled by hand by the operator: done for good.</summary>
    Processed = 2,

    /// <summary>
    /// Failed <see cref="PaymentEvent.MaxFailures"/> times in a row: no longer tried, shown to the
    /// operator, who retries it or settles it by hand. Nothing else waits for it.
    /// </summary>
    SetAside = 3,
}

/// <summary>
/// What a payment provider told us (a Stripe webhook, the sandbox's confirmation), kept once per
/// provider and event id: a replayed event finds its row and changes nothing. Events are applied
/// by the platform in the background, in any order they arrive; an event that cannot apply yet (a
/// refund before its payment) waits for the one it needs. An event whose application fails (the
/// processor unreachable for a late payment's refund, a bug) is tried again later, with a growing
/// delay, and set aside after <see cref="MaxFailures"/> failures: one poisoned event never holds up
/// the others. Not tenant-owned: an event arrives before anyone knows which city it concerns.
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

    /// <summary>The processor's id of the refund, or of the dispute, the event is about.</summary>
    public string? RefundId { get; private set; }

    /// <summary>A refund's or a dispute's amount, as the processor made it (null: the whole payment that still stands).</summary>
    public long? AmountCents { get; private set; }

    /// <summary>A dispute's fee: taken by the processor when it opens, or given back when it is won (null: none).</summary>
    public long? FeeCents { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>When the event can be applied: the sandbox delays its confirmations like a real processor.</summary>
    public DateTime AvailableAtUtc { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    public DateTime? ProcessedAtUtc { get; private set; }

    public string? Outcome { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Failures since the last success or the operator's last retry.</summary>
    public int Failures { get; private set; }

    /// <summary>The last failure's error (type and message; never personal data), kept for the operator.</summary>
    public string? LastError { get; private set; }

    public DateTime? LastFailedAtUtc { get; private set; }

    public DateTime? SetAsideAtUtc { get; private set; }

    /// <summary>The operator who settled the event by hand, and what they wrote.</summary>
    public long? ResolvedByUserId { get; private set; }

    public string? ResolutionNote { get; private set; }

    public long Version { get; private set; } = 1;

    public const int ErrorMaxLength = 500;

    public const int ResolutionNoteMaxLength = 500;

    /// <summary>How many failures in a row set an event aside, unless the platform's configuration says otherwise.</summary>
    public const int MaxFailures = 5;

    public PaymentEventState State => StateOf(ProcessedAtUtc, SetAsideAtUtc);

    /// <summary>Where an event stands, from its two dates (for a row read without the entity).</summary>
    public static PaymentEventState StateOf(DateTime? processedAtUtc, DateTime? setAsideAtUtc) =>
        processedAtUtc is not null ? PaymentEventState.Processed
        : setAsideAtUtc is not null ? PaymentEventState.SetAside
        : PaymentEventState.Waiting;

    public static PaymentEvent Receive(PaymentProvider provider, string eventId, PaymentEventType type, string paymentId, string? refundId, string? failureReason, DateTime nowUtc, DateTime? availableAtUtc = null, long? amountCents = null, long? feeCents = null)
    {
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > IdMaxLength || string.IsNullOrWhiteSpace(paymentId) || paymentId.Length > IdMaxLength)
        {
            throw new ArgumentException("A payment event has an event id and a payment id.");
        }

        if (amountCents is <= 0 || feeCents is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountCents), "A refund's or a dispute's amount is positive, its fee never negative.");
        }

        return new PaymentEvent
        {
            Provider = provider,
            EventId = eventId,
            Type = type,
            PaymentId = paymentId,
            RefundId = refundId is { Length: > IdMaxLength } ? refundId[..IdMaxLength] : refundId,
            FailureReason = failureReason is { Length: > 200 } ? failureReason[..200] : failureReason,
            AmountCents = type is PaymentEventType.Refunded or PaymentEventType.DisputeOpened ? amountCents : null,
            FeeCents = type is PaymentEventType.DisputeOpened or PaymentEventType.DisputeWon && feeCents > 0 ? feeCents : null,
            ReceivedAtUtc = nowUtc,
            AvailableAtUtc = availableAtUtc ?? nowUtc,
        };
    }

    public void Processed(string outcome, DateTime nowUtc)
    {
        ProcessedAtUtc = nowUtc;
        Outcome = outcome.Length > 200 ? outcome[..200] : outcome;
        Attempts++;
        Version++;
    }

    /// <summary>
    /// Applying the event failed (nothing of it was saved): it is tried again after a delay that
    /// doubles with each failure (2 s, 4 s, 8 s… at most an hour), and set aside at the
    /// <paramref name="maxFailures"/>-th failure in a row. Returns true when this failure set it aside.
    /// </summary>
    public bool Failed(string error, DateTime nowUtc, int maxFailures = MaxFailures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        if (State != PaymentEventState.Waiting)
        {
            return false;
        }

        Attempts++;
        Failures++;
        LastError = string.IsNullOrWhiteSpace(error) ? "Erreur inconnue." : error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        LastFailedAtUtc = nowUtc;
        Version++;
        if (Failures >= maxFailures)
        {
            SetAsideAtUtc = nowUtc;
            return true;
        }

        AvailableAtUtc = nowUtc + RetryDelay(Failures);
        return false;
    }

    /// <summary>The wait before the next try after <paramref name="failures"/> failures in a row: 2^n seconds, at most an hour.</summary>
    public static TimeSpan RetryDelay(int failures) => TimeSpan.FromSeconds(Math.Min(3_600, 1L << Math.Clamp(failures, 1, 12)));

    /// <summary>The operator tries a set-aside event again, with a fresh count of failures (the last error stays in view).</summary>
    public void Retry(DateTime nowUtc)
    {
        if (State != PaymentEventState.SetAside)
        {
            throw new DomainException(PaymentEventRefusals.NotSetAside);
        }

        SetAsideAtUtc = null;
        Failures = 0;
        AvailableAtUtc = nowUtc;
        Version++;
    }

    /// <summary>
    /// The operator settled a set-aside event by hand (e.g. refunded from the processor's dashboard):
    /// it is done for good, never applied, with the operator and their explanation kept.
    /// </summary>
    public void Resolve(long operatorUserId, string? note, DateTime nowUtc)
    {
        if (State != PaymentEventState.SetAside)
        {
            throw new DomainException(PaymentEventRefusals.NotSetAside);
        }

        var text = Text.Required(note, ResolutionNoteMaxLength, "Ce qui a été fait", multiline: true, field: "Note");
        ResolvedByUserId = operatorUserId;
        ResolutionNote = text;
        ProcessedAtUtc = nowUtc;
        Outcome = "Réglé à la main par l'opérateur.";
        Version++;
    }

    /// <summary>Not applicable yet: tried again later.</summary>
    public void Deferred(string why, DateTime nowUtc)
    {
        Outcome = why.Length > 200 ? why[..200] : why;
        Attempts++;
        AvailableAtUtc = nowUtc.AddSeconds(Math.Min(300, 1 << Math.Min(Attempts, 8)));
        Version++;
    }
}
