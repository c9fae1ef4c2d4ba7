using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Stripe;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// <c>POST /webhooks/stripe</c> on a real database: Stripe's signature (and its 300-second
/// tolerance) decides, each event id is recorded once, and the funding job applies the events once,
/// in any order (a refund before its payment included). Stripe's API is a fake HTTP handler.
/// </summary>
public sealed class StripeWebhookTests(StripeApp app) : IClassFixture<StripeApp>
{
    [Fact]
    public async Task AWrongSignature_Is400_AndRecordsNothing()
    {
        var json = StripeApp.SessionEvent("evt_bad_signature", EventTypes.CheckoutSessionCompleted, "cs_test_unknown", contributionId: 1);
        var header = StripeApp.Sign(json, app.Clock.GetUtcNow(), "whsec_not_the_secret");

        var response = await app.PostWebhookAsync(json, header);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False(await app.WithDbAsync(db => db.PaymentEvents.AnyAsync(e => e.EventId == "evt_bad_signature")));
    }

    [Fact]
    public async Task ASignatureOlderThan300Seconds_Is400()
    {
        var json = StripeApp.SessionEvent("evt_too_old", EventTypes.CheckoutSessionCompleted, "cs_test_unknown", contributionId: 1);

        var tooOld = await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow().AddSeconds(-301)));
        await AssertProblemAsync(tooOld, HttpStatusCode.BadRequest);
        Assert.False(await app.WithDbAsync(db => db.PaymentEvents.AnyAsync(e => e.EventId == "evt_too_old")));

        // Within the tolerance, the same event is taken.
        var inTime = await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow().AddSeconds(-290)));
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.PaymentEvents.AnyAsync(e => e.EventId == "evt_too_old")));
    }

    [Fact]
    public async Task AMissingSignature_Is400_AndABodyTooLarge_Is413_AndGarbage_Is400()
    {
        var json = StripeApp.SessionEvent("evt_unsigned", EventTypes.CheckoutSessionCompleted, "cs_test_unknown", contributionId: 1);
        await AssertProblemAsync(await app.PostWebhookAsync(json, null), HttpStatusCode.BadRequest);

        var huge = "{\"id\":\"evt_huge\",\"padding\":\"" + new string('x', StripeWebhook.MaxBodyBytes) + "\"}";
        await AssertProblemAsync(await app.PostWebhookAsync(huge, StripeApp.Sign(huge, app.Clock.GetUtcNow())), HttpStatusCode.RequestEntityTooLarge);

        // Signed but not an event: still a 400, never a 500.
        foreach (var garbage in new[] { "not json at all", "[1,2]", "{\"data\":5}", "{\"type\":\"checkout.session.completed\"}" })
        {
            await AssertProblemAsync(await app.PostWebhookAsync(garbage, StripeApp.Sign(garbage, app.Clock.GetUtcNow())), HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task TheSameEventTwice_IsOneRow_AndAnIrrelevantEvent_IsIgnored()
    {
        var json = StripeApp.SessionEvent("evt_twice", EventTypes.CheckoutSessionCompleted, "cs_test_twice", contributionId: 1);

        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.Provider == PaymentProvider.Stripe && e.EventId == "evt_twice")));
        var recorded = await app.WithDbAsync(db => db.PaymentEvents.SingleAsync(e => e.EventId == "evt_twice"));
        Assert.Equal(PaymentEventType.PaymentSucceeded, recorded.Type);
        Assert.Equal("cs_test_twice", recorded.PaymentId);

        var other = StripeApp.Event("evt_irrelevant", "customer.created", new { id = "cus_1", @object = "customer" });
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(other, StripeApp.Sign(other, app.Clock.GetUtcNow()))).StatusCode);
        var unpaid = StripeApp.SessionEvent("evt_unpaid", EventTypes.CheckoutSessionCompleted, "cs_test_unpaid", contributionId: 1, paymentStatus: "unpaid");
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(unpaid, StripeApp.Sign(unpaid, app.Clock.GetUtcNow()))).StatusCode);
        var noSession = StripeApp.Event("evt_no_session", EventTypes.CheckoutSessionCompleted, new { @object = "checkout.session", payment_status = "paid" });
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(noSession, StripeApp.Sign(noSession, app.Clock.GetUtcNow()))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PaymentEvents.AnyAsync(e => e.EventId == "evt_irrelevant" || e.EventId == "evt_unpaid" || e.EventId == "evt_no_session")));
    }

    [Fact]
    public async Task APaymentReplayed_UnderTwoEventIds_MovesMoneyOnce()
    {
        var campaign = await app.CreateLiveCampaignAsync("Un parc (Stripe, rejoué)");
        var campaignId = campaign.Id;
        var donor = await app.Given.Person();
        var (contributionId, sessionId) = await app.StartContributionAsync(campaign, donor, 30_00, "stripe-replayed");
        Assert.StartsWith("cs_test_", sessionId, StringComparison.Ordinal);

        foreach (var (eventId, type) in new[] { ("evt_paid_1", EventTypes.CheckoutSessionCompleted), ("evt_paid_1", EventTypes.CheckoutSessionCompleted), ("evt_paid_2", EventTypes.CheckoutSessionAsyncPaymentSucceeded) })
        {
            var json = StripeApp.SessionEvent(eventId, type, sessionId, contributionId);
            Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow()))).StatusCode);
        }

        await app.RunJobsAsync();
        await app.RunJobsAsync();

        Assert.Equal(ContributionStatus.Succeeded, await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == contributionId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.ContributionId == contributionId && t.Kind == LedgerTransactionKind.Contribution)));
        Assert.Equal(30_00, (await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None))).ContributedCents);
        Assert.Equal(2, await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.PaymentId == sessionId && e.ProcessedAtUtc != null)));
        await AssertLedgerBalancedAsync(campaignId);
    }

    [Fact]
    public async Task ARefundBeforeItsPayment_RecordsBoth_Once_AndTheLedgerBalances()
    {
        var campaign = await app.CreateLiveCampaignAsync("Un parc (Stripe, remboursement en avance)");
        var campaignId = campaign.Id;
        var donor = await app.Given.Person();
        var (contributionId, sessionId) = await app.StartContributionAsync(campaign, donor, 40_00, "stripe-refund-first");

        // Stripe's charge.refunded carries the PaymentIntent and the contribution id (metadata), not the session.
        var refunded = StripeApp.Event("evt_refund_first", EventTypes.ChargeRefunded, new
        {
            id = "ch_refund_first",
            @object = "charge",
            amount = 40_00,
            amount_refunded = 40_00,
            refunded = true,
            payment_intent = "pi_refund_first",
            metadata = new Dictionary<string, string> { ["contribution_id"] = contributionId.ToString(CultureInfo.InvariantCulture) },
            refunds = new { @object = "list", data = new[] { new { id = "re_refund_first", @object = "refund" } } },
        });
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(refunded, StripeApp.Sign(refunded, app.Clock.GetUtcNow()))).StatusCode);
        var paid = StripeApp.SessionEvent("evt_paid_after_refund", EventTypes.CheckoutSessionCompleted, sessionId, contributionId);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(paid, StripeApp.Sign(paid, app.Clock.GetUtcNow()))).StatusCode);

        await app.RunJobsAsync();
        await app.RunJobsAsync();

        var contribution = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == contributionId).Select(c => new { c.Status, c.ProviderRefundId }).SingleAsync());
        Assert.Equal(ContributionStatus.Refunded, contribution.Status);
        Assert.Equal("re_refund_first", contribution.ProviderRefundId);
        Assert.Equal(1, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.ContributionId == contributionId && t.Kind == LedgerTransactionKind.Contribution)));
        Assert.Equal(1, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.ContributionId == contributionId && t.Kind == LedgerTransactionKind.Refund)));
        Assert.Equal(0, await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.PaymentId == sessionId && e.ProcessedAtUtc == null)));
        Assert.Equal(0, await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Escrow(campaignId), CancellationToken.None)));
        await AssertLedgerBalancedAsync(campaignId);
    }

    [Fact]
    public async Task ARefundMadeOutsideThePlatform_IsMappedThroughStripe_ToItsSession()
    {
        var campaign = await app.CreateLiveCampaignAsync("Un parc (Stripe, remboursement au tableau de bord)");
        var campaignId = campaign.Id;
        var donor = await app.Given.Person();
        var (contributionId, sessionId) = await app.StartContributionAsync(campaign, donor, 25_00, "stripe-dashboard-refund");
        var paid = StripeApp.SessionEvent("evt_dashboard_paid", EventTypes.CheckoutSessionCompleted, sessionId, contributionId);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(paid, StripeApp.Sign(paid, app.Clock.GetUtcNow()))).StatusCode);

        // A refund.updated without our metadata: the webhook asks Stripe which session took the PaymentIntent.
        app.Stripe.SessionForPaymentIntent["pi_dashboard"] = sessionId;
        var refund = StripeApp.Event("evt_dashboard_refund", EventTypes.RefundUpdated, new
        {
            id = "re_dashboard",
            @object = "refund",
            amount = 25_00,
            status = "succeeded",
            payment_intent = "pi_dashboard",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(refund, StripeApp.Sign(refund, app.Clock.GetUtcNow()))).StatusCode);
        await app.RunJobsAsync();

        Assert.Equal(ContributionStatus.Refunded, await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == contributionId).Select(c => c.Status).SingleAsync()));
        Assert.Contains(app.Stripe.Requests, r => r.Method == "GET" && r.Path == "/v1/checkout/sessions" && r.Query.Contains("payment_intent=pi_dashboard", StringComparison.Ordinal));
        await AssertLedgerBalancedAsync(campaignId);
    }

    [Fact]
    public async Task StripeUnreachableWhenARefundIsLookedUp_Answers503_SoStripeSendsItAgain_ThenItIsRecordedOnce()
    {
        // Issue #15, finding 4: a network failure (not a StripeException) answered 500.
        var campaign = await app.CreateLiveCampaignAsync("Un parc (Stripe injoignable)");
        var donor = await app.Given.Person();
        var (contributionId, sessionId) = await app.StartContributionAsync(campaign, donor, 25_00, "stripe-unreachable");
        var paid = StripeApp.SessionEvent("evt_unreachable_paid", EventTypes.CheckoutSessionCompleted, sessionId, contributionId);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(paid, StripeApp.Sign(paid, app.Clock.GetUtcNow()))).StatusCode);
        app.Stripe.SessionForPaymentIntent["pi_unreachable"] = sessionId;
        var refund = StripeApp.Event("evt_unreachable_refund", EventTypes.RefundUpdated, new
        {
            id = "re_unreachable",
            @object = "refund",
            amount = 25_00,
            status = "succeeded",
            payment_intent = "pi_unreachable",
        });

        app.Stripe.Unreachable = true;
        try
        {
            await AssertProblemAsync(await app.PostWebhookAsync(refund, StripeApp.Sign(refund, app.Clock.GetUtcNow())), HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            app.Stripe.Unreachable = false;
        }

        Assert.False(await app.WithDbAsync(db => db.PaymentEvents.AnyAsync(e => e.EventId == "evt_unreachable_refund")));
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(refund, StripeApp.Sign(refund, app.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(refund, StripeApp.Sign(refund, app.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.EventId == "evt_unreachable_refund" && e.PaymentId == sessionId)));
    }

    [Fact]
    public async Task AStripeErrorWhenStarting_GivesTheContributorAMessage_AndLeavesAPendingContributionWithoutPayment()
    {
        var campaign = await app.CreateLiveCampaignAsync("Un parc (Stripe en panne)");
        var campaignId = campaign.Id;
        var donor = await app.Given.Person();
        app.Stripe.FailNextSessions = 1;

        var exception = await Assert.ThrowsAsync<DomainException>(() => app.StartContributionAsync(campaign, donor, 30_00, "stripe-down"));
        Assert.Contains("momentanément indisponible", exception.Message, StringComparison.Ordinal);

        var contribution = await app.WithDbAsync(db => db.Contributions.Where(c => c.CampaignId == campaignId).Select(c => new { c.Status, c.ProviderPaymentId }).SingleAsync());
        Assert.Equal(ContributionStatus.Pending, contribution.Status);
        Assert.Null(contribution.ProviderPaymentId);

        // The same form sent again once Stripe answers: the same contribution gets its session.
        var (_, sessionId) = await app.StartContributionAsync(campaign, donor, 30_00, "stripe-down");
        Assert.StartsWith("cs_test_", sessionId, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
    }

    private async Task AssertLedgerBalancedAsync(long campaignId)
    {
        var unbalanced = await app.WithDbAsync(db => db.LedgerLines
            .Where(l => db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.CampaignId == campaignId))
            .GroupBy(l => l.TransactionId)
            .Where(g => g.Sum(l => l.AmountCents) != 0)
            .CountAsync());
        Assert.Equal(0, unbalanced);
        var escrow = await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Escrow(campaignId), CancellationToken.None));
        var byKind = await app.WithDbAsync(db => db.LedgerLines
            .Where(l => l.AccountKind == LedgerAccountKind.CampaignEscrow && l.AccountReference == campaignId)
            .SumAsync(l => l.AmountCents));
        Assert.Equal(byKind, escrow);
        Assert.True(escrow >= 0);
    }
}

