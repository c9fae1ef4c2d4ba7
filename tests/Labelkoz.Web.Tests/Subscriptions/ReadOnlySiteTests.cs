using System.Net;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>
/// A city whose subscription is cancelled keeps its site public and read-only (issue #7): its pages
/// still answer, with a notice; every write on its public site is refused with a 403 that says why,
/// and saves nothing; its back office keeps working for its staff; another city is untouched.
/// </summary>
public sealed class ReadOnlySiteTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ACancelledCitysSite_StaysReadable_WithANotice()
    {
        var (city, project) = await CancelledCityAsync();
        var other = await app.Given.City();
        using var visitor = app.NewBrowser();

        foreach (var path in new[] { city.Path, $"{city.Path}/projets", $"{city.Path}/appels", $"{city.Path}/projets/{project.Id}" })
        {
            var page = await visitor.GetAsync(path);
            if (page.Status == HttpStatusCode.MovedPermanently)
            {
                page = await visitor.FollowAsync(page);
            }

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(Notice(city), page.MainText, StringComparison.Ordinal);
            Assert.Null(page.Document.QuerySelector($"a[href='{city.Path}/projets/proposer']"));
            Assert.Null(page.Document.QuerySelector("form#nouveau-commentaire"));
            page.AssertAccessibleStructure();
        }

        var untouched = await visitor.GetAsync(other.Path);
        Assert.DoesNotContain("a résilié son abonnement", untouched.MainText, StringComparison.Ordinal);
        Assert.NotNull(untouched.Document.QuerySelector($"a[href='{other.Path}/projets/proposer']"));
    }

    [Fact]
    public async Task ProposingAProject_OnACancelledCitysSite_IsRefused_AndSavesNothing()
    {
        var (city, _) = await CancelledCityAsync();
        using var resident = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var before = await ProjectCountAsync();

        var form = await resident.GetAsync($"{city.Path}/projets/proposer");
        var refused = await resident.SubmitAsync(form, "form#proposer", new Dictionary<string, string>
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
        var (city, project) = await CancelledCityAsync();
        using var resident = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var before = await app.WithDbAsync(db => db.Comments.IgnoreQueryFilters().CountAsync());

        var page = await resident.GetAsync($"{city.Path}/projets/{project.Id}");
        var refused = await resident.PostAsync($"{city.Path}/projets/{project.Id}?handler=Comment", page, new Dictionary<string, string> { ["body"] = "Bravo pour ce projet !" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Site en lecture seule", refused.MainText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Comments.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task TheBackOffice_OfACancelledCity_KeepsWorking_ForItsStaff()
    {
        var (city, _) = await CancelledCityAsync();
        var neighbourhood = "Les Malassis " + Given.Token();
        using var admin = await app.SignedInAsync(city.Admin.Email);

        var page = await admin.GetAsync($"{city.AdminPath}/quartiers");
        var saved = await admin.SubmitAsync(page, "form#ajout-quartier", new Dictionary<string, string> { ["Input.Name"] = neighbourhood });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.True(await app.WithDbAsync(db => db.Neighbourhoods.IgnoreQueryFilters().AnyAsync(n => n.MunicipalityId == city.Id && n.Name == neighbourhood)));
    }

    private static string Notice(TestCity city) => $"{city.Name} a résilié son abonnement à Labelkoz : son site reste consultable";

    /// <summary>A city with a submitted (public) project, whose subscription is then cancelled.</summary>
    private async Task<(TestCity City, TestProject Project)> CancelledCityAsync()
    {
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen(), ProjectState.Submitted);
        await app.Given.SubscriptionStatus(city, SubscriptionStatus.Cancelled);
        return (city, project);
    }

    private Task<int> ProjectCountAsync() => app.WithDbAsync(db => db.Projects.IgnoreQueryFilters().CountAsync());
}
