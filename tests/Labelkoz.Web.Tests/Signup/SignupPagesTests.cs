using System.Net;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Signup;

/// <summary>
/// A commune signs up by itself (issue #7), anonymously and without JavaScript: it finds itself in
/// the official list, its identity is copied from that list whatever the form says, its contact
/// confirms their address by a link (a POST: opening the link changes nothing), and bad input is
/// refused in French on its field, with nothing saved; a commune already a member gets no form.
/// </summary>
public sealed class SignupPagesTests(SignupPagesTests.SignupApp app) : IClassFixture<SignupPagesTests.SignupApp>
{
    private const string Path = "/inscrire-ma-collectivite";

    [Fact]
    public async Task TheSearch_FindsCommunesByNameAndPostalCode_AndChoosingOneShowsItsOfficialDataAndTheSuggestedPlan()
    {
        using var browser = app.NewBrowser();
        var start = await browser.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, start.Status);
        start.AssertAccessibleStructure();
        Assert.NotNull(start.Document.QuerySelector("form#recherche-commune input[name=q]"));
        Assert.Contains(Path, (await browser.GetAsync("/")).Html, StringComparison.Ordinal);

        var tooShort = await browser.GetAsync(Path + "?q=r");
        Assert.Contains("Saisissez au moins 2 caractères", tooShort.MainText, StringComparison.Ordinal);
        Assert.Empty(tooShort.Document.QuerySelectorAll("#communes li"));

        var nothing = await browser.GetAsync(Path + "?q=zzqxw");
        Assert.Contains("Aucune commune ne correspond à « zzqxw »", nothing.MainText, StringComparison.Ordinal);

        foreach (var query in new[] { "noisy-le", "93130" })
        {
            var found = await browser.GetAsync(Path + "?q=" + query);
            Assert.Equal(HttpStatusCode.OK, found.Status);
            found.AssertAccessibleStructure();
            var card = Assert.Single(found.Document.QuerySelectorAll("#communes li"));
            Assert.Contains("Noisy-le-Sec", card.TextContent, StringComparison.Ordinal);
            Assert.Contains("93130", card.TextContent, StringComparison.Ordinal);
            Assert.Equal(Path + "?insee=93053", card.QuerySelector("a")!.GetAttribute("href"));
        }

        var chosen = await browser.GetAsync(Path + "?insee=93053");
        Assert.Equal(HttpStatusCode.OK, chosen.Status);
        chosen.AssertAccessibleStructure();
        var facts = chosen.Document.QuerySelector("#commune-officielle")!.TextContent;
        foreach (var fact in new[] { "Noisy-le-Sec", "93053", "219300530", "habitants", "93", "93130", "Est Ensemble" })
        {
            Assert.Contains(fact, facts, StringComparison.Ordinal);
        }

        Assert.NotNull(chosen.Document.QuerySelector($"a[href='{Path}']"));
        var form = chosen.Document.QuerySelector("form#inscription")!;
        Assert.Equal("93053", form.QuerySelector("input[type=hidden][name='Input.InseeCode']")!.GetAttribute("value"));
        Assert.Equal("93130", form.QuerySelector("#Input_BillingPostalCode")!.GetAttribute("value"));
        Assert.Equal("Noisy-le-Sec", form.QuerySelector("#Input_BillingCity")!.GetAttribute("value"));
        var ville = await PlanIdAsync("Ville (");
        var checkedPlan = Assert.Single(form.QuerySelectorAll("input[name='Input.PlanId'][checked]"));
        Assert.Equal(ville.ToString(System.Globalization.CultureInfo.InvariantCulture), checkedPlan.GetAttribute("value"));
        Assert.Contains("Offre conseillée pour", form.QuerySelector($"label[for='{checkedPlan.Id}']")!.TextContent, StringComparison.Ordinal);

