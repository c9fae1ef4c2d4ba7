using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Stripe;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The Stripe provider against a fake Stripe API: what it sends (amount, currency, metadata, the
/// idempotency key), what it returns, and Stripe's errors reaching the caller as exceptions.
/// </summary>
public sealed class StripeProviderTests
{
    private readonly FakeStripeApi _stripe = new();

    [Fact]
    public async Task Start_CreatesACheckoutSession_WithTheAmountInCentsInEuros_ItsMetadata_ItsExpiry_AndTheIdempotencyKey()
    {
        var expires = new DateTime(2026, 12, 7, 10, 31, 0, DateTimeKind.Utc);
        var start = await Provider().StartAsync(
            new PaymentRequest(42, 25_50, "Contribution n° 42", "contribution-42", "/montreuil/projets/1/contributions/42", "/montreuil/projets/1/contributions/42", "hugo@demo.labelkoz.fr", expires),
            CancellationToken.None);

        Assert.Equal("cs_test_contribution-42", start.PaymentId);
        Assert.Equal("https://checkout.stripe.com/c/pay/cs_test_contribution-42", start.RedirectUrl.AbsoluteUri);
        var sent = Assert.Single(_stripe.Requests);
        Assert.Equal(("POST", "/v1/checkout/sessions"), (sent.Method, sent.Path));
        Assert.Equal("contribution-42", sent.IdempotencyKey);
        Assert.Equal("Bearer sk_test_x", sent.Authorization);
        Assert.Equal("payment", sent.Form["mode"]);
        Assert.Equal("2550", sent.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", sent.Form["line_items[0][price_data][currency]"]);
        Assert.Equal("1", sent.Form["line_items[0][quantity]"]);
        Assert.Equal("Contribution n° 42", sent.Form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("42", sent.Form["payment_intent_data[metadata][contribution_id]"]);
        Assert.Equal("42", sent.Form["metadata[contribution_id]"]);
        Assert.Equal("42", sent.Form["client_reference_id"]);
        Assert.Equal("hugo@demo.labelkoz.fr", sent.Form["customer_email"]);
        Assert.Equal("https://labelkoz.test/montreuil/projets/1/contributions/42", sent.Form["success_url"]);
        Assert.Equal("https://labelkoz.test/montreuil/projets/1/contributions/42", sent.Form["cancel_url"]);

        // The page closes when the platform says, not 24 hours later (Stripe's default): issue #15, finding 3.
        Assert.Equal(new DateTimeOffset(expires).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), sent.Form["expires_at"]);
    }

    [Fact]
    public async Task Refund_RefundsTheSessionsPaymentIntent_InFull_WithTheIdempotencyKey_AndTheSessionInItsMetadata()
    {
        var refund = await Provider().RefundAsync("cs_test_7", 30_00, "refund-7", CancellationToken.None);

        Assert.Equal("re_refund-7", refund.RefundId);
        Assert.True(refund.Completed);
        Assert.Equal(2, _stripe.Requests.Count);
        var post = _stripe.Requests.Single(r => r.Method == "POST");
        Assert.Equal("/v1/refunds", post.Path);
        Assert.Equal("refund-7", post.IdempotencyKey);
        Assert.Equal("pi_cs_test_7", post.Form["payment_intent"]);
        Assert.Equal("3000", post.Form["amount"]);
        Assert.Equal("cs_test_7", post.Form["metadata[checkout_session_id]"]);
        Assert.Equal("7", post.Form["metadata[contribution_id]"]);
    }

    [Fact]
    public async Task AStripeError_ReachesTheCaller_AsAStripeException()
    {
        _stripe.FailNextSessions = 1;

        var exception = await Assert.ThrowsAsync<StripeException>(() => Provider().StartAsync(
            new PaymentRequest(9, 10_00, "Contribution n° 9", "contribution-9", "/retour/9", "/retour/9", null, DateTime.UnixEpoch.AddYears(60)), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, exception.HttpStatusCode);
        Assert.Equal("amount_too_small", exception.StripeError?.Code);
    }

    private StripePaymentProvider Provider()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Platform:PublicBaseUrl", "https://labelkoz.test")]).Build();
        return new StripePaymentProvider(StripeClients.Create("sk_test_x", _stripe, maxNetworkRetries: 0), new SiteAddress(configuration));
    }
}

/// <summary>
/// Stripe's API as far as the platform uses it: Checkout Sessions (create, get, list by
/// PaymentIntent), refunds, balance transactions, and Connect (accounts, account links, login links,
/// transfers). Records every request; the same idempotency key gives the same object.
/// </summary>
public sealed class FakeStripeApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<Sent> _requests = new();

    public IReadOnlyList<Sent> Requests => [.. _requests];

    /// <summary>Session creations left to refuse with a 400 (Stripe's invalid request).</summary>
    public int FailNextSessions { get; set; }

    /// <summary>When set, every request fails as if Stripe could not be reached (no answer at all).</summary>
    public bool Unreachable { get; set; }

    /// <summary>What <c>GET /v1/checkout/sessions?payment_intent=…</c> finds.</summary>
    public ConcurrentDictionary<string, string> SessionForPaymentIntent { get; } = new();

    /// <summary>What <c>GET /v1/balance_transactions</c> lists, oldest first, two to a page (to follow Stripe's paging).</summary>
    public ConcurrentQueue<BalanceTransaction> BalanceTransactions { get; } = new();

    /// <summary>The connected accounts opened (Stripe Connect), by id: what <c>GET /v1/accounts/{id}</c> answers; a test sets their state.</summary>
    public ConcurrentDictionary<string, AccountState> Accounts { get; } = new();

    /// <summary>Transfers left to refuse with a 400 (Stripe's error when the platform's balance is short).</summary>
    public int FailNextTransfers { get; set; }

    /// <summary>Transfer reversals left to refuse with a 400 (the connected account's balance is short).</summary>
    public int FailNextReversals { get; set; }

    public sealed record Sent(string Method, string Path, string Query, string? IdempotencyKey, string? Authorization, IReadOnlyDictionary<string, string> Form);

    /// <summary>A connected account's state, as Stripe reports it.</summary>
    public sealed record AccountState(bool DetailsSubmitted = false, string Transfers = "inactive", bool PayoutsEnabled = false, string[]? CurrentlyDue = null, string? DisabledReason = null)
    {
        public static AccountState Ready { get; } = new(true, "active", true, []);
    }

    /// <summary>An account as Stripe serialises it (the object of <c>account.updated</c> too).</summary>
    public static object Account(string id, AccountState state) => new
    {
        id,
        @object = "account",
        type = "express",
        country = "FR",
        details_submitted = state.DetailsSubmitted,
        payouts_enabled = state.PayoutsEnabled,
        charges_enabled = false,
        capabilities = new { transfers = state.Transfers },
        requirements = new { currently_due = state.CurrentlyDue ?? ["external_account", "individual.verification.document"], disabled_reason = state.DisabledReason },
    };

    /// <summary>A reversal of a transfer as Stripe serialises it.</summary>
    public static object Reversal(string id, string transfer, long amount, string? recoveryKey) => new
    {
        id,
        @object = "transfer_reversal",
        amount,
        currency = "eur",
        transfer,
        metadata = recoveryKey is null ? [] : new Dictionary<string, string> { ["recovery_key"] = recoveryKey },
    };

    /// <summary>A transfer as Stripe serialises it.</summary>
    public static object Transfer(string id, long amount, string destination, string? transferGroup, long? payoutId) => new
    {
        id,
        @object = "transfer",
        amount,
        currency = "eur",
        destination,
        transfer_group = transferGroup,
        metadata = payoutId is { } payout ? new Dictionary<string, string> { ["payout_id"] = payout.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
    };

    /// <summary>A balance transaction with its source expanded (a charge, a refund or a dispute, each with its charge).</summary>
    public sealed record BalanceTransaction(string Id, long Amount, long Fee, object Source);

    /// <summary>A charge of the contribution's payment, as Stripe expands it.</summary>
    public static object Charge(long contributionId, long amount) => new
    {
        id = $"ch_{contributionId}",
        @object = "charge",
        amount,
        payment_intent = $"pi_{contributionId}",
        metadata = new Dictionary<string, string> { ["contribution_id"] = contributionId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        var path = request.RequestUri!.AbsolutePath;
        var query = request.RequestUri.Query;
        _requests.Enqueue(new Sent(request.Method.Method, path, query, key, request.Headers.Authorization?.ToString(), form));
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (api.stripe.com:443)");
        }

        if (request.Method == HttpMethod.Post && path == "/v1/checkout/sessions")
        {
            lock (_requests)
            {
                if (FailNextSessions > 0)
                {
                    FailNextSessions--;
                    return Json(HttpStatusCode.BadRequest, new { error = new { type = "invalid_request_error", code = "amount_too_small", message = "Amount must be at least €0.50 eur" } });
                }
            }

            var id = "cs_test_" + key;
            return Json(HttpStatusCode.OK, new { id, @object = "checkout.session", mode = "payment", status = "open", payment_status = "unpaid", url = $"https://checkout.stripe.com/c/pay/{id}", metadata = new { contribution_id = form.GetValueOrDefault("metadata[contribution_id]") } });
        }

        if (request.Method == HttpMethod.Get && path == "/v1/checkout/sessions")
        {
            var paymentIntent = QueryHelpers.ParseQuery(query).GetValueOrDefault("payment_intent").ToString();
            object[] data = SessionForPaymentIntent.TryGetValue(paymentIntent, out var found) ? [new { id = found, @object = "checkout.session", payment_intent = paymentIntent }] : [];
            return Json(HttpStatusCode.OK, new { @object = "list", url = "/v1/checkout/sessions", has_more = false, data });
        }

        if (request.Method == HttpMethod.Get && path.StartsWith("/v1/checkout/sessions/", StringComparison.Ordinal))
        {
            var id = path["/v1/checkout/sessions/".Length..];
            var contributionId = id[(id.LastIndexOf('_') + 1)..];
            return Json(HttpStatusCode.OK, new { id, @object = "checkout.session", mode = "payment", status = "complete", payment_status = "paid", payment_intent = "pi_" + id, metadata = new { contribution_id = contributionId } });
        }

        if (request.Method == HttpMethod.Get && path == "/v1/balance_transactions")
        {
            var all = BalanceTransactions.ToList();
            var after = QueryHelpers.ParseQuery(query).GetValueOrDefault("starting_after").ToString();
            var start = string.IsNullOrEmpty(after) ? 0 : all.FindIndex(t => t.Id == after) + 1;
            var page = all.Skip(start).Take(2).ToList();
            var data = page.Select(t => new { id = t.Id, @object = "balance_transaction", amount = t.Amount, fee = t.Fee, currency = "eur", source = t.Source }).ToArray();
            return Json(HttpStatusCode.OK, new { @object = "list", url = "/v1/balance_transactions", has_more = start + page.Count < all.Count, data });
        }

        if (request.Method == HttpMethod.Post && path == "/v1/accounts")
        {
            var id = "acct_" + key!.Replace("payee-account-", string.Empty, StringComparison.Ordinal);
            var state = Accounts.GetOrAdd(id, _ => new AccountState());
            return Json(HttpStatusCode.OK, Account(id, state));
        }

        if (request.Method == HttpMethod.Get && path.StartsWith("/v1/accounts/", StringComparison.Ordinal))
        {
            var id = path["/v1/accounts/".Length..];
            return Accounts.TryGetValue(id, out var state)
                ? Json(HttpStatusCode.OK, Account(id, state))
                : Json(HttpStatusCode.NotFound, new { error = new { type = "invalid_request_error", code = "resource_missing", message = $"No such account: '{id}'" } });
        }

        if (request.Method == HttpMethod.Post && path.StartsWith("/v1/accounts/", StringComparison.Ordinal) && path.EndsWith("/login_links", StringComparison.Ordinal))
        {
            var id = path["/v1/accounts/".Length..^"/login_links".Length];
            return Json(HttpStatusCode.OK, new { @object = "login_link", created = 1_780_000_000, url = $"https://connect.stripe.com/express/{id}/dashboard" });
        }

        if (request.Method == HttpMethod.Post && path == "/v1/account_links")
        {
            return Json(HttpStatusCode.OK, new { @object = "account_link", created = 1_780_000_000, expires_at = 1_780_000_300, url = $"https://connect.stripe.com/setup/e/{form["account"]}/onboarding" });
        }

        if (request.Method == HttpMethod.Post && path.StartsWith("/v1/transfers/", StringComparison.Ordinal) && path.EndsWith("/reversals", StringComparison.Ordinal))
        {
            lock (_requests)
            {
                if (FailNextReversals > 0)
                {
                    FailNextReversals--;
                    return Json(HttpStatusCode.BadRequest, new { error = new { type = "invalid_request_error", code = "insufficient_funds", message = "Insufficient funds in the connected account." } });
                }
            }

            var transfer = path["/v1/transfers/".Length..^"/reversals".Length];
            return Json(HttpStatusCode.OK, Reversal("trr_" + key, transfer, long.Parse(form["amount"], System.Globalization.CultureInfo.InvariantCulture), form.GetValueOrDefault("metadata[recovery_key]")));
        }

        if (request.Method == HttpMethod.Post && path == "/v1/transfers")
        {
            lock (_requests)
            {
                if (FailNextTransfers > 0)
                {
                    FailNextTransfers--;
                    return Json(HttpStatusCode.BadRequest, new { error = new { type = "invalid_request_error", code = "balance_insufficient", message = "You have insufficient available funds in your Stripe account." } });
                }
            }

            var amount = long.Parse(form["amount"], System.Globalization.CultureInfo.InvariantCulture);
            var payoutId = long.Parse(form["metadata[payout_id]"], System.Globalization.CultureInfo.InvariantCulture);
            return Json(HttpStatusCode.OK, Transfer("tr_" + key, amount, form["destination"], form.GetValueOrDefault("transfer_group"), payoutId));
        }

        if (request.Method == HttpMethod.Post && path == "/v1/refunds")
        {
            return Json(HttpStatusCode.OK, new { id = "re_" + key, @object = "refund", status = "succeeded", amount = long.Parse(form["amount"], System.Globalization.CultureInfo.InvariantCulture), payment_intent = form["payment_intent"] });
        }

        return Json(HttpStatusCode.NotFound, new { error = new { type = "invalid_request_error", message = $"Unrecognized request URL ({request.Method} {path})." } });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
}
