using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Projects.Public;

public sealed class SupportAndFollowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Support_TogglesOnAndOff()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Un parc à soutenir", new() { Holder = (await app.Given.Citizen()).Email });
        using var camille = await app.SignedInAsync((await app.Given.Citizen()).Email);

        var page = await camille.GetAsync(project.Path);
        Assert.Contains("0 soutien", page.Document.QuerySelector(".support-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Soutenir ce projet", page.Document.QuerySelector("#soutien-form button")!.TextContent.Trim());

        var supported = await camille.SubmitAsync(page, "#soutien-form");
        Assert.Equal(HttpStatusCode.Redirect, supported.Status);
        Assert.Equal(project.Path + "#soutien", supported.Location);
        var after = await camille.FollowAsync(supported);
        Assert.Contains("1 soutien", after.Document.QuerySelector(".support-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Retirer mon soutien", after.Document.QuerySelector("#soutien-form button")!.TextContent.Trim());
        Assert.Contains("votre soutien à ce projet est enregistré", after.MainText, StringComparison.Ordinal);
        Assert.Equal(1, await app.SupportCountAsync(project.Id));

        var withdrawn = await camille.FollowAsync(await camille.SubmitAsync(after, "#soutien-form"));
        Assert.Contains("0 soutien", withdrawn.Document.QuerySelector(".support-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Soutenir ce projet", withdrawn.Document.QuerySelector("#soutien-form button")!.TextContent.Trim());
        Assert.Equal(0, await app.SupportCountAsync(project.Id));
    }

    [Fact]
    public async Task Support_IsIdempotent_ASecondSupportDoesNotUndoTheFirst()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Deux clics", new() { Holder = (await app.Given.Citizen()).Email });
        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var page = await hugo.GetAsync(project.Path);

        await hugo.SubmitAsync(page, "#soutien-form");
        var again = await hugo.SubmitAsync(page, "#soutien-form");

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(1, await app.SupportCountAsync(project.Id));
    }

    [Fact]
    public async Task Support_WhenAnonymous_RedirectsToLogInAndBack()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Un projet pour les connectés", new() { Holder = (await app.Given.Citizen()).Email });
        var hugo = await app.Given.Citizen();
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(project.Path);

        var result = await browser.PostAsync(project.Path + "?handler=Support", page, new Dictionary<string, string> { ["support"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/compte/connexion?returnUrl=" + Uri.EscapeDataString(project.Path), result.Location);
        Assert.Equal(0, await app.SupportCountAsync(project.Id));

        var login = await browser.GetAsync(result.Location!);
        var loggedIn = await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = hugo.Email,
            ["Input.Password"] = Web.Demo.DemoSeeder.DemoPassword,
        });
        Assert.Equal(project.Path, loggedIn.Location);
    }

    [Fact]
    public async Task Support_OfAWithdrawnProject_IsRefusedInFrench()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Un projet abandonné", new() { Holder = (await app.Given.Citizen()).Email, State = TestState.Withdrawn });
        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var page = await hugo.GetAsync(project.Path);
        Assert.Null(page.Document.QuerySelector("#soutien-form"));

        var result = await hugo.PostAsync(project.Path + "?handler=Support", page, new Dictionary<string, string> { ["support"] = "true" });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Ce projet ne peut plus recevoir de soutien.", result.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.SupportCountAsync(project.Id));
    }

    [Theory]
    [InlineData(TestState.Draft)]
    [InlineData(TestState.Hidden)]
    [InlineData(TestState.AwaitingPublication)]
    public async Task Support_OfAProjectThatIsNotPublic_IsNotFound_AndRefusedToItsHolder(TestState state)
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var project = await app.CreateProjectAsync(city.Slug, $"Pas public {state}", new() { State = state, Holder = holder.Email });
        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var token = await hugo.GetAsync(city.Path);

        var result = await hugo.PostAsync(project.Path + "?handler=Support", token, new Dictionary<string, string> { ["support"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, result.Status);

        using var camille = await app.SignedInAsync(holder.Email);
        var own = await camille.GetAsync(project.Path);
        var refused = await camille.PostAsync(project.Path + "?handler=Support", own, new Dictionary<string, string> { ["support"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Ce projet ne peut plus recevoir de soutien.", refused.MainText, StringComparison.Ordinal);
        Assert.Equal(0, await app.SupportCountAsync(project.Id));
    }

    [Fact]
    public async Task Support_OfAnotherCitysProject_IsNotFound()
    {
        var (city, other) = await app.Given.TwoCities();
        var project = await app.CreateProjectAsync(city.Slug, "Projet de la ville", new() { Holder = (await app.Given.Citizen()).Email });
        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var token = await hugo.GetAsync(other.Path);

        var result = await hugo.PostAsync($"{other.Path}/projets/{project.Id}?handler=Support", token, new Dictionary<string, string> { ["support"] = "true" });

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal(0, await app.SupportCountAsync(project.Id));
    }

    [Fact]
    public async Task FiftyAccountsSupportingAtOnce_CountFifty()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Le projet le plus soutenu", new() { Holder = (await app.Given.Citizen()).Email });
        var emails = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            emails.Add((await app.Given.Citizen()).Email);
        }

        var browsers = await Task.WhenAll(emails.Select(e => app.SignedInAsync(e)));
        try
        {
            var pages = await Task.WhenAll(browsers.Select(b => b.GetAsync(project.Path)));

            var results = await Task.WhenAll(browsers.Select((b, i) => b.SubmitAsync(pages[i], "#soutien-form")));

            Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
            Assert.Equal(50, await app.SupportCountAsync(project.Id));
            using var visitor = app.NewBrowser();
            var page = await visitor.GetAsync(project.Path);
            Assert.Contains("50 soutiens", page.Document.QuerySelector(".support-count")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var browser in browsers)
            {
                browser.Dispose();
            }
        }
    }

    [Fact]
    public async Task OneAccountSupportingTwiceAtOnce_CountsOne()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Un double clic", new() { Holder = (await app.Given.Citizen()).Email });
        var email = (await app.Given.Citizen()).Email;
        using var browser = await app.SignedInAsync(email);
        var page = await browser.GetAsync(project.Path);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => browser.SubmitAsync(page, "#soutien-form")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(1, await app.SupportCountAsync(project.Id));
    }

    [Fact]
    public async Task Follow_TogglesOnAndOff()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Un projet à suivre", new() { Holder = (await app.Given.Citizen()).Email });
        var follower = await app.Given.Citizen();
        using var hugo = await app.SignedInAsync(follower.Email);
        var hugoId = follower.Id;
        var page = await hugo.GetAsync(project.Path);
        Assert.Equal("Suivre ce projet", page.Document.QuerySelector("#suivi-form button")!.TextContent.Trim());

        var followed = await hugo.SubmitAsync(page, "#suivi-form");
        Assert.Equal(project.Path + "#suivi", followed.Location);
        var after = await hugo.FollowAsync(followed);
        Assert.Equal("Ne plus suivre ce projet", after.Document.QuerySelector("#suivi-form button")!.TextContent.Trim());
        Assert.Contains("1 personne suit ce projet", after.MainText, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.ProjectFollows.AnyAsync(f => f.ProjectId == project.Id && f.UserId == hugoId)));

        var unfollowed = await hugo.FollowAsync(await hugo.SubmitAsync(after, "#suivi-form"));
        Assert.Equal("Suivre ce projet", unfollowed.Document.QuerySelector("#suivi-form button")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.ProjectFollows.AnyAsync(f => f.ProjectId == project.Id && f.UserId == hugoId)));
    }

    [Fact]
    public async Task Follow_TwiceAtOnce_KeepsOneRow_AndAnonymousIsSentToLogIn()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Suivi en double", new() { Holder = (await app.Given.Citizen()).Email });
        var email = (await app.Given.Citizen()).Email;
        var userId = await app.UserIdAsync(email);
        using var browser = await app.SignedInAsync(email);
        var page = await browser.GetAsync(project.Path);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => browser.SubmitAsync(page, "#suivi-form")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(1, await app.WithDbAsync(db => db.ProjectFollows.CountAsync(f => f.ProjectId == project.Id && f.UserId == userId)));

        using var anonymous = app.NewBrowser();
        var anonymousPage = await anonymous.GetAsync(project.Path);
        var refused = await anonymous.PostAsync(project.Path + "?handler=Follow", anonymousPage, new Dictionary<string, string> { ["follow"] = "true" });
        Assert.StartsWith("/compte/connexion?returnUrl=", refused.Location, StringComparison.Ordinal);
    }
}
