using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using static Labelkoz.Web.Tests.Accounts.AccountsTestKit;

namespace Labelkoz.Web.Tests.Accounts;

/// <summary>
/// Issue #16, finding 6: a session used to outlive its log-out (a copied cookie kept working for its
/// 14-day sliding life) and a password change or reset (other sessions lived on up to 30 minutes).
/// Now each ends every session of the account at once (ADR 19).
/// </summary>
public sealed class SessionEndTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task LoggingOut_EndsEverySessionOfTheAccount_AndACopiedCookieOpensNothing()
    {
        var email = (await app.Given.Citizen()).Email;
        using var phone = app.HttpsBrowser();
        using var laptop = app.HttpsBrowser();
        await phone.LogInAsync(email);
        await laptop.LogInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/compte/mon-espace")).Status);

        var dashboard = await phone.GetAsync("/compte/mon-espace");
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SubmitAsync(dashboard, "form#deconnexion")).Status);

        // The laptop's cookie (as good as a copy of the phone's: same account, same stamp) is dead.
        AssertSentToLogIn(await laptop.GetAsync("/compte/mon-espace"));
        AssertSentToLogIn(await phone.GetAsync("/compte/mon-espace"));
    }

    [Fact]
    public async Task ChangingThePassword_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var email = NewEmail("sessions");
        await app.RegisterConfirmedAsync(email, "Sonia Sessions");
        using var phone = app.HttpsBrowser();
        using var laptop = app.HttpsBrowser();
        await phone.LogInAsync(email, StrongPassword);
        await laptop.LogInAsync(email, StrongPassword);

        var form = await phone.GetAsync("/compte/mot-de-passe");
        var changed = await phone.SubmitAsync(form, "form#mot-de-passe", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = StrongPassword,
            ["Input.NewPassword"] = OtherStrongPassword,
            ["Input.ConfirmPassword"] = OtherStrongPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/compte/mon-espace")).Status);
        AssertSentToLogIn(await laptop.GetAsync("/compte/mon-espace"));
    }

    [Fact]
    public async Task ResettingThePassword_EndsEverySession()
    {
        var email = NewEmail("reinit");
        await app.RegisterConfirmedAsync(email, "Rémi Réinit");
        using var laptop = app.HttpsBrowser();
        await laptop.LogInAsync(email, StrongPassword);

        using var browser = app.HttpsBrowser();
        var form = await browser.GetAsync("/compte/mot-de-passe-oublie");
        await browser.SubmitAsync(form, "form#mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = email });
        var reset = await browser.GetAsync(app.LatestMailTo(email).LinkTo("/compte/reinitialiser-mot-de-passe"));
        var done = await browser.SubmitAsync(reset, "form#reinitialiser-mot-de-passe", new Dictionary<string, string> { ["Input.Password"] = OtherStrongPassword, ["Input.ConfirmPassword"] = OtherStrongPassword });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        AssertSentToLogIn(await laptop.GetAsync("/compte/mon-espace"));
    }

    [Fact]
    public async Task TheCurrentPassword_CannotBeGuessedWithoutLimit_FromASession()
    {
        // Issue #16: "change password" let whoever held a session guess the current password forever.
        var email = NewEmail("devine");
        await app.RegisterConfirmedAsync(email, "Denis Devine");
        using var thief = app.HttpsBrowser();
        await thief.LogInAsync(email, StrongPassword);

        TestBrowser.Page attempt = null!;
        for (var i = 0; i < 5; i++)
        {
            var form = await thief.GetAsync("/compte/mot-de-passe");
            attempt = await thief.SubmitAsync(form, "form#mot-de-passe", new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = $"Essai-numero-{i}-faux",
                ["Input.NewPassword"] = OtherStrongPassword,
                ["Input.ConfirmPassword"] = OtherStrongPassword,
            });
        }

        // The fifth wrong guess locks the account and ends the session.
        Assert.Equal(HttpStatusCode.Redirect, attempt.Status);
        Assert.Equal("/compte/connexion", attempt.Location);
        Assert.Contains("votre compte est verrouillé pendant 15 minutes", (await thief.FollowAsync(attempt)).MainText, StringComparison.Ordinal);
        AssertSentToLogIn(await thief.GetAsync("/compte/mon-espace"));
        Assert.Contains("votre compte est bloqué pour quelques minutes", (await thief.TryLogInAsync(email, StrongPassword)).MainText, StringComparison.Ordinal);
    }

    private static void AssertSentToLogIn(TestBrowser.Page page)
    {
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/compte/connexion", new Uri(new Uri("https://localhost"), page.Location!).PathAndQuery, StringComparison.Ordinal);
    }
}
