using System.Net;
using Labelkoz.Web.Tests.Infrastructure;

namespace Labelkoz.Web.Tests;

public sealed class PublicPagesTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Home_ListsBothSeededCities_InFrench()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        var cities = page.Document.QuerySelectorAll(".card h3 a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Montreuil", cities);
        Assert.Contains("Bagnolet", cities);
        Assert.Single(page.Document.QuerySelectorAll("h1"));
    }

    [Theory]
    [InlineData("montreuil", "Montreuil")]
    [InlineData("MONT", "Montreuil")]
    [InlineData("93006", "Bagnolet")]
    public async Task Home_SearchFindsCityByNameOrInseeCode(string query, string expected)
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/?q=" + Uri.EscapeDataString(query));

        var cities = page.Document.QuerySelectorAll(".card h3 a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([expected], cities);
    }

    [Fact]
    public async Task Home_SearchWithHostileInput_IsHarmless()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/?q=" + Uri.EscapeDataString("%' OR 1=1 --<script>" + new string('x', 5000)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll(".card"));
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CitySite_ShowsPresentationNeighbourhoodsAndTheme()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/montreuil");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Montreuil", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bas-Montreuil", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("link[href^='/montreuil/theme.css']"));

        var theme = await browser.Client.GetAsync("/montreuil/theme.css");
        var css = await theme.Content.ReadAsStringAsync();
        Assert.Equal("text/css", theme.Content.Headers.ContentType!.MediaType);
        Assert.Contains("--brand: #0B5F3C", css, StringComparison.Ordinal);
        Assert.Contains("--brand-text: #FFFFFF", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityLogo_IsServedAsPngWithNoSniff()
    {
        using var browser = app.NewBrowser();
        var response = await browser.Client.GetAsync("/bagnolet/logo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(0x89, bytes[0]);
    }

    [Theory]
    [InlineData("/ville-inconnue")]
    [InlineData("/ville-inconnue/admin")]
    [InlineData("/ville-inconnue/logo")]
    public async Task UnknownCity_GivesFrench404WithWayBack(string url)
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page introuvable", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        using var browser = app.NewBrowser();
        var response = await browser.Client.GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task LanguageSwitch_TurnsTheSiteIntoEnglishAndBack()
    {
        using var browser = app.NewBrowser();
        var home = await browser.GetAsync("/montreuil");

        var switched = await browser.SubmitAsync(home, "form.language-switch", submitName: "culture", submitValue: "en-GB");
        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal("/montreuil", switched.Location);

        var english = await browser.GetAsync("/montreuil");
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Citizen projects in Montreuil", english.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var back = await browser.SubmitAsync(english, "form.language-switch", submitName: "culture", submitValue: "fr-FR");
        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        var french = await browser.GetAsync("/montreuil");
        Assert.Equal("fr", french.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task LanguageSwitch_RefusesOpenRedirect()
    {
        using var browser = app.NewBrowser();
        var home = await browser.GetAsync("/");

        var switched = await browser.SubmitAsync(home, "form.language-switch", new Dictionary<string, string> { ["returnUrl"] = "https://evil.example/" }, "culture", "en-GB");
        Assert.Equal("/", switched.Location);
    }

    [Fact]
    public async Task FormPostedWithTamperedAntiforgeryToken_Gets400InFrench()
    {
        using var browser = app.NewBrowser();
        var home = await browser.GetAsync("/");

        var result = await browser.SubmitAsync(home, "form.language-switch", new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }, "culture", "en-GB");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("Requête invalide", result.MainText, StringComparison.Ordinal);
    }
}
