using System.Net;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>
/// A city whose subscription is cancelled keeps its site public and read-only (issue #7): its pages
/// still answer, with a notice; every write on its public site is refused with a 403 that says why,
/// and saves nothing; its back office keeps working for its staff; another city is untouched.
/// </summary>
public sealed class ReadOnlySiteTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Notice = "Bagnolet a résilié son abonnement à Labelkoz : son site reste consultable";

    [Fact]
    public async Task ACancelledCitysSite_StaysReadable_WithANotice()
    {
        await CancelBagnoletAsync();
        using var visitor = app.NewBrowser();

        foreach (var path in new[] { "/bagnolet", "/bagnolet/projets", "/bagnolet/appels", $"/bagnolet/projets/{await ProjectAsync()}" })
        {
            var page = await visitor.GetAsync(path);
            if (page.Status == HttpStatusCode.MovedPermanently)
            {
                page = await visitor.FollowAsync(page);
            }

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(Notice, page.MainText, StringComparison.Ordinal);
            Assert.Null(page.Document.QuerySelector("a[href='/bagnolet/projets/proposer']"));
            Assert.Null(page.Document.QuerySelector("form#nouveau-commentaire"));
            page.AssertAccessibleStructure();
        }

        var montreuil = await visitor.GetAsync("/montreuil");
        Assert.DoesNotContain("a résilié son abonnement", montreuil.MainText, StringComparison.Ordinal);
        Assert.NotNull(montreuil.Document.QuerySelector("a[href='/montreuil/projets/proposer']"));
    }

    [Fact]
    public async Task ProposingAProject_OnACancelledCitysSite_IsRefused_AndSavesNothing()
    {
        await CancelBagnoletAsync();
        using var hugo = await app.SignedInAsync("hugo@demo.labelkoz.fr");
        var before = await ProjectCountAsync();

        var form = await hugo.GetAsync("/bagnolet/projets/proposer");
        var refused = await hugo.SubmitAsync(form, "form#proposer", new Dictionary<string, string>
        {
            ["Input.Title"] = "Un composteur de quartier",
            ["Input.Summary"] = "Un composteur partagé au pied des immeubles.",
        });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Site en lecture seule", refused.MainText, StringComparison.Ordinal);
        Assert.Contains("on ne peut plus y proposer de projet", refused.MainText, StringComparison.Ordinal);
        Assert.Equal(before, await ProjectCountAsync());
    }

    [Fact]
    public async Task CommentingOnACancelledCitysProject_IsRefused_AndSavesNothing()
    {
        await CancelBagnoletAsync();
        using var hugo = await app.SignedInAsync("hugo@demo.labelkoz.fr");
        var id = await ProjectAsync();
        var before = await app.WithDbAsync(db => db.Comments.IgnoreQueryFilters().CountAsync());

        var page = await hugo.GetAsync($"/bagnolet/projets/{id}");
        var refused = await hugo.PostAsync($"/bagnolet/projets/{id}?handler=Comment", page, new Dictionary<string, string> { ["body"] = "Bravo pour ce projet !" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Site en lecture seule", refused.MainText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Comments.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task TheBackOffice_OfACancelledCity_KeepsWorking_ForItsStaff()
    {
        await CancelBagnoletAsync();
        using var admin = await app.SignedInAsync(StaffTestKit.BagnoletAdmin);

        var page = await admin.GetAsync("/bagnolet/admin/quartiers");
        var saved = await admin.SubmitAsync(page, "form#ajout-quartier", new Dictionary<string, string> { ["Input.Name"] = "Les Malassis" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.True(await app.WithDbAsync(db => db.Neighbourhoods.IgnoreQueryFilters().AnyAsync(n => n.Name == "Les Malassis")));
    }

    private Task<int> CancelBagnoletAsync() =>
        app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == "bagnolet")
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.SubscriptionStatus, SubscriptionStatus.Cancelled)));

    private Task<long> ProjectAsync() =>
        app.WithDbAsync(db => db.Projects.IgnoreQueryFilters()
            .Where(p => db.Municipalities.Any(m => m.Id == p.MunicipalityId && m.Slug == "bagnolet") && p.Status == ProjectStatus.Submitted)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    private Task<int> ProjectCountAsync() => app.WithDbAsync(db => db.Projects.IgnoreQueryFilters().CountAsync());
}
