using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;

namespace Labelkoz.Domain.Tests.Funding;

/// <summary>
/// An event whose application fails is tried again with a growing delay, then set aside for the
/// operator, who retries it or settles it by hand (issue #15, finding 3: one event must never hold
/// up the others).
/// </summary>
public sealed class PaymentEventFailureTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static PaymentEvent NewEvent() =>
        PaymentEvent.Receive(PaymentProvider.Stripe, "evt_1", PaymentEventType.PaymentSucceeded, "cs_1", null, null, Now);

    [Fact]
    public void AFailure_KeepsTheError_AndPutsTheNextTryLater_EachTimeLaterStill()
    {
        var paymentEvent = NewEvent();

        Assert.False(paymentEvent.Failed("HttpRequestException: refund call failed", Now));

        Assert.Equal(PaymentEventState.Waiting, paymentEvent.State);
        Assert.Equal(1, paymentEvent.Failures);
        Assert.Equal("HttpRequestException: refund call failed", paymentEvent.LastError);
        Assert.Equal(Now, paymentEvent.LastFailedAtUtc);
        Assert.Equal(Now.AddSeconds(2), paymentEvent.AvailableAtUtc);

        paymentEvent.Failed("again", Now.AddSeconds(2));
        Assert.Equal(Now.AddSeconds(2 + 4), paymentEvent.AvailableAtUtc);
        Assert.Equal("again", paymentEvent.LastError);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    [InlineData(11, 2_048)]
    [InlineData(12, 3_600)]
    [InlineData(40, 3_600)]
    public void TheDelay_DoublesWithEachFailure_UpToAnHour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), PaymentEvent.RetryDelay(failures));

    [Fact]
    public void TheMaxthFailureInARow_SetsTheEventAside()
    {
        var paymentEvent = NewEvent();
        for (var i = 1; i < 3; i++)
        {
            Assert.False(paymentEvent.Failed("boom", Now, maxFailures: 3));
        }

        Assert.True(paymentEvent.Failed("boom", Now.AddMinutes(1), maxFailures: 3));

        Assert.Equal(PaymentEventState.SetAside, paymentEvent.State);
        Assert.Equal(Now.AddMinutes(1), paymentEvent.SetAsideAtUtc);
        Assert.Null(paymentEvent.ProcessedAtUtc);

        // Set aside: a late failure report changes nothing.
        Assert.False(paymentEvent.Failed("later", Now.AddMinutes(2), maxFailures: 3));
        Assert.Equal(3, paymentEvent.Failures);
    }

    [Fact]
    public void AnErrorText_IsCutToItsColumn_AndAnEmptyOneNamed()
    {
        var paymentEvent = NewEvent();

        paymentEvent.Failed(new string('x', 2_000), Now);
        Assert.Equal(PaymentEvent.ErrorMaxLength, paymentEvent.LastError!.Length);

        paymentEvent.Failed(" ", Now);
        Assert.Equal("Erreur inconnue.", paymentEvent.LastError);
    }

    [Fact]
    public void Retrying_PutsItBackInTheQueueNow_WithAFreshCount()
    {
        var paymentEvent = NewEvent();
        paymentEvent.Failed("boom", Now, maxFailures: 1);
        var version = paymentEvent.Version;

        paymentEvent.Retry(Now.AddHours(3));

        Assert.Equal(PaymentEventState.Waiting, paymentEvent.State);
        Assert.Equal(0, paymentEvent.Failures);
        Assert.Equal(Now.AddHours(3), paymentEvent.AvailableAtUtc);
        Assert.Equal("boom", paymentEvent.LastError);
        Assert.True(paymentEvent.Version > version);
    }

    [Fact]
    public void Resolving_ClosesItForGood_WithWhoAndWhy()
    {
        var paymentEvent = NewEvent();
        paymentEvent.Failed("boom", Now, maxFailures: 1);

        paymentEvent.Resolve(42, "  Remboursé depuis le tableau de bord Stripe (re_123).  ", Now.AddHours(1));

        Assert.Equal(PaymentEventState.Processed, paymentEvent.State);
        Assert.Equal(42, paymentEvent.ResolvedByUserId);
        Assert.Equal("Remboursé depuis le tableau de bord Stripe (re_123).", paymentEvent.ResolutionNote);
        Assert.Equal(Now.AddHours(1), paymentEvent.ProcessedAtUtc);
        Assert.Equal("Réglé à la main par l'opérateur.", paymentEvent.Outcome);
    }

    [Fact]
    public void ResolvingWithoutSayingWhatWasDone_IsRefused_OnTheNoteField()
    {
        var paymentEvent = NewEvent();
        paymentEvent.Failed("boom", Now, maxFailures: 1);

        var refusal = Assert.Throws<DomainException>(() => paymentEvent.Resolve(42, "   ", Now)).Refusal;

        Assert.Equal("Note", refusal.Field);
        Assert.Equal(PaymentEventState.SetAside, paymentEvent.State);
    }

    [Fact]
    public void OnlyASetAsideEvent_IsRetriedOrResolved()
    {
        var waiting = NewEvent();
        var processed = NewEvent();
        processed.Processed("Contribution réussie.", Now);

        foreach (var paymentEvent in new[] { waiting, processed })
        {
            Assert.Equal(PaymentEventRefusals.NotSetAside.Code, Assert.Throws<DomainException>(() => paymentEvent.Retry(Now)).Refusal.Code);
            Assert.Equal(PaymentEventRefusals.NotSetAside.Code, Assert.Throws<DomainException>(() => paymentEvent.Resolve(1, "fait", Now)).Refusal.Code);
        }
    }
}
