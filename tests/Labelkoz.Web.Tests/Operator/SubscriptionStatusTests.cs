using System.Globalization;
using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Audit;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Operator;

/// <summary>
/// Until billing exists, the operator sets a city's subscription status by hand, with a reason kept
/// in the journal; a city that is neither in trial nor active is told on its dashboard that it
/// cannot label.
/// </summary>
public sealed class SubscriptionStatusTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Form = "form#abonnement";

    [Fact]
    public async Task Operator_SuspendsACity_WhoseDashboardThenSaysItCannotLabel_AndRestoresIt()
    {
        var city = await NewCityAsync("Romainville", "romainville", "93063");
        var admin = await app.NewStaffAsync("romainville", StaffRole.Admin);
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);
        using var cityAdmin = await app.SignedInAsync(admin);
        var calm = await cityAdmin.GetAsync("/romainville/admin");
        Assert.Null(calm.Document.QuerySelector(".subscription-blocked"));

        var entries = await app.NewEntriesAsync(async () =>
        {
            var page = await operatorBrowser.GetAsync($"/operateur/villes/{city}");
            page.AssertAccessibleStructure();
            var saved = await operatorBrowser.SubmitAsync(page, Form, new Dictionary<string, string> { ["status"] = "Suspended", ["reason"] = "Facture 2026-0042 impayée depuis 90 jours" });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            var after = await operatorBrowser.FollowAsync(saved);
            Assert.Contains("L'abonnement de Romainville est maintenant « Suspendue ».", after.MainText, StringComparison.Ordinal);
        });

        Assert.Equal(SubscriptionStatus.Suspended, await StatusAsync("romainville"));
        var entry = Assert.Single(entries);
        Assert.Equal((AuditAction.SubscriptionStatusChanged, AuditSubject.Municipality, city), (entry.Action, entry.SubjectType, entry.MunicipalityId));
        Assert.Equal("Abonnement : Période d'essai", entry.Before);
        Assert.Equal("Abonnement : Suspendue", entry.After);
        Assert.Equal("Facture 2026-0042 impayée depuis 90 jours", entry.Details);
        Assert.Equal(await app.UserIdAsync(StaffTestKit.Operator), entry.ActorUserId);

        var dashboard = await cityAdmin.GetAsync("/romainville/admin");
        var banner = dashboard.Document.QuerySelector(".subscription-blocked");
        Assert.NotNull(banner);
        Assert.Contains("Aucun label ne peut être décerné pour le moment", banner!.TextContent, StringComparison.Ordinal);
        Assert.Contains("L'abonnement est suspendu", banner.TextContent, StringComparison.Ordinal);
        dashboard.AssertAccessibleStructure();
        var journal = await cityAdmin.GetAsync("/romainville/admin/journal");
        Assert.Contains("Facture 2026-0042 impayée depuis 90 jours", journal.MainText, StringComparison.Ordinal);
        Assert.Contains("Statut d'abonnement modifié", journal.MainText, StringComparison.Ordinal);

        var restored = await operatorBrowser.SubmitAsync(await operatorBrowser.GetAsync($"/operateur/villes/{city}"), Form, new Dictionary<string, string> { ["status"] = "Active", ["reason"] = "Facture réglée" });
        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        Assert.Equal(SubscriptionStatus.Active, await StatusAsync("romainville"));
        Assert.Null((await cityAdmin.GetAsync("/romainville/admin")).Document.QuerySelector(".subscription-blocked"));
    }

    [Theory]
    [InlineData("PastDue", "impayée", ".subscription-warning")]
    [InlineData("Cancelled", "résilié", ".subscription-blocked")]
    public async Task EveryStatusThatMatters_ShowsItsReasonOnTheDashboard_PastDueOnlyWarns(string status, string expected, string banner)
    {
        var slug = "ville-" + status.ToLowerInvariant();
        var city = await NewCityAsync("Ville " + status, slug, status == "PastDue" ? "93071" : "93072");
        var admin = await app.NewStaffAsync(slug, StaffRole.Agent);
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);

        var saved = await operatorBrowser.SubmitAsync(await operatorBrowser.GetAsync($"/operateur/villes/{city}"), Form, new Dictionary<string, string> { ["status"] = status, ["reason"] = "Test" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        using var agent = await app.SignedInAsync(admin);
        var dashboard = (await agent.GetAsync($"/{slug}/admin")).Document;
        var shown = dashboard.QuerySelector(banner);
        Assert.NotNull(shown);
        Assert.Contains(expected, shown!.TextContent, StringComparison.Ordinal);
        Assert.Equal(status == "PastDue", dashboard.QuerySelector(".subscription-blocked") is null);
    }

    [Theory]
    [InlineData("Frozen")]
    [InlineData("7")]
    [InlineData("")]
    [InlineData("Suspended, Active")]
    [InlineData("suspended")]
    public async Task AnUnknownStatus_GetsAFrenchError_AndChangesNothing(string status)
    {
        var city = await app.CityIdAsync("bagnolet");
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);
        var before = await StatusAsync("bagnolet");

        var entries = await app.NewEntriesAsync(async () =>
        {
            var page = await operatorBrowser.GetAsync($"/operateur/villes/{city}");
            var refused = await operatorBrowser.SubmitAsync(page, Form, new Dictionary<string, string> { ["status"] = status, ["reason"] = "Motif" });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("Choisissez l'un des statuts d'abonnement proposés.", refused.FieldError("abonnement-statut-erreur"), StringComparison.Ordinal);
            Assert.Equal("Motif", refused.Document.QuerySelector("#abonnement-motif")!.TextContent);
            refused.AssertAccessibleStructure();
        });

        Assert.Empty(entries);
        Assert.Equal(before, await StatusAsync("bagnolet"));
    }

    [Fact]
    public async Task AMissingReason_IsRefusedOnItsField_AndAnUnchangedStatusWritesNothing()
    {
        var city = await app.CityIdAsync("bagnolet");
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);

        var entries = await app.NewEntriesAsync(async () =>
        {
            var page = await operatorBrowser.GetAsync($"/operateur/villes/{city}");
            var refused = await operatorBrowser.SubmitAsync(page, Form, new Dictionary<string, string> { ["status"] = "Suspended", ["reason"] = "   " });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("Indiquez le motif", refused.FieldError("abonnement-motif-erreur"), StringComparison.Ordinal);
            Assert.Contains("abonnement-motif-erreur", refused.Document.QuerySelector("#abonnement-motif")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);

            var tooLong = await operatorBrowser.SubmitAsync(page, Form, new Dictionary<string, string> { ["status"] = "Suspended", ["reason"] = new string('x', 501) });
            Assert.Equal(HttpStatusCode.OK, tooLong.Status);
            Assert.Contains("500 caractères", tooLong.FieldError("abonnement-motif-erreur"), StringComparison.Ordinal);

            var same = await operatorBrowser.SubmitAsync(page, Form, new Dictionary<string, string> { ["status"] = "Trial", ["reason"] = "Rien" });
            Assert.Equal(HttpStatusCode.Redirect, same.Status);
            Assert.Contains("rien n'a changé", (await operatorBrowser.FollowAsync(same)).MainText, StringComparison.Ordinal);
        });

        Assert.Empty(entries);
        Assert.Equal(SubscriptionStatus.Trial, await StatusAsync("bagnolet"));
    }

    [Fact]
    public async Task TheStatusForm_IsRefusedToACityAdmin_ACitizen_AndAnonymous()
    {
        var city = await app.CityIdAsync("montreuil");
        var url = $"/operateur/villes/{city}?handler=Subscription";
        var fields = new Dictionary<string, string> { ["status"] = "Cancelled", ["reason"] = "Pirate" };
        var before = await app.EntryCountAsync();
        var statusBefore = await StatusAsync("montreuil");

        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        using var citizen = await app.SignedInAsync(StaffTestKit.Citizen);
        using var anonymous = app.HttpsBrowser();
        var adminPost = await admin.PostAsync(url, await admin.GetAsync("/"), fields);
        var citizenPost = await citizen.PostAsync(url, await citizen.GetAsync("/"), fields);
        var anonymousPost = await anonymous.PostAsync(url, await anonymous.GetAsync("/"), fields);

        Assert.Equal(HttpStatusCode.Forbidden, adminPost.Status);
        Assert.Equal(HttpStatusCode.Forbidden, citizenPost.Status);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPost.Status);
        Assert.Contains("/compte/connexion", anonymousPost.Location, StringComparison.Ordinal);
        Assert.Equal(statusBefore, await StatusAsync("montreuil"));
        Assert.Equal(before, await app.EntryCountAsync());
    }

    [Fact]
    public async Task AnUnknownCity_IsNotFound()
    {
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);
        var tokenSource = await operatorBrowser.GetAsync("/operateur");

        var post = await operatorBrowser.PostAsync("/operateur/villes/999999?handler=Subscription", tokenSource, new Dictionary<string, string> { ["status"] = "Active", ["reason"] = "Motif" });

        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    private Task<SubscriptionStatus> StatusAsync(string slug) =>
        app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == slug).Select(m => m.SubscriptionStatus).SingleAsync());

    private async Task<long> NewCityAsync(string name, string slug, string insee)
    {
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);
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
