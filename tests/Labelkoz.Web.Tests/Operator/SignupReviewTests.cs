using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Tests.Accounts;
using Labelkoz.Web.Tests.Audit;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Operator;

/// <summary>
/// The operator reviews the communes' sign-up requests (issue #7): validating a confirmed one opens
/// the city with its official identity, its billing address, its trial on the chosen plan and its
/// contact invited as first admin, all or nothing; refusing one mails the reason. Bad input, wrong
/// states, taken INSEE codes or slugs and racing operators get French messages, never an error page,
/// and leave nothing behind.
/// </summary>
public sealed class SignupReviewTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ListPath = "/operateur/inscriptions";

    [Fact]
    public async Task TheReview_IsTheOperatorsOnly_ForTheListTheDetailAndBothForms()
    {
        var id = await NewRequestAsync("Noisy-le-Sec", "93053", 44_000);
        var detail = $"{ListPath}/{id}";
        var fields = new Dictionary<string, string> { ["slug"] = "noisy-le-sec", ["colour"] = "#1F4E8C", ["reason"] = "Pirate", ["version"] = "1" };
        var cityAdmin = (await app.Given.City()).Admin;
        var resident = await app.Given.Citizen();
        var before = await app.EntryCountAsync();

        using var admin = await app.SignedInAsync(cityAdmin.Email);
        using var citizen = await app.SignedInAsync(resident.Email);
        using var anonymous = app.HttpsBrowser();
        foreach (var browser in new[] { admin, citizen })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(ListPath)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(detail)).Status);
            var tokenSource = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync($"{detail}?handler=Approve", tokenSource, fields)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync($"{detail}?handler=Refuse", tokenSource, fields)).Status);
        }

        foreach (var url in new[] { ListPath, detail })
        {
            var redirected = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, redirected.Status);
            Assert.Contains("/compte/connexion", redirected.Location, StringComparison.Ordinal);
        }

        var anonymousToken = await anonymous.GetAsync("/");
        foreach (var handler in new[] { "Approve", "Refuse" })
        {
            var post = await anonymous.PostAsync($"{detail}?handler={handler}", anonymousToken, fields);
            Assert.Equal(HttpStatusCode.Redirect, post.Status);
            Assert.Contains("/compte/connexion", post.Location, StringComparison.Ordinal);
        }

        Assert.Equal(SignupStatus.Confirmed, (await RequestAsync(id)).Status);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "93053")));
        Assert.Equal(before, await app.EntryCountAsync());
    }

    [Fact]
    public async Task Validating_OpensTheCityWithItsOfficialIdentity_ItsTrial_AndInvitesTheContact_WhoSeesTheTrial()
    {
        var contact = AccountsTestKit.NewEmail("dgs-romainville");
        var id = await NewRequestAsync("Romainville", "93063", 27_000, email: contact, period: BillingPeriod.Yearly);
        var operatorUser = await app.Given.Operator();
        using var operatorBrowser = await app.SignedInAsync(operatorUser.Email);

        var list = await operatorBrowser.GetAsync(ListPath);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        list.AssertAccessibleStructure();
        var row = list.Document.QuerySelectorAll("#demandes tbody tr").Single(r => r.TextContent.Contains("Romainville", StringComparison.Ordinal));
        Assert.Contains("93063", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(contact, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ville (10 000 à 50 000 habitants)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("adresse hors du domaine romainville.fr", row.QuerySelector(".outside-domain")!.TextContent, StringComparison.Ordinal);

        var page = await operatorBrowser.GetAsync($"{ListPath}/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Equal("romainville", page.Document.QuerySelector("#valider-slug")!.GetAttribute("value"));
        Assert.Contains("293063000", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Place de la Laïcité", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("form#refuser"));

        TestBrowser.Page validated = null!;
        var entries = await app.NewEntriesAsync(async () => validated = await operatorBrowser.SubmitAsync(page, "form#valider", new Dictionary<string, string> { ["colour"] = "#0B6E4F" }));

        Assert.Equal(HttpStatusCode.Redirect, validated.Status);
        var city = await app.WithDbAsync(db => db.Municipalities.AsNoTracking().SingleAsync(m => m.InseeCode == "93063"));
        Assert.EndsWith($"/operateur/villes/{city.Id}", validated.Location, StringComparison.Ordinal);
        Assert.Equal(("Romainville", "romainville", "293063000", 27_000, "#0B6E4F"), (city.Name, city.Slug, city.Siren, city.Population, city.BrandColour));
        Assert.Equal("Place de la Laïcité\n93230 Romainville", city.BillingAddress);
        Assert.Equal(SubscriptionStatus.Trial, city.SubscriptionStatus);
        var subscription = await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.MunicipalityId == city.Id));
        var plan = await app.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == subscription.PlanId));
        Assert.Equal(("Ville (10 000 à 50 000 habitants)", BillingPeriod.Yearly, SubscriptionStatus.Trial), (plan.Name, subscription.Period, subscription.Status));
        Assert.Equal(subscription.StartedOn.AddDays(30), subscription.TrialEndsOn);
        var invitation = await app.WithDbAsync(db => db.StaffInvitations.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.MunicipalityId == city.Id));
        Assert.Equal((contact, StaffRole.Admin, (DateTime?)null), (invitation.Email, invitation.Role, invitation.AcceptedAtUtc));
        var request = await RequestAsync(id);
        Assert.Equal((SignupStatus.Approved, (long?)city.Id), (request.Status, request.MunicipalityId));
        Assert.Equal(operatorUser.Id, request.DecidedByUserId);
        Assert.Contains(entries, e => e.Action == AuditAction.CityCreated && e.MunicipalityId == city.Id);
        var approved = Assert.Single(entries, e => e.Action == AuditAction.SignupApproved);
        Assert.Equal(city.Id, approved.MunicipalityId);
        Assert.Contains(contact, approved.Details, StringComparison.Ordinal);

        var details = await operatorBrowser.FollowAsync(validated);
        details.AssertAccessibleStructure();
        Assert.Contains("La demande est validée", details.MainText, StringComparison.Ordinal);
        Assert.Contains("Période d'essai", details.MainText, StringComparison.Ordinal);
        Assert.Contains("Ville (10 000 à 50 000 habitants)", details.Document.QuerySelector("#abonnement")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Annuelle", details.Document.QuerySelector("#abonnement")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("93230 Romainville", details.MainText, StringComparison.Ordinal);
        Assert.NotNull(details.Document.QuerySelector($"#demande-origine a[href='{ListPath}/{id}']"));
        Assert.Null(details.Document.QuerySelector("form#abonnement"));

        // Decided: the request is shown read-only, with its city.
        var decided = await operatorBrowser.GetAsync($"{ListPath}/{id}");
        Assert.Null(decided.Document.QuerySelector("form#valider"));
        Assert.Null(decided.Document.QuerySelector("form#refuser"));
        Assert.NotNull(decided.Document.QuerySelector($"#decision a[href='/operateur/villes/{city.Id}']"));
        Assert.DoesNotContain("Romainville", (await operatorBrowser.GetAsync(ListPath)).Document.QuerySelector("main section")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Romainville", (await operatorBrowser.GetAsync($"{ListPath}?filtre=traitees")).MainText, StringComparison.Ordinal);

        // The contact receives the invitation, creates their account, joins, and sees the trial.
        var link = app.InvitationLinkTo(contact);
        await app.RegisterConfirmedAsync(contact, "Claire Martin");
        using var invitee = app.HttpsBrowser();
        var logInLink = (await invitee.GetAsync(link)).Document.QuerySelector("main a[href^='/compte/connexion']")!.GetAttribute("href")!;
        var loggedIn = await invitee.TryLogInAsync(contact, AccountsTestKit.StrongPassword, logInLink);
        Assert.Equal(link, loggedIn.Location);
        var accepted = await invitee.SubmitAsync(await invitee.GetAsync(link), "form#accepter");
        Assert.Equal("/romainville/admin", accepted.Location);
        await invitee.EnrolAndContinueAsync(await invitee.FollowAsync(accepted), contact);
        var subscriptionPage = await invitee.GetAsync("/romainville/admin/abonnement");
        Assert.Equal(HttpStatusCode.OK, subscriptionPage.Status);
        Assert.Contains("Période d'essai", subscriptionPage.MainText, StringComparison.Ordinal);
        Assert.Contains("Ville (10 000 à 50 000 habitants)", subscriptionPage.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusing_NeedsAReason_ThenMailsItToTheContact()
    {
        var contact = AccountsTestKit.NewEmail("mairie-lilas");
        var id = await NewRequestAsync("Les Lilas", "93045", 23_000, email: contact);
        using var operatorBrowser = await OperatorAsync();
        var page = await operatorBrowser.GetAsync($"{ListPath}/{id}");

        var empty = await operatorBrowser.SubmitAsync(page, "form#refuser", new Dictionary<string, string> { ["reason"] = "   " });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Le champ « Motif du refus » est obligatoire.", empty.FieldError("refuser-motif-erreur"), StringComparison.Ordinal);
        Assert.Contains("refuser-motif-erreur", empty.Document.QuerySelector("#refuser-motif")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        empty.AssertAccessibleStructure();

        var tooLong = await operatorBrowser.SubmitAsync(page, "form#refuser", new Dictionary<string, string> { ["reason"] = new string('x', 10_000) });
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("1000 caractères", tooLong.FieldError("refuser-motif-erreur"), StringComparison.Ordinal);
        Assert.Equal(SignupStatus.Confirmed, (await RequestAsync(id)).Status);
        Assert.Empty(app.MailsTo(contact));

        const string Reason = "La commune est déjà accompagnée par l'intercommunalité :\nécrivez-nous pour en parler.";
        var refused = await operatorBrowser.SubmitAsync(page, "form#refuser", new Dictionary<string, string> { ["reason"] = Reason });
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains("La demande de Les Lilas est refusée", (await operatorBrowser.FollowAsync(refused)).MainText, StringComparison.Ordinal);
        var request = await RequestAsync(id);
        Assert.Equal((SignupStatus.Refused, Reason), (request.Status, request.RefusalReason));
        Assert.Null(request.MunicipalityId);
        var mail = Assert.Single(app.MailsTo(contact));
        Assert.Contains("Les Lilas", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("déjà accompagnée par l'intercommunalité", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("l&#x27;intercommunalit", mail.HtmlBody, StringComparison.Ordinal);

        var decided = await operatorBrowser.GetAsync($"{ListPath}/{id}");
        Assert.Contains("déjà accompagnée par l'intercommunalité", decided.Document.QuerySelector("#decision")!.TextContent, StringComparison.Ordinal);
        Assert.Null(decided.Document.QuerySelector("form#refuser"));

        // A second refusal (an old tab) is told, and changes nothing.
        var again = await operatorBrowser.SubmitAsync(page, "form#refuser", new Dictionary<string, string> { ["reason"] = "Autre motif" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Cette demande a déjà été traitée.", again.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(Reason, (await RequestAsync(id)).RefusalReason);
        Assert.Single(app.MailsTo(contact));
    }

    [Fact]
    public async Task ARequestNotYetConfirmed_CannotBeValidated_ButCanBeRefused()
    {
        var id = await NewRequestAsync("Bondy", "93010", 54_000, confirm: false);
        using var operatorBrowser = await OperatorAsync();

        var page = await operatorBrowser.GetAsync($"{ListPath}/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Null(page.Document.QuerySelector("form#valider"));
        Assert.Contains("n'a pas encore confirmé son adresse", page.Document.QuerySelector("#pas-confirmee")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("form#refuser"));
        Assert.Contains("Bondy", (await operatorBrowser.GetAsync($"{ListPath}?filtre=en-attente")).MainText, StringComparison.Ordinal);

        var forged = await operatorBrowser.PostAsync($"{ListPath}/{id}?handler=Approve", page, new Dictionary<string, string> { ["slug"] = "bondy", ["colour"] = "#1F4E8C", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("n'a pas encore confirmé son adresse", forged.ErrorSummary(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "93010")));
        Assert.Equal(SignupStatus.AwaitingConfirmation, (await RequestAsync(id)).Status);

        var refused = await operatorBrowser.SubmitAsync(page, "form#refuser", new Dictionary<string, string> { ["reason"] = "Demande en double" });
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal(SignupStatus.Refused, (await RequestAsync(id)).Status);
    }

    [Fact]
    public async Task AnInseeCodeRegisteredMeanwhile_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        var contact = AccountsTestKit.NewEmail("mairie-pantin");
        var id = await NewRequestAsync("Pantin", "93055", 59_000, email: contact);
        using var operatorBrowser = await OperatorAsync();
        var page = await operatorBrowser.GetAsync($"{ListPath}/{id}");
        await app.WithDbAsync(async db =>
        {
            db.Municipalities.Add(Municipality.Create("Pantin (ouverte à la main)", "pantin-bis", "93055", 59_000, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var entries = await app.NewEntriesAsync(async () =>
        {
            var refused = await operatorBrowser.SubmitAsync(page, "form#valider");
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("Pantin (ouverte à la main) (code INSEE 93055) est déjà inscrite sur Labelkoz : son site est /pantin-bis.", refused.ErrorSummary(), StringComparison.Ordinal);
            refused.AssertAccessibleStructure();
            Assert.Null(refused.Document.QuerySelector("form#valider"));
        });

        Assert.Empty(entries);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.Slug == "pantin")));
        Assert.Equal(SignupStatus.Confirmed, (await RequestAsync(id)).Status);
        Assert.False(await app.WithDbAsync(db => db.StaffInvitations.IgnoreQueryFilters().AnyAsync(i => i.Email == contact)));
        Assert.Empty(app.MailsTo(contact));
    }

    [Fact]
    public async Task ATakenOrInvalidSlug_IsRefusedOnItsField_AndTheSuggestionAvoidsATakenOne()
    {
        var city = await app.Given.City();
        var id = await NewRequestAsync("Montreuil-Bellay", "49215", 4_000);
        using var operatorBrowser = await OperatorAsync();
        var page = await operatorBrowser.GetAsync($"{ListPath}/{id}");
        Assert.Equal("montreuil-bellay", page.Document.QuerySelector("#valider-slug")!.GetAttribute("value"));

        foreach (var (slug, message) in new[]
        {
            (city.Slug, $"L'adresse « {city.Slug} » est déjà utilisée par {city.Name}."),
            ("operateur", "est réservée par la plateforme"),
            ("Pas Un Slug", "lettres minuscules sans accent"),
        })
        {
            var refused = await operatorBrowser.SubmitAsync(page, "form#valider", new Dictionary<string, string> { ["slug"] = slug });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(message, refused.FieldError("valider-slug-erreur"), StringComparison.Ordinal);
            Assert.Equal(slug, refused.Document.QuerySelector("#valider-slug")!.GetAttribute("value"));
            refused.AssertAccessibleStructure();
        }

        var badColour = await operatorBrowser.SubmitAsync(page, "form#valider", new Dictionary<string, string> { ["colour"] = "rouge" });
        Assert.Contains("#RRVVBB", badColour.FieldError("valider-couleur-erreur"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.InseeCode == "49215")));

        // A commune whose name gives a slug already taken (here the city's slug itself) is offered the slug with its department.
        var other = await NewRequestAsync(city.Slug, "46016", 900);
        var suggested = await operatorBrowser.GetAsync($"{ListPath}/{other}");
        Assert.Equal($"{city.Slug}-46", suggested.Document.QuerySelector("#valider-slug")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TwoOperatorsValidatingAtOnce_OpenExactlyOneCity()
    {
        var contact = AccountsTestKit.NewEmail("mairie-rosny");
        var id = await NewRequestAsync("Rosny-sous-Bois", "93064", 46_000, email: contact);
        var operatorUser = await app.Given.Operator();
        using var first = await app.SignedInAsync(operatorUser.Email);
        using var second = await app.SignedInAsync(operatorUser.Email);
        var firstPage = await first.GetAsync($"{ListPath}/{id}");
        var secondPage = await second.GetAsync($"{ListPath}/{id}");

        var results = await Task.WhenAll(
            Task.Run(() => first.SubmitAsync(firstPage, "form#valider")),
            Task.Run(() => second.SubmitAsync(secondPage, "form#valider")));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Matches("vient d'être traitée|déjà été traitée|déjà inscrite|déjà utilisée", loser.ErrorSummary() + loser.FieldError("valider-slug-erreur"));
        var cities = await app.WithDbAsync(db => db.Municipalities.Where(m => m.InseeCode == "93064").Select(m => m.Id).ToListAsync());
        var city = Assert.Single(cities);
        Assert.Equal(1, await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().CountAsync(s => s.MunicipalityId == city)));
        Assert.Equal(1, await app.WithDbAsync(db => db.StaffInvitations.IgnoreQueryFilters().CountAsync(i => i.Email == contact)));
        Assert.Single(app.MailsTo(contact));
        Assert.Equal((SignupStatus.Approved, (long?)city), ((await RequestAsync(id)).Status, (await RequestAsync(id)).MunicipalityId));
    }

    [Fact]
    public async Task UnknownIds_AreNotFound_AndAFormWithoutItsVersion_IsABadRequest()
    {
        var id = await NewRequestAsync("Villemomble", "93077", 30_000);
        using var operatorBrowser = await OperatorAsync();
        var page = await operatorBrowser.GetAsync($"{ListPath}/{id}");

        Assert.Equal(HttpStatusCode.NotFound, (await operatorBrowser.GetAsync($"{ListPath}/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorBrowser.GetAsync($"{ListPath}/abc")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorBrowser.PostAsync($"{ListPath}/999999?handler=Approve", page, new Dictionary<string, string> { ["slug"] = "x-y", ["version"] = "1" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorBrowser.PostAsync($"{ListPath}/999999?handler=Refuse", page, new Dictionary<string, string> { ["reason"] = "x", ["version"] = "1" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorBrowser.PostAsync($"{ListPath}/{id}?handler=Approve", page, new Dictionary<string, string> { ["slug"] = "villemomble" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorBrowser.PostAsync($"{ListPath}/{id}?handler=Refuse", page, new Dictionary<string, string> { ["reason"] = "x", ["version"] = "abc" })).Status);
        Assert.Equal(SignupStatus.Confirmed, (await RequestAsync(id)).Status);
    }

    [Fact]
    public async Task TheList_IsFilteredAndPaged_InAFixedNumberOfSqlCommands()
    {
        for (var i = 0; i < 3; i++)
        {
            await NewRequestAsync($"Commune de liste {i}", $"8{i:0}001", 1_000 + i);
        }

        using var operatorBrowser = await OperatorAsync();
        await operatorBrowser.GetAsync(ListPath);
        app.SqlCommands.Reset();
        var few = await operatorBrowser.GetAsync($"{ListPath}?filtre=toutes");
        var fewCommands = app.SqlCommands.Count;
        for (var i = 3; i < 9; i++)
        {
            await NewRequestAsync($"Commune de liste {i}", $"8{i:0}001", 1_000 + i);
        }

        app.SqlCommands.Reset();
        var many = await operatorBrowser.GetAsync($"{ListPath}?filtre=toutes");
        Assert.Equal(fewCommands, app.SqlCommands.Count);
        Assert.True(many.Document.QuerySelectorAll("#demandes tbody tr").Length >= few.Document.QuerySelectorAll("#demandes tbody tr").Length + 6);
        var names = many.Document.QuerySelectorAll("#demandes tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.True(names.IndexOf("Commune de liste 8") < names.IndexOf("Commune de liste 0"), "Newest first.");
        Assert.Equal(HttpStatusCode.OK, (await operatorBrowser.GetAsync($"{ListPath}?filtre=inconnu&page=-4")).Status);

        // The console says how many wait for the operator, and leads to them.
        var waiting = await app.WithDbAsync(db => db.SignupRequests.CountAsync(r => r.Status == SignupStatus.Confirmed));
        var console = await operatorBrowser.GetAsync("/operateur");
        var notice = console.Document.QuerySelector("#inscriptions-a-valider a");
        Assert.NotNull(notice);
        Assert.Equal($"{waiting} demande(s) d'inscription à valider", notice.TextContent.Trim());
        Assert.Equal(ListPath, notice.GetAttribute("href"));
    }

    private async Task<TestBrowser> OperatorAsync() => await app.SignedInAsync((await app.Given.Operator()).Email);

    private Task<SignupRequest> RequestAsync(long id) =>
        app.WithDbAsync(db => db.SignupRequests.AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>A request as the public form makes it, straight through the domain; confirmed by its contact unless told.</summary>
    private Task<long> NewRequestAsync(string name, string insee, int population, bool confirm = true, string? email = null, BillingPeriod period = BillingPeriod.Monthly) =>
        app.WithDbAsync(async db =>
        {
            var plans = await db.Plans.AsNoTracking().ToListAsync();
            var plan = Plan.Suggest(plans, population)!;
            var siren = $"2{insee}000";
            var commune = new Commune(insee, name, siren, population, insee[..2], ["93230"], null, null, "2025");
            var contact = email ?? AccountsTestKit.NewEmail("contact");
            var (_, hash) = InvitationTokens.Create();
            var now = DateTime.UtcNow;
            var request = SignupRequest.Submit(
                commune, plan, period, name == "Romainville" ? "romainville.fr" : "mairie.example.fr", "Claire Martin", "Directrice générale des services",
                contact, "01 49 15 55 00", contactOutsideDomainConfirmed: true, "Place de la Laïcité", "93230", name, hash, now);
            if (confirm)
            {
                request.Confirm(hash, now);
            }

            db.SignupRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
}
