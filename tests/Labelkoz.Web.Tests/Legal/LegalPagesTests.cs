using System.Net;
using System.Text;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Security;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Legal;

/// <summary>The legal pages a French town hall publishes: the platform's, and each city's over the platform's defaults.</summary>
public sealed class LegalPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string[]> Pages() => new()
    {
        { "mentions-legales", ["Éditeur", "Directeur ou directrice de la publication", "Hébergement", "Contact"] },
        { "conditions-d-utilisation", ["Comptes", "Proposer un projet", "Modération", "Contributions et remboursements", "Reçus fiscaux", "Responsabilité"] },
        { "confidentialite", ["Responsables du traitement", "Finalités, bases légales et destinataires", "Durées de conservation", "Vos droits", "Délégué à la protection des données", "Réclamation auprès de la CNIL"] },
        { "cookies", [] },
        { "accessibilite", ["État de conformité", "Résultats des tests", "Contenus non accessibles", "Établissement de cette déclaration d'accessibilité", "Schéma pluriannuel de mise en accessibilité", "Retour d'information et contact", "Voies de recours"] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EachLegalPage_RendersForThePlatformAndForACity_WithItsSections(string page, string[] sections)
    {
        var city = await app.Given.City(new CitySpec { Name = "Montreuil" });
        using var browser = app.HttpsBrowser();

        foreach (var path in new[] { $"/{page}", $"{city.Path}/{page}" })
        {
            var result = await browser.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, result.Status);
            result.AssertAccessibleStructure();
            var headings = result.Document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
            Assert.All(sections, section => Assert.Contains(section, headings));
            Assert.Equal(path, result.Document.QuerySelector("nav.legal-nav a[aria-current=page]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task TheFooter_LinksToTheCitysOwnLegalPages_OnACitySite()
    {
        var city = await app.Given.City();
        using var browser = app.HttpsBrowser();

        var cityFooter = (await browser.GetAsync(city.Path)).Document.QuerySelector("footer")!;
        var platformFooter = (await browser.GetAsync("/")).Document.QuerySelector("footer")!;

        foreach (var page in new[] { "mentions-legales", "conditions-d-utilisation", "confidentialite", "cookies", "accessibilite" })
        {
            Assert.NotNull(cityFooter.QuerySelector($"a[href='{city.Path}/{page}']"));
            Assert.NotNull(platformFooter.QuerySelector($"a[href='/{page}']"));
        }
    }

    [Fact]
    public async Task ThePrivacyNotice_RendersTheRetentionPeriodsAndTheCnil()
    {
        using var browser = app.HttpsBrowser();

        var page = await browser.GetAsync("/confidentialite");

        Assert.Contains("Comptes dont l'adresse électronique n'a jamais été confirmée (7 jours)", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Pièces comptables : contributions, remboursements, versements, factures (10 ans)", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Stripe, prestataire de paiement", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='https://www.cnil.fr/fr/plaintes']"));
    }

    [Fact]
    public async Task ThePlatformsStatement_WithoutAnAudit_SaysNonConformAndWhy()
    {
        using var browser = app.HttpsBrowser();

        var page = await browser.GetAsync("/accessibilite");

        Assert.Contains("Ce site est non conforme", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Aucun audit de conformité au RGAA n'a encore été réalisé", page.MainText, StringComparison.Ordinal);
        Assert.Contains("09 69 39 00 00", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Libre réponse 71120", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Accessibilité : non conforme", page.Document.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACitysLegalDetails_AreSavedAudited_AndShowOnlyOnItsOwnPages()
    {
        var (city, other) = await app.Given.TwoCities();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/informations-legales");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        form.AssertAccessibleStructure();

        var saved = await admin.SubmitAsync(form, "form#informations-legales", new Dictionary<string, string>
        {
            ["Input.PublicationDirector"] = "Patrice Bessac",
            ["Input.DpoName"] = "Délégation RGPD de la ville",
            ["Input.DpoEmail"] = "dpo@ville.exemple.fr",
            ["Input.AccessibilityCompliance"] = AccessibilityConformity.Partial,
            ["Input.AuditRate"] = "73",
            ["Input.AuditDate"] = "2026-10-01",
            ["Input.Auditor"] = "Cabinet Accès Pour Tous",
            ["Input.NonConformities"] = "Contrastes insuffisants sur la carte\nCaptcha sans alternative",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("Les informations légales de la ville ont été enregistrées.", (await admin.FollowAsync(saved)).MainText, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.MunicipalityId == city.Id && e.Action == AuditAction.LegalDetailsChanged).SingleAsync());
        Assert.Contains("Taux de conformité : 73", entry.After, StringComparison.Ordinal);

        using var visitor = app.HttpsBrowser();
        var notice = await visitor.GetAsync($"{city.Path}/mentions-legales");
        var statement = await visitor.GetAsync($"{city.Path}/accessibilite");
        var privacy = await visitor.GetAsync($"{city.Path}/confidentialite");
        Assert.Contains("Patrice Bessac", notice.MainText, StringComparison.Ordinal);
        Assert.Contains("73 % des critères", statement.MainText, StringComparison.Ordinal);
        Assert.Contains("Cabinet Accès Pour Tous", statement.MainText, StringComparison.Ordinal);
        Assert.Contains("Captcha sans alternative", statement.MainText, StringComparison.Ordinal);
        Assert.Contains("dpo@ville.exemple.fr", privacy.MainText, StringComparison.Ordinal);

        var otherNotice = await visitor.GetAsync($"{other.Path}/mentions-legales");
        var otherStatement = await visitor.GetAsync($"{other.Path}/accessibilite");
        var platform = await visitor.GetAsync("/accessibilite");
        Assert.DoesNotContain("Patrice Bessac", otherNotice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cabinet Accès Pour Tous", otherStatement.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cabinet Accès Pour Tous", platform.Html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> InvalidInputs() => new()
    {
        { "Input.DpoEmail", "dpo-sans-arobase", "doit être une adresse électronique valide" },
        { "Input.AuditRate", "140", "doit être compris entre 0 et 100" },
        { "Input.Siren", "12345", "Le SIREN doit comporter 9 chiffres." },
        { "Input.PublicationDirector", new string('x', LegalDetails.NameMaxLength + 1), "ne peut pas dépasser" },
        { "Input.PlanUrl", "javascript:alert(1)", "L'adresse du schéma pluriannuel doit être une adresse complète commençant par https://." },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task InvalidLegalDetails_AreRefusedOnTheForm_AndNothingIsSaved(string field, string value, string message)
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/informations-legales");

        var refused = await admin.SubmitAsync(form, "form#informations-legales", new Dictionary<string, string>
        {
            ["Input.PublicationDirector"] = "Quelqu'un",
            ["Input.AuditRate"] = "60",
            ["Input.AuditDate"] = "2026-10-01",
            ["Input.Auditor"] = "Un auditeur",
            [field] = value,
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.ErrorSummary(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == city.Id).Select(m => new { m.Legal.PublicationDirector, m.Legal.AuditRate }).SingleAsync());
        Assert.Null(stored.PublicationDirector);
        Assert.Null(stored.AuditRate);
    }

    [Fact]
    public async Task ARateThatContradictsTheDeclaredState_IsRefusedWithTheRgaaRule()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var form = await admin.GetAsync($"{city.AdminPath}/informations-legales");

        var refused = await admin.SubmitAsync(form, "form#informations-legales", new Dictionary<string, string>
        {
            ["Input.AccessibilityCompliance"] = AccessibilityConformity.Full,
            ["Input.AuditRate"] = "80",
            ["Input.AuditDate"] = "2026-10-01",
            ["Input.Auditor"] = "Un auditeur",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Avec un taux de conformité de 80 %, le RGAA déclare le site « partiellement conforme ».", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == city.Id).Select(m => m.Legal.AuditRate).SingleAsync()));
    }

    [Fact]
    public async Task AnotherCitysAdmin_AnAgentAndACitizen_CannotReadOrWriteACitysLegalSettings()
    {
        var (city, other) = await app.Given.TwoCities();
        var citizen = await app.Given.Citizen();
        foreach (var email in new[] { other.Admin.Email, city.Agent.Email, citizen.Email })
        {
            using var intruder = await app.SignedInAsync(email);
            var tokenSource = await intruder.GetAsync($"{other.Path}/cookies");
            Assert.Equal(HttpStatusCode.Forbidden, (await intruder.GetAsync($"{city.AdminPath}/informations-legales")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await intruder.GetAsync($"{city.AdminPath}/registre-des-traitements?handler=csv")).Status);
            var write = await intruder.PostAsync($"{city.AdminPath}/informations-legales", tokenSource, new Dictionary<string, string>
            {
                ["Input.PublicationDirector"] = "Intrus",
                ["Input.AccessibilityCompliance"] = AccessibilityConformity.None,
                ["Input.Version"] = "1",
            });
            Assert.Equal(HttpStatusCode.Forbidden, write.Status);
        }

        Assert.Null(await app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == city.Id).Select(m => m.Legal.PublicationDirector).SingleAsync()));
    }

    [Fact]
    public async Task TheProcessingRegister_ListsEveryActivity_AndDownloadsAsCsv()
    {
        var city = await app.Given.City(new CitySpec { Name = "Montreuil" });
        using var admin = await app.SignedInAsync(city.Admin.Email);

        var page = await admin.GetAsync($"{city.AdminPath}/registre-des-traitements");
        var csv = await admin.Client.GetAsync($"{city.AdminPath}/registre-des-traitements?handler=csv");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var titles = page.Document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(Domain.Privacy.ProcessingActivities.All.Select(a => a.Name), titles);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Domain.Privacy.ProcessingActivities.All.Count + 1, lines.Length);
        Assert.StartsWith("\"Traitement\";\"Responsable du traitement\"", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("\"Étude des projets et labels\";\"Commune de Montreuil\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Reçus fiscaux et leurs justificatifs : conservés 10 ans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePagesOfTheSite_SetOnlyTheStrictlyNecessaryCookiesTheCookiesPageLists()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var campaign = await app.Given.Campaign(city, holder);
        var citizen = await app.Given.Citizen();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = new[]
        {
            "/", "/compte/connexion", city.Path, $"{city.Path}/projets", campaign.Project.Path,
            $"{city.Path}/projets/{campaign.Project.Id}/contribuer", "/cookies", $"{city.Path}/cookies",
        };

        async Task VisitAsync(TestBrowser browser, IEnumerable<string> paths)
        {
            foreach (var path in paths)
            {
                var page = await browser.GetAsync(path);
                Collect(page.Response, seen);
            }

            var home = await browser.GetAsync("/");
            var switched = await browser.SubmitAsync(home, "form.language-switch");
            Collect(switched.Response, seen);
            Assert.True(switched.IsRedirect);
        }

        using (var anonymous = app.HttpsBrowser())
        {
            await VisitAsync(anonymous, pages);
        }

        using (var person = app.HttpsBrowser())
        {
            Collect((await person.LogInAsync(citizen.Email, Given.Password)).Response, seen);
            await VisitAsync(person, pages);
        }

        using (var staff = app.HttpsBrowser())
        {
            Collect((await staff.LogInAsync(city.Admin.Email, Given.Password)).Response, seen);
            await VisitAsync(staff, [.. pages, city.AdminPath, $"{city.AdminPath}/informations-legales", $"{city.AdminPath}/parametres"]);
            var form = await staff.GetAsync($"{city.AdminPath}/informations-legales");
            var saved = await staff.SubmitAsync(form, "form#informations-legales");
            Collect(saved.Response, seen);
            Collect((await staff.FollowAsync(saved)).Response, seen);
        }

        // Guards the guard: a run that saw no cookie at all would pass whatever the site sets.
        Assert.Contains(StrictlyNecessaryCookies.Session, seen);
        Assert.Contains(StrictlyNecessaryCookies.Antiforgery, seen);
        Assert.All(seen, name => Assert.True(StrictlyNecessaryCookies.IsAllowed(name), $"The cookie {name} is not declared in StrictlyNecessaryCookies."));

        using var reader = app.HttpsBrowser();
        var cookiesPage = await reader.GetAsync("/cookies");
        var listed = cookiesPage.Document.QuerySelectorAll("main table tbody th code").Select(c => c.TextContent).ToList();
        Assert.Equal(StrictlyNecessaryCookies.All.Select(c => c.Name), listed);
    }

    private static void Collect(HttpResponseMessage response, HashSet<string> names)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            // A cookie being deleted (expired in 1970: a sign-out clearing a scheme it never set) stores nothing.
            foreach (var cookie in cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)))
            {
                names.Add(cookie[..cookie.IndexOf('=', StringComparison.Ordinal)].Trim());
            }
        }
    }
}
