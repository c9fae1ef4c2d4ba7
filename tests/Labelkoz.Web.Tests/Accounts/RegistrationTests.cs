using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using static Labelkoz.Web.Tests.Accounts.AccountsTestKit;

namespace Labelkoz.Web.Tests.Accounts;

public sealed class RegistrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Register_ConfirmByMail_LogIn_DashboardGreetsByName()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("lea");

        var registered = await browser.RegisterAsync(email, "Léa Fontaine");
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var inbox = await browser.FollowAsync(registered);
        Assert.Contains("Vérifiez votre messagerie", inbox.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(email, inbox.MainText, StringComparison.Ordinal);

        var mail = app.LatestMailTo(email);
        Assert.Contains("Confirmez votre adresse", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Léa Fontaine", mail.HtmlBody, StringComparison.Ordinal);
        var confirmed = await browser.GetAsync(mail.LinkTo("/compte/confirmer"));
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains("Adresse électronique confirmée", confirmed.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var loggedIn = await browser.TryLogInAsync(email, StrongPassword);
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.Status);
        Assert.Equal("/compte/mon-espace", loggedIn.Location);
        var dashboard = await browser.FollowAsync(loggedIn);
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal("Bonjour Léa Fontaine", dashboard.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Single(dashboard.Document.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Register_FromALinkWithReturnUrl_CarriesItThroughConfirmationToLogIn()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("invitee");
        var form = await browser.GetAsync("/compte/inscription?returnUrl=%2Finvitations%2Fabc&email=" + Uri.EscapeDataString(email));
        Assert.Equal(email, form.Document.QuerySelector("#Input_Email")!.GetAttribute("value"));

        var registered = await browser.SubmitAsync(form, "form#inscription", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Inès Vitée",
            ["Input.Password"] = StrongPassword,
            ["Input.ConfirmPassword"] = StrongPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);

        var confirmed = await browser.GetAsync(app.LatestMailTo(email).LinkTo("/compte/confirmer"));
        var logIn = confirmed.Document.QuerySelector("main a.button")!.GetAttribute("href");
        Assert.Equal("/compte/connexion?returnUrl=%2Finvitations%2Fabc", logIn);
        var loggedIn = await browser.TryLogInAsync(email, StrongPassword, logIn!);
        Assert.Equal("/invitations/abc", loggedIn.Location);
    }

    [Fact]
    public async Task Register_WithAnExternalReturnUrl_IgnoresIt()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("external");
        var form = await browser.GetAsync("/compte/inscription?returnUrl=" + Uri.EscapeDataString("https://evil.example/") + "&email=" + Uri.EscapeDataString(email));
        await browser.SubmitAsync(form, "form#inscription", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Eve Xterne",
            ["Input.Password"] = StrongPassword,
            ["Input.ConfirmPassword"] = StrongPassword,
        });

        Assert.DoesNotContain("evil.example", app.LatestMailTo(email).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogIn_BeforeConfirmation_IsRefused_WithALinkToResendTheConfirmation()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("pending");
        await browser.RegisterAsync(email, "Paul Attente");

        var refused = await browser.TryLogInAsync(email, StrongPassword);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("n'est pas encore confirmée", refused.MainText, StringComparison.Ordinal);
        Assert.NotNull(refused.Document.QuerySelector("a[href^='/compte/renvoyer-confirmation?email=']"));

        // The hint is for the owner only: a wrong password gets the generic message.
        var wrong = await browser.TryLogInAsync(email, OtherStrongPassword);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", wrong.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("n'est pas encore confirmée", wrong.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendConfirmation_SendsAFreshLinkThatWorks()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("resend");
        await browser.RegisterAsync(email, "Rémi Renvoi");

        var form = await browser.GetAsync("/compte/renvoyer-confirmation?email=" + Uri.EscapeDataString(email));
        Assert.Equal(email, form.Document.QuerySelector("#Input_Email")!.GetAttribute("value"));
        var sent = await browser.FollowAsync(await browser.SubmitAsync(form, "form#renvoyer-confirmation"));

        Assert.Contains("un nouveau lien vient de lui être envoyé", sent.MainText, StringComparison.Ordinal);
        Assert.Equal(2, app.MailsTo(email).Count);
        var confirmed = await browser.GetAsync(app.LatestMailTo(email).LinkTo("/compte/confirmer"));
        Assert.Contains("Adresse électronique confirmée", confirmed.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationLink_Tampered_GivesAFriendlyPage()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("tamper");
        await browser.RegisterAsync(email, "Tom Pered");
        var link = app.LatestMailTo(email).LinkTo("/compte/confirmer");

        foreach (var url in new[] { link.Replace("code=", "code=x", StringComparison.Ordinal), link + "AAAA", "/compte/confirmer?userId=abc&code=%%%", "/compte/confirmer" })
        {
            var page = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Ce lien de confirmation ne fonctionne pas", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }

        Assert.False((await FindUserAsync(app, email))!.EmailConfirmed);
    }

    [Theory]
    [InlineData("pas-une-adresse")]
    [InlineData("deux@@exemple.fr")]
    [InlineData("espace dedans@exemple.fr")]
    [InlineData("sans-domaine@")]
    public async Task Register_WithInvalidEmail_IsRefusedOnTheField(string email)
    {
        using var browser = app.HttpsBrowser();

        var page = await browser.RegisterAsync(email, "Iris Invalide");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Saisissez une adresse électronique valide", page.FieldError("email-erreur"), StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
        Assert.Contains("email-erreur", page.Document.QuerySelector("#Input_Email")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(app.MailsTo(email));
    }

    [Theory]
    [InlineData("court-123", "Le mot de passe doit comporter entre 12 et 128 caractères.")]
    [InlineData("motdepasse123", "trop courant ou trop facile à deviner")]
    [InlineData("password1234", "trop courant ou trop facile à deviner")]
    [InlineData("azertyuiop123", "trop courant ou trop facile à deviner")]
    [InlineData("aaaaaaaaaaaaaaaa", "au moins 4 caractères différents")]
    public async Task Register_WithWeakPassword_IsRefusedOnThePasswordField(string password, string expected)
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("weak");

        var page = await browser.RegisterAsync(email, "Willy Faible", password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(expected, page.FieldError("mdp-erreur"), StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(app, email));
        Assert.Empty(app.MailsTo(email));
    }

    [Fact]
    public async Task Register_WithPasswordOver128Characters_IsRefused()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("long");
        var password = string.Concat(Enumerable.Repeat("Girafe-Violon-", 10)); // 140 characters

        var page = await browser.RegisterAsync(email, "Lou Long", password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("entre 12 et 128 caractères", page.FieldError("mdp-erreur"), StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(app, email));
    }

    [Fact]
    public async Task Register_WithPasswordContainingTheEmailOrTheName_IsRefused()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("jeanne.marchal");
        var localPart = email.Split('@')[0];

        var withEmail = await browser.RegisterAsync(email, "Jeanne", $"{localPart}-Velo!");
        Assert.Contains("ni votre adresse électronique ni votre nom", withEmail.FieldError("mdp-erreur"), StringComparison.Ordinal);

        var withName = await browser.RegisterAsync(email, "Bérénice Quintal-Ferrand", "Berenice.Quintal-Ferrand#Nuage");
        Assert.Contains("ni votre adresse électronique ni votre nom", withName.FieldError("mdp-erreur"), StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(app, email));
    }

    [Fact]
    public async Task Register_WithMismatchedConfirmation_IsRefused()
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("mismatch");

        var page = await browser.RegisterAsync(email, "Max Mismatch", StrongPassword, OtherStrongPassword);

        Assert.Contains("Les deux mots de passe ne sont pas identiques.", page.FieldError("confirmation-erreur"), StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(app, email));
    }

    [Fact]
    public async Task Register_WithAnExistingEmail_SaysSoAndOffersToLogInOrReset()
    {
        var existing = await app.Given.Citizen("Camille Leroy");
        using var browser = app.HttpsBrowser();
        var before = app.MailsTo(existing.Email).Count;

        var page = await browser.RegisterAsync(existing.Email.ToUpperInvariant(), "Camille Bis");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Un compte existe déjà avec cette adresse", page.FieldError("email-erreur"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#email-existe a[href='/compte/connexion']"));
        Assert.NotNull(page.Document.QuerySelector("#email-existe a[href='/compte/mot-de-passe-oublie']"));
        Assert.Equal(before, app.MailsTo(existing.Email).Count);
        Assert.Equal("Camille Leroy", (await FindUserAsync(app, existing.Email))!.DisplayName);
    }

    [Theory]
    [InlineData(5000, "ne peut pas dépasser 80 caractères")]
    [InlineData(-1, "contient des caractères non autorisés")]
    [InlineData(0, "est obligatoire")]
    public async Task Register_WithBadDisplayName_IsRefusedWithoutCreatingTheAccount(int length, string expected)
    {
        using var browser = app.HttpsBrowser();
        var email = NewEmail("name");
        var name = length switch
        {
            -1 => "Zoé\u0001Contrôle",
            0 => "   ",
            _ => new string('n', length),
        };

        var page = await browser.RegisterAsync(email, name);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(expected, page.FieldError("nom-erreur"), StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(app, email));
        Assert.Empty(app.MailsTo(email));
    }

    [Fact]
    public async Task RegisterPage_IsAccessible_LabelsHintsAndAutocomplete()
    {
        using var browser = app.HttpsBrowser();
        var page = await browser.GetAsync("/compte/inscription");

        Assert.Single(page.Document.QuerySelectorAll("h1"));
        var form = page.Document.QuerySelector("form#inscription")!;
        Assert.Equal("post", form.GetAttribute("method"));
        foreach (var (name, autocomplete) in new[] { ("Input.Email", "email"), ("Input.DisplayName", "name"), ("Input.Password", "new-password"), ("Input.ConfirmPassword", "new-password") })
        {
            var input = form.QuerySelector($"input[name='{name}']")!;
            Assert.Equal(autocomplete, input.GetAttribute("autocomplete"));
            Assert.NotNull(page.Document.QuerySelector($"label[for='{input.Id}']"));
            foreach (var described in input.GetAttribute("aria-describedby")!.Split(' '))
            {
                Assert.NotNull(page.Document.GetElementById(described));
            }
        }

        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task RegisterPage_InEnglish_ShowsEnglishIdentityMessages()
    {
        using var browser = app.HttpsBrowser();
        var form = await browser.GetAsync("/compte/inscription?culture=en-GB&ui-culture=en-GB");
        Assert.Equal("Create an account", form.Document.QuerySelector("h1")!.TextContent.Trim());

        var page = await browser.SubmitAsync(form, "form#inscription", new Dictionary<string, string>
        {
            ["Input.Email"] = NewEmail("english"),
            ["Input.DisplayName"] = "Emma English",
            ["Input.Password"] = "password1234",
            ["Input.ConfirmPassword"] = "password1234",
        });

        Assert.Contains("This password is too common", page.FieldError("mdp-erreur"), StringComparison.Ordinal);
    }
}
