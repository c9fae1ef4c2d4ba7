using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Domain.Tests.Common;
using Labelkoz.Domain.Tests.Funding;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Subscriptions;

/// <summary>
/// Every rule of plans (fields as the operator's plan form names them), subscriptions, invoices and
/// sign-up requests (fields as the public sign-up form names them), met with its code and field.
/// </summary>
public sealed class SubscriptionRuleTests
{
    private static readonly DateOnly SignedUp = new(2026, 1, 15);
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string Hash = new('a', 64);
    private static readonly Commune Romainville = new("93063", "Romainville", "219300639", 27_000, "93", ["93230"], "200054781", "Métropole du Grand Paris", "6.0.0");
    private static readonly Seller Platform = new("Labelkoz SAS", "123456782", "FR32123456782", "10 rue de la Paix\n75002 Paris", "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP");

    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(SubscriptionRefusals.MinPopulationNegative, () => Plan.Create("Commune", -1, null, 90_00, 900_00, 500, 2, true)),
        RuleCase.Thrown(SubscriptionRefusals.MaxPopulationNegative, () => Plan.Create("Commune", 0, -1, 90_00, 900_00, 500, 2, true)),
        RuleCase.Thrown(SubscriptionRefusals.MaxPopulationBelowMin, () => Plan.Create("Commune", 10_000, 9_999, 90_00, 900_00, 500, 2, true)),
        RuleCase.Thrown(SubscriptionRefusals.MonthlyPriceOutOfRange, () => Plan.Create("Commune", 0, null, -1, 900_00, 500, 2, true)),
        RuleCase.Thrown(SubscriptionRefusals.YearlyPriceOutOfRange, () => Plan.Create("Commune", 0, null, 90_00, Plan.MaxPriceCents + 1, 500, 2, true)),
        RuleCase.Thrown(SubscriptionRefusals.FeeOutOfRange, () => Plan.Create("Commune", 0, null, 90_00, 900_00, Plan.MaxFeeBasisPoints + 1, 2, true)),
        RuleCase.Thrown(SubscriptionRefusals.MaxOpenCallsNegative, () => Plan.Create("Commune", 0, null, 90_00, 900_00, 500, -1, true)),
        RuleCase.Thrown(TextRefusals.Required, "Name", () => Plan.Create(" ", 0, null, 90_00, 900_00, 500, 2, true)),

        RuleCase.Thrown(SubscriptionRefusals.UnknownBillingPeriod, () => Subscription.StartTrial(1, Offered(), (BillingPeriod)7, SignedUp)),
        RuleCase.Thrown(SubscriptionRefusals.TrialAlreadyOver, () =>
        {
            var subscription = Trial();
            subscription.EndTrialNow(subscription.TrialEndsOn);
        }),
        RuleCase.Thrown(SubscriptionRefusals.PlanNoLongerOffered, () =>
        {
            var retired = FundingKit.WithId(Plan.Create("Ancienne offre", 0, null, 1_00, 10_00, 500, null, true), 7);
            retired.Retire();
            Trial().ChangePlan(retired, BillingPeriod.Monthly);
        }),
        RuleCase.Thrown(SubscriptionRefusals.CancellationAlreadyRecorded, () =>
        {
            var subscription = Trial();
            subscription.Cancel();
            subscription.Cancel();
        }),
        RuleCase.Thrown(SubscriptionRefusals.NotCancelled, () => Trial().Resume(SignedUp)),
        RuleCase.Thrown(SubscriptionRefusals.EndedCannotResume, () =>
        {
            var subscription = Trial();
            subscription.Cancel();
            subscription.Resume(subscription.EndsOn!.Value);
        }),
        RuleCase.Thrown(SubscriptionRefusals.Cancelled, () =>
        {
            var subscription = Trial();
            subscription.Cancel();
            subscription.Refresh(subscription.EndsOn!.Value, null, anyInvoicePaid: false);
            subscription.ChangePlan(Offered(), BillingPeriod.Yearly);
        }),
        RuleCase.Thrown(SubscriptionRefusals.InvoiceAlreadyPaid, () =>
        {
            var invoice = Invoiced();
            invoice.RecordPayment(1, "VIR-1", invoice.IssuedOn, invoice.IssuedOn, Now);
            invoice.RecordPayment(1, "VIR-2", invoice.IssuedOn, invoice.IssuedOn, Now);
        }),
        RuleCase.Thrown(SubscriptionRefusals.InvoicePaymentDateOutOfRange, () =>
        {
            var invoice = Invoiced();
            invoice.RecordPayment(1, "VIR-1", invoice.IssuedOn.AddDays(-1), invoice.IssuedOn, Now);
        }),
        RuleCase.Thrown(TextRefusals.Required, "Reference", () =>
        {
            var invoice = Invoiced();
            invoice.RecordPayment(1, " ", invoice.IssuedOn, invoice.IssuedOn, Now);
        }),

