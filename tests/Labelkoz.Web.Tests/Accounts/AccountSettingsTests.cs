using System.Net;
using Labelkoz.Data;
using Labelkoz.Web.Features.Accounts;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Labelkoz.Web.Tests.Accounts.AccountsTestKit;

namespace Labelkoz.Web.Tests.Accounts;

public sealed class AccountSettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ForgottenPassword_MailedLink_ResetsThePassword()
    {
        var email = NewEmail("oubli");
        await app.RegisterConfirmedAsync(email, "Olivia Oubli");
        using var browser = app.HttpsBrowser();

        var form = await browser.GetAsync("/compte/mot-de-passe-oublie");
        var sent = await browser.FollowAsync(await browser.SubmitAsync(form, "form#mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = email }));
        Assert.Contains("Si un compte existe pour cette adresse", sent.MainText, StringComparison.Ordinal);

        var mail = app.LatestMailTo(email);
        Assert.Contains("Réinitialisation", mail.Subject, StringComparison.Ordinal);
        var reset = await browser.GetAsync(mail.LinkTo("/compte/reinitialiser-mot-de-passe"));
        Assert.Equal(HttpStatusCode.OK, reset.Status);

        var weak = await browser.SubmitAsync(reset, "form#reinitialiser-mot-de-passe", new Dictionary<string, string> { ["Input.Password"] = "motdepasse123", ["Input.ConfirmPassword"] = "motdepasse123" });
        Assert.Contains("trop courant", weak.FieldError("mdp-erreur"), StringComparison.Ordinal);

        var done = await browser.SubmitAsync(reset, "form#reinitialiser-mot-de-passe", new Dictionary<string, string> { ["Input.Password"] = OtherStrongPassword, ["Input.ConfirmPassword"] = OtherStrongPassword });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var login = await browser.FollowAsync(done);
        Assert.Contains("Votre mot de passe a été modifié", login.MainText, StringComparison.Ordinal);

        Assert.Contains("incorrect", (await browser.TryLogInAsync(email, StrongPassword)).MainText, StringComparison.Ordinal);
        Assert.Equal("/compte/mon-espace", (await browser.TryLogInAsync(email, OtherStrongPassword)).Location);

        // A reset link works once.
        using var again = app.HttpsBrowser();
        var reused = await again.GetAsync(mail.LinkTo("/compte/reinitialiser-mot-de-passe"));
        var refused = await again.SubmitAsync(reused, "form#reinitialiser-mot-de-passe", new Dictionary<string, string> { ["Input.Password"] = StrongPassword, ["Input.ConfirmPassword"] = StrongPassword });
        Assert.Contains("Ce lien de réinitialisation ne fonctionne pas", refused.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgottenPassword_ForAnUnknownAddress_SameAnswerAndNoMail()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("inconnu");

        var form = await browser.GetAsync("/compte/mot-de-passe-oublie");
        var sent = await browser.FollowAsync(await browser.SubmitAsync(form, "form#mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = email }));

        Assert.Contains("Si un compte existe pour cette adresse", sent.MainText, StringComparison.Ordinal);
        Assert.Empty(app.MailsTo(email));
    }

    [Fact]
    public async Task ResetPassword_WithoutAValidLink_ShowsNoForm()
    {
        using var browser = app.HttpsBrowser();

        var page = await browser.GetAsync("/compte/reinitialiser-mot-de-passe?userId=1&code=%%%");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("form#reinitialiser-mot-de-passe"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/compte/mot-de-passe-oublie']"));
    }

    [Fact]
    public async Task Profile_EditPersists_AndIsShownAgain()
    {
        var city = await app.Given.City();
        var email = NewEmail("profil");
        await app.RegisterConfirmedAsync(email, "Pierre Profil");
        using var browser = app.HttpsBrowser();
        await browser.LogInAsync(email, StrongPassword);
        var form = await browser.GetAsync("/compte/profil");
        Assert.Equal("France", form.Document.QuerySelector("#Input_Country")!.GetAttribute("value"));
        Assert.NotNull(form.Document.QuerySelector("#adresse-aide"));
        var home = form.Document.QuerySelectorAll("#Input_HomeMunicipalityId option").Single(o => o.TextContent == city.Name).GetAttribute("value")!;

        var saved = await browser.SubmitAsync(form, "form#profil", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pierre Nouveau",
            ["Input.AddressLine1"] = "12 rue de Paris",
            ["Input.AddressLine2"] = "Bâtiment B",
            ["Input.PostalCode"] = "93100",
            ["Input.City"] = "Montreuil",
            ["Input.Country"] = "France",
            ["Input.HomeMunicipalityId"] = home,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var shown = await browser.FollowAsync(saved);
        Assert.Contains("Votre profil est enregistré.", shown.MainText, StringComparison.Ordinal);
        Assert.Equal("Pierre Nouveau", shown.Document.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal("12 rue de Paris", shown.Document.QuerySelector("#Input_AddressLine1")!.GetAttribute("value"));
        Assert.Equal("93100", shown.Document.QuerySelector("#Input_PostalCode")!.GetAttribute("value"));
        Assert.Equal(home, shown.Document.QuerySelector("#Input_HomeMunicipalityId option[selected]")!.GetAttribute("value"));

        var user = (await FindUserAsync(app, email))!;
        Assert.Equal(("Pierre Nouveau", "12 rue de Paris", "Bâtiment B", "93100", "Montreuil", "France"), (user.DisplayName, user.AddressLine1, user.AddressLine2, user.PostalCode, user.City, user.Country));
        Assert.Equal("Bonjour Pierre Nouveau", (await browser.GetAsync("/compte/mon-espace")).Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("Input.PostalCode", "9310", "code-postal-erreur", "5 chiffres")]
    [InlineData("Input.City", "", "commune-erreur", "renseignez aussi le champ « Ville »")]
    [InlineData("Input.HomeMunicipalityId", "999999", "ville-erreur", "ne fait pas partie de la liste")]
    [InlineData("Input.HomeMunicipalityId", "pas-un-nombre", "ville-erreur", "n'est pas valide")]
    [InlineData("Input.DisplayName", "Nom\u0007Cloche", "nom-erreur", "caractères non autorisés")]
    public async Task Profile_BadInput_IsRefusedOnTheField_AndNothingIsSaved(string field, string value, string errorId, string expected)
    {
        var email = NewEmail("profil-ko");
        await app.RegisterConfirmedAsync(email, "Karl Refus");
        using var browser = app.HttpsBrowser();
        await browser.LogInAsync(email, StrongPassword);
        var form = await browser.GetAsync("/compte/profil");

        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Karl Changé",
            ["Input.AddressLine1"] = "1 place Jean Jaurès",
            ["Input.PostalCode"] = "93100",
            ["Input.City"] = "Montreuil",
            ["Input.Country"] = "France",
        };
        fields[field] = value;
        var page = await browser.SubmitAsync(form, "form#profil", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(expected, page.FieldError(errorId), StringComparison.Ordinal);
        var user = (await FindUserAsync(app, email))!;
        Assert.Equal("Karl Refus", user.DisplayName);
        Assert.Null(user.AddressLine1);
    }

    [Fact]
    public async Task Profile_AForeignPostalCode_IsAcceptedOutsideFrance()
    {
        var email = NewEmail("profil-be");
        await app.RegisterConfirmedAsync(email, "Bea Bruxelles");
        using var browser = app.HttpsBrowser();
        await browser.LogInAsync(email, StrongPassword);
        var form = await browser.GetAsync("/compte/profil");

        var saved = await browser.SubmitAsync(form, "form#profil", new Dictionary<string, string>
        {
            ["Input.AddressLine1"] = "Rue Neuve 1",
            ["Input.PostalCode"] = "1000",
            ["Input.City"] = "Bruxelles",
            ["Input.Country"] = "Belgique",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("1000", (await FindUserAsync(app, email))!.PostalCode);
    }

    [Fact]
    public async Task ChangeEmail_NeedsConfirmationFromTheNewAddress()
    {
        var email = NewEmail("ancien");
        var newEmail = NewEmail("nouveau");
        await app.RegisterConfirmedAsync(email, "Nina Change");
        using var browser = app.HttpsBrowser();
        await browser.LogInAsync(email, StrongPassword);

        var form = await browser.GetAsync("/compte/courriel");
        var wrongPassword = await browser.SubmitAsync(form, "form#courriel", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.CurrentPassword"] = OtherStrongPassword });
        Assert.Contains("incorrect", wrongPassword.FieldError("mdp-erreur"), StringComparison.Ordinal);
        Assert.Empty(app.MailsTo(newEmail));

        var taken = await browser.SubmitAsync(form, "form#courriel", new Dictionary<string, string> { ["Input.NewEmail"] = (await app.Given.Citizen()).Email, ["Input.CurrentPassword"] = StrongPassword });
        Assert.Contains("déjà utilisée", taken.FieldError("email-erreur"), StringComparison.Ordinal);

        var requested = await browser.FollowAsync(await browser.SubmitAsync(form, "form#courriel", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.CurrentPassword"] = StrongPassword }));
        Assert.Contains("Nous avons envoyé un lien de confirmation", requested.MainText, StringComparison.Ordinal);

        // Until the link is opened, the account keeps its address.
        Assert.NotNull(await FindUserAsync(app, email));
        Assert.Null(await FindUserAsync(app, newEmail));
        using (var other = app.HttpsBrowser())
        {
            Assert.Equal("/compte/mon-espace", (await other.TryLogInAsync(email, StrongPassword)).Location);
        }

        var link = app.LatestMailTo(newEmail).LinkTo("/compte/confirmer-courriel");
        var tampered = await browser.GetAsync(link.Replace("code=", "code=x", StringComparison.Ordinal));
        Assert.Contains("Ce lien de confirmation ne fonctionne pas", tampered.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(app, newEmail));

        var confirmed = await browser.GetAsync(link);
        Assert.Contains("Nouvelle adresse confirmée", confirmed.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var moved = (await FindUserAsync(app, newEmail))!;
        Assert.Equal(newEmail, moved.UserName);
        Assert.Null(await FindUserAsync(app, email));
        Assert.Contains("a été modifiée", app.LatestMailTo(email).Subject, StringComparison.Ordinal);

        // The session survives the change; the new address logs in, the old one no longer does.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/compte/mon-espace")).Status);
        using var fresh = app.HttpsBrowser();
        Assert.Contains("incorrect", (await fresh.TryLogInAsync(email, StrongPassword)).MainText, StringComparison.Ordinal);
        Assert.Equal("/compte/mon-espace", (await fresh.TryLogInAsync(newEmail, StrongPassword)).Location);
    }

    [Fact]
    public async Task ChangePassword_RequiresTheCurrentOne_AndAppliesTheRules()
    {
        var email = NewEmail("mdp");
        await app.RegisterConfirmedAsync(email, "Marc Passe");
        using var browser = app.HttpsBrowser();
        await browser.LogInAsync(email, StrongPassword);
        var form = await browser.GetAsync("/compte/mot-de-passe");

        var wrongCurrent = await browser.SubmitAsync(form, "form#mot-de-passe", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Pas-le-bon-mot-de-passe",
            ["Input.NewPassword"] = OtherStrongPassword,
            ["Input.ConfirmPassword"] = OtherStrongPassword,
        });
        Assert.Contains("Le mot de passe est incorrect.", wrongCurrent.FieldError("actuel-erreur"), StringComparison.Ordinal);

        var common = await browser.SubmitAsync(form, "form#mot-de-passe", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = StrongPassword,
            ["Input.NewPassword"] = "password1234",
            ["Input.ConfirmPassword"] = "password1234",
        });
        Assert.Contains("trop courant", common.FieldError("mdp-erreur"), StringComparison.Ordinal);

        var changed = await browser.SubmitAsync(form, "form#mot-de-passe", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = StrongPassword,
            ["Input.NewPassword"] = OtherStrongPassword,
            ["Input.ConfirmPassword"] = OtherStrongPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Contains("Votre mot de passe a été modifié.", (await browser.FollowAsync(changed)).MainText, StringComparison.Ordinal);

        using var fresh = app.HttpsBrowser();
        Assert.Contains("incorrect", (await fresh.TryLogInAsync(email, StrongPassword)).MainText, StringComparison.Ordinal);
        Assert.Equal("/compte/mon-espace", (await fresh.TryLogInAsync(email, OtherStrongPassword)).Location);
    }

    [Theory]
    [InlineData(129, "PasswordTooLong")]
    [InlineData(12, "PasswordTooCommon")]
    public async Task PasswordValidator_RefusesEvenOutsideTheForms(int length, string code)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var validator = scope.ServiceProvider.GetServices<IPasswordValidator<AppUser>>().OfType<CommonPasswordValidator>().Single();
        var password = length == 12 ? "motdepasse12" : new string('x', 64) + string.Concat(Enumerable.Repeat("Kq9!", 17))[..(length - 64)];

        var result = await validator.ValidateAsync(users, new AppUser { Email = "a@exemple.fr", UserName = "a@exemple.fr", DisplayName = "A" }, password);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }
}
