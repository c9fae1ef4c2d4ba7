using System.Net;
using Labelkoz.Data;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests;

/// <summary>
/// Public pages send a small, fixed number of SQL commands however much data there is: each page is
/// counted with a little data, then again with ten times as much, and the two counts must match.
/// </summary>
public sealed class QueryCountTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>What a public page may send at most: a handful of queries, none per row shown.</summary>
    private const int Budget = 10;

    [Fact]
    public async Task HomeAndCityPages_DoNotGrowTheirQueriesWithTheData()
    {
        var city = await app.Given.City();
        using var browser = app.NewBrowser();
        var before = new Dictionary<string, int>();
        foreach (var url in new[] { "/", city.Path, "/?q=ville" })
        {
            before[url] = await CountAsync(browser, url);
        }

        await AddDataAsync(city, neighbourhoods: 40, cities: 25);

        foreach (var (url, count) in before)
        {
            var after = await CountAsync(browser, url);
            Assert.True(after == count, $"{url}: {count} SQL commands before, {after} after adding data.");
            Assert.True(after is > 0 and <= 4, $"{url}: {after} SQL commands (0 would mean the counter is not wired).");
        }
    }

    /// <summary>
    /// A project page without a launched campaign (the funding panel's lookup included): the same
    /// count with 3 supports, comments and sibling projects as with 30 (with a launched campaign,
    /// see FundingPanelTests).
    /// </summary>
    [Fact]
    public async Task AProjectPage_SendsTheSameFewCommands_With3And30SupportsCommentsAndProjects()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var project = await app.Given.Project(city, holder, new ProjectSpec { ImageAlts = ["Le terrain", "Le plan"], Budget = [("Matériel", 100_000)] });
        await GrowAsync(city, holder, project, 3);
        using var browser = app.NewBrowser();
        var before = await CountAsync(browser, project.Path);

        await GrowAsync(city, holder, project, 27);

        var after = await CountAsync(browser, project.Path);
        Assert.True(after == before, $"{before} SQL commands with 3 of each, {after} with 30.");
        Assert.True(after is > 0 and <= Budget, $"{after} SQL commands (0 would mean the counter is not wired).");
        Assert.Equal(30, (await browser.GetAsync(project.Path)).Document.QuerySelectorAll(".comment").Length);
    }

    private async Task GrowAsync(TestCity city, TestUser holder, TestProject project, int count)
    {
        await app.Given.Supports(project, count);
        for (var i = 0; i < count; i++)
        {
            await app.Given.Comment(project, holder, $"Commentaire {i}");
            await app.Given.Project(city, holder, ProjectState.Submitted);
        }
    }

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        // The first request of a page warms up EF's model and query caches.
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    private async Task AddDataAsync(TestCity city, int neighbourhoods, int cities)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var municipality = await db.Municipalities.Include(m => m.Neighbourhoods).SingleAsync(m => m.Id == city.Id);
        for (var i = 0; i < neighbourhoods; i++)
        {
            municipality.AddNeighbourhood($"Quartier de test {i}", DateTime.UtcNow);
        }

        for (var i = 0; i < cities; i++)
        {
            var other = Domain.Municipalities.Municipality.Create($"Villeneuve {i}", $"villeneuve-{i}", $"99{i:D3}", 1000 + i, DateTime.UtcNow);
            other.AddNeighbourhood("Centre", DateTime.UtcNow);
            db.Municipalities.Add(other);
        }

        await db.SaveChangesAsync();
    }
}