/// <summary>
/// The application with Stripe configured (<c>sk_test_x</c>, <c>whsec_test</c>), Stripe's API
/// answered by <see cref="FakeStripeApi"/>, and a clock the test moves.
/// </summary>
public class StripeApp : AppFactory
{
    public const string WebhookSecret = "whsec_test";

    /// <summary>The Connect endpoint's own secret (its holders' accounts' events).</summary>
    public const string ConnectWebhookSecret = "whsec_connect";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakeStripeApi Stripe { get; } = new();

    /// <summary>Stripe's header: <c>t=unix,v1=hex(HMAC-SHA256(secret, "t.payload"))</c>.</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public static string Event(string id, string type, object dataObject) => JsonSerializer.Serialize(new
    {
        id,
        @object = "event",
        api_version = "2025-01-27.acacia",
        created = 1_780_000_000,
        livemode = false,
        pending_webhooks = 1,
        type,
        data = new { @object = dataObject },
    });

    /// <summary>An event of a connected account (Connect): it names the account.</summary>
    public static string ConnectEvent(string id, string type, string account, object dataObject, long created = 1_780_000_000) => JsonSerializer.Serialize(new
    {
        id,
        @object = "event",
        account,
        api_version = "2025-01-27.acacia",
        created,
        livemode = false,
        pending_webhooks = 1,
        type,
        data = new { @object = dataObject },
    });

    public static string SessionEvent(string id, string type, string sessionId, long contributionId, string paymentStatus = "paid") => Event(id, type, new
    {
        id = sessionId,
        @object = "checkout.session",
        mode = "payment",
        payment_status = paymentStatus,
        status = "complete",
        payment_intent = "pi_" + sessionId,
        client_reference_id = contributionId.ToString(CultureInfo.InvariantCulture),
        metadata = new Dictionary<string, string> { ["contribution_id"] = contributionId.ToString(CultureInfo.InvariantCulture) },
    });

    public async Task<HttpResponseMessage> PostWebhookAsync(string json, string? signature)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhook.Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public async Task RunJobsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await FundingJobService.RunOnceAsync(scope.ServiceProvider, Clock, CancellationToken.None);
    }

    /// <summary>A card contribution of <paramref name="donor"/> through the money core: returns it and its Checkout Session id.</summary>
    public async Task<(long ContributionId, string SessionId)> StartContributionAsync(StripeCampaign campaign, TestUser donor, long cents, string key)
    {
        await using var scope = Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<CampaignMoney>().StartAsync(
            campaign.Id, donor.Id, new ContributionRequest(cents, null, false, donor.DisplayName, null, key, null), id => $"{campaign.ProjectPath}/contributions/{id}", donor.Email, CancellationToken.None);
        Assert.Equal("checkout.stripe.com", started.PaymentUrl?.Host);
        var sessionId = await this.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        return (started.ContributionId, sessionId);
    }

    /// <summary>A labelled project of a new citizen in a new city with a live campaign, without matchfunding nor tiers.</summary>
    public async Task<StripeCampaign> CreateLiveCampaignAsync(string title)
    {
        var city = await Given.City();
        var campaign = await Given.Campaign(city, await Given.Citizen(), new CampaignSpec { Title = title, Tiers = [] });
        return new StripeCampaign(campaign.Id, $"/{city.Slug}/projets/{campaign.Project.Id}");
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Payments:Stripe:SecretKey", "sk_test_x"),
        new("Payments:Stripe:WebhookSecret", WebhookSecret),
        new("Payments:Stripe:ConnectWebhookSecret", ConnectWebhookSecret),
        new("Platform:PublicBaseUrl", "https://labelkoz.test"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<StripeClients>();
            services.AddSingleton(StripeClients.Create("sk_test_x", Stripe, maxNetworkRetries: 0));
        });
    }
}

/// <summary>
/// <see cref="StripeApp"/> with Stripe Connect turned off (<c>Payments:Stripe:Connect=false</c>):
/// every payout is made by hand, as with the sandbox (ADR 17's refunds after a payout sent by hand).
/// </summary>
public sealed class StripeManualPayoutsApp : StripeApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [.. base.ExtraSettings(), new("Payments:Stripe:Connect", "false")];
}

/// <summary>A live campaign of <see cref="StripeApp"/>, and its project's address (without the title's slug).</summary>
public sealed record StripeCampaign(long Id, string ProjectPath);
