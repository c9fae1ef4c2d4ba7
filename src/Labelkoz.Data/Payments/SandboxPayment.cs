namespace Labelkoz.Data.Payments;

public enum SandboxPaymentStatus
{
    /// <summary>Waiting for the card on the sandbox's hosted page.</summary>
    RequiresCard = 1,

    /// <summary>The card asks its holder to confirm (like 3-D Secure).</summary>
    RequiresConfirmation = 2,

    /// <summary>Paid; possibly refunded in part (<see cref="SandboxPayment.RefundedCents"/>).</summary>
    Succeeded = 3,
    Declined = 4,

    /// <summary>Refunded in full.</summary>
    Refunded = 5,
}

/// <summary>
/// The state of the built-in sandbox card processor: one payment it was asked to take. It is the
/// processor's own record, not the platform's (the platform only learns of outcomes through events),
/// kept in the same database so the sandbox survives a restart.
/// </summary>
public sealed class SandboxPayment
{
    public const int IdLength = 32;

    public string Id { get; set; } = string.Empty;

    /// <summary>The caller's key: asking twice with it returns the same payment.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    public long AmountCents { get; set; }

    public string Description { get; set; } = string.Empty;

    public string ReturnUrl { get; set; } = string.Empty;

    public SandboxPaymentStatus Status { get; set; } = SandboxPaymentStatus.RequiresCard;

    public string? CardLast4 { get; set; }

    public string? DeclineReason { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>The last refund's id.</summary>
    public string? RefundId { get; set; }

    /// <summary>When it was refunded in full.</summary>
    public DateTime? RefundedAtUtc { get; set; }

    /// <summary>What the sandbox gave back so far, by all its refunds.</summary>
    public long RefundedCents { get; set; }

    public long Version { get; set; } = 1;
}

/// <summary>One refund the sandbox made of a payment, in part or in full: asking again with its key gives it back.</summary>
public sealed class SandboxRefund
{
    public string Id { get; set; } = string.Empty;

    public string PaymentId { get; set; } = string.Empty;

    public string IdempotencyKey { get; set; } = string.Empty;

    public long AmountCents { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
