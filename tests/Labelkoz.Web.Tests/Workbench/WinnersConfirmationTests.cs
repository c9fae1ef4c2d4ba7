using System.Net;
using AngleSharp.Dom;
using Labelkoz.Domain.Calls;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Workbench;

/// <summary>
/// Choosing a call's winners is confirmed on its own page, which restates what will happen; the
/// ranking's old direct post decides nothing any more. The calls list shows the winners chosen and
/// the winners planned apart.
/// </summary>
public sealed class WinnersConfirmationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheRankingLeadsToAConfirmationPage_AndOnlyConfirmingDecidesTheCall()
    {
        var city = await app.NewCityAsync("Ville des lauréats");
        var (lina, marc) = (await app.NewPersonAsync("Lina"), await app.NewPersonAsync("Marc"));
        var call = await app.ClosedCallAsync(city, "Appel à confirmer", 1, lina, marc);
        var (winner, loser) = (call.Applications[0], call.Applications[1]);
        using var admin = app.NewBrowser();
        await admin.LogInAsync(city.Admin.Email);
        var review = await admin.GetAsync($"/{city.Slug}/admin/appels/{WorkbenchKit.Inv(call.Id)}/candidatures");

        // "Choisir les lauréats" is a GET to the confirmation page: it decides nothing.
        var confirm = await admin.SubmitGetAsync(review, "form#laureats", ("laureats", WorkbenchKit.Inv(winner)));
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.EndsWith($"/laureats?laureats={WorkbenchKit.Inv(winner)}", confirm.Url, StringComparison.Ordinal);
        confirm.AssertAccessibleStructure();
        Assert.Equal(CallStatus.Review, await StatusAsync(call.Id));
        Assert.Contains("Projet de", confirm.Document.GetElementById("laureats-choisis")!.TextContent, StringComparison.Ordinal);
        Assert.Single(confirm.Document.QuerySelectorAll("#laureats-choisis li"));
        Assert.Single(confirm.Document.QuerySelectorAll("#non-retenues li"));
        Assert.Contains("ne pourra pas être annulé", confirm.Document.GetElementById("irreversible")!.TextContent, StringComparison.Ordinal);

        // "Revenir" goes back to the ranking with the same box ticked.
        var back = confirm.Document.QuerySelector("form#confirmer-laureats a")!.GetAttribute("href")!;
        var again = await admin.GetAsync(back);
        Assert.True(again.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#laureat-{WorkbenchKit.Inv(winner)}")!.IsChecked);
        Assert.False(again.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#laureat-{WorkbenchKit.Inv(loser)}")!.IsChecked);

        // The old direct post of the ranking no longer exists.
        var version = await app.WithDbAsync(db => db.Calls.Where(c => c.Id == call.Id).Select(c => c.Version).SingleAsync());
        var direct = await admin.PostAsync($"/{city.Slug}/admin/appels/{WorkbenchKit.Inv(call.Id)}/candidatures?handler=Select", review, new Dictionary<string, string>
        {
            ["callVersion"] = WorkbenchKit.Inv(version),
            ["laureats"] = WorkbenchKit.Inv(winner),
        });
        Assert.Equal(HttpStatusCode.NotFound, direct.Status);
        Assert.Equal(CallStatus.Review, await StatusAsync(call.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.Projects.IgnoreQueryFilters().CountAsync(p => p.CallId == call.Id)));

        var confirmed = await admin.SubmitAsync(confirm, "form#confirmer-laureats");
        Assert.True(confirmed.IsRedirect, confirmed.MainText);
        Assert.Equal(CallStatus.Decided, await StatusAsync(call.Id));
        Assert.Equal(ApplicationStatus.Selected, await app.WithDbAsync(db => db.CallApplications.IgnoreQueryFilters().Where(a => a.Id == winner).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Projects.IgnoreQueryFilters().CountAsync(p => p.CallId == call.Id)));
        var decided = await admin.FollowAsync(confirmed);
        Assert.Contains("Les lauréats sont choisis", decided.MainText, StringComparison.Ordinal);

        // Confirming again (a second tab) is refused with the domain's reason: nothing more happens.
        var twice = await admin.SubmitAsync(confirm, "form#confirmer-laureats");
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.NotEmpty(twice.ErrorSummary());
        Assert.Equal(1, await app.WithDbAsync(db => db.Projects.IgnoreQueryFilters().CountAsync(p => p.CallId == call.Id)));
    }

    [Fact]
    public async Task TheConfirmationPage_IsAnAdminsOnly_AndAnAgentCannotConfirm()
    {
        var city = await app.NewCityAsync("Ville de l'agent");
        var call = await app.ClosedCallAsync(city, "Appel de l'agent", 1, await app.NewPersonAsync("Nora"));
        using var agent = app.NewBrowser();
        await agent.LogInAsync(city.Agent.Email);
        var url = $"/{city.Slug}/admin/appels/{WorkbenchKit.Inv(call.Id)}/laureats";
        var tokenSource = await agent.GetAsync($"/{city.Slug}/admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"{url}?laureats={WorkbenchKit.Inv(call.Applications[0])}")).Status);
        var post = await agent.PostAsync(url, tokenSource, new Dictionary<string, string> { ["callVersion"] = "1", ["laureats"] = WorkbenchKit.Inv(call.Applications[0]) });
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(CallStatus.Review, await StatusAsync(call.Id));
    }

    [Fact]
    public async Task TheCallsList_ShowsTheWinnersChosenAndPlannedApart()
    {
        var city = await app.NewCityAsync("Ville des deux chiffres");
        var call = await app.ClosedCallAsync(city, "Appel à trois lauréats", 3, await app.NewPersonAsync("Ana"), await app.NewPersonAsync("Bo"));
        using var admin = app.NewBrowser();
        await admin.LogInAsync(city.Admin.Email);

        var before = await admin.GetAsync($"/{city.Slug}/admin/appels");
        before.AssertAccessibleStructure();
        Assert.Equal(["—", "3"], Figures(before, "Appel à trois lauréats"));

        var confirm = await admin.GetAsync($"/{city.Slug}/admin/appels/{WorkbenchKit.Inv(call.Id)}/laureats?laureats={WorkbenchKit.Inv(call.Applications[0])}");
        Assert.True((await admin.SubmitAsync(confirm, "form#confirmer-laureats")).IsRedirect);

        var after = await admin.GetAsync($"/{city.Slug}/admin/appels");
        Assert.Equal(["1", "3"], Figures(after, "Appel à trois lauréats"));
        var headers = after.Document.QuerySelectorAll("main table thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Lauréats désignés", headers);
        Assert.Contains("Lauréats prévus", headers);
    }

    /// <summary>The last two cells of the call's row: winners chosen, winners planned.</summary>
    private static string[] Figures(TestBrowser.Page page, string title)
    {
        var row = page.Document.QuerySelectorAll("main table tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == title);
        return [.. row.QuerySelectorAll("td").TakeLast(2).Select(td => td.TextContent.Trim())];
    }

    private Task<CallStatus> StatusAsync(long callId) =>
        app.WithDbAsync(db => db.Calls.IgnoreQueryFilters().Where(c => c.Id == callId).Select(c => c.Status).SingleAsync());
}
