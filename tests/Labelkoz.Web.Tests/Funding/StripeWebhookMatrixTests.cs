using System.Globalization;
using System.Net;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The webhook matrix (issue #15): every event type the endpoint accepts, sent once, then the same
/// event fifty times in parallel, then for a payment the platform does not know, then with Stripe
/// unreachable. Always the documented status (200, or 503 when Stripe must be asked and cannot be),
/// one recorded event, one effect on the contribution, never a 500.
/// </summary>
public sealed class StripeWebhookMatrixTests(StripeApp app) : IClassFixture<StripeApp>
{
    public static TheoryData<string> Types() =>
    [
        EventTypes.CheckoutSessionCompleted,
        EventTypes.CheckoutSessionAsyncPaymentSucceeded,
        EventTypes.CheckoutSessionAsyncPaymentFailed,
        EventTypes.CheckoutSessionExpired,
        EventTypes.RefundCreated,
        EventTypes.RefundUpdated,
        EventTypes.ChargeRefunded,
        EventTypes.ChargeDisputeCreated,
        EventTypes.ChargeDisputeClosed,
    ];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task EachEventType_IsRecordedOnce_HasOneEffect_AndNeverAnswers500(string type)
    {
        var tag = type.Replace('.', '_');
        var campaign = await app.CreateLiveCampaignAsync($"Un parc (matrice {type})");
        var (contributionId, sessionId) = await app.StartContributionAsync(campaign, await app.Given.Person(), 40_00, $"matrix-{tag}");
        var paymentIntent = $"pi_matrix_{tag}";
        app.Stripe.SessionForPaymentIntent[paymentIntent] = sessionId;
        var paymentEvent = type is EventTypes.CheckoutSessionAsyncPaymentFailed or EventTypes.CheckoutSessionExpired;
        if (!paymentEvent && type != EventTypes.CheckoutSessionCompleted && type != EventTypes.CheckoutSessionAsyncPaymentSucceeded)
        {
            // Refunds and disputes concern a paid contribution; a dispute closes after it opened.
            Assert.Equal(HttpStatusCode.OK, await PostAsync(StripeApp.SessionEvent($"evt_matrix_paid_{tag}", EventTypes.CheckoutSessionCompleted, sessionId, contributionId)));
            if (type == EventTypes.ChargeDisputeClosed)
            {
                Assert.Equal(HttpStatusCode.OK, await PostAsync(Event($"evt_matrix_open_{tag}", EventTypes.ChargeDisputeCreated, contributionId, sessionId, paymentIntent)));
            }

            await app.RunJobsAsync();
        }

        // Once, then fifty times at once: one row, 200 each time.
        var json = Event($"evt_matrix_{tag}", type, contributionId, sessionId, paymentIntent);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(json));
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(json)));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.EventId == $"evt_matrix_{tag}")));
        await app.RunJobsAsync();
        await app.RunJobsAsync();

        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == contributionId));
        var expected = type switch
        {
            EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded => (ContributionStatus.Succeeded, 0L, DisputeState.None),
            EventTypes.CheckoutSessionAsyncPaymentFailed or EventTypes.CheckoutSessionExpired => (ContributionStatus.Failed, 0L, DisputeState.None),
            EventTypes.RefundCreated or EventTypes.RefundUpdated or EventTypes.ChargeRefunded => (ContributionStatus.Succeeded, 15_00L, DisputeState.None),
            EventTypes.ChargeDisputeCreated => (ContributionStatus.Succeeded, 0L, DisputeState.Open),
            _ => (ContributionStatus.Refunded, 40_00L, DisputeState.Lost),
        };
        Assert.Equal(expected, (contribution.Status, contribution.RefundedCents, contribution.Dispute));
        Assert.Equal(0, await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.PaymentId == sessionId && e.ProcessedAtUtc == null)));

        // A payment the platform does not know: 200, and nothing moves.
        var unknown = Event($"evt_matrix_unknown_{tag}", type, 987_654_321, $"cs_test_unknown_{tag}", $"pi_unknown_{tag}");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(unknown));

        // Stripe unreachable: 503 when the event needs Stripe to name its session (a refund or a
        // dispute without our metadata), so that Stripe sends it again; nothing recorded then.
        app.Stripe.Unreachable = true;
        try
        {
            var needsStripe = Event($"evt_matrix_down_{tag}", type, null, sessionId, $"pi_down_{tag}");
            var status = await PostAsync(needsStripe);
            var looksUp = type is EventTypes.ChargeDisputeCreated or EventTypes.ChargeDisputeClosed or EventTypes.ChargeRefunded
                or EventTypes.RefundCreated or EventTypes.RefundUpdated;
            Assert.Equal(looksUp ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, status);
            if (looksUp)
            {
                Assert.False(await app.WithDbAsync(db => db.PaymentEvents.AnyAsync(e => e.EventId.StartsWith($"evt_matrix_down_{tag}"))));
            }
        }
        finally
        {
            app.Stripe.Unreachable = false;
        }
    }

    private async Task<HttpStatusCode> PostAsync(string json) =>
        (await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow()))).StatusCode;

    /// <summary>
    /// An event of <paramref name="type"/> on the contribution's payment; refunds and disputes carry
    /// the PaymentIntent, and the contribution's id in metadata only when <paramref name="contributionId"/> is given.
    /// </summary>
    private static string Event(string id, string type, long? contributionId, string sessionId, string paymentIntent)
    {
        var metadata = contributionId is { } known
            ? new Dictionary<string, string> { ["contribution_id"] = known.ToString(CultureInfo.InvariantCulture) }
            : [];
        return type switch
        {
            EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded or EventTypes.CheckoutSessionAsyncPaymentFailed or EventTypes.CheckoutSessionExpired =>
                StripeApp.SessionEvent(id, type, sessionId, contributionId ?? 0, type == EventTypes.CheckoutSessionExpired ? "unpaid" : "paid"),
            EventTypes.RefundCreated or EventTypes.RefundUpdated =>
                StripeApp.Event(id, type, new { id = $"re_{id}", @object = "refund", amount = 15_00, status = "succeeded", payment_intent = paymentIntent, metadata }),
            EventTypes.ChargeRefunded =>
                StripeApp.Event(id, type, new
                {
                    id = $"ch_{id}",
                    @object = "charge",
                    amount = 40_00,
                    amount_refunded = 15_00,
                    refunded = false,
                    payment_intent = paymentIntent,
                    metadata,
                    refunds = new { @object = "list", data = new[] { new { id = $"re_{id}", @object = "refund", amount = 15_00, status = "succeeded" } } },
                }),
            _ => StripeApp.Event(id, type, new
            {
                id = $"dp_{paymentIntent}",
                @object = "dispute",
                amount = 40_00,
                currency = "eur",
                status = type == EventTypes.ChargeDisputeCreated ? "needs_response" : "lost",
                payment_intent = paymentIntent,
                charge = $"ch_{paymentIntent}",
                balance_transactions = Array.Empty<object>(),
            }),
        };
    }
}
