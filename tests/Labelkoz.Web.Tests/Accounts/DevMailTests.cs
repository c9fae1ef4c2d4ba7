using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Labelkoz.Web.Tests.Accounts.AccountsTestKit;

namespace Labelkoz.Web.Tests.Accounts;

/// <summary>The app as a developer runs it: the mail sink pages exist.</summary>
public sealed class DevelopmentAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class DevMailTests(DevelopmentAppFactory app) : IClassFixture<DevelopmentAppFactory>
{
    [Fact]
    public async Task DevMail_ListsMessages_AndShowsTheTextWithClickableLinks_NeverRawHtml()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("dev");
        await browser.RegisterAsync(email, "<script>alert(1)</script> Zoé");

        var list = await browser.GetAsync("/dev/courriels");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = list.Document.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        var messageUrl = row.QuerySelector("a[href^='/dev/courriels/']")!.GetAttribute("href")!;

        var message = await browser.GetAsync(messageUrl);
        Assert.Equal(HttpStatusCode.OK, message.Status);
        Assert.Equal(email, message.Document.QuerySelector("#destinataire")!.TextContent.Trim());
        var body = message.Document.QuerySelector("#corps")!;
        var link = body.QuerySelector("a[href*='/compte/confirmer?']")!;
        Assert.Equal(link.GetAttribute("href"), link.TextContent);
        Assert.Contains("&code=", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script> Zoé", body.TextContent, StringComparison.Ordinal);

        // The link works as it is shown.
        var confirmed = await browser.GetAsync(new Uri(link.GetAttribute("href")!).PathAndQuery);
        Assert.Contains("Adresse électronique confirmée", confirmed.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevMail_ThroughAProxy_Is404_SoAPublicDevelopmentBuildHandsOutNobodysLinks()
    {
        using var browser = app.HttpsBrowser();
        await browser.RegisterAsync(NewEmail("relais"), "Rémi Relais");
        var id = Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "mail"), "*.json").Select(Path.GetFileNameWithoutExtension).First()!;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dev/courriels")).Status);

        using var relayed = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        relayed.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.NotFound, (await relayed.GetAsync(new Uri("/dev/courriels", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await relayed.GetAsync(new Uri("/dev/courriels/" + id, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task DevMail_UnknownOrHostileId_Is404()
    {
        using var browser = app.HttpsBrowser();

        foreach (var id in new[] { "inconnu", "..%2F..%2Fappsettings", "20260101000000000-0000" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/dev/courriels/" + id)).Status);
        }
    }
}
