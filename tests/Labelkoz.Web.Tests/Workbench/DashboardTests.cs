using System.Net;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Workbench;

/// <summary>
/// The back office's dashboard starts with the person's work: each count is a link to the list
/// that shows exactly those items; nothing waiting says so calmly; the counts cost a fixed number
/// of SQL commands whatever the data.
/// </summary>
public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ACityWithNothingWaiting_SaysSo_WithTheCitySettingsBelow()
    {
        var city = await app.NewCityAsync("Ville tranquille");
        using var admin = app.NewBrowser();
        await admin.LogInAsync(city.Admin.Email);

        var page = await admin.GetAsync($"/{city.Slug}/admin");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Equal("À traiter", page.Document.QuerySelectorAll("main h2")[0].TextContent.Trim());
        Assert.Contains("Rien à traiter pour le moment.", page.Document.GetElementById("rien-a-traiter")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll(".workbench-items li"));
        Assert.NotNull(page.Document.QuerySelector($"main a[href='/{city.Slug}/admin/identite-visuelle']"));
    }

    [Fact]
    public async Task EachCount_LinksToTheListOfExactlyThoseItems()
    {
        var city = await app.NewCityAsync("Ville affairée");
        var holder = await app.NewPersonAsync("Porteuse");
        var applicant = await app.NewPersonAsync("Candidat");
        var other = await app.NewPersonAsync("Candidate");
        var now = DateTime.UtcNow;

        // Two submitted projects nobody took; one in review followed by the agent; one in review
        // followed by the admin, whose label the agent proposed; one declined (nothing to do).
        var toTake = new[] { await app.ProjectAsync(city, holder, "Projet à prendre A"), await app.ProjectAsync(city, holder, "Projet à prendre B") };
        await app.ProjectAsync(city, holder, "Projet de l'agent", (p, c, t) => p.TakeIntoReview(c, city.Admin.Id, city.Agent.Id, t));
        await app.ProjectAsync(city, holder, "Projet proposé", (p, c, t) => p.TakeIntoReview(c, city.Admin.Id, city.Admin.Id, t));
        await app.ReviewAsync("Projet proposé", (p, c, t) => p.ProposeLabel(c, city.Agent.Id, new LabelTerms([new CommitmentTerms(CommitmentKind.Premises, "Une salle")], null, null), t));
        await app.ProjectAsync(city, holder, "Projet refusé", (p, c, t) =>
        {
            p.TakeIntoReview(c, city.Admin.Id, null, t);
            p.ProposeDecline(c, city.Admin.Id, "Hors sujet", t);
        });

        // A comment waiting for approval; a closed call with two applications, one scored by the agent;
        // one campaign ending in three days, one in three weeks.
        await app.CommentAsync(toTake[0], holder, ModerationMode.PreModeration);
        var call = await app.ClosedCallAsync(city, "Appel à noter", 1, applicant, other);
        await app.WithDbAsync(async db =>
        {
            var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
            var loaded = await db.Calls.Include(c => c.Criteria).SingleAsync(c => c.Id == call.Id);
            var application = await db.CallApplications.Include(a => a.Scores).SingleAsync(a => a.Id == call.Applications[0]);
            application.Score(loaded, municipality, city.Agent.Id, [new ScoreTerms(call.CriterionId, 7)], now);
            return await db.SaveChangesAsync();
        });
        await app.Given.Campaign(city, holder, new CampaignSpec { Title = "Campagne qui se termine", EndsIn = TimeSpan.FromDays(3) });
        await app.Given.Campaign(city, holder, new CampaignSpec { Title = "Campagne qui dure", EndsIn = TimeSpan.FromDays(21) });

        using var agent = app.NewBrowser();
        await agent.LogInAsync(city.Agent.Email);
        var page = await agent.GetAsync($"/{city.Slug}/admin");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Null(page.Document.GetElementById("rien-a-traiter"));

        // The agent proposes decisions, an admin confirms them: not the agent's work.
        Assert.Null(page.Document.GetElementById("a-traiter-decisions"));
        await AssertItemAsync(agent, page, "a-traiter-a-prendre", "2 projets déposés à prendre en charge", ["Projet à prendre A", "Projet à prendre B"]);
        await AssertItemAsync(agent, page, "a-traiter-mes-projets", "1 de vos projets à l'étude", ["Projet de l'agent"]);
        await AssertItemAsync(agent, page, "a-traiter-candidatures", "1 candidature à noter", ["Appel à noter"]);
        await AssertItemAsync(agent, page, "a-traiter-campagnes", "1 campagne se termine dans les 7 jours", ["Campagne qui se termine"]);
        var moderation = await agent.GetAsync(Link(page, "a-traiter-commentaires", "1 commentaire à modérer"));
        Assert.Contains("Un commentaire à relire.", moderation.MainText, StringComparison.Ordinal);

        // The calls list names what is left to score, and the call's ranking is one click away.
        var calls = await agent.GetAsync(Link(page, "a-traiter-candidatures", "1 candidature à noter"));
        Assert.NotNull(calls.Document.QuerySelector($"main a[href='/{city.Slug}/admin/appels/{WorkbenchKit.Inv(call.Id)}/candidatures']"));
        Assert.Contains("1 à noter par vous", calls.MainText, StringComparison.Ordinal);

        using var admin = app.NewBrowser();
        await admin.LogInAsync(city.Admin.Email);
        var adminPage = await admin.GetAsync($"/{city.Slug}/admin");
        await AssertItemAsync(admin, adminPage, "a-traiter-decisions", "1 proposition de décision à confirmer", ["Projet proposé"]);
        await AssertItemAsync(admin, adminPage, "a-traiter-mes-projets", "1 de vos projets à l'étude", ["Projet proposé"]);
        await AssertItemAsync(admin, adminPage, "a-traiter-candidatures", "2 candidatures à noter", ["Appel à noter"]);
    }

    [Fact]
    public async Task TheCounts_CostAFixedNumberOfSqlCommands_WhateverTheData()
    {
        var city = await app.NewCityAsync("Ville comptée");
        var holder = await app.NewPersonAsync("Porteur compté");
        using var admin = app.NewBrowser();
        await admin.LogInAsync(city.Admin.Email);
        var url = $"/{city.Slug}/admin";

        var empty = await CountAsync(admin, url);
        for (var i = 0; i < 6; i++)
        {
            var project = await app.ProjectAsync(city, holder, $"Projet compté {i}", i % 2 == 0 ? null : (p, c, t) => p.TakeIntoReview(c, city.Admin.Id, city.Admin.Id, t));
            await app.CommentAsync(project, holder, ModerationMode.PreModeration);
        }

        await app.ClosedCallAsync(city, "Appel compté", 1, await app.NewPersonAsync("A"), await app.NewPersonAsync("B"), await app.NewPersonAsync("C"));
        await app.Given.Campaign(city, holder, new CampaignSpec { Title = "Campagne comptée", EndsIn = TimeSpan.FromDays(2) });
        var busy = await CountAsync(admin, url);

        Assert.Equal(empty, busy);

        // The city's summary and every count are one query: the dashboard costs what a one-query
        // back-office page costs (the presentation form), the request's own commands included
        // (session, tenant, staff checks, the layout's notifications).
        var onePage = await CountAsync(admin, $"/{city.Slug}/admin/presentation");
        Assert.True(busy is > 0 && busy <= onePage, $"{busy} SQL commands for the dashboard, {onePage} for a one-query page.");
    }

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    private static string Link(TestBrowser.Page page, string id, string text)
    {
        var link = page.Document.GetElementById(id);
        Assert.True(link is not null, $"No #{id} on the dashboard: {page.MainText}");
        Assert.Equal(text, link!.TextContent.Trim());
        return link.GetAttribute("href")!;
    }

    /// <summary>The item reads <paramref name="text"/> and its link opens a list of exactly <paramref name="titles"/>.</summary>
    private static async Task AssertItemAsync(TestBrowser browser, TestBrowser.Page dashboard, string id, string text, string[] titles)
    {
        var list = await browser.GetAsync(Link(dashboard, id, text));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var shown = list.Document.QuerySelectorAll("main table tbody th[scope=row] a:first-of-type").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(titles.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }
}
