using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Workbench;

/// <summary>
/// Where a log-in lands: the staff of one city on that city's back office, the staff of several
/// cities on their space (which lists the cities), citizens on their space; a safe return URL wins.
/// </summary>
public sealed class StaffLandingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheStaffOfOneCity_LandOnItsDashboard()
    {
        var city = await app.NewCityAsync("Ville d'atterrissage");

        foreach (var member in new[] { city.Admin, city.Agent })
        {
            using var browser = app.NewBrowser();
            var loggedIn = await browser.LogInAsync(member.Email);
            Assert.Equal($"/{city.Slug}/admin", loggedIn.Location);
        }
    }

    [Fact]
    public async Task TheStaffOfSeveralCities_LandOnTheirSpace_WhichListsTheirCities()
    {
        var first = await app.NewCityAsync("Première ville");
        var second = await app.NewCityAsync("Seconde ville");
        await app.WithDbAsync(async db =>
        {
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == second.Id);
            city.GrantRole(first.Agent.Id, StaffRole.Agent, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        using var browser = app.NewBrowser();
        var loggedIn = await browser.LogInAsync(first.Agent.Email);

        Assert.Equal("/compte/mon-espace", loggedIn.Location);
        var space = await browser.FollowAsync(loggedIn);
        Assert.NotNull(space.Document.QuerySelector($"main a[href='/{first.Slug}/admin']"));
        Assert.NotNull(space.Document.QuerySelector($"main a[href='/{second.Slug}/admin']"));
    }

    [Fact]
    public async Task ACitizen_StillLandsOnTheirSpace()
    {
        var citizen = await app.NewPersonAsync("Citoyenne");
        using var browser = app.NewBrowser();

        Assert.Equal("/compte/mon-espace", (await browser.LogInAsync(citizen.Email)).Location);
    }

    [Fact]
    public async Task AnExplicitLocalReturnUrl_WinsOverTheDashboard_AnExternalOneDoesNot()
    {
        var city = await app.NewCityAsync("Ville du retour");

        using (var browser = app.NewBrowser())
        {
            var login = await browser.GetAsync("/compte/connexion?returnUrl=%2Fcompte%2Fprofil");
            var result = await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = city.Agent.Email, ["Input.Password"] = Given.Password });

            // Staff give their second factor's code; the return address goes along.
            Assert.StartsWith("/compte/connexion/code?", result.Location, StringComparison.Ordinal);
            result = await browser.SubmitAsync(await browser.GetAsync(result.Location!), "form#code-connexion", new Dictionary<string, string> { ["Code"] = browser.CurrentCode() });
            Assert.Equal("/compte/profil", result.Location);
        }

        using (var browser = app.NewBrowser())
        {
            var login = await browser.GetAsync("/compte/connexion?returnUrl=" + Uri.EscapeDataString("https://evil.example/"));
            var result = await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = city.Agent.Email, ["Input.Password"] = Given.Password });
            Assert.DoesNotContain("evil", result.Location, StringComparison.Ordinal);
            result = await browser.SubmitAsync(await browser.GetAsync(result.Location!), "form#code-connexion", new Dictionary<string, string> { ["Code"] = browser.CurrentCode() });
            Assert.Equal($"/{city.Slug}/admin", result.Location);
        }
    }
}
