using System.Net;
using Labelkoz.Data;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests;

/// <summary>Public pages send a small, fixed number of SQL commands however much data there is.</summary>
public sealed class QueryCountTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task HomeAndCityPages_DoNotGrowTheirQueriesWithTheData()
    {
        using var browser = app.NewBrowser();
        var before = new Dictionary<string, int>();
        foreach (var url in new[] { "/", "/montreuil", "/?q=mont" })
        {
            before[url] = await CountAsync(browser, url);
        }

        await AddDataAsync(neighbourhoods: 40, cities: 25);

        foreach (var (url, count) in before)
        {
            var after = await CountAsync(browser, url);
            Assert.True(after == count, $"{url}: {count} SQL commands before, {after} after adding data.");
            Assert.True(after is > 0 and <= 4, $"{url}: {after} SQL commands (0 would mean the counter is not wired).");
        }
    }

    /// <summary>
    /// A project page without a launched campaign: 9 commands, the funding panel's lookup included
    /// (with a launched campaign, 13 whatever the contributions: see FundingPanelTests).
    /// </summary>
    [Fact]
    public async Task AProjectPage_SendsAFixedNumberOfCommands()
    {
        using var browser = app.NewBrowser();
        var canonical = (await browser.GetAsync("/montreuil/projets/1")).Location!;
        Assert.Equal(9, await CountAsync(browser, canonical));
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

    private async Task AddDataAsync(int neighbourhoods, int cities)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var montreuil = await db.Municipalities.Include(m => m.Neighbourhoods).SingleAsync(m => m.Slug == "montreuil");
        for (var i = 0; i < neighbourhoods; i++)
        {
            montreuil.AddNeighbourhood($"Quartier de test {i}", DateTime.UtcNow);
        }

        for (var i = 0; i < cities; i++)
        {
            var city = Domain.Municipalities.Municipality.Create($"Montville {i}", $"montville-{i}", $"99{i:D3}", 1000 + i, DateTime.UtcNow);
            city.AddNeighbourhood("Centre", DateTime.UtcNow);
            db.Municipalities.Add(city);
        }

        await db.SaveChangesAsync();
    }
}
