using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Domain.Tests.Funding;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Subscriptions;

/// <summary>Plans, VAT, invoices and the subscription's state machine over time (issue #7), on a day the test moves.</summary>
public sealed class SubscriptionTests
{
    private static readonly DateOnly SignedUp = new(2026, 1, 15);
    private static readonly Seller Platform = new("Labelkoz SAS", "123456782", "FR32123456782", "10 rue de la Paix\n75002 Paris", "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP");

    [Theory]
    [InlineData(0, "Commune (moins de 10 000 habitants)")]
    [InlineData(9_999, "Commune (moins de 10 000 habitants)")]
    [InlineData(10_000, "Ville (10 000 à 50 000 habitants)")]
    [InlineData(50_000, "Ville (10 000 à 50 000 habitants)")]
    [InlineData(50_001, "Grande ville (plus de 50 000 habitants)")]
    [InlineData(111_934, "Grande ville (plus de 50 000 habitants)")]
    public void ThePlanSuggested_IsTheOneOfThePopulationBand(int population, string expected) =>
        Assert.Equal(expected, Plan.Suggest(Plan.Defaults(), population)?.Name);

    [Fact]
    public void APlan_RefusesNonsense_WithFrenchMessages()
    {
        Assert.Throws<DomainException>(() => Plan.Create("X", -1, null, 1_00, 10_00, 500, null, true));
        Assert.Throws<DomainException>(() => Plan.Create("X", 10_000, 9_999, 1_00, 10_00, 500, null, true));
        Assert.Throws<DomainException>(() => Plan.Create("X", 0, null, -1, 10_00, 500, null, true));
        Assert.Throws<DomainException>(() => Plan.Create("X", 0, null, 1_00, Plan.MaxPriceCents + 1, 500, null, true));
        Assert.Throws<DomainException>(() => Plan.Create("X", 0, null, 1_00, 10_00, 2_001, null, true));
        Assert.Throws<DomainException>(() => Plan.Create(" ", 0, null, 1_00, 10_00, 500, null, true));
        Assert.Throws<DomainException>(() => Plan.Create("X", 0, null, 1_00, 10_00, 500, -1, true));

        var retired = Plan.Create("Ancienne offre", 0, null, 1_00, 10_00, 500, null, true);
        retired.Retire();
        Assert.Null(Plan.Suggest([retired], 500));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(290_00, 58_00, 348_00)]
    [InlineData(1, 0, 1)]
    [InlineData(3, 1, 4)]
    [InlineData(2, 0, 2)]
    [InlineData(99_99, 20_00, 119_99)]
    [InlineData(12_345, 2_469, 14_814)]
    public void Vat_IsTwentyPercent_RoundedHalfUpToTheCent(long excluding, long vat, long including)
    {
        Assert.Equal(vat, Vat.On(excluding));
        Assert.Equal(including, Vat.Including(excluding));
    }

    [Fact]
    public void TheTrial_LastsThirtyDays_ThenEachPeriodIsInvoicedOnce_AndAPaymentMakesItActive()
    {
        var (subscription, plan) = Monthly();
        Assert.Equal(SubscriptionStatus.Trial, subscription.Status);
        Assert.Equal(SignedUp.AddDays(30), subscription.TrialEndsOn);
        Assert.False(subscription.InvoiceDue(SignedUp.AddDays(29)));
        Assert.True(subscription.InvoiceDue(SignedUp.AddDays(30)));

        var today = SignedUp.AddDays(30);
        var first = Issue(subscription, plan, today, 1);
        Assert.Equal(("LKZ-2026-000001", today.AddDays(30)), (first.Number, first.DueOn));
        Assert.Equal((new DateOnly(2026, 2, 14), new DateOnly(2026, 3, 14)), (first.PeriodStart, first.PeriodEnd));
        Assert.Equal((290_00, 58_00, 348_00), (first.AmountExcludingVatCents, first.VatCents, first.AmountIncludingVatCents));
        Assert.Contains("du 14/02/2026 au 13/03/2026", first.Description, StringComparison.Ordinal);
        Assert.Equal(("Montreuil", "219300480", "Labelkoz SAS", "FR32123456782"), (first.BuyerName, first.BuyerSiren, first.SellerName, first.SellerVatNumber));
        Assert.False(subscription.InvoiceDue(today));
        Assert.Throws<InvalidOperationException>(() => subscription.NextPeriodToInvoice(today));

        // Unpaid but not late: still a trial. Paid: active.
        Assert.False(subscription.Refresh(today.AddDays(10), first.DueOn, anyInvoicePaid: false));
        first.RecordPayment(1, "VIR MONTREUIL 2026-02", today.AddDays(12), today.AddDays(12), DateTime.UtcNow);
        Assert.True(subscription.Refresh(today.AddDays(12), null, anyInvoicePaid: true));
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.True(subscription.InvoiceDue(new DateOnly(2026, 3, 14)));
    }

