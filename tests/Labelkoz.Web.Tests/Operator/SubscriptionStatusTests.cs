using System.Globalization;
using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Tests.Audit;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Labelkoz.Web.Tests.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Operator;

/// <summary>
/// A city's subscription status follows its invoices (issue #7, ADR 13), never a hand-set form: every
/// city the operator opens starts a trial; an invoice unpaid 30 days after its due date only warns,
/// after the grace period the city is suspended (its dashboard says why, a label is refused with the
/// reason), and the payment the operator records makes it active again. A cancelled city is blocked too.
/// </summary>
public sealed class SubscriptionStatusTests(BillingApp app) : IClassFixture<BillingApp>
{
    [Fact]
    public async Task AnUnpaidInvoice_WarnsThenSuspendsTheCity_WhichCannotLabel_UntilTheOperatorRecordsThePayment()
    {
        var city = await NewCityAsync("Romainville", "romainville", "93063");
        var admin = await app.NewStaffAsync("romainville", StaffRole.Admin);
        await AddNeighbourhoodAsync("romainville");
        var project = (await app.Given.Project(city, "romainville", (await app.Given.Citizen()).Id, new ProjectSpec
        {
            Title = "Un jardin partagé à Romainville",
            State = ProjectState.InReview,
            Summary = "Un résumé de projet pour les tests.",
            Description = "Une **description** de projet pour les tests.",
            Neighbourhood = "Centre-ville",
            Address = "1 place de la Mairie",
            Budget = [("Matériel", 120_050), ("Communication", 30_000)],
            Support = [(CommitmentKind.Premises, "Une salle le samedi"), (CommitmentKind.Communication, null)],
        })).Id;
        var subscription = await SubscriptionAsync(city);
        Assert.Equal((SubscriptionStatus.Trial, BillingPeriod.Monthly, "Ville (10 000 à 50 000 habitants)"), (subscription.Status, subscription.Period, await PlanNameAsync(subscription.PlanId)));
        using (var cityAdmin = await app.SignedInAsync(admin))
        {
            var calm = await cityAdmin.GetAsync("/romainville/admin");
            Assert.Null(calm.Document.QuerySelector(".subscription-blocked"));
            Assert.Null(calm.Document.QuerySelector(".subscription-warning"));
        }

        using (var operatorBrowser = await OperatorAsync())
        {
            var page = await operatorBrowser.GetAsync($"/operateur/villes/{city}");
            page.AssertAccessibleStructure();
            Assert.Null(page.Document.QuerySelector("form#abonnement"));
            Assert.Contains("Période d'essai", page.Document.QuerySelector("#titre-abonnement")!.ParentElement!.TextContent, StringComparison.Ordinal);
        }

        // The trial ends: the first invoice is issued, the city is still in its trial until it pays.
        app.Clock.Advance(TimeSpan.FromDays(30));
        await RunJobAsync();
        Assert.Equal(SubscriptionStatus.Trial, await StatusAsync(city));
        Assert.Single(await UnpaidAsync(city));

        // 30 days after the due date: a warning, labels still allowed.
        app.Clock.Advance(TimeSpan.FromDays(61));
        await RunJobAsync();
        Assert.Equal(SubscriptionStatus.PastDue, await StatusAsync(city));
        using (var cityAdmin = await app.SignedInAsync(admin))
        {
            var dashboard = (await cityAdmin.GetAsync("/romainville/admin")).Document;
            Assert.Contains("impayée", dashboard.QuerySelector(".subscription-warning")!.TextContent, StringComparison.Ordinal);
            Assert.Null(dashboard.QuerySelector(".subscription-blocked"));
            var decision = await cityAdmin.GetAsync(ReviewTestKit.DecisionPage(project, "romainville"));
            Assert.NotNull(decision.Document.QuerySelector("form#labelliser"));
            Assert.Null(decision.Document.GetElementById("label-impossible"));
        }

        // After the grace period: suspended; the dashboard says why and a label is refused with the reason.
        app.Clock.Advance(TimeSpan.FromDays(30));
        await RunJobAsync();
        Assert.Equal(SubscriptionStatus.Suspended, await StatusAsync(city));
        using (var cityAdmin = await app.SignedInAsync(admin))
        {
            var dashboard = await cityAdmin.GetAsync("/romainville/admin");
            var banner = dashboard.Document.QuerySelector(".subscription-blocked");
            Assert.NotNull(banner);
            Assert.Contains("Aucun label ne peut être décerné pour le moment", banner!.TextContent, StringComparison.Ordinal);
            Assert.Contains("L'abonnement de la ville est suspendu", banner.TextContent, StringComparison.Ordinal);
            dashboard.AssertAccessibleStructure();
            var decision = await cityAdmin.GetAsync(ReviewTestKit.DecisionPage(project, "romainville"));
            Assert.Null(decision.Document.QuerySelector("form#labelliser"));
            Assert.Contains("L'abonnement de la ville est suspendu : aucun nouveau label ne peut être décerné tant qu'il n'est pas rétabli.", decision.Document.GetElementById("label-impossible")!.TextContent, StringComparison.Ordinal);
            var forged = await cityAdmin.PostAsync($"{ReviewTestKit.DecisionPage(project, "romainville")}?handler=Label", decision, ReviewTestKit.Row(0, "Land", "Un terrain").With(
                ("projectVersion", (await app.ProjectAsync(project)).Version.ToString(CultureInfo.InvariantCulture)),
                ("requestToken", Guid.NewGuid().ToString("N"))));
            Assert.Equal(HttpStatusCode.OK, forged.Status);
            Assert.Contains("L'abonnement de la ville est suspendu", forged.ErrorSummary(), StringComparison.Ordinal);
            var journal = await cityAdmin.GetAsync("/romainville/admin/journal");
            Assert.Contains("Statut d'abonnement modifié", journal.MainText, StringComparison.Ordinal);
            Assert.Contains("impayée", journal.MainText, StringComparison.Ordinal);
        }

        var changes = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.MunicipalityId == city && a.Action == AuditAction.SubscriptionStatusChanged).OrderBy(a => a.Id).Select(a => a.After).ToListAsync());
        Assert.Equal(["Paiement en retard", "Suspendue"], changes);

        // The operator records the transfers on the invoices page: the city is active again at once.
        using (var operatorBrowser = await OperatorAsync())
        {
            var suspended = await operatorBrowser.GetAsync($"/operateur/villes/{city}");
            Assert.Contains("L'abonnement de la ville est suspendu", suspended.MainText, StringComparison.Ordinal);
            var today = await app.WithBillingAsync(b => Task.FromResult(b.Today));
            foreach (var invoice in await UnpaidAsync(city))
            {
                var list = await operatorBrowser.GetAsync("/operateur/factures?filtre=impayees");
                var paid = await operatorBrowser.SubmitAsync(list, $"form#paiement-{invoice}", new Dictionary<string, string>
                {
                    ["reference"] = $"Mandat {invoice}",
                    ["paidOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
                Assert.Equal(HttpStatusCode.Redirect, paid.Status);
            }
        }

        Assert.Equal(SubscriptionStatus.Active, await StatusAsync(city));
        using (var cityAdmin = await app.SignedInAsync(admin))
        {
            var dashboard = (await cityAdmin.GetAsync("/romainville/admin")).Document;
            Assert.Null(dashboard.QuerySelector(".subscription-blocked"));
            Assert.Null(dashboard.QuerySelector(".subscription-warning"));
            Assert.NotNull((await cityAdmin.GetAsync(ReviewTestKit.DecisionPage(project, "romainville"))).Document.QuerySelector("form#labelliser"));
        }
    }

    [Fact]
    public async Task ACancelledSubscription_EndsWithTheTrial_AndTheDashboardSaysTheCityIsBlocked()
    {
        var city = await NewCityAsync("Ville résiliée", "ville-resiliee", "93072");
        var agent = await app.NewStaffAsync("ville-resiliee", StaffRole.Agent);
        await app.WithDbAsync(async db =>
        {
            var subscription = await db.Subscriptions.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == city);
            subscription.Cancel();
            return await db.SaveChangesAsync();
        });

        app.Clock.Advance(TimeSpan.FromDays(31));
        await RunJobAsync();

        Assert.Equal(SubscriptionStatus.Cancelled, await StatusAsync(city));
        Assert.Empty(await UnpaidAsync(city));
        using var browser = await app.SignedInAsync(agent);
        var dashboard = (await browser.GetAsync("/ville-resiliee/admin")).Document;
        Assert.Contains("résilié", dashboard.QuerySelector(".subscription-blocked")!.TextContent, StringComparison.Ordinal);
        Assert.Null(dashboard.QuerySelector(".subscription-warning"));
    }

    [Fact]
    public async Task TheStatusCanNoLongerBeSetByHand_AndTheOldFormIsRefusedToACityAdmin_ACitizen_AndAnonymous()
    {
        var city = await app.Given.City();
        await app.Given.Subscription(city);
        var operatorUser = await app.Given.Operator();
        var resident = await app.Given.Citizen();
        var url = $"/operateur/villes/{city.Id}?handler=Subscription";
        var fields = new Dictionary<string, string> { ["status"] = "Cancelled", ["reason"] = "Pirate" };
        var before = await app.EntryCountAsync();
        var statusBefore = await StatusAsync(city.Id);

        using var operatorBrowser = await app.SignedInAsync(operatorUser.Email);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        using var citizen = await app.SignedInAsync(resident.Email);
        using var anonymous = app.HttpsBrowser();
        var operatorPost = await operatorBrowser.PostAsync(url, await operatorBrowser.GetAsync("/operateur"), fields);
        var adminPost = await admin.PostAsync(url, await admin.GetAsync("/"), fields);
        var citizenPost = await citizen.PostAsync(url, await citizen.GetAsync("/"), fields);
        var anonymousPost = await anonymous.PostAsync(url, await anonymous.GetAsync("/"), fields);

        Assert.Equal(HttpStatusCode.NotFound, operatorPost.Status);
        Assert.Equal(HttpStatusCode.Forbidden, adminPost.Status);
        Assert.Equal(HttpStatusCode.Forbidden, citizenPost.Status);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPost.Status);
        Assert.Contains("/compte/connexion", anonymousPost.Location, StringComparison.Ordinal);
        Assert.Equal(statusBefore, await StatusAsync(city.Id));
        Assert.Equal(before, await app.EntryCountAsync());
    }

    [Fact]
    public async Task AnUnknownCity_IsNotFound()
    {
        using var operatorBrowser = await OperatorAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await operatorBrowser.GetAsync("/operateur/villes/999999")).Status);
    }

    private async Task<TestBrowser> OperatorAsync() => await app.SignedInAsync((await app.Given.Operator()).Email);

    private Task<int> RunJobAsync() => app.WithBillingAsync(async b =>
    {
        await b.IssueDueInvoicesAsync(CancellationToken.None);
        return await b.RefreshStatusesAsync(CancellationToken.None);
    });

    private Task<SubscriptionStatus> StatusAsync(long city) =>
        app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == city).Select(m => m.SubscriptionStatus).SingleAsync());

    private Task<Subscription> SubscriptionAsync(long city) =>
        app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.MunicipalityId == city));

    private Task<string> PlanNameAsync(long planId) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Name).SingleAsync());

    private Task<List<long>> UnpaidAsync(long city) =>
        app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.MunicipalityId == city && i.Status == InvoiceStatus.Issued).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());

    private Task<int> AddNeighbourhoodAsync(string slug) =>
        app.WithDbAsync(async db =>
        {
            var city = await db.Municipalities.Include(m => m.Neighbourhoods).SingleAsync(m => m.Slug == slug);
            city.AddNeighbourhood("Centre-ville", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

    /// <summary>A city opened by the operator's form: its trial starts today on the plan suggested for its population.</summary>
    private async Task<long> NewCityAsync(string name, string slug, string insee)
    {
        using var operatorBrowser = await OperatorAsync();
        var form = await operatorBrowser.GetAsync("/operateur/villes/nouvelle");
        var created = await operatorBrowser.SubmitAsync(form, "form#nouvelle-ville", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Slug"] = slug,
            ["Input.InseeCode"] = insee,
            ["Input.Population"] = "10000",
            ["Input.AdminEmail"] = $"admin-{slug}@exemple.fr",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var id = await app.CityIdAsync(slug);
        Assert.EndsWith("/" + id.ToString(CultureInfo.InvariantCulture), created.Location, StringComparison.Ordinal);
        return id;
    }
}