        // Only the plans made for the commune's size are offered, with their prices with VAT.
        Assert.Single(form.QuerySelectorAll("input[name='Input.PlanId']"));
        var details = form.QuerySelector($"#{checkedPlan.Id}-details")!.TextContent;
        Assert.Contains("290,00", details, StringComparison.Ordinal);
        Assert.Contains("348,00", details, StringComparison.Ordinal);
        Assert.Contains("5 %", details, StringComparison.Ordinal);

        var small = await browser.GetAsync(Path + "?insee=93015");
        var smallPlan = Assert.Single(small.Document.QuerySelectorAll("form#inscription input[name='Input.PlanId'][checked]"));
        Assert.Contains("Commune (moins de 10 000 habitants)", small.Document.QuerySelector($"label[for='{smallPlan.Id}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFullSignUp_CopiesTheOfficialIdentity_MailsTheLink_AndOnlyThePostConfirmsTheAddress()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync(Path + "?insee=93063");
        var sent = await browser.SubmitAsync(form, "form#inscription", Valid("romainville.fr", "dgs@romainville.fr", new()
        {
            // Not fields of the form: a forged identity changes nothing.
            ["Input.CommuneName"] = "Fausse ville",
            ["Input.Population"] = "999999",
            ["Input.Siren"] = "000000000",
            ["Input.Period"] = "Yearly",
        }));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(Path + "/envoyee", sent.Location);
        var thanks = await browser.FollowAsync(sent);
        Assert.Contains("Demande envoyée : ouvrez le lien reçu à dgs@romainville.fr pour confirmer votre adresse.", thanks.MainText, StringComparison.Ordinal);
        thanks.AssertAccessibleStructure();

        var request = await RequestAsync("93063");
        Assert.Equal(("Romainville", "219300639", 27_000), (request.CommuneName, request.Siren, request.Population));
        Assert.Equal((SignupStatus.AwaitingConfirmation, "romainville.fr", false), (request.Status, request.OfficialDomain, request.ContactOutsideDomain));
        Assert.Equal((await PlanIdAsync("Ville ("), BillingPeriod.Yearly), (request.PlanId, request.Period));
        Assert.Equal("Hôtel de ville, 3 place de la Laïcité\n93230 Romainville", request.BillingAddress);

        var mail = Assert.Single(app.Mail.List(), m => m.To == "dgs@romainville.fr");
        Assert.Contains("Romainville", mail.Subject, StringComparison.Ordinal);
        var link = LinkIn(mail.TextBody);
        Assert.Contains("7 jours", mail.TextBody, StringComparison.Ordinal);

        var confirmPage = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmPage.Status);
        confirmPage.AssertAccessibleStructure();
        Assert.Contains("Romainville", confirmPage.MainText, StringComparison.Ordinal);
        await browser.GetAsync(link);
        Assert.Equal(SignupStatus.AwaitingConfirmation, (await RequestAsync("93063")).Status);

        var confirmed = await browser.SubmitAsync(confirmPage, "form#confirmer");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var done = await browser.FollowAsync(confirmed);
        Assert.Contains("Adresse confirmée : votre demande est transmise à l'équipe Labelkoz, qui vous répondra par courriel.", done.MainText, StringComparison.Ordinal);
        Assert.Equal(SignupStatus.Confirmed, (await RequestAsync("93063")).Status);

        var again = await browser.SubmitAsync(confirmPage, "form#confirmer");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("déjà confirmée", again.MainText, StringComparison.Ordinal);
        Assert.Contains("déjà confirmée", (await browser.GetAsync(link)).MainText, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Path + "/confirmer/" + new string('A', 43))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Path + "/confirmer/pas-un-jeton")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(Path + "/confirmer/" + new string('A', 43), confirmPage, new Dictionary<string, string>())).Status);

        // One request at a time per commune.
        var pending = await browser.GetAsync(Path + "?insee=93063");
        Assert.Contains("Une demande d'inscription est déjà en cours pour Romainville.", pending.MainText, StringComparison.Ordinal);
        Assert.Null(pending.Document.QuerySelector("form#inscription"));
    }

    [Fact]
    public async Task BadInput_IsRefusedInFrenchOnItsField_AndNothingIsSaved()
    {
        var grandeVille = await PlanIdAsync("Grande ville");
        var retired = await app.WithDbAsync(async db =>
        {
            var plan = Plan.Create("Ancienne offre", 0, 100_000, 100_00, 1_000_00, 500, 2, matchfundingAllowed: false);
            plan.Retire();
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

        using var browser = app.NewBrowser();
        var form = await browser.GetAsync(Path + "?insee=93045");
        var cases = new (string Field, string Value, string ErrorId, string Message)[]
        {
            ("Input.ContactName", "", "Input_ContactName-error", "Le champ « Nom du contact » est obligatoire."),
            ("Input.ContactFunction", "  ", "Input_ContactFunction-error", "obligatoire"),
            ("Input.OfficialDomain", "", "Input_OfficialDomain-error", "obligatoire"),
            ("Input.ContactEmail", "", "Input_ContactEmail-error", "obligatoire"),
            ("Input.BillingStreet", "", "Input_BillingStreet-error", "obligatoire"),
            ("Input.ContactFunction", new string('x', 10_000), "Input_ContactFunction-error", "ne peut pas dépasser 120 caractères"),
            ("Input.BillingStreet", new string('x', 10_000), "Input_BillingStreet-error", "ne peut pas dépasser 200 caractères"),
            ("Input.OfficialDomain", "pas un domaine", "Input_OfficialDomain-error", "« pas un domaine » n'est pas un nom de domaine"),
            ("Input.OfficialDomain", "gmail.com", "Input_OfficialDomain-error", "« gmail.com » est une messagerie ouverte à tous"),
            ("Input.ContactEmail", "pas-une-adresse", "Input_ContactEmail-error", "adresse électronique valide"),
            ("Input.ContactEmail", "maire.leslilas@gmail.com", "Input_ContactEmail-error", "L'adresse maire.leslilas@gmail.com n'est pas sur le domaine officiel leslilas.fr"),
            ("Input.BillingPostalCode", "ABCDE", "Input_BillingPostalCode-error", "Le code postal doit comporter 5 chiffres."),
            ("Input.PlanId", Id(grandeVille), "Input_PlanId-error", "ne correspond pas à une commune de"),
            ("Input.PlanId", Id(retired), "Input_PlanId-error", "L'offre « Ancienne offre » n'est plus proposée."),
            ("Input.PlanId", "999999", "Input_PlanId-error", "Choisissez une des offres proposées."),
            ("Input.PlanId", "", "Input_PlanId-error", "Choisissez une des offres proposées."),
            ("Input.Period", "", "Input_Period-error", "Choisissez une facturation mensuelle ou annuelle."),
            ("Input.Period", "7", "Input_Period-error", "n'est pas valide"),
        };
        foreach (var (field, value, errorId, message) in cases)
        {
            var refused = await browser.SubmitAsync(form, "form#inscription", Valid("leslilas.fr", "contact@leslilas.fr", new() { [field] = value }));
            Assert.True(refused.Status == HttpStatusCode.OK, $"{field} = {value[..Math.Min(value.Length, 20)]}: {(int)refused.Status}");
            Assert.Contains(message, refused.FieldError(errorId), StringComparison.Ordinal);
            Assert.NotEmpty(refused.ErrorSummary());
            if (field is not "Input.PlanId" and not "Input.Period")
            {
                Assert.Equal("true", refused.Document.QuerySelector($"[name='{field}']")!.GetAttribute("aria-invalid"));
            }

            refused.AssertAccessibleStructure();
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.SignupRequests.CountAsync(r => r.InseeCode == "93045")));

        // An INSEE code missing from the official list, in the address or forged in the form.
        var unknown = await browser.GetAsync(Path + "?insee=00000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("Ce code INSEE ne figure pas dans la liste officielle des communes.", unknown.MainText, StringComparison.Ordinal);
        Assert.NotNull(unknown.Document.QuerySelector("form#recherche-commune"));
        var forged = await browser.PostAsync(Path + "?insee=00000", form, Valid("leslilas.fr", "contact@leslilas.fr", new() { ["Input.InseeCode"] = "00000", ["Input.PlanId"] = Id(await PlanIdAsync("Ville (")) }));
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("Ce code INSEE ne figure pas dans la liste officielle des communes.", forged.MainText, StringComparison.Ordinal);
        var swapped = await browser.SubmitAsync(form, "form#inscription", Valid("leslilas.fr", "contact@leslilas.fr", new() { ["Input.InseeCode"] = "93063" }));
        Assert.Equal(HttpStatusCode.OK, swapped.Status);
        Assert.Contains("Ce code INSEE ne figure pas dans la liste officielle des communes.", swapped.MainText, StringComparison.Ordinal);

        // A city already a member (and in the official list): no form, and a forged post is refused.
        var city = await app.Given.City(new CitySpec { Population = 111_934 });
        await app.WithDbAsync(db =>
        {
            db.Communes.Add(new Commune(city.InseeCode, city.Name, "219300480", 111_934, "98", ["98100"], null, null, "test"));
            return db.SaveChangesAsync();
        });
        var member = await browser.GetAsync(Path + "?insee=" + city.InseeCode);
        Assert.Equal(HttpStatusCode.OK, member.Status);
        Assert.Contains($"{city.Name} est déjà inscrite sur Labelkoz : son site est /{city.Slug}.", member.MainText, StringComparison.Ordinal);
        Assert.NotNull(member.Document.QuerySelector($"#refus a[href='/{city.Slug}']"));
        Assert.Null(member.Document.QuerySelector("form#inscription"));
        var memberPost = await browser.PostAsync(Path + "?insee=" + city.InseeCode, form, Valid("ville.fr", "dgs@ville.fr", new() { ["Input.InseeCode"] = city.InseeCode, ["Input.PlanId"] = Id(grandeVille) }));
        Assert.Equal(HttpStatusCode.OK, memberPost.Status);
        Assert.Contains($"{city.Name} est déjà inscrite sur Labelkoz", memberPost.MainText, StringComparison.Ordinal);

        Assert.Equal(0, await app.WithDbAsync(db => db.SignupRequests.CountAsync(r => r.InseeCode == "93045" || r.InseeCode == city.InseeCode || r.InseeCode == "00000")));

        // With the box ticked, an address outside the domain is accepted, and flagged for the operator.
        var accepted = await browser.SubmitAsync(form, "form#inscription", Valid("https://www.LesLilas.fr/", "maire.leslilas@gmail.com", new() { ["Input.ContactOutsideDomainConfirmed"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var request = await RequestAsync("93045");
        Assert.Equal(("leslilas.fr", true, "maire.leslilas@gmail.com"), (request.OfficialDomain, request.ContactOutsideDomain, request.ContactEmail));

        // A second request for the same commune while the first is pending.
        var second = await browser.SubmitAsync(form, "form#inscription", Valid("leslilas.fr", "autre@leslilas.fr"));
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("Une demande d'inscription est déjà en cours pour Les Lilas.", second.MainText, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.SignupRequests.CountAsync(r => r.InseeCode == "93045")));
    }

    [Fact]
    public async Task AHostileValue_IsStoredAsTyped_AndShownEscaped()
    {
        const string hostile = "<script>alert('x')</script>";
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync(Path + "?insee=93061");

        var refused = await browser.SubmitAsync(form, "form#inscription", Valid("villepsg.fr", "contact@villepsg.fr", new() { ["Input.ContactName"] = hostile, ["Input.BillingPostalCode"] = "x" }));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.DoesNotContain(hostile, refused.Html, StringComparison.Ordinal);
        Assert.Equal(hostile, refused.Document.QuerySelector("#Input_ContactName")!.GetAttribute("value"));

        var sent = await browser.SubmitAsync(form, "form#inscription", Valid("villepsg.fr", "contact@villepsg.fr", new() { ["Input.ContactName"] = hostile }));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(hostile, (await RequestAsync("93061")).ContactName);

        var mail = Assert.Single(app.Mail.List(), m => m.To == "contact@villepsg.fr");
        Assert.DoesNotContain(hostile, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        var page = await browser.GetAsync(LinkIn(mail.TextBody));
        Assert.DoesNotContain(hostile, page.Html, StringComparison.Ordinal);
        Assert.Contains(hostile, page.MainText, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task SimultaneousRequestsForOneCommune_SaveOne_AndTellTheOthersWhy()
    {
        var browsers = Enumerable.Range(0, 4).Select(_ => app.NewBrowser()).ToList();
        try
        {
            var forms = await Task.WhenAll(browsers.Select(b => b.GetAsync(Path + "?insee=93010")));
            var answers = await Task.WhenAll(browsers.Select((b, i) => b.SubmitAsync(forms[i], "form#inscription", Valid("ville-bondy.fr", $"contact{i}@ville-bondy.fr"))));

            Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), a =>
            {
                Assert.Equal(HttpStatusCode.OK, a.Status);
                Assert.Contains("Une demande d'inscription est déjà en cours pour Bondy.", a.MainText, StringComparison.Ordinal);
            });
            Assert.Equal(1, await app.WithDbAsync(db => db.SignupRequests.CountAsync(r => r.InseeCode == "93010")));
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }

    [Fact]
    public async Task AnExpiredOrRefusedRequest_CannotBeConfirmed()
    {
        var (expiredToken, expiredHash) = Web.Features.Invitations.InvitationTokens.Create();
        var (refusedToken, refusedHash) = Web.Features.Invitations.InvitationTokens.Create();
        await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Name.StartsWith("Grande ville"));
            var communes = await db.Communes.Where(c => c.InseeCode == "93066" || c.InseeCode == "93070").ToDictionaryAsync(c => c.InseeCode);
            var expired = SignupRequest.Submit(communes["93066"], plan, BillingPeriod.Monthly, "ville-saint-denis.fr", "Léa Roux", "DGS", "dgs@ville-saint-denis.fr", null, false, "2 place Victor-Hugo", "93200", "Saint-Denis", expiredHash, DateTime.UtcNow.AddDays(-8));
            var refused = SignupRequest.Submit(communes["93070"], plan, BillingPeriod.Monthly, "saint-ouen.fr", "Paul Petit", "DGS", "dgs@saint-ouen.fr", null, false, "Place de la République", "93400", "Saint-Ouen", refusedHash, DateTime.UtcNow);
            refused.Refuse("Commune inconnue de nos services.", null, DateTime.UtcNow);
            db.SignupRequests.AddRange(expired, refused);
            return await db.SaveChangesAsync();
        });

        using var browser = app.NewBrowser();
        foreach (var (token, message) in new[]
        {
            (expiredToken, "Ce lien de confirmation a expiré : déposez une nouvelle demande."),
            (refusedToken, "Cette demande a été refusée : elle ne peut plus être confirmée."),
        })
        {
            var page = await browser.GetAsync(Path + "/confirmer/" + token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(message, page.MainText, StringComparison.Ordinal);
            Assert.Null(page.Document.QuerySelector("form#confirmer"));
            var posted = await browser.PostAsync(Path + "/confirmer/" + token, await browser.GetAsync(Path + "?insee=93015"), new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, posted.Status);
            Assert.Contains(message, posted.MainText, StringComparison.Ordinal);
        }

        var statuses = await app.WithDbAsync(db => db.SignupRequests.Where(r => r.InseeCode == "93066" || r.InseeCode == "93070").OrderBy(r => r.InseeCode).Select(r => r.Status).ToListAsync());
        Assert.Equal([SignupStatus.AwaitingConfirmation, SignupStatus.Refused], statuses);

        // The refused commune may ask again; the one whose link expired waits for the operator.
        Assert.NotNull((await browser.GetAsync(Path + "?insee=93070")).Document.QuerySelector("form#inscription"));
    }

    [Fact]
    public async Task TheSearch_SendsAFixedNumberOfSqlCommands_WhateverTheNumberOfMatches()
    {
        using var browser = app.NewBrowser();
        await browser.GetAsync(Path + "?q=testbourg");

        app.SqlCommands.Reset();
        var one = await browser.GetAsync(Path + "?q=romainville");
        var forOne = app.SqlCommands.Count;
        Assert.Single(one.Document.QuerySelectorAll("#communes li"));

        app.SqlCommands.Reset();
        var many = await browser.GetAsync(Path + "?q=testbourg");
        var forMany = app.SqlCommands.Count;
        Assert.Equal(20, many.Document.QuerySelectorAll("#communes li").Length);

        Assert.Equal(forOne, forMany);
        Assert.InRange(forMany, 1, 2);

        app.SqlCommands.Reset();
        await browser.GetAsync(Path + "?insee=93015");
        Assert.InRange(app.SqlCommands.Count, 1, 5);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Valid(string domain, string email, Dictionary<string, string>? overrides = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.OfficialDomain"] = domain,
            ["Input.ContactName"] = "Nadia Ferhat",
            ["Input.ContactFunction"] = "Directrice générale des services",
            ["Input.ContactEmail"] = email,
            ["Input.ContactPhone"] = "01 49 15 55 00",
            ["Input.BillingStreet"] = "Hôtel de ville, 3 place de la Laïcité",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            fields[key] = value;
        }

        return fields;
    }

    private static string LinkIn(string text)
    {
        var start = text.IndexOf(Path + "/confirmer/", StringComparison.Ordinal);
        Assert.True(start > 0, text);
        var end = text.IndexOfAny([' ', '\n', '\r'], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private Task<long> PlanIdAsync(string namePrefix) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Name.StartsWith(namePrefix)).Select(p => p.Id).SingleAsync());

    private Task<SignupRequest> RequestAsync(string insee) =>
        app.WithDbAsync(db => db.SignupRequests.AsNoTracking().SingleAsync(r => r.InseeCode == insee));

    /// <summary>The app with the few communes of the official list these tests need (the full list is not loaded in tests).</summary>
    public sealed class SignupApp : AppFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
            const string epci = "Est Ensemble";
            db.Communes.AddRange(
                new Commune("93063", "Romainville", "219300639", 27_000, "93", ["93230"], "200057875", epci, "test"),
                new Commune("93053", "Noisy-le-Sec", "219300530", 44_000, "93", ["93130"], "200057875", epci, "test"),
                new Commune("93010", "Bondy", "219300100", 53_000, "93", ["93140"], "200057875", epci, "test"),
                new Commune("93066", "Saint-Denis", "219300662", 113_000, "93", ["93200", "93210"], "200057867", "Plaine Commune", "test"),
                new Commune("93070", "Saint-Ouen-sur-Seine", "219300704", 51_000, "93", ["93400"], "200057867", "Plaine Commune", "test"),
                new Commune("93015", "Coubron", "219300159", 4_900, "93", ["93470"], "200058097", "Grand Paris - Grand Est", "test"),
                new Commune("93045", "Les Lilas", "219300456", 23_000, "93", ["93260"], "200057875", epci, "test"),
                new Commune("93061", "Le Pré-Saint-Gervais", "219300613", 17_000, "93", ["93310"], "200057875", epci, "test"));
            for (var i = 1; i <= 25; i++)
            {
                db.Communes.Add(new Commune($"990{i:00}", $"Testbourg-{i}", null, 100 * i, "99", ["99100"], null, null, "test"));
            }

            await db.SaveChangesAsync();
        }
    }
}
