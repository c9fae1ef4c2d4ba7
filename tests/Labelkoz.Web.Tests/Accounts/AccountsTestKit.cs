using Labelkoz.Data;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Accounts;

/// <summary>Journeys shared by the account tests: register, read the mail sink, follow its links.</summary>
internal static class AccountsTestKit
{
    /// <summary>Long, unrelated words: accepted by the common-password validator.</summary>
    public const string StrongPassword = "Girafe-Violon-Nuage-1987!";

    public const string OtherStrongPassword = "Tortue-Accordeon-Orage-2041?";

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@exemple.fr";

    public static async Task<TestBrowser.Page> RegisterAsync(this TestBrowser browser, string email, string displayName, string password = StrongPassword, string? confirmPassword = null)
    {
        var form = await browser.GetAsync("/compte/inscription");
        return await browser.SubmitAsync(form, "form#inscription", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmPassword ?? password,
        });
    }

    /// <summary>Registers and confirms through the e-mailed link: the account can log in afterwards.</summary>
    public static async Task RegisterConfirmedAsync(this AppFactory app, string email, string displayName, string password = StrongPassword)
    {
        using var browser = app.HttpsBrowser();
        var registered = await browser.RegisterAsync(email, displayName, password);
        Assert.True(registered.IsRedirect, registered.MainText);
        var confirmed = await browser.GetAsync(app.LatestMailTo(email).LinkTo("/compte/confirmer"));
        Assert.Contains("Adresse électronique confirmée", confirmed.MainText, StringComparison.Ordinal);
    }

    public static async Task<TestBrowser.Page> TryLogInAsync(this TestBrowser browser, string email, string password, string url = "/compte/connexion")
    {
        var login = await browser.GetAsync(url);
        return await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public static async Task<AppUser?> FindUserAsync(AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }
}
