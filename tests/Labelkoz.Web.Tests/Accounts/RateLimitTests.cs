using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using static Labelkoz.Web.Tests.Accounts.AccountsTestKit;

namespace Labelkoz.Web.Tests.Accounts;

public sealed class TightRateLimitAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("RateLimiting:AuthForms:PermitLimit", "3"),
        new("RateLimiting:AuthForms:WindowSeconds", "3600"),
    ];
}

public sealed class RateLimitTests(TightRateLimitAppFactory app) : IClassFixture<TightRateLimitAppFactory>
{
    [Fact]
    public async Task AuthForms_TheFourthPostIsRefusedWith429_GetsStillWork()
    {
        using var browser = app.HttpsBrowser();
        var login = await browser.GetAsync("/compte/connexion");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = "personne@exemple.fr", ["Input.Password"] = "Pas-le-bon-mot-de-passe" });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
        }

        var limited = await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = "personne@exemple.fr", ["Input.Password"] = "Pas-le-bon-mot-de-passe" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("Trop de tentatives", limited.MainText, StringComparison.Ordinal);

        // The limit is shared by every authentication form, and reading a form is never limited.
        var register = await browser.GetAsync("/compte/inscription");
        Assert.Equal(HttpStatusCode.OK, register.Status);
        var registerPost = await browser.RegisterAsync(NewEmail("limite"), "Lim Ité");
        Assert.Equal(HttpStatusCode.TooManyRequests, registerPost.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/compte/mot-de-passe-oublie")).Status);
    }
}
