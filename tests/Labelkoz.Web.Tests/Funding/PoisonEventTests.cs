using System.Net;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Issue #15, finding 3: a late payment on an expired contribution asks the processor for a refund
/// that keeps failing. That event is tried again with a growing delay and set aside after
/// <c>Funding:MaxEventFailures</c> failures; the hundred other payments waiting behind it are
/// applied at the first run, and the operator retries or settles it from <c>/operateur/paiements</c>.
/// </summary>
public sealed class PoisonEventTests(PoisonEventTests.PoisonApp app) : IClassFixture<PoisonEventTests.PoisonApp>
{
    [Fact]
    public async Task AnEventThatKeepsFailing_IsSetAside_WhileAHundredOthersBehindItAreApplied()
    {
        var (city, campaign) = await CampaignAsync();
        app.RefundsFail = true;
        var poisoned = await LatePaymentEventAsync(campaign);
        var others = new List<long>();
        for (var i = 0; i < 100; i++)
        {
            others.Add(await StartAsync(campaign, 10_00));
        }

        foreach (var id in others)
        {
            await PayAsync(await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.ProviderPaymentId!).SingleAsync()));
        }

        await app.RunJobsAsync();

        // The poisoned event (first in the queue) failed once; every other payment went through.
        var statuses = await app.WithDbAsync(db => db.Contributions.Where(c => others.Contains(c.Id)).Select(c => c.Status).ToListAsync());
        Assert.Equal(100, statuses.Count(s => s == ContributionStatus.Succeeded));
        var afterOne = await EventAsync(poisoned);
        Assert.Equal((PaymentEventState.Waiting, 1), (afterOne.State, afterOne.Failures));
        Assert.StartsWith("HttpRequestException: ", afterOne.LastError, StringComparison.Ordinal);
        Assert.Equal(Now + PaymentEvent.RetryDelay(1), afterOne.AvailableAtUtc, TimeSpan.FromMilliseconds(1));
        Assert.Equal(100 * 10_00, await app.WithDbAsync(db => db.LedgerLines.Where(l => l.AccountKind == Domain.Funding.Ledger.LedgerAccountKind.CampaignEscrow && l.AccountReference == campaign.Id).SumAsync(l => l.AmountCents)));

        // Tried again only when its delay is over, and set aside at the third failure.
        await app.RunJobsAsync();
        Assert.Equal(1, (await EventAsync(poisoned)).Failures);
        for (var run = 2; run <= 3; run++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await app.RunJobsAsync();
        }

        var setAside = await EventAsync(poisoned);
        Assert.Equal(PaymentEventState.SetAside, setAside.State);
        Assert.Equal(3, setAside.Failures);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobsAsync();
        Assert.Equal(3, (await EventAsync(poisoned)).Failures);
        Assert.Equal(3, await app.RefundCallsAsync(poisoned));

        // The operator sees it, with what it concerns.
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var list = await operatorBrowser.GetAsync("/operateur/paiements");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        list.AssertAccessibleStructure();
        var row = Assert.Single(list.Document.QuerySelectorAll("table#mises-de-cote tbody tr"), r => r.QuerySelector($"a[href='/operateur/paiements/{poisoned}']") is not null);
        Assert.Contains("HttpRequestException", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(city.Name, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("/operateur/paiements", list.Document.QuerySelector("nav.admin-nav a[aria-current=page]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheOperator_RetriesASetAsideEvent_WhichIsThenApplied_AndTheCitysJournalKeepsIt()
    {
        var (city, campaign) = await CampaignAsync();
        app.RefundsFail = true;
        var poisoned = await LatePaymentEventAsync(campaign);
        await FailUntilSetAsideAsync(poisoned);
        var contribution = await app.WithDbAsync(db => db.Contributions.Where(c => c.ProviderPaymentId == db.PaymentEvents.Where(e => e.Id == poisoned).Select(e => e.PaymentId).First()).Select(c => c.Id).SingleAsync());

        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var page = await operatorBrowser.GetAsync($"/operateur/paiements/{poisoned}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains($"Contribution n° {contribution}", page.Document.GetElementById("notification-concerne")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mise de côté", page.Document.GetElementById("notification-etat")!.TextContent, StringComparison.Ordinal);

        // The processor works again; the operator retries; the next run refunds the late payment, once.
        app.RefundsFail = false;
        var retried = await operatorBrowser.SubmitAsync(page, "form#relancer");
        Assert.True(retried.IsRedirect, retried.MainText);
        Assert.Equal("/operateur/paiements", retried.Location);
        Assert.Equal((PaymentEventState.Waiting, 0), ((await EventAsync(poisoned)).State, (await EventAsync(poisoned)).Failures));
        await app.RunJobsAsync();

        var done = await EventAsync(poisoned);
        Assert.True(done.State == PaymentEventState.Processed, $"{done.State}: {done.LastError}");
        Assert.StartsWith("Paiement arrivé après l'expiration de la contribution : remboursé", done.Outcome, StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Failed, await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == contribution).Select(c => c.Status).SingleAsync()));
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditAction.PaymentEventRetried && e.SubjectId == poisoned));
        Assert.Equal(city.Id, entry.MunicipalityId);

        // A second post of the same form is refused in the domain's words; nothing changes.
        var again = await operatorBrowser.SubmitAsync(page, "form#relancer");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Cet événement n'est pas mis de côté", again.MainText, StringComparison.Ordinal);
        again.AssertAccessibleStructure();
        Assert.Equal(PaymentEventState.Processed, (await EventAsync(poisoned)).State);
    }

    [Fact]
    public async Task TheOperator_SettlesASetAsideEventByHand_SayingWhatWasDone_AndItIsNeverApplied()
    {
        var (city, campaign) = await CampaignAsync();
        app.RefundsFail = true;
        var poisoned = await LatePaymentEventAsync(campaign);
        await FailUntilSetAsideAsync(poisoned);
        var operatorUser = await app.Given.Operator();
        using var operatorBrowser = await app.SignedInAsync(operatorUser.Email);
        var page = await operatorBrowser.GetAsync($"/operateur/paiements/{poisoned}");

        var empty = await operatorBrowser.SubmitAsync(page, "form#regler", new Dictionary<string, string> { ["Input.Note"] = "   " });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.False(string.IsNullOrEmpty(empty.FieldError("regler-note-erreur")));
        empty.AssertAccessibleStructure();
        Assert.Equal(PaymentEventState.SetAside, (await EventAsync(poisoned)).State);

        var settled = await operatorBrowser.SubmitAsync(page, "form#regler", new Dictionary<string, string> { ["Input.Note"] = "Remboursé depuis le tableau de bord (re_test_1)." });
        Assert.True(settled.IsRedirect, settled.MainText);
        var done = await EventAsync(poisoned);
        Assert.Equal(PaymentEventState.Processed, done.State);
        Assert.Equal("Remboursé depuis le tableau de bord (re_test_1).", done.ResolutionNote);
        Assert.Equal(operatorUser.Id, done.ResolvedByUserId);
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditAction.PaymentEventResolved && e.SubjectId == poisoned));
        Assert.Equal(city.Id, entry.MunicipalityId);
        Assert.Equal("Remboursé depuis le tableau de bord (re_test_1).", entry.Details);

        // Never applied again, whatever runs; the page shows who settled it and how, without forms.
        var calls = await app.RefundCallsAsync(poisoned);
        app.RefundsFail = false;
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobsAsync();
        Assert.Equal(calls, await app.RefundCallsAsync(poisoned));
        var after = await operatorBrowser.GetAsync($"/operateur/paiements/{poisoned}");
        Assert.Contains("re_test_1", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form#relancer"));
        Assert.Null(after.Document.QuerySelector("form#regler"));
    }

    [Fact]
    public async Task ThePages_AreTheOperatorsOnly_AndAnUnknownEventIsNotFound()
    {
        var (city, campaign) = await CampaignAsync();
        app.RefundsFail = true;
        var poisoned = await LatePaymentEventAsync(campaign);
        await FailUntilSetAsideAsync(poisoned);

        foreach (var email in new[] { city.Admin.Email, (await app.Given.Citizen()).Email })
        {
            using var browser = await app.SignedInAsync(email);
            var token = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/operateur/paiements")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/operateur/paiements/{poisoned}")).Status);
            var post = await browser.PostAsync($"/operateur/paiements/{poisoned}?handler=Retry", token, new Dictionary<string, string> { ["version"] = "1" });
            Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        }

        Assert.Equal(PaymentEventState.SetAside, (await EventAsync(poisoned)).State);
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorBrowser.GetAsync("/operateur/paiements/987654321")).Status);
        var list = await operatorBrowser.GetAsync("/operateur/paiements");
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorBrowser.PostAsync($"/operateur/paiements/{poisoned}?handler=Retry", list, new Dictionary<string, string>())).Status);
    }

    [Fact]
    public async Task TheListPage_SendsAFixedNumberOfSqlCommands_WhateverTheNumberOfEvents()
    {
        var (_, campaign) = await CampaignAsync();
        app.RefundsFail = true;
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        await FailUntilSetAsideAsync(await LatePaymentEventAsync(campaign));

        // Each count after a first visit: moving the clock makes the sign-in cookie be checked again once.
        await operatorBrowser.GetAsync("/operateur/paiements");
        app.SqlCommands.Reset();
        await operatorBrowser.GetAsync("/operateur/paiements");
        var few = app.SqlCommands.Count;

        await FailUntilSetAsideAsync(await LatePaymentEventAsync(campaign));
        await FailUntilSetAsideAsync(await LatePaymentEventAsync(campaign));
        await operatorBrowser.GetAsync("/operateur/paiements");
        app.SqlCommands.Reset();
        var page = await operatorBrowser.GetAsync("/operateur/paiements");

        Assert.True(few == app.SqlCommands.Count, $"{few} commands before, {app.SqlCommands.Count} after:\n{app.SqlCommands.Texts}");
        Assert.True(page.Document.QuerySelectorAll("table#mises-de-cote tbody tr").Length >= 3);
    }

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private async Task<(TestCity City, TestCampaign Campaign)> CampaignAsync()
    {
        var city = await app.Given.City();
        var campaign = await app.Given.Campaign(city, await app.Given.Citizen(), new CampaignSpec { GoalCents = 100_000_00 });
        return (city, campaign);
    }

    /// <summary>
    /// A contribution left unpaid until the platform gave it up, then its payment's confirmation,
    /// arriving late: applying it asks the processor to refund. Returns the event's id.
    /// </summary>
    private async Task<long> LatePaymentEventAsync(TestCampaign campaign)
    {
        var id = await StartAsync(campaign, 24_05);
        app.Clock.Advance(CampaignSettlement.PendingTimeout + TimeSpan.FromMinutes(1));
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CampaignMoney>().ExpireAbandonedAsync(CampaignSettlement.PendingTimeout, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var payment = await db.Contributions.Where(c => c.Id == id).Select(c => new { c.ProviderPaymentId, c.Status }).SingleAsync();
        Assert.Equal(ContributionStatus.Failed, payment.Status);
        return await PayAsync(payment.ProviderPaymentId!);
    }

    /// <summary>The person pays on the sandbox processor's page: it records its event. Returns the event's id.</summary>
    private async Task<long> PayAsync(string paymentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(SandboxPaymentStatus.Succeeded, await scope.ServiceProvider.GetRequiredService<SandboxPaymentProvider>().PayAsync(paymentId, "4242 4242 4242 4242", CancellationToken.None));
        return await scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().PaymentEvents.Where(e => e.PaymentId == paymentId).Select(e => e.Id).SingleAsync();
    }

    private async Task FailUntilSetAsideAsync(long eventId)
    {
        for (var run = 0; run < 10 && (await EventAsync(eventId)).State == PaymentEventState.Waiting; run++)
        {
            await app.RunJobsAsync();
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(PaymentEventState.SetAside, (await EventAsync(eventId)).State);
    }

    private async Task<long> StartAsync(TestCampaign campaign, long cents)
    {
        var donor = await app.Given.Person();
        await using var scope = app.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<CampaignMoney>().StartAsync(
            campaign.Id, donor.Id, new ContributionRequest(cents, null, false, null, null, Guid.NewGuid().ToString("N"), null), id => $"/retour/{id}", null, CancellationToken.None);
        return started.ContributionId;
    }

    private Task<PaymentEvent> EventAsync(long id) => app.WithDbAsync(db => db.PaymentEvents.AsNoTracking().SingleAsync(e => e.Id == id));

    /// <summary>The app on a clock the test moves, whose processor can be made to fail every refund, as an unreachable one would.</summary>
    public sealed class PoisonApp : AppFactory
    {
        private readonly Dictionary<string, int> _refundCalls = [];

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public bool RefundsFail { get; set; }

        /// <summary>How many times the processor was asked to refund the payment of event <paramref name="eventId"/>.</summary>
        public async Task<int> RefundCallsAsync(long eventId)
        {
            var payment = await this.WithDbAsync(db => db.PaymentEvents.Where(e => e.Id == eventId).Select(e => e.PaymentId).SingleAsync());
            lock (_refundCalls)
            {
                return _refundCalls.GetValueOrDefault(payment);
            }
        }

        public async Task RunJobsAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            await FundingJobService.RunOnceAsync(scope.ServiceProvider, Clock, CancellationToken.None);
        }

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
            [new("Funding:MaxEventFailures", "3"), new("Payments:Sandbox:ConfirmationDelaySeconds", "0")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.RemoveAll<IPaymentProvider>();
                services.AddScoped<IPaymentProvider>(s => new FailingRefunds(s.GetRequiredService<SandboxPaymentProvider>(), this));
            });
        }

        private sealed class FailingRefunds(SandboxPaymentProvider inner, PoisonApp app) : IPaymentProvider
        {
            public PaymentProvider Kind => inner.Kind;

            public Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken) => inner.StartAsync(request, cancellationToken);

            public Task<RefundResult> RefundAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken)
            {
                lock (app._refundCalls)
                {
                    app._refundCalls[paymentId] = app._refundCalls.GetValueOrDefault(paymentId) + 1;
                }

                return app.RefundsFail
                    ? throw new HttpRequestException("The processor could not be reached.")
                    : inner.RefundAsync(paymentId, amountCents, idempotencyKey, cancellationToken);
            }
        }
    }
}
