using System.Globalization;

namespace Labelkoz.Domain.Funding;

/// <summary>What the platform does with a processor's event on a contribution.</summary>
public enum PaymentEventAction
{
    /// <summary>Pending → Succeeded: the money enters the escrow, with the city's match.</summary>
    Confirm = 1,

    /// <summary>Already succeeded (a second notice): the payment is booked if it is not yet; a replay books nothing.</summary>
    ConfirmAgain = 2,

    /// <summary>Pending → Failed: the reward unit goes back to the stock.</summary>
    Decline = 3,

    /// <summary>
    /// A refund of a succeeded contribution, in part or in full (its amount is the event's): before
    /// settlement the money leaves the escrow and the match goes back to the city in proportion;
    /// after it, the payout or the payee bears it (ADR 17). Recorded once per refund id.
    /// </summary>
    Refund = 4,

    /// <summary>Already refunded in full: a replay of a refund already recorded moves nothing; a new one is refused (it exceeds what stands).</summary>
    RefundAgain = 5,

    /// <summary>Pending → Succeeded → Refunded: events arrived out of order, and a refund proves the payment went through first.</summary>
    ConfirmThenRefund = 6,

    /// <summary>
    /// The contribution had expired (Failed, its reward unit given back) when the person's payment
    /// went through: the processor is asked to give the money back, and nothing enters the escrow.
    /// </summary>
    RefundLatePayment = 7,

    /// <summary>Nothing moves; the outcome says why.</summary>
    Ignore = 8,

    /// <summary>The event cannot apply yet (its payment is not known to the platform): tried again later.</summary>
    Wait = 9,

    /// <summary>
    /// A dispute opens on a succeeded contribution: it shows "contestée", the processor's withdrawal
    /// (and its fee) are booked against the platform's disputes account; the campaign's figures
    /// do not move while it is open (ADR 17).
    /// </summary>
    OpenDispute = 10,

    /// <summary>The open dispute was won: the processor gives the money back to the platform's disputes account.</summary>
    WinDispute = 11,

    /// <summary>The open dispute was lost: the amount is a refund of the contribution, booked like any other (ADR 17).</summary>
    LoseDispute = 12,
}

/// <summary>
/// The decision on one event: what to do, and the outcome kept on the event (for the operator; not
/// shown to citizens). The caller does the I/O the decision names: <see cref="BooksPayment"/>,
/// <see cref="BooksRefund"/>, <see cref="RefundsAtProcessor"/>.
/// </summary>
public sealed record PaymentEventDecision(PaymentEventAction Action, string Outcome)
{
    /// <summary>The contribution's money must be in the escrow (booked once: a replay books nothing).</summary>
    public bool BooksPayment => Action switch
    {
        PaymentEventAction.Confirm or PaymentEventAction.ConfirmAgain or PaymentEventAction.ConfirmThenRefund => true,
        PaymentEventAction.Decline or PaymentEventAction.Refund or PaymentEventAction.RefundAgain or PaymentEventAction.RefundLatePayment
            or PaymentEventAction.Ignore or PaymentEventAction.Wait
            or PaymentEventAction.OpenDispute or PaymentEventAction.WinDispute or PaymentEventAction.LoseDispute => false,
    };

    /// <summary>The event carries a refund for the contribution (booked once per refund id).</summary>
    public bool BooksRefund => Action switch
    {
        PaymentEventAction.Refund or PaymentEventAction.RefundAgain or PaymentEventAction.ConfirmThenRefund => true,
        PaymentEventAction.Confirm or PaymentEventAction.ConfirmAgain or PaymentEventAction.Decline or PaymentEventAction.RefundLatePayment
            or PaymentEventAction.Ignore or PaymentEventAction.Wait
            or PaymentEventAction.OpenDispute or PaymentEventAction.WinDispute => false,
        PaymentEventAction.LoseDispute => true,
    };

    /// <summary>The processor must give the payment back (with a key of its own, so asking twice refunds once).</summary>
    public bool RefundsAtProcessor => Action == PaymentEventAction.RefundLatePayment;

    /// <summary>The outcome to keep, once the processor named the refund it made (<see cref="RefundsAtProcessor"/>).</summary>
    public string OutcomeWithRefund(string processorRefundId) =>
        string.Format(CultureInfo.InvariantCulture, Outcome, processorRefundId);
}

/// <summary>
/// What a processor's event does to a contribution, as a state machine written as data: one cell per
/// (event, status), every cell written (a new status or event breaks the build here, CS8509).
/// <code>
///                  PaymentSucceeded      PaymentFailed         Refunded
///   Pending        Confirm               Decline               ConfirmThenRefund
///   Succeeded      ConfirmAgain          Ignore (settled)      Refund (part or all)
///   Failed         RefundLatePayment     Ignore (settled)      Ignore (the late payment's own refund)
///   Refunded       Ignore (already)      Ignore (settled)      RefundAgain (a replay; a new refund is refused)
///
///                  DisputeOpened         DisputeWon            DisputeLost
///   Pending        Wait (its payment)    Wait                  Wait
///   Succeeded      OpenDispute           WinDispute            LoseDispute
///   Failed         Ignore (refunded)     Ignore                Ignore
///   Refunded       Ignore (refunded)     WinDispute            Ignore (nothing stands)
/// </code>
/// Events arrive in any order and any number of times (DESIGN §6): a cell never moves money twice,
/// because every booking has its idempotency key, and every refund is recorded once by its id. A
/// refund may be partial: the contribution stays Succeeded until nothing of it stands (ADR 17).
/// </summary>
public static class PaymentEventRules
{
    /// <summary>How long an event waits for its payment to be known by the platform before it is given up (and kept).</summary>
    public static readonly TimeSpan UnknownPaymentPatience = TimeSpan.FromDays(1);