    [Fact]
    public void AnUnpaidInvoice_MakesItPastDueThirtyDaysAfterItsDueDate_ThenSuspended_AndPayingRestoresIt()
    {
        var due = new DateOnly(2026, 3, 16);
        Assert.Equal(SubscriptionStatus.Active, Subscription.StatusOn(due.AddDays(30), due, true, null));
        Assert.Equal(SubscriptionStatus.PastDue, Subscription.StatusOn(due.AddDays(31), due, true, null));
        Assert.Equal(SubscriptionStatus.PastDue, Subscription.StatusOn(due.AddDays(60), due, true, null));
        Assert.Equal(SubscriptionStatus.Suspended, Subscription.StatusOn(due.AddDays(61), due, true, null));
        Assert.Equal(SubscriptionStatus.Suspended, Subscription.StatusOn(due.AddDays(46), due, true, null, graceDays: 15));
        Assert.Equal(SubscriptionStatus.PastDue, Subscription.StatusOn(due.AddDays(31), due, false, null));
        Assert.Equal(SubscriptionStatus.Active, Subscription.StatusOn(due.AddDays(90), null, true, null));

        var (subscription, _) = Monthly();
        Assert.True(subscription.Refresh(due.AddDays(31), due, true));
        Assert.Equal(SubscriptionStatus.PastDue, subscription.Status);
        Assert.True(subscription.Refresh(due.AddDays(61), due, true));
        Assert.Equal(SubscriptionStatus.Suspended, subscription.Status);
        Assert.True(subscription.Refresh(due.AddDays(62), null, true));
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
    }

    [Fact]
    public void ACancellation_EndsWithThePeriodInvoiced_AndNoFurtherInvoice()
    {
        var (subscription, plan) = Monthly();
        var today = SignedUp.AddDays(30);
        Issue(subscription, plan, today, 1);
        subscription.Cancel();
        Assert.Throws<DomainException>(() => subscription.Cancel());
        Assert.Equal(new DateOnly(2026, 3, 14), subscription.EndsOn);
        Assert.False(subscription.InvoiceDue(new DateOnly(2026, 3, 14)));

        subscription.Refresh(new DateOnly(2026, 3, 13), null, true);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.True(subscription.Refresh(new DateOnly(2026, 3, 14), null, true));
        Assert.Equal(SubscriptionStatus.Cancelled, subscription.Status);
        Assert.Throws<DomainException>(() => subscription.Resume(new DateOnly(2026, 3, 14)));
        Assert.Throws<DomainException>(() => subscription.ChangePlan(plan, BillingPeriod.Yearly));

        // Withdrawn in time, it goes on.
        var (other, otherPlan) = Monthly();
        other.Cancel();

        // On its last day, not after, even before the job has marked it cancelled.
        Assert.Throws<DomainException>(() => other.Resume(other.EndsOn!.Value));
        other.Resume(other.EndsOn!.Value.AddDays(-1));
        Assert.True(other.InvoiceDue(SignedUp.AddDays(30)));
        Assert.NotNull(Issue(other, otherPlan, SignedUp.AddDays(30), 2));
    }

    [Fact]
    public void ARetiredPlan_StaysWithItsSubscribers_WhoMayChangeTheirBillingPeriodOnIt()
    {
        var (subscription, plan) = Monthly();
        plan.Retire();

        subscription.ChangePlan(plan, BillingPeriod.Yearly);

        Assert.Equal((null, BillingPeriod.Yearly), (subscription.NextPlanId, subscription.NextPeriod));
        var retired = FundingKit.WithId(Plan.Create("Ancienne", 10_000, 50_000, 1_00, 10_00, 500, null, true), 7);
        retired.Retire();
        Assert.Throws<DomainException>(() => subscription.ChangePlan(retired, BillingPeriod.Monthly));
    }

