using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Subscriptions;

/// <summary>
/// A municipality's subscription over time (DESIGN §2, issue #7), in Paris calendar days:
/// <code>
/// Trial (30 days, free) ─ first invoice paid ─→ Active
/// any invoice unpaid 30 days after its due date ─→ PastDue ─ a further grace period ─→ Suspended
/// every invoice paid ─→ Active again
/// cancellation asked ─→ Cancelled at the end of the period already invoiced (no further invoice)
/// </code>
/// The status is a pure function of the date and the invoices (<see cref="StatusOn"/>): the daily
/// job recomputes it, so a status is never stored out of step with the invoices. A plan or period
/// change takes effect at the next period: no proration (ADR 13).
/// </summary>
public sealed class Subscription : ITenantOwned
{
    public const int TrialDays = 30;

    /// <summary>An invoice is due this many days after it is issued.</summary>
    public const int PaymentTermDays = 30;

    /// <summary>An invoice still unpaid this many days after its due date makes the subscription PastDue.</summary>
    public const int PastDueAfterDays = 30;

    /// <summary>The default further grace period before suspension.</summary>
    public const int DefaultGraceDays = 30;

    private Subscription()
    {
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long PlanId { get; private set; }

    public BillingPeriod Period { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly TrialEndsOn { get; private set; }

    /// <summary>The end (exclusive) of the last period invoiced; the trial's end before any invoice. The next invoice is issued on this day.</summary>
    public DateOnly InvoicedUntil { get; private set; }

    /// <summary>The plan of the next periods, when the city changed it (null: the same).</summary>
    public long? NextPlanId { get; private set; }

    public BillingPeriod? NextPeriod { get; private set; }

    /// <summary>When a cancellation was asked, the day the subscription ends (the end of the period invoiced).</summary>
    public DateOnly? EndsOn { get; private set; }

    public SubscriptionStatus Status { get; private set; } = SubscriptionStatus.Trial;

    public long Version { get; private set; }

    /// <summary>Validation of a sign-up by the operator starts the free trial.</summary>
    public static Subscription StartTrial(long municipalityId, Plan plan, BillingPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        EnsurePeriod(period);
        var trialEnd = today.AddDays(TrialDays);
        return new Subscription
        {
            MunicipalityId = municipalityId,
            PlanId = plan.Id,
            Period = period,
            StartedOn = today,
            TrialEndsOn = trialEnd,
            InvoicedUntil = trialEnd,
            Version = 1,
        };
    }

    /// <summary>Whether the next period must be invoiced today.</summary>
    public bool InvoiceDue(DateOnly today) => Status != SubscriptionStatus.Cancelled && EndsOn is null && today >= InvoicedUntil;

    /// <summary>
    /// Opens the next period for its invoice: the plan and period changes asked take effect now.
    /// Returns what to invoice; the caller issues the invoice in the same transaction.
    /// </summary>
    public InvoicedPeriod NextPeriodToInvoice(DateOnly today)
    {
        if (!InvoiceDue(today))
        {
            throw new InvalidOperationException("No period is due for invoicing.");
        }

        if (NextPlanId is { } planId)
        {
            PlanId = planId;
            NextPlanId = null;
        }

        if (NextPeriod is { } period)
        {
            Period = period;
            NextPeriod = null;
        }

        var start = InvoicedUntil;
        var end = Period == BillingPeriod.Monthly ? start.AddMonths(1) : start.AddYears(1);
        InvoicedUntil = end;
        Version++;
        return new InvoicedPeriod(PlanId, Period, start, end);
    }

    /// <summary>Whether the city may still end its trial early: in trial, nothing invoiced yet, no cancellation.</summary>
    public bool CanEndTrialOn(DateOnly today) => CanEndTrial(Status, EndsOn, InvoicedUntil, TrialEndsOn, today);

    /// <summary>The same rule on a subscription's columns, for pages that read a projection.</summary>
    public static bool CanEndTrial(SubscriptionStatus status, DateOnly? endsOn, DateOnly invoicedUntil, DateOnly trialEndsOn, DateOnly today) =>
        status == SubscriptionStatus.Trial && endsOn is null && invoicedUntil == trialEndsOn && today < trialEndsOn;

    /// <summary>
    /// The city subscribes before the trial's end (its budget allows it, or it wants its first invoice
    /// now): the trial ends today and the first period starts today, invoiced at once.
    /// </summary>
    public void EndTrialNow(DateOnly today)
    {
        if (!CanEndTrialOn(today))
        {
            throw new DomainException(SubscriptionRefusals.TrialAlreadyOver);
        }

        TrialEndsOn = today;
        InvoicedUntil = today;
        Version++;
    }

    /// <summary>The city changes its plan or billing period: it takes effect at the next period.</summary>
    public void ChangePlan(Plan plan, BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(plan);
        EnsurePeriod(period);
        EnsureNotEnded();

        // A retired plan stays with its subscribers, who may still change their billing period on it.
        if (!plan.IsOffered && plan.Id != PlanId)
        {
            throw new DomainException(SubscriptionRefusals.PlanNoLongerOffered);
        }

        NextPlanId = plan.Id == PlanId ? null : plan.Id;
        NextPeriod = period == Period ? null : period;
        Version++;
    }

    /// <summary>The city cancels: the subscription ends with the period already invoiced (or the trial).</summary>
    public void Cancel()
    {
        EnsureNotEnded();
        if (EndsOn is not null)
        {
            throw new DomainException(SubscriptionRefusals.CancellationAlreadyRecorded);
        }

        EndsOn = InvoicedUntil;
        Version++;
    }

    /// <summary>The city withdraws its cancellation before the end of the period.</summary>
    public void Resume(DateOnly today)
    {
        EnsureNotEnded();
        if (EndsOn is not { } end)
        {
            throw new DomainException(SubscriptionRefusals.NotCancelled);
        }

        if (today >= end)
        {
            throw new DomainException(SubscriptionRefusals.EndedCannotResume);
        }

        EndsOn = null;
        Version++;
    }

    /// <summary>
    /// Recomputes the status on a day from the invoices (<see cref="StatusOn"/>). Returns true when
    /// it changed, so the caller records it (audit, the municipality's status, a notification).
    /// </summary>
    public bool Refresh(DateOnly today, DateOnly? oldestUnpaidDueOn, bool anyInvoicePaid, int graceDays = DefaultGraceDays)
    {
        var status = StatusOn(today, oldestUnpaidDueOn, anyInvoicePaid, EndsOn, graceDays);
        if (status == Status)
        {
            return false;
        }

        Status = status;
        Version++;
        return true;
    }

    /// <summary>
    /// The status on <paramref name="today"/>: Cancelled from the end date of a cancellation on
    /// (for good); Suspended when the oldest unpaid invoice is more than 30 days plus the grace
    /// period past its due date; PastDue when more than 30 days; otherwise Active once an invoice was
    /// paid, Trial before.
    /// </summary>
    public static SubscriptionStatus StatusOn(DateOnly today, DateOnly? oldestUnpaidDueOn, bool anyInvoicePaid, DateOnly? endsOn, int graceDays = DefaultGraceDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        if (endsOn is { } end && today >= end)
        {
            return SubscriptionStatus.Cancelled;
        }

        if (oldestUnpaidDueOn is { } due)
        {
            var late = today.DayNumber - due.DayNumber;
            if (late > PastDueAfterDays + graceDays)
            {
                return SubscriptionStatus.Suspended;
            }

            if (late > PastDueAfterDays)
            {
                return SubscriptionStatus.PastDue;
            }
        }

        return anyInvoicePaid ? SubscriptionStatus.Active : SubscriptionStatus.Trial;
    }

    /// <summary>
    /// What a subscription brings in a month, in cents (MRR): its period's price, a yearly one spread
    /// over twelve months (rounded down); nothing during the trial or once suspended or cancelled.
    /// </summary>
    public static long MonthlyRecurringCents(SubscriptionStatus status, BillingPeriod period, long monthlyPriceCents, long yearlyPriceCents) =>
        status is SubscriptionStatus.Active or SubscriptionStatus.PastDue
            ? period == BillingPeriod.Monthly ? monthlyPriceCents : yearlyPriceCents / 12
            : 0;

    private static void EnsurePeriod(BillingPeriod period)
    {
        if (!Enum.IsDefined(period))
        {
            throw new DomainException(SubscriptionRefusals.UnknownBillingPeriod);
        }
    }

    private void EnsureNotEnded()
    {
        if (Status == SubscriptionStatus.Cancelled)
        {
            throw new DomainException(SubscriptionRefusals.Cancelled);
        }
    }
}

/// <summary>A period to invoice: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public sealed record InvoicedPeriod(long PlanId, BillingPeriod Period, DateOnly Start, DateOnly End);
