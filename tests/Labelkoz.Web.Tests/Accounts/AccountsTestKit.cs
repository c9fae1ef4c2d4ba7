using System.Text.RegularExpressions;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Accounts;

/// <summary>Journeys shared by the account tests: register, read the mail sink, follow its links.</summary>
internal static partial class AccountsTestKit
{
    /// <summary>Long, unrelated words: accepted by the common-password validator.</summary>
    public const string StrongPassword = "Girafe-Violon-Nuage-1987!";

    public const string OtherStrongPassword = "Tortue-Accordeon-Orage-2041?";

    /// <summary>
    /// A browser on https: outside Development the session cookie is Secure, and a cookie container
    /// does not send a Secure cookie over plain http.
    /// </summary>
    public static TestBrowser NewSecureBrowser(this AppFactory app) => app.NewBrowser();

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
        using var browser = app.NewSecureBrowser();
        var registered = await browser.RegisterAsync(email, displayName, password);
        Assert.True(registered.IsRedirect, registered.MainText);
        var confirmed = await browser.GetAsync(LinkTo(LatestMailTo(app, email), "/compte/confirmer"));
        Assert.Contains("Adresse électronique confirmée", confirmed.MainText, StringComparison.Ordinal);
    }

    public static async Task<TestBrowser.Page> TryLogInAsync(this TestBrowser browser, string email, string password, string url = "/compte/connexion")
    {
        var login = await browser.GetAsync(url);
        return await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public static IReadOnlyList<MailSink.StoredMail> MailsTo(AppFactory app, string email) =>
        app.Mail.List().Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).ToList();

    public static MailSink.StoredMail LatestMailTo(AppFactory app, string email)
    {
        var mails = MailsTo(app, email);
        return mails.Count > 0 ? mails[0] : throw new InvalidOperationException($"No mail to {email}.");
    }

    /// <summary>The link of the mail's text body that goes to <paramref name="path"/>, as a path and query on the test host.</summary>
    public static string LinkTo(MailSink.StoredMail mail, string path)
    {
        var link = WebAddress().Matches(mail.TextBody)
            .Select(m => new Uri(m.Value))
            .FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in:\n{mail.TextBody}");
        return link.PathAndQuery;
    }

    public static async Task<AppUser?> FindUserAsync(AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    /// <summary>The text of a field's error (the span tied to the input by aria-describedby).</summary>
    public static string FieldError(TestBrowser.Page page, string id) =>
        page.Document.GetElementById(id)?.TextContent.Trim() ?? throw new InvalidOperationException($"No element #{id}.");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex WebAddress();
}