    [Fact]
    public void APlanChange_TakesEffectAtTheNextPeriod()
    {
        var (subscription, plan) = Monthly();
        var big = FundingKit.WithId(Plan.Create("Grande ville", 50_001, null, 690_00, 6_900_00, 400, null, true), 3);
        Issue(subscription, plan, SignedUp.AddDays(30), 1);
        subscription.ChangePlan(big, BillingPeriod.Yearly);
        Assert.Equal(plan.Id, subscription.PlanId);

        var next = subscription.NextPeriodToInvoice(new DateOnly(2026, 3, 14));
        Assert.Equal((big.Id, BillingPeriod.Yearly, new DateOnly(2026, 3, 14), new DateOnly(2027, 3, 14)), (next.PlanId, next.Period, next.Start, next.End));
        var invoice = Invoice.Issue(subscription, next, big, City(), Platform, 2, new DateOnly(2026, 3, 14), DateTime.UtcNow);
        Assert.Equal(6_900_00, invoice.AmountExcludingVatCents);
        Assert.Contains("annuel", invoice.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SubscriptionStatus.Active, BillingPeriod.Monthly, 290_00)]
    [InlineData(SubscriptionStatus.PastDue, BillingPeriod.Monthly, 290_00)]
    [InlineData(SubscriptionStatus.Active, BillingPeriod.Yearly, 241_66)]
    [InlineData(SubscriptionStatus.Trial, BillingPeriod.Monthly, 0)]
    [InlineData(SubscriptionStatus.Suspended, BillingPeriod.Yearly, 0)]
    [InlineData(SubscriptionStatus.Cancelled, BillingPeriod.Monthly, 0)]
    public void TheMonthlyRecurringRevenue_CountsPayingSubscriptions_AYearSpreadOverTwelveMonths(SubscriptionStatus status, BillingPeriod period, long expected) =>
        Assert.Equal(expected, Subscription.MonthlyRecurringCents(status, period, 290_00, 2_900_00));

    [Fact]
    public void APayment_IsRecordedOnce_WithAReferenceAndAPlausibleDate()
    {
        var (subscription, plan) = Monthly();
        var today = SignedUp.AddDays(30);
        var invoice = Issue(subscription, plan, today, 7);
        Assert.True(invoice.IsOverdue(today.AddDays(31)));
        Assert.Throws<DomainException>(() => invoice.RecordPayment(1, " ", today, today, DateTime.UtcNow));
        Assert.Throws<DomainException>(() => invoice.RecordPayment(1, "VIR", today.AddDays(-1), today, DateTime.UtcNow));
        Assert.Throws<DomainException>(() => invoice.RecordPayment(1, "VIR", today.AddDays(2), today.AddDays(1), DateTime.UtcNow));
        invoice.RecordPayment(1, "VIR 123", today.AddDays(1), today.AddDays(3), DateTime.UtcNow);
        Assert.Equal((InvoiceStatus.Paid, "VIR 123", today.AddDays(1)), (invoice.Status, invoice.PaymentReference, invoice.PaidOn));
        Assert.False(invoice.IsOverdue(today.AddDays(90)));
        Assert.Throws<DomainException>(() => invoice.RecordPayment(1, "VIR 124", today.AddDays(1), today.AddDays(3), DateTime.UtcNow));
    }

    [Fact]
    public void TheCity_MayEndItsTrialEarly_OnceBeforeAnyInvoice_AndItsFirstPeriodStartsThatDay()
    {
        var (subscription, plan) = Monthly();
        var today = SignedUp.AddDays(10);
        Assert.True(subscription.CanEndTrialOn(today));
        Assert.False(subscription.InvoiceDue(today));

        subscription.EndTrialNow(today);

        Assert.Equal((today, today), (subscription.TrialEndsOn, subscription.InvoicedUntil));
        Assert.True(subscription.InvoiceDue(today));
        var first = Issue(subscription, plan, today, 1);
        Assert.Equal((today, today.AddMonths(1)), (first.PeriodStart, first.PeriodEnd));
        Assert.False(subscription.CanEndTrialOn(today));
        Assert.Throws<DomainException>(() => subscription.EndTrialNow(today));

        var (cancelled, _) = Monthly();
        cancelled.Cancel();
        Assert.False(cancelled.CanEndTrialOn(today));
        Assert.Throws<DomainException>(() => cancelled.EndTrialNow(today));

        var (late, _) = Monthly();
        Assert.False(late.CanEndTrialOn(late.TrialEndsOn));
    }

    private static (Subscription Subscription, Plan Plan) Monthly()
    {
        var plan = FundingKit.WithId(Plan.Defaults()[1], 2);
        var subscription = FundingKit.WithId(Subscription.StartTrial(1, plan, BillingPeriod.Monthly, SignedUp), 9);
        return (subscription, plan);
    }

    private static Invoice Issue(Subscription subscription, Plan plan, DateOnly today, int sequence) =>
        Invoice.Issue(subscription, subscription.NextPeriodToInvoice(today), plan, City(), Platform, sequence, today, DateTime.UtcNow);

    private static Municipality City()
    {
        var city = ReviewKit.City(20);
        city.SetOfficialIdentity("219300480");
        city.SetBillingAddress("Hôtel de ville\n93100 Montreuil", DateTime.UtcNow);
        FundingKit.WithId(city, 1);
        return city;
    }
}
