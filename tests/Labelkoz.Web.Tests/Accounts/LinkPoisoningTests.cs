using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Labelkoz.Web.Tests.Accounts.AccountsTestKit;

namespace Labelkoz.Web.Tests.Accounts;

/// <summary>
/// Issue #16, finding 1: links in mails are never built from the request's <c>Host</c> header. An
/// anonymous reset request sent with <c>Host: evil.example</c> used to mail the victim a link to the
/// attacker's site, carrying the reset token.
/// </summary>
public sealed class LinkPoisoningTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:8443")]
    public async Task AResetRequestedWithAForgedHost_MailsALinkToTheSite_NotToTheForgedHost(string host)
    {
        var email = NewEmail("hote");
        await app.RegisterConfirmedAsync(email, "Hélène Hôte");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Host = host;
        using var browser = new TestBrowser(client);

        var form = await browser.GetAsync("/compte/mot-de-passe-oublie");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var sent = await browser.SubmitAsync(form, "form#mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.True(sent.IsRedirect);

        var mail = app.LatestMailTo(email);
        Assert.DoesNotContain("evil.example", mail.HtmlBody + mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http://localhost:5000/compte/reinitialiser-mot-de-passe?", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideDevelopment_TheAppRefusesToStart_WithoutItsPublicAddress()
    {
        using var production = new ProductionApp(publicBaseUrl: null);

        var refused = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Platform:PublicBaseUrl is required outside Development", Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public void APublicAddressThatIsNotAnAbsoluteHttpAddress_StopsTheStart()
    {
        using var production = new ProductionApp(publicBaseUrl: "labelkoz.fr/?x=1");

        var refused = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("must be an absolute http(s) address", Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_OnlyThePublicHostIsServed()
    {
        using var production = new ProductionApp(publicBaseUrl: "https://labelkoz.test");
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://labelkoz.test") });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);

    /// <summary>The application in the Production environment, with or without its public address.</summary>
    private sealed class ProductionApp(string? publicBaseUrl) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Platform:PublicBaseUrl", publicBaseUrl ?? string.Empty);
        }
    }
}
