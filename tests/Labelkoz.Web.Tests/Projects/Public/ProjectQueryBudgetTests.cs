using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Xunit.Abstractions;

namespace Labelkoz.Web.Tests.Projects.Public;

/// <summary>
/// The project pages send a small, fixed number of SQL commands whatever the number of projects,
/// comments, supports and images (no N+1): counted with the app's command interceptor.
/// </summary>
public sealed class ProjectQueryBudgetTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    // 10, and for a signed-in visitor the session's check against the account (ADR 19).
    private const int Budget = 11;

    [Fact]
    public async Task ListHomeAndCityPages_StayWithinBudget_AsProjectsGrow()
    {
        var (city, other) = await app.Given.TwoCities();
        var holder = await app.Given.Citizen();
        var token = Given.Token();
        for (var i = 0; i < 3; i++)
        {
            var project = await app.CreateProjectAsync(city.Slug, $"Projet {i} {token}", new() { Holder = holder.Email, Images = 2 });
            await app.Given.Supports(project, 2);
            await app.AddCommentsAsync(project.Id, 2, holder.Email);
        }

        var urls = new[] { $"/{city.Slug}/projets", $"/{city.Slug}/projets?q={token}", $"/{city.Slug}/projets?tri=soutiens&page=2", "/", city.Path };
        using var browser = app.NewBrowser();
        var before = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            before[url] = await CountAsync(browser, url);
        }

        for (var i = 3; i < 30; i++)
        {
            var project = await app.CreateProjectAsync(city.Slug, $"Projet {i} {token}", new() { Holder = holder.Email, Images = 3 });
            await app.Given.Supports(project, 3);
            await app.AddCommentsAsync(project.Id, 3, holder.Email, repliesEach: 1, replier: holder.Email);
        }

        await app.CreateProjectAsync(other.Slug, $"Projet de l'autre ville {token}", new() { Holder = holder.Email, Images = 1 });

        foreach (var (url, count) in before)
        {
            var after = await CountAsync(browser, url);
            Assert.True(after == count, $"{url}: {count} SQL commands before, {after} after adding data.");
            Assert.True(after is > 0 and <= Budget, $"{url}: {after} SQL commands.");
        }
    }

    [Fact]
    public async Task ProjectPage_StaysWithinBudget_With30Comments40Supports8Images_AndAsTheyGrow()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var other = await app.Given.Citizen();
        var project = await app.CreateProjectAsync(city.Slug, "Le projet le plus commenté", new()
        {
            Holder = holder.Email,
            Images = 8,
            Budget = [("Matériel", 100_000), ("Animation", 50_000)],
            Support = [(Domain.Labels.CommitmentKind.Premises, "Une salle")],
        });
        await app.AddCommentsAsync(project.Id, 20, holder.Email, repliesEach: 0);
        await app.AddCommentsAsync(project.Id, 5, other.Email, repliesEach: 1, replier: holder.Email);
        await app.Given.Supports(project, 40);
        using var anonymous = app.NewBrowser();
        using var camille = await app.SignedInAsync(holder.Email);

        var anonymousBefore = await CountAsync(anonymous, project.Path);
        var signedInBefore = await CountAsync(camille, project.Path);
        Assert.Equal(30, (await anonymous.GetAsync(project.Path)).Document.QuerySelectorAll(".comment").Length);

        await app.AddCommentsAsync(project.Id, 15, other.Email, repliesEach: 2, replier: holder.Email);
        await app.Given.Supports(project, 25);

        var anonymousAfter = await CountAsync(anonymous, project.Path);
        var signedInAfter = await CountAsync(camille, project.Path);
        Assert.Equal(75, (await anonymous.GetAsync(project.Path)).Document.QuerySelectorAll(".comment").Length);
        Assert.True(anonymousAfter == anonymousBefore, $"anonymous: {anonymousBefore} SQL commands before, {anonymousAfter} after adding data.");
        Assert.True(signedInAfter == signedInBefore, $"signed in: {signedInBefore} SQL commands before, {signedInAfter} after adding data.");
        Assert.True(anonymousAfter is > 0 and <= Budget, $"anonymous: {anonymousAfter} SQL commands.");
        Assert.True(signedInAfter is > 0 and <= Budget, $"signed in: {signedInAfter} SQL commands.");
    }

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        // The first request of a page warms up EF's model and query caches.
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var count = app.SqlCommands.Count;
        output.WriteLine($"SQL commands for {url}: {count}");
        return count;
    }
}
