using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using static Labelkoz.Web.Tests.Accounts.AccountsTestKit;

namespace Labelkoz.Web.Tests.Accounts;

/// <summary>
/// Issue #16: a non-ASCII return address (a search for "été", a project title in its path) used to
/// fail the log-in and the language switch with a 500 (a raw "é" in the Location header). It is
/// percent-encoded now; a foreign address still goes home.
/// </summary>
public sealed class ReturnAddressTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/montreuil/projets?q=été", "/montreuil/projets?q=%C3%A9t%C3%A9")]
    [InlineData("/montreuil/projets/1/fête-du-quartier", "/montreuil/projets/1/f%C3%AAte-du-quartier")]
    [InlineData("https://evil.example/", "/compte/mon-espace")]
    [InlineData("//evil.example/é", "/compte/mon-espace")]
    public async Task LoggingIn_WithANonAsciiReturnAddress_GoesThere_Encoded(string returnUrl, string expected)
    {
        var email = NewEmail("retour");
        await app.RegisterConfirmedAsync(email, "Renée Retour");
        using var browser = app.HttpsBrowser();

        var landed = await browser.TryLogInAsync(email, StrongPassword, "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, landed.Status);
        Assert.Equal(expected, landed.Location);
    }

    [Theory]
    [InlineData("/montreuil/projets?q=été", "/montreuil/projets?q=%C3%A9t%C3%A9")]
    [InlineData("https://evil.example/", "/")]
    public async Task TheLanguageSwitch_WithANonAsciiReturnAddress_GoesBackThere_Encoded(string returnUrl, string expected)
    {
        using var browser = app.HttpsBrowser();
        var home = await browser.GetAsync("/");

        var switched = await browser.PostAsync("/langue", home, new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal(expected, switched.Location);
    }
}