    private static readonly PaymentEventDecision Confirmed = new(PaymentEventAction.Confirm, "Contribution réussie.");
    private static readonly PaymentEventDecision AlreadySucceeded = new(PaymentEventAction.ConfirmAgain, "Déjà réussie : rien à faire.");
    private static readonly PaymentEventDecision SucceededAfterRefund = new(PaymentEventAction.Ignore, "Déjà réussie : rien à faire.");
    private static readonly PaymentEventDecision PaidAfterExpiry = new(PaymentEventAction.RefundLatePayment, "Paiement arrivé après l'expiration de la contribution : remboursé ({0}).");
    private static readonly PaymentEventDecision Declined = new(PaymentEventAction.Decline, "Paiement refusé : contrepartie rendue au stock.");
    private static readonly PaymentEventDecision AlreadySettled = new(PaymentEventAction.Ignore, "Déjà réglée : rien à faire.");
    private static readonly PaymentEventDecision LatePaymentRefunded = new(PaymentEventAction.Ignore, "Remboursement d'un paiement arrivé trop tard : rien dans la cagnotte.");
    private static readonly PaymentEventDecision Refunded = new(PaymentEventAction.Refund, "Contribution remboursée.");
    private static readonly PaymentEventDecision RefundedAgain = new(PaymentEventAction.RefundAgain, "Contribution remboursée.");
    private static readonly PaymentEventDecision RefundedBeforePayment = new(PaymentEventAction.ConfirmThenRefund, "Contribution remboursée.");
    private static readonly PaymentEventDecision DisputeOpened = new(PaymentEventAction.OpenDispute, "Paiement contesté par le titulaire de la carte : somme retenue par le processeur.");
    private static readonly PaymentEventDecision DisputeWon = new(PaymentEventAction.WinDispute, "Contestation gagnée : somme rendue par le processeur.");
    private static readonly PaymentEventDecision DisputeLost = new(PaymentEventAction.LoseDispute, "Contestation perdue : la somme est remboursée au titulaire de la carte.");
    private static readonly PaymentEventDecision DisputeBeforePayment = new(PaymentEventAction.Wait, "Contestation d'un paiement pas encore confirmé : nouvel essai.");
    private static readonly PaymentEventDecision DisputeOfNothingStanding = new(PaymentEventAction.Ignore, "Contestation d'un paiement déjà rendu : rien dans la cagnotte, à vérifier chez le processeur.");
    private static readonly PaymentEventDecision PaymentNotYetKnown = new(PaymentEventAction.Wait, "Paiement pas encore connu : nouvel essai.");
    private static readonly PaymentEventDecision PaymentNeverKnown = new(PaymentEventAction.Ignore, "Paiement inconnu de la plateforme : ignoré.");

    /// <summary>The decision on an event of <paramref name="type"/> for a contribution in <paramref name="status"/>.</summary>
    public static PaymentEventDecision Decide(PaymentEventType type, ContributionStatus status) => (type, status) switch
    {
        (PaymentEventType.PaymentSucceeded, ContributionStatus.Pending) => Confirmed,
        (PaymentEventType.PaymentSucceeded, ContributionStatus.Succeeded) => AlreadySucceeded,
        (PaymentEventType.PaymentSucceeded, ContributionStatus.Failed) => PaidAfterExpiry,
        (PaymentEventType.PaymentSucceeded, ContributionStatus.Refunded) => SucceededAfterRefund,

        (PaymentEventType.PaymentFailed, ContributionStatus.Pending) => Declined,
        (PaymentEventType.PaymentFailed, ContributionStatus.Succeeded) => AlreadySettled,
        (PaymentEventType.PaymentFailed, ContributionStatus.Failed) => AlreadySettled,
        (PaymentEventType.PaymentFailed, ContributionStatus.Refunded) => AlreadySettled,

        (PaymentEventType.Refunded, ContributionStatus.Pending) => RefundedBeforePayment,
        (PaymentEventType.Refunded, ContributionStatus.Succeeded) => Refunded,
        (PaymentEventType.Refunded, ContributionStatus.Failed) => LatePaymentRefunded,
        (PaymentEventType.Refunded, ContributionStatus.Refunded) => RefundedAgain,

        (PaymentEventType.DisputeOpened, ContributionStatus.Pending) => DisputeBeforePayment,
        (PaymentEventType.DisputeOpened, ContributionStatus.Succeeded) => DisputeOpened,
        (PaymentEventType.DisputeOpened, ContributionStatus.Failed or ContributionStatus.Refunded) => DisputeOfNothingStanding,

        (PaymentEventType.DisputeWon, ContributionStatus.Pending) => DisputeBeforePayment,
        (PaymentEventType.DisputeWon, ContributionStatus.Succeeded or ContributionStatus.Refunded) => DisputeWon,
        (PaymentEventType.DisputeWon, ContributionStatus.Failed) => DisputeOfNothingStanding,

        (PaymentEventType.DisputeLost, ContributionStatus.Pending) => DisputeBeforePayment,
        (PaymentEventType.DisputeLost, ContributionStatus.Succeeded) => DisputeLost,
        (PaymentEventType.DisputeLost, ContributionStatus.Failed or ContributionStatus.Refunded) => DisputeOfNothingStanding,
    };

    /// <summary>
    /// The decision on an event whose payment the platform does not know: the processor's webhook
    /// can beat the platform's own save of the payment id, so it waits, and is given up (the event
    /// kept) after <see cref="UnknownPaymentPatience"/>.
    /// </summary>
    public static PaymentEventDecision ForUnknownPayment(DateTime receivedAtUtc, DateTime nowUtc) =>
        nowUtc - receivedAtUtc > UnknownPaymentPatience ? PaymentNeverKnown : PaymentNotYetKnown;
}
