using System.Globalization;
using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>
/// The city admin changes the plan (from the next period, no proration: ADR 13), cancels at the end of
/// the period already invoiced and withdraws the cancellation, on <c>/{slug}/admin/abonnement</c>:
/// a plan that does not fit the city is refused in French, a stale form too, each change is audited
/// in the city's journal; agents and other cities' admins are refused.
/// </summary>
public sealed class CitySubscriptionPagesTests(BillingApp app) : IClassFixture<BillingApp>
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task TheAdmin_ChangesThePlanForTheNextPeriod_AndAPlanThatDoesNotFitIsRefused()
    {
        var city = await SubscriberAsync();
        var premiumName = $"Grande ville Premium {Given.Next()}";
        var premium = await AddPlanAsync(premiumName, 50_001, null);
        var retired = await AddPlanAsync($"Grande ville Ancienne {Given.Next()}", 50_001, null, retire: true);
        var small = await app.WithDbAsync(db => db.Plans.Where(p => p.MaxPopulation == 9_999).Select(p => p.Id).SingleAsync());
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(Page(city));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.NotNull(page.Document.GetElementById($"offre-{premium}"));
        Assert.Null(page.Document.GetElementById($"offre-{retired}"));
        Assert.Null(page.Document.GetElementById($"offre-{small}"));
        var before = await SubscriptionAsync(city);

        foreach (var (planId, period, message) in new[]
        {
            ("999999", "Monthly", "Choisissez une des offres proposées."),
            ("abc", "Monthly", "Choisissez une des offres proposées."),
            (small.ToString(CultureInfo.InvariantCulture), "Monthly", "ne correspond pas à une commune de 111"),
            (retired.ToString(CultureInfo.InvariantCulture), "Monthly", "n'est plus proposée"),
            (premium.ToString(CultureInfo.InvariantCulture), "Weekly", "Choisissez une facturation mensuelle ou annuelle."),
            (premium.ToString(CultureInfo.InvariantCulture), "7", "Choisissez une facturation mensuelle ou annuelle."),
        })
        {
            var refused = await admin.SubmitAsync(page, "form#changer-offre", new Dictionary<string, string> { ["planId"] = planId, ["period"] = period });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(message, refused.MainText, StringComparison.Ordinal);
            refused.AssertAccessibleStructure();
        }

        Assert.Equal(before, await SubscriptionAsync(city));

        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.SubscriptionPlanChanged));
        var changed = await admin.SubmitAsync(page, "form#changer-offre", new Dictionary<string, string> { ["planId"] = premium.ToString(CultureInfo.InvariantCulture), ["period"] = "Yearly" });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var after = await SubscriptionAsync(city);
        Assert.Equal((before.PlanId, before.Period, (long?)premium, (BillingPeriod?)BillingPeriod.Yearly), (after.PlanId, after.Period, after.NextPlanId, after.NextPeriod));
        var shown = await admin.FollowAsync(changed);
        var scheduled = shown.Document.GetElementById("changement-prevu")!.TextContent;
        Assert.Contains($"À partir du {after.InvoicedUntil.ToString("d", Fr)}", scheduled, StringComparison.Ordinal);
        Assert.Contains(premiumName, scheduled, StringComparison.Ordinal);
        Assert.Contains("annuelle", scheduled, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.SubscriptionPlanChanged).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(audited + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.SubscriptionPlanChanged)));
        Assert.Equal(city.Id, entry.MunicipalityId);
        Assert.Contains(premiumName, entry.After, StringComparison.Ordinal);

        // A form sent from the page as it was before the change is stale.
        var stale = await admin.SubmitAsync(page, "form#changer-offre", new Dictionary<string, string> { ["planId"] = before.PlanId.ToString(CultureInfo.InvariantCulture), ["period"] = "Monthly" });
        Assert.Contains("en même temps que vous", stale.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(after, await SubscriptionAsync(city));

        // Picking the current plan and period again withdraws the scheduled change.
        var withdrawn = await admin.SubmitAsync(shown, "form#changer-offre", new Dictionary<string, string> { ["planId"] = before.PlanId.ToString(CultureInfo.InvariantCulture), ["period"] = before.Period.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var reverted = await SubscriptionAsync(city);
        Assert.Equal(((long?)null, (BillingPeriod?)null), (reverted.NextPlanId, reverted.NextPeriod));
        Assert.Null((await admin.FollowAsync(withdrawn)).Document.GetElementById("changement-prevu"));
    }

    [Fact]
    public async Task TheAdmin_CancelsAtTheEndOfTheInvoicedPeriod_AndResumes()
    {
        var city = await SubscriberAsync();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(Page(city));
        var before = await SubscriptionAsync(city);

        var unticked = await admin.SubmitAsync(page, "form#resilier");
        Assert.Equal(HttpStatusCode.OK, unticked.Status);
        Assert.Contains("Cochez la case", unticked.FieldError("resilier-compris-erreur"), StringComparison.Ordinal);
        unticked.AssertAccessibleStructure();
        Assert.Null((await SubscriptionAsync(city)).EndsOn);

        var cancelled = await admin.SubmitAsync(page, "form#resilier", new Dictionary<string, string> { ["understood"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        var after = await SubscriptionAsync(city);
        Assert.Equal(before.InvoicedUntil, after.EndsOn);
        var shown = await admin.FollowAsync(cancelled);
        Assert.Contains($"Résiliation prévue le {before.InvoicedUntil.ToString("d", Fr)} : le site restera public, en lecture seule.", shown.MainText, StringComparison.Ordinal);
        Assert.Null(shown.Document.QuerySelector("form#resilier"));
        shown.AssertAccessibleStructure();

        var twice = await admin.SubmitAsync(page, "form#resilier", new Dictionary<string, string> { ["understood"] = "true" });
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.NotEmpty(twice.ErrorSummary());

        var resumed = await admin.SubmitAsync(shown, "form#reprendre");
        Assert.Equal(HttpStatusCode.Redirect, resumed.Status);
        Assert.Null((await SubscriptionAsync(city)).EndsOn);
        var again = await admin.FollowAsync(resumed);
        Assert.NotNull(again.Document.QuerySelector("form#resilier"));
        Assert.DoesNotContain("Résiliation prévue", again.MainText, StringComparison.Ordinal);

        var actions = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.MunicipalityId == city.Id && (e.Action == AuditAction.SubscriptionCancelled || e.Action == AuditAction.SubscriptionResumed)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.SubscriptionCancelled, AuditAction.SubscriptionResumed], actions.TakeLast(2));
    }

    [Fact]
    public async Task AnAgent_AnotherCitysAdmin_AndAFormWithoutVersion_AreRefused()
    {
        var city = await SubscriberAsync();
        var other = await app.Given.City();
        await app.Given.Subscription(other, BillingPeriod.Yearly);
        var before = await SubscriptionAsync(city);
        var fields = new Dictionary<string, string> { ["understood"] = "true", ["version"] = before.Version.ToString(CultureInfo.InvariantCulture) };
        using var agent = await app.SignedInAsync(city.Agent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(Page(city))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{Page(city)}?handler=Cancel", await agent.GetAsync(city.AdminPath), fields)).Status);

        using var otherAdmin = await app.SignedInAsync(other.Admin.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync(Page(city))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.PostAsync($"{Page(city)}?handler=Cancel", await otherAdmin.GetAsync(Page(other)), fields)).Status);

        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(Page(city));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Page(city)}?handler=Cancel", page, new Dictionary<string, string> { ["understood"] = "true" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Page(city)}?handler=Resume", page, new Dictionary<string, string>())).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Page(city)}?handler=ChangePlan", page, new Dictionary<string, string> { ["planId"] = before.PlanId.ToString(CultureInfo.InvariantCulture), ["period"] = "Monthly" })).Status);
        Assert.Equal(before, await SubscriptionAsync(city));
    }

    private Task<long> AddPlanAsync(string name, int min, int? max, bool retire = false) =>
        app.WithDbAsync(async db =>
        {
            var plan = Plan.Create(name, min, max, 900_00, 9_000_00, 400, null, matchfundingAllowed: true);
            if (retire)
            {
                plan.Retire();
            }

            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

    [Fact]
    public async Task ACityInTrial_SubscribesAtOnce_AndGetsItsFirstInvoice_Once()
    {
        var city = await app.Given.City();
        await app.Given.Subscription(city, BillingPeriod.Yearly);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(Page(city));
        Assert.NotNull(page.Document.QuerySelector("form#souscrire"));
        page.AssertAccessibleStructure();
        var invoices = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync());

        var started = await admin.SubmitAsync(page, "form#souscrire");

        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var shown = await admin.FollowAsync(started);
        var invoice = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters()
            .Where(i => i.MunicipalityId == city.Id).SingleAsync());
        var today = await app.WithBillingAsync(billing => Task.FromResult(billing.Today));
        Assert.Equal((today, today.AddYears(1), InvoiceStatus.Issued), (invoice.PeriodStart, invoice.PeriodEnd, invoice.Status));
        Assert.Contains($"la facture {invoice.Number} est émise", shown.MainText, StringComparison.Ordinal);
        Assert.Null(shown.Document.QuerySelector("form#souscrire"));
        Assert.Single(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == AuditAction.SubscriptionStartedEarly).ToListAsync()));

        // The same form sent again (a double click, an old tab) issues nothing more.
        var again = await admin.SubmitAsync(page, "form#souscrire");
        Assert.True(again.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, again.Status.ToString());
        Assert.Equal(invoices + 1, await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync()));
        await app.WithBillingAsync(billing => billing.IssueDueInvoicesAsync(CancellationToken.None));
        Assert.Equal(invoices + 1, await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync()));

        using var agent = await app.SignedInAsync(city.Agent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{Page(city)}?handler=SubscribeNow", await agent.GetAsync(city.Path), new Dictionary<string, string> { ["version"] = "1" })).Status);
    }

    private static string Page(TestCity city) => $"{city.AdminPath}/abonnement";

    /// <summary>A city of 111 934 inhabitants, subscribed a hundred days ago: two invoices paid, the third not yet due (active).</summary>
    private async Task<TestCity> SubscriberAsync()
    {
        var city = await app.Given.City(new CitySpec { Population = 111_934 });
        await app.Given.Subscription(city, new SubscriptionSpec { StartedDaysAgo = 100, PaidAfterDays = 11 });
        return city;
    }

    private Task<State> SubscriptionAsync(TestCity city) =>
        app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.MunicipalityId == city.Id)
            .Select(s => new State(s.PlanId, s.Period, s.NextPlanId, s.NextPeriod, s.InvoicedUntil, s.EndsOn, s.Version))
            .SingleAsync());

    private sealed record State(long PlanId, BillingPeriod Period, long? NextPlanId, BillingPeriod? NextPeriod, DateOnly InvoicedUntil, DateOnly? EndsOn, long Version);
}