        RuleCase.Thrown(SignupRefusals.UnknownBillingPeriod, () => Submit(period: (BillingPeriod)7)),
        RuleCase.Thrown(SignupRefusals.ContactOutsideDomain, () => Submit(email: "maire.romainville@gmail.com")),
        RuleCase.Thrown(SignupRefusals.PlanNoLongerOffered, () =>
        {
            var retired = Offered();
            retired.Retire();
            Submit(plan: retired);
        }),
        RuleCase.Thrown(SignupRefusals.PlanForAnotherPopulation, () => Submit(plan: FundingKit.WithId(Plan.Defaults()[0], 1))),
        RuleCase.Thrown(SignupRefusals.NotADomain, () => SignupRequest.NormalizeDomain("pas un domaine")),
        RuleCase.Thrown(SignupRefusals.WebmailDomain, () => SignupRequest.NormalizeDomain("https://www.Gmail.com/")),
        RuleCase.Thrown(SignupRefusals.InvalidConfirmationLink, () => Submit().Confirm(new string('b', 64), Now)),
        RuleCase.Thrown(SignupRefusals.RefusedCannotBeConfirmed, () => Refused().Confirm(Hash, Now)),
        RuleCase.Thrown(SignupRefusals.ConfirmationLinkExpired, () => Submit().Confirm(Hash, Now + SignupRequest.ConfirmationValidity)),
        RuleCase.Thrown(SignupRefusals.ContactNotYetConfirmed, () => Submit().Approve(12, 1, Now)),
        RuleCase.Thrown(SignupRefusals.PostalCodeMalformed, () => Submit(postalCode: "9323")),
        RuleCase.Thrown(SignupRefusals.AlreadyDecided, () => Refused().Refuse("Encore", 1, Now)),
        RuleCase.Thrown(CityRefusals.EmailInvalid, "ContactEmail", () => Submit(email: "pas-une-adresse")),
        RuleCase.Thrown(TextRefusals.Required, "ContactName", () => Submit(name: " ")),
        RuleCase.Thrown(TextRefusals.Required, "OfficialDomain", () => SignupRequest.NormalizeDomain(" ")),
        RuleCase.Thrown(TextRefusals.Required, "Reason", () => Submit().Refuse(" ", 1, Now)),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ARuleOfSubscriptions_IsRefusedWithItsCodeAndField(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();

    [Theory]
    [InlineData(SignupStatus.AwaitingConfirmation, true)]
    [InlineData(SignupStatus.Confirmed, true)]
    [InlineData(SignupStatus.Approved, false)]
    [InlineData(SignupStatus.Refused, false)]
    public void ARequest_IsPending_UntilDecided_AlikeInQueriesAndInMemory(SignupStatus status, bool pending)
    {
        var request = In(status);

        Assert.Equal(pending, request.IsPending);
        Assert.Equal(pending, SignupRequest.PendingRule.Compile()(request));
    }

    [Fact]
    public void ThePendingRule_ReadsOnlyTheStatusColumn_SoQueriesTranslateIt() =>
        Assert.Equal("r => ((Convert(r.Status, Int32) == 0) OrElse (Convert(r.Status, Int32) == 1))", SignupRequest.PendingRule.ToString());

    [Theory]
    [InlineData(SignupStatus.AwaitingConfirmation, "signup.contact-not-yet-confirmed", null)]
    [InlineData(SignupStatus.Confirmed, null, null)]
    [InlineData(SignupStatus.Approved, "signup.already-decided", "signup.already-decided")]
    [InlineData(SignupStatus.Refused, "signup.already-decided", "signup.already-decided")]
    public void TheOperator_ValidatesOnlyAConfirmedRequest_AndRefusesOnlyAPendingOne(SignupStatus status, string? whyNotApprove, string? whyNotRefuse)
    {
        var request = In(status);

        Assert.Equal(whyNotApprove, request.WhyCannotApprove()?.Code);
        Assert.Equal(whyNotRefuse, request.WhyCannotRefuse()?.Code);
    }

    private static Plan Offered() => FundingKit.WithId(Plan.Defaults()[1], 2);

    private static Subscription Trial() => FundingKit.WithId(Subscription.StartTrial(1, Offered(), BillingPeriod.Monthly, SignedUp), 9);

    private static Invoice Invoiced()
    {
        var subscription = Trial();
        var today = subscription.InvoicedUntil;
        var city = FundingKit.WithId(ReviewKit.City(20), 1);
        return Invoice.Issue(subscription, subscription.NextPeriodToInvoice(today), Offered(), city, Platform, 1, today, Now);
    }

    private static SignupRequest Refused()
    {
        var request = Submit();
        request.Refuse("La commune est déjà inscrite.", 1, Now);
        return request;
    }

    /// <summary>A request brought to <paramref name="status"/> by the request's own moves.</summary>
    private static SignupRequest In(SignupStatus status)
    {
        var request = Submit();
        switch (status)
        {
            case SignupStatus.AwaitingConfirmation:
                break;
            case SignupStatus.Confirmed:
                request.Confirm(Hash, Now);
                break;
            case SignupStatus.Approved:
                request.Confirm(Hash, Now);
                request.Approve(12, 1, Now);
                break;
            case SignupStatus.Refused:
                request.Refuse("Doublon.", 1, Now);
                break;
        }

        Assert.Equal(status, request.Status);
        return request;
    }

    private static SignupRequest Submit(
        Plan? plan = null,
        BillingPeriod period = BillingPeriod.Yearly,
        string name = "Claire Dubois",
        string email = "dgs@ville-romainville.fr",
        string postalCode = "93230") =>
        SignupRequest.Submit(Romainville, plan ?? Offered(), period, "ville-romainville.fr", name, "Directrice générale des services", email, null, false, "Place de la Laïcité", postalCode, "Romainville", Hash, Now);
}
