using System.Globalization;
using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Tests.CityAdmin;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>
/// The city admin changes the plan (from the next period, no proration: ADR 13), cancels at the end of
/// the period already invoiced and withdraws the cancellation, on <c>/montreuil/admin/abonnement</c>:
/// a plan that does not fit the city is refused in French, a stale form too, each change is audited
/// in the city's journal; agents and other cities' admins are refused.
/// </summary>
public sealed class CitySubscriptionPagesTests(BillingApp app) : IClassFixture<BillingApp>
{
    private const string Page = "/montreuil/admin/abonnement";

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task TheAdmin_ChangesThePlanForTheNextPeriod_AndAPlanThatDoesNotFitIsRefused()
    {
        var premium = await AddPlanAsync("Grande ville Premium", 50_001, null);
        var retired = await AddPlanAsync("Grande ville Ancienne", 50_001, null, retire: true);
        var small = await app.WithDbAsync(db => db.Plans.Where(p => p.MaxPopulation == 9_999).Select(p => p.Id).SingleAsync());
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var page = await admin.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.NotNull(page.Document.GetElementById($"offre-{premium}"));
        Assert.Null(page.Document.GetElementById($"offre-{retired}"));
        Assert.Null(page.Document.GetElementById($"offre-{small}"));
        var before = await SubscriptionAsync();

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

        Assert.Equal(before, await SubscriptionAsync());

        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.SubscriptionPlanChanged));
        var changed = await admin.SubmitAsync(page, "form#changer-offre", new Dictionary<string, string> { ["planId"] = premium.ToString(CultureInfo.InvariantCulture), ["period"] = "Yearly" });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var after = await SubscriptionAsync();
        Assert.Equal((before.PlanId, before.Period, (long?)premium, (BillingPeriod?)BillingPeriod.Yearly), (after.PlanId, after.Period, after.NextPlanId, after.NextPeriod));
        var shown = await admin.FollowAsync(changed);
        var scheduled = shown.Document.GetElementById("changement-prevu")!.TextContent;
        Assert.Contains($"À partir du {after.InvoicedUntil.ToString("d", Fr)}", scheduled, StringComparison.Ordinal);
        Assert.Contains("Grande ville Premium", scheduled, StringComparison.Ordinal);
        Assert.Contains("annuelle", scheduled, StringComparison.Ordinal);
        var montreuil = await app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == "montreuil").Select(m => m.Id).SingleAsync());
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.SubscriptionPlanChanged).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(audited + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.SubscriptionPlanChanged)));
        Assert.Equal(montreuil, entry.MunicipalityId);
        Assert.Contains("Grande ville Premium", entry.After, StringComparison.Ordinal);

        // A form sent from the page as it was before the change is stale.
        var stale = await admin.SubmitAsync(page, "form#changer-offre", new Dictionary<string, string> { ["planId"] = before.PlanId.ToString(CultureInfo.InvariantCulture), ["period"] = "Monthly" });
        Assert.Contains("en même temps que vous", stale.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(after, await SubscriptionAsync());

        // Picking the current plan and period again withdraws the scheduled change.
        var withdrawn = await admin.SubmitAsync(shown, "form#changer-offre", new Dictionary<string, string> { ["planId"] = before.PlanId.ToString(CultureInfo.InvariantCulture), ["period"] = before.Period.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var reverted = await SubscriptionAsync();
        Assert.Equal(((long?)null, (BillingPeriod?)null), (reverted.NextPlanId, reverted.NextPeriod));
        Assert.Null((await admin.FollowAsync(withdrawn)).Document.GetElementById("changement-prevu"));
    }

    [Fact]
    public async Task TheAdmin_CancelsAtTheEndOfTheInvoicedPeriod_AndResumes()
    {
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var page = await admin.GetAsync(Page);
        var before = await SubscriptionAsync();

        var unticked = await admin.SubmitAsync(page, "form#resilier");
        Assert.Equal(HttpStatusCode.OK, unticked.Status);
        Assert.Contains("Cochez la case", unticked.FieldError("resilier-compris-erreur"), StringComparison.Ordinal);
        unticked.AssertAccessibleStructure();
        Assert.Null((await SubscriptionAsync()).EndsOn);

        var cancelled = await admin.SubmitAsync(page, "form#resilier", new Dictionary<string, string> { ["understood"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        var after = await SubscriptionAsync();
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
        Assert.Null((await SubscriptionAsync()).EndsOn);
        var again = await admin.FollowAsync(resumed);
        Assert.NotNull(again.Document.QuerySelector("form#resilier"));
        Assert.DoesNotContain("Résiliation prévue", again.MainText, StringComparison.Ordinal);

        var montreuil = await app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == "montreuil").Select(m => m.Id).SingleAsync());
        var actions = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.MunicipalityId == montreuil && (e.Action == AuditAction.SubscriptionCancelled || e.Action == AuditAction.SubscriptionResumed)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.SubscriptionCancelled, AuditAction.SubscriptionResumed], actions.TakeLast(2));
    }

    [Fact]
    public async Task AnAgent_AnotherCitysAdmin_AndAFormWithoutVersion_AreRefused()
    {
        var before = await SubscriptionAsync();
        var fields = new Dictionary<string, string> { ["understood"] = "true", ["version"] = before.Version.ToString(CultureInfo.InvariantCulture) };
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(Page)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{Page}?handler=Cancel", await agent.GetAsync("/montreuil/admin"), fields)).Status);

        using var bagnolet = await app.SignedInAsync(StaffTestKit.BagnoletAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await bagnolet.GetAsync(Page)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await bagnolet.PostAsync($"{Page}?handler=Cancel", await bagnolet.GetAsync("/bagnolet/admin/abonnement"), fields)).Status);

        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var page = await admin.GetAsync(Page);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Page}?handler=Cancel", page, new Dictionary<string, string> { ["understood"] = "true" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Page}?handler=Resume", page, new Dictionary<string, string>())).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Page}?handler=ChangePlan", page, new Dictionary<string, string> { ["planId"] = before.PlanId.ToString(CultureInfo.InvariantCulture), ["period"] = "Monthly" })).Status);
        Assert.Equal(before, await SubscriptionAsync());
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
        using var admin = await app.SignedInAsync(StaffTestKit.BagnoletAdmin);
        var page = await admin.GetAsync("/bagnolet/admin/abonnement");
        Assert.NotNull(page.Document.QuerySelector("form#souscrire"));
        page.AssertAccessibleStructure();
        var invoices = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync());

        var started = await admin.SubmitAsync(page, "form#souscrire");

        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var shown = await admin.FollowAsync(started);
        var invoice = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters()
            .Where(i => db.Municipalities.Any(m => m.Id == i.MunicipalityId && m.Slug == "bagnolet")).SingleAsync());
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

        using var agent = await app.SignedInAsync(StaffTestKit.BagnoletAgent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/bagnolet/admin/abonnement?handler=SubscribeNow", await agent.GetAsync("/bagnolet"), new Dictionary<string, string> { ["version"] = "1" })).Status);
    }

    private Task<State> SubscriptionAsync() =>
        app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => db.Municipalities.Any(m => m.Id == s.MunicipalityId && m.Slug == "montreuil"))
            .Select(s => new State(s.PlanId, s.Period, s.NextPlanId, s.NextPeriod, s.InvoicedUntil, s.EndsOn, s.Version))
            .SingleAsync());

    private sealed record State(long PlanId, BillingPeriod Period, long? NextPlanId, BillingPeriod? NextPeriod, DateOnly InvoicedUntil, DateOnly? EndsOn, long Version);
}
