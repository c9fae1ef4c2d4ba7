using System.Net;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Projects.Propose;

/// <summary>
/// Hostile or mistaken input on the holder's pages: a clear French message next to the form, never
/// a 500, and nothing half-saved (every case also changes a valid field, which must stay unsaved).
/// Other people's projects and other cities' ids are out of reach.
/// </summary>
public sealed class ProposeBadInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string, string, string> BadFields => new()
    {
        // field, value, element holding the message, expected message (part)
        { "Input.Title", new string('A', 10_000), "Input_Title-error", "Le champ « Titre » ne peut pas dépasser 120 caractères." },
        { "Input.Title", "   ", "Input_Title-error", "Le champ « Titre » est obligatoire." },
        { "Input.Summary", new string('r', 301), "Input_Summary-error", "Le champ « Résumé » ne peut pas dépasser 300 caractères." },
        { "Input.Lines[0].Amount", "-50", "ligne-0-montant-erreur", "Le montant ne peut pas être négatif." },
        { "Input.Lines[0].Amount", "abc", "ligne-0-montant-erreur", "Saisissez un montant en euros, par exemple 1 250,50." },
        { "Input.Lines[0].Amount", "12,345", "ligne-0-montant-erreur", "Un montant en euros a au plus deux chiffres après la virgule." },
        { "Input.Lines[0].Amount", "20 000 000", "ligne-0-montant-erreur", "Un poste ne peut pas dépasser 10 000 000,00 € : vérifiez la saisie." },
        { "Input.Lines[0].Amount", "0", "ligne-0-montant-erreur", "Le montant doit être supérieur à zéro." },
        { "Input.Lines[0].Amount", "99999999999999999999999", "ligne-0-montant-erreur", "Ce montant est bien trop élevé" },
        { "Input.Category", "999", "Input_Category-error", "La valeur « 999 » n'est pas valide." },
        { "Input.Category", "Licorne", "Input_Category-error", "n'est pas valide" },
        { "Input.Latitude", "abc", "Input_Latitude-error", "Saisissez un nombre décimal, par exemple 48,8566." },
        { "Input.Latitude", "200", "Input_Latitude-error", "La latitude doit être comprise entre -90 et 90." },
        { "Input.NeighbourhoodId", "99999999", "Input_NeighbourhoodId-error", "Choisissez un quartier de la liste." },
        { "Input.Supports[2].Details", "Des tables", "soutien-Equipment-erreur", "Cochez la case pour demander ce soutien, ou effacez ces précisions." },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task BadField_GetsAFrenchMessageNextToIt_AndNothingIsSaved(string field, string value, string errorId, string expected)
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet à malmener");
        var fields = new Dictionary<string, string>
        {
            ["Input.Summary"] = "Un résumé qui ne doit pas être enregistré.",
            ["Input.Lines[0].Label"] = "Poste",
            ["Input.Lines[0].Amount"] = "100",
            [field] = value,
        };
        if (field == "Input.Latitude")
        {
            fields["Input.Longitude"] = "2,44";
        }

        var before = await app.SnapshotAsync(id);

        var refused = await browser.SaveAsync(city.Slug, id, fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(expected, ProposeTestKit.PlainSpaces(refused.TextOf(errorId)), StringComparison.Ordinal);
        Assert.Contains(expected, ProposeTestKit.PlainSpaces(refused.ErrorSummary()), StringComparison.Ordinal);
        var control = refused.Document.QuerySelector($"input[aria-describedby~='{errorId}'], select[aria-describedby~='{errorId}'], textarea[aria-describedby~='{errorId}']");
        Assert.NotNull(control);
        Assert.Equal("true", control.GetAttribute("aria-invalid"));
        Assert.Equal(before, await app.SnapshotAsync(id));

        // The person's input is given back, not lost.
        Assert.Equal(field == "Input.Summary" ? value : "Un résumé qui ne doit pas être enregistré.", refused.ValueOf("#Input_Summary"));
    }

    public static TheoryData<Dictionary<string, string>, string> RefusedValues => new()
    {
        { new() { ["Input.HolderType"] = "Company", ["Input.OrganisationName"] = "Vélos & Co", ["Input.Siren"] = ProposeTestKit.InvalidSiren }, "Le numéro SIREN 219300481 n'est pas valide (clé de contrôle incorrecte)." },
        { new() { ["Input.HolderType"] = "Company", ["Input.OrganisationName"] = "Vélos & Co", ["Input.Siren"] = "12345" }, "Le numéro SIREN doit comporter 9 chiffres." },
        { new() { ["Input.HolderType"] = "Association", ["Input.OrganisationName"] = "Les Amis", ["Input.Rna"] = "X12" }, "Le numéro RNA doit commencer par W suivi de 9 caractères" },
        { new() { ["Input.HolderType"] = "Association", ["Input.Rna"] = "W931234567" }, "Le champ « Nom de l'association » est obligatoire." },
        { new() { ["Input.HolderType"] = "Municipality" }, "Seule la ville peut porter un projet en son nom." },
        { new() { ["Input.HolderType"] = "42" }, "La valeur « 42 » n'est pas valide." },
        { new() { ["Input.Latitude"] = "200", ["Input.Longitude"] = "2,44" }, "La latitude doit être comprise entre -90 et 90." },
        { new() { ["Input.Latitude"] = "48,85" }, "Indiquez à la fois la latitude et la longitude, ou aucune des deux." },
        { new() { ["Input.Supports[0].Kind"] = "Land", ["Input.Supports[0].Selected"] = "true", ["Input.Supports[1].Kind"] = "Land", ["Input.Supports[1].Selected"] = "true" }, "Chaque type de soutien ne peut être demandé qu'une fois." },
        { new() { ["Input.Supports[0].Kind"] = "99", ["Input.Supports[0].Selected"] = "true" }, "La valeur « 99 » n'est pas valide." },
    };

    [Theory]
    [MemberData(nameof(RefusedValues))]
    public async Task RefusedValue_GetsItsFrenchReason_AndNothingIsSaved(Dictionary<string, string> bad, string expected)
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet à malmener");
        var fields = new Dictionary<string, string>(bad)
        {
            ["Input.Title"] = "Un titre qui ne doit pas être enregistré",
            ["Input.Lines[0].Label"] = "Poste",
            ["Input.Lines[0].Amount"] = "100",
        };
        var before = await app.SnapshotAsync(id);

        var refused = await browser.SaveAsync(city.Slug, id, fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(expected, refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(id));
        Assert.Equal("Un titre qui ne doit pas être enregistré", refused.ValueOf("#Input_Title"));
    }

    [Fact]
    public async Task AnotherCitysNeighbourhood_IsRefused()
    {
        var city = await app.Given.City();
        var other = await app.Given.City(new CitySpec { Neighbourhoods = ["La Noue"] });
        var otherCitysNeighbourhood = await app.WithDbAsync(db => db.Neighbourhoods.Where(n => n.MunicipalityId == other.Id).Select(n => n.Id).FirstAsync());
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet de quartier");
        var before = await app.SnapshotAsync(id);

        var refused = await browser.SaveAsync(city.Slug, id, new Dictionary<string, string> { ["Input.NeighbourhoodId"] = otherCitysNeighbourhood.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Choisissez un quartier de la liste.", refused.TextOf("Input_NeighbourhoodId-error"));
        Assert.Equal(before, await app.SnapshotAsync(id));
        Assert.DoesNotContain("La Noue", refused.Document.QuerySelector("#Input_NeighbourhoodId")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInTheTitle_IsStoredAsText_AndShownEncoded()
    {
        const string hostile = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, hostile);

        Assert.Equal(hostile, (await app.ProjectAsync(id)).Title);
        foreach (var url in new[] { ProposeTestKit.EditUrl(city.Slug, id), ProposeTestKit.ImagesUrl(city.Slug, id), ProposeTestKit.SubmitUrl(city.Slug, id), ProposeTestKit.WithdrawUrl(city.Slug, id), "/compte/mes-projets" })
        {
            var page = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(hostile, page.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
            Assert.Empty(page.Document.QuerySelectorAll("main script, main img[onerror]"));
        }

        var edit = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.Equal(hostile, edit.ValueOf("#Input_Title"));
    }

    [Fact]
    public async Task Preview_RendersTheMarkdownSafely_WithoutSaving()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet à prévisualiser");
        var before = await app.SnapshotAsync(id);
        var form = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));

        var preview = await browser.PressAsync(form, "form#projet", "Prévisualiser la description", new Dictionary<string, string>
        {
            ["Input.Description"] = "Du **gras** et un [lien](javascript:alert(1)) <script>alert(2)</script> <a href=\"https://exemple.fr\" onclick=\"x()\">html</a>\n\n[vrai lien](https://exemple.fr)",
            ["Input.Title"] = new string('T', 500),
        });

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var rendered = preview.Document.QuerySelector("#apercu .markdown")!;
        Assert.Equal("gras", rendered.QuerySelector("strong")!.TextContent);
        Assert.Empty(rendered.QuerySelectorAll("script, [onclick]"));
        Assert.DoesNotContain(rendered.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? string.Empty).StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("nofollow noopener", rendered.QuerySelectorAll("a").Single(a => a.TextContent == "vrai lien").GetAttribute("rel"));
        Assert.Contains("Du **gras**", preview.ValueOf("#Input_Description"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, preview.ErrorSummary());
        Assert.Equal(before, await app.SnapshotAsync(id));
    }

    [Fact]
    public async Task AddLines_OffersMoreEmptyRows_KeepsWhatWasTyped_AndSavesNothing()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet au gros budget");
        var before = await app.SnapshotAsync(id);
        var form = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.Equal(3, form.Document.QuerySelectorAll(".propose-budget tbody tr").Length);

        var more = await browser.PressAsync(form, "form#projet", "Ajouter des lignes", new Dictionary<string, string>
        {
            ["Input.Lines[0].Label"] = "Bancs",
            ["Input.Lines[0].Amount"] = "1250.5",
            ["Input.Lines[1].Label"] = "Tables",
            ["Input.Lines[1].Amount"] = "1.000,25",
        });

        Assert.Equal(HttpStatusCode.OK, more.Status);
        Assert.Equal(5, more.Document.QuerySelectorAll(".propose-budget tbody tr").Length);
        Assert.Equal("Bancs", more.ValueOf("#Input_Lines_0__Label"));
        Assert.Equal("2 250,75 €", ProposeTestKit.PlainSpaces(more.TextOf("budget-total")));
        Assert.Equal(before, await app.SnapshotAsync(id));

        var saved = await browser.SubmitAsync(more, "form#projet");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal([125_050L, 100_025L], (await app.ProjectAsync(id)).BudgetLines.OrderBy(l => l.Position).Select(l => l.AmountCents));
    }

    [Fact]
    public async Task EmptyingALine_RemovesIt_AndChangingHolderToIndividual_ClearsTheOrganisation()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet qui change");
        Assert.True((await browser.SaveAsync(city.Slug, id, new Dictionary<string, string>
        {
            ["Input.HolderType"] = "Company",
            ["Input.OrganisationName"] = "Vélos & Co",
            ["Input.Siren"] = "219 300 480",
            ["Input.Lines[0].Label"] = "A",
            ["Input.Lines[0].Amount"] = "10",
            ["Input.Lines[1].Label"] = "B",
            ["Input.Lines[1].Amount"] = "20",
        })).IsRedirect);
        Assert.Equal(ProposeTestKit.ValidSiren, (await app.ProjectAsync(id)).Siren);

        var saved = await browser.SaveAsync(city.Slug, id, new Dictionary<string, string>
        {
            ["Input.HolderType"] = "Individual",
            ["Input.Lines[0].Label"] = string.Empty,
            ["Input.Lines[0].Amount"] = string.Empty,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var project = await app.ProjectAsync(id);
        Assert.Equal(HolderType.Individual, project.HolderType);
        Assert.Null(project.OrganisationName);
        Assert.Null(project.Siren);
        Assert.Equal([("B", 2_000L)], project.BudgetLines.Select(l => (l.Label, l.AmountCents)));
    }

    [Fact]
    public async Task TwoTabs_TheStaleOneIsToldToCheckAndRetry()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet à deux onglets");
        var first = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        var second = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.True((await browser.SubmitAsync(first, "form#projet", new Dictionary<string, string> { ["Input.Title"] = "Titre du premier onglet" })).IsRedirect);

        var stale = await browser.SubmitAsync(second, "form#projet", new Dictionary<string, string> { ["Input.Title"] = "Titre du second onglet" });

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Quelqu'un a modifié ces informations en même temps que vous.", stale.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal("Titre du premier onglet", (await app.ProjectAsync(id)).Title);
        Assert.Equal("Titre du second onglet", stale.ValueOf("#Input_Title"));

        // Having seen the message, the person saves again: this time it is their version.
        Assert.True((await browser.SubmitAsync(stale, "form#projet")).IsRedirect);
        Assert.Equal("Titre du second onglet", (await app.ProjectAsync(id)).Title);
    }

    [Fact]
    public async Task SomeoneElsesProject_IsForbidden_OnEveryHolderPage_AndNothingChanges()
    {
        var city = await app.Given.City();
        using var camille = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await camille.StartDraftAsync(city.Slug, "Le projet de Camille");
        Assert.True((await camille.SaveAsync(city.Slug, id, ProposeTestKit.Complete("Le projet de Camille"))).IsRedirect);
        Assert.True((await camille.UploadImageAsync(city.Slug, id, Given.TinyPng, "a.png", "image/png", "Une image")).IsRedirect);
        var imageId = (await app.ProjectAsync(id)).Images.Single().Id;
        var before = await app.SnapshotAsync(id);

        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var tokenSource = await hugo.GetAsync($"{city.Path}/projets/proposer");
        foreach (var url in new[] { ProposeTestKit.EditUrl(city.Slug, id), ProposeTestKit.ImagesUrl(city.Slug, id), ProposeTestKit.SubmitUrl(city.Slug, id), ProposeTestKit.WithdrawUrl(city.Slug, id) })
        {
            var page = await hugo.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Null(page.Document.QuerySelector("form#projet"));
            Assert.DoesNotContain("Le projet de Camille", page.Html, StringComparison.Ordinal);
        }

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            (ProposeTestKit.EditUrl(city.Slug, id), new() { ["Input.Title"] = "Volé", ["Input.Version"] = before.Split(" | ")[0] }),
            (ProposeTestKit.EditUrl(city.Slug, id) + "?handler=Preview", new() { ["Input.Description"] = "x" }),
            (ProposeTestKit.EditUrl(city.Slug, id) + "?handler=AddLines", new() { ["Input.Title"] = "x" }),
            (ProposeTestKit.ImagesUrl(city.Slug, id) + "?handler=Describe", new() { ["imageId"] = imageId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["altText"] = "Volé" }),
            (ProposeTestKit.ImagesUrl(city.Slug, id) + "?handler=Remove", new() { ["imageId"] = imageId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            (ProposeTestKit.SubmitUrl(city.Slug, id), new()),
            (ProposeTestKit.WithdrawUrl(city.Slug, id), new() { ["Input.Reason"] = "Volé" }),
        };
        foreach (var (url, fields) in posts)
        {
            var refused = await hugo.PostAsync(url, tokenSource, fields);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{url}: {(int)refused.Status}");
        }

        var upload = await hugo.UploadAsync(ProposeTestKit.ImagesUrl(city.Slug, id) + "?handler=Upload", tokenSource, "Upload.File", Given.TinyPng, "b.png", "image/png");
        Assert.Equal(HttpStatusCode.Forbidden, upload.Status);
        Assert.Equal(before, await app.SnapshotAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.Client.GetAsync(Web.Features.Projects.ProjectPaths.Image(city.Slug, id, imageId))).StatusCode);
    }

    [Fact]
    public async Task AProject_UnderAnotherCitysAddress_IsNotFound()
    {
        var (city, other) = await app.Given.TwoCities();
        using var camille = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await camille.StartDraftAsync(city.Slug, "Projet de la ville");
        var before = await app.SnapshotAsync(id);
        var tokenSource = await camille.GetAsync($"{other.Path}/projets/proposer");

        foreach (var url in new[] { ProposeTestKit.EditUrl(other.Slug, id), ProposeTestKit.ImagesUrl(other.Slug, id), ProposeTestKit.SubmitUrl(other.Slug, id), ProposeTestKit.WithdrawUrl(other.Slug, id) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await camille.GetAsync(url)).Status);
            var post = await camille.PostAsync(url, tokenSource, new Dictionary<string, string> { ["Input.Title"] = "Déplacé" });
            Assert.True(post.Status == HttpStatusCode.NotFound, $"{url}: {(int)post.Status}");
        }

        Assert.Equal(before, await app.SnapshotAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await camille.GetAsync(ProposeTestKit.EditUrl(city.Slug, 987_654_321))).Status);
    }

    [Fact]
    public async Task AHandlerThePageDoesNotHave_IsNeverAnError()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet aux adresses inventées");
        var tokenSource = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));

        // Razor Pages falls back to the page's plain handler; a page without one must not render half-loaded.
        var plainPost = await browser.PostAsync(ProposeTestKit.ImagesUrl(city.Slug, id), tokenSource, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, plainPost.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync("/compte/mes-projets", tokenSource, new Dictionary<string, string>())).Status);

        foreach (var url in new[] { ProposeTestKit.EditUrl(city.Slug, id), ProposeTestKit.ImagesUrl(city.Slug, id), ProposeTestKit.SubmitUrl(city.Slug, id), $"{city.Path}/projets/proposer", "/compte/mes-projets", ProposeTestKit.WithdrawUrl(city.Slug, id) })
        {
            var get = await browser.GetAsync(url + "?handler=Inconnu");
            Assert.True((int)get.Status < 500, $"GET {url}: {(int)get.Status}");
            var post = await browser.PostAsync(url + "?handler=Inconnu", tokenSource, new Dictionary<string, string>());
            Assert.True((int)post.Status < 500, $"POST {url}: {(int)post.Status}");
        }
    }

    [Fact]
    public async Task StartingADraft_WithABadTitle_IsRefused_AndCreatesNothing()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var before = await app.WithDbAsync(db => db.Projects.CountAsync());
        var page = await browser.GetAsync($"{city.Path}/projets/proposer");

        var tooLong = await browser.SubmitAsync(page, "form#proposer", new Dictionary<string, string> { ["Input.Title"] = new string('x', 10_000) });
        var empty = await browser.SubmitAsync(page, "form#proposer", new Dictionary<string, string> { ["Input.Title"] = string.Empty });
        var control = await browser.SubmitAsync(page, "form#proposer", new Dictionary<string, string> { ["Input.Title"] = "Titre\u0007" });

        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Equal("Le champ « Titre du projet » ne peut pas dépasser 120 caractères.", tooLong.TextOf("titre-erreur"));
        Assert.Equal("Le champ « Titre du projet » est obligatoire.", empty.TextOf("titre-erreur"));
        Assert.Equal("Le champ « Titre du projet » contient des caractères non autorisés.", control.TextOf("titre-erreur"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task EnglishInterface_TranslatesTheFormAndItsMessages()
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var id = await browser.StartDraftAsync(city.Slug, "Projet bilingue");
        var language = await browser.GetAsync("/");
        await browser.SubmitAsync(language, "form.language-switch", null, "culture", "en-GB");

        var refused = await browser.SaveAsync(city.Slug, id, new Dictionary<string, string>
        {
            ["Input.Lines[0].Label"] = "Poste",
            ["Input.Lines[0].Amount"] = "-3",
            ["Input.Category"] = nameof(ProjectCategory.Mobility),
        });

        Assert.Equal("The amount cannot be negative.", refused.TextOf("ligne-0-montant-erreur"));
        Assert.Contains("Save draft", refused.MainText, StringComparison.Ordinal);
        Assert.Contains("Mobility", refused.Document.QuerySelector("#Input_Category option[selected]")!.TextContent, StringComparison.Ordinal);
    }
}
