using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Calls;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Labelkoz.Web.Tests.Calls;

/// <summary>
/// The public side of calls for projects: the lists and the call's page (never a draft), the
/// applicant's single application (start, answers, files, submission, withdrawal, the closing
/// time), "Mes candidatures", and the open-data API without any applicant's personal data.
/// </summary>
public sealed class CallsPublicTests(CallClosingTests.ClockedApp app, ITestOutputHelper output) : IClassFixture<CallClosingTests.ClockedApp>
{
    private static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task TheListsAndThePage_ShowAPublishedCall_NeverADraft()
    {
        var (city, other) = await app.Given.TwoCities();
        var open = await CreateCallAsync(city, "Un jardin partagé (public)", TimeSpan.FromDays(3));
        var draft = await CreateCallAsync(city, "Un projet secret (brouillon)", TimeSpan.FromDays(3), publish: false);
        using var browser = app.NewBrowser();

        var list = await browser.GetAsync($"{city.Path}/appels");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("Un jardin partagé (public)", list.MainText, StringComparison.Ordinal);
        Assert.Contains("clôture dans 3 jours", list.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Un projet secret", list.MainText, StringComparison.Ordinal);

        var all = await browser.GetAsync("/appels");
        Assert.Contains("Un jardin partagé (public)", all.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Un projet secret", all.MainText, StringComparison.Ordinal);

        var page = await browser.GetAsync($"{city.Path}/appels/{open}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Un appel pour les tests.", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Impact", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Un local", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Votre budget", page.MainText, StringComparison.Ordinal);
        var apply = page.Document.QuerySelector<IHtmlAnchorElement>("a#deposer")!;
        Assert.StartsWith("/compte/connexion?returnUrl=", apply.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("h1"));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{city.Path}/appels/{draft}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{other.Path}/appels/{open}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{city.Path}/appels/987654321")).Status);
    }

    [Fact]
    public async Task ApplyingWhileOpen_WorksEndToEnd_AndShowsInMyApplications()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var hugoUser = await app.Given.Citizen("Hugo");
        var id = await CreateCallAsync(city, "Une ressourcerie (candidature)", TimeSpan.FromDays(5));
        var questions = await QuestionIdsAsync(id);
        using var browser = await app.SignedInAsync(camilleUser.Email);

        var form = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var saved = await PostMultipartAsync(browser, form, Fields(questions, "Une ressourcerie de quartier"), (questions[2], "budget.pdf", SmallPdf));
        Assert.True(saved.IsRedirect, saved.MainText);

        var again = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.Contains("Fichier enregistré : budget.pdf", again.MainText, StringComparison.Ordinal);
        Assert.Equal("Une ressourcerie de quartier", again.Document.QuerySelector<IHtmlInputElement>("#Input_ProjectTitle")!.Value);
        var submitted = await browser.FollowAsync(await browser.SubmitAsync(again, "form#depot"));
        Assert.Contains("Votre candidature est déposée.", submitted.MainText, StringComparison.Ordinal);

        var application = await app.WithDbAsync(db => db.CallApplications.AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.CallId == id));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        var file = Assert.Single(application.Answers, a => a.QuestionId == questions[2]);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.NotNull(file.FileKey);
        Assert.Equal(true, application.Answers.Single(a => a.QuestionId == questions[1]).YesNo);

        var mine = await browser.GetAsync("/compte/mes-candidatures");
        Assert.Contains("Une ressourcerie (candidature)", mine.MainText, StringComparison.Ordinal);
        Assert.Contains("Déposée", mine.MainText, StringComparison.Ordinal);

        // The applicant gets their own file back; nobody else does through this page.
        var link = submitted.Document.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => a.TextContent.Contains("budget.pdf", StringComparison.Ordinal));
        var download = await browser.Client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SmallPdf, await download.Content.ReadAsByteArrayAsync());
        using var hugo = await app.SignedInAsync(hugoUser.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.Client.GetAsync(link.GetAttribute("href"))).StatusCode);

        // Submitting is a step the city's log keeps, with who did it.
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == Labelkoz.Domain.Audit.AuditAction.ApplicationSubmitted && e.SubjectId == application.Id)
            .Select(e => e.ActorName).ToListAsync());
        Assert.Contains(camilleUser.Email, Assert.Single(audit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmittingWithoutTheRequiredAnswers_NamesThem()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var id = await CreateCallAsync(city, "Un atelier vélo (manquants)", TimeSpan.FromDays(5));
        var questions = await QuestionIdsAsync(id);
        using var browser = await app.SignedInAsync(camilleUser.Email);
        var form = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        var fields = Fields(questions, "Un atelier vélo");
        fields[$"q{questions[0]}"] = string.Empty;
        Assert.True((await PostMultipartAsync(browser, form, fields)).IsRedirect);

        var page = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        var refused = await browser.SubmitAsync(page, "form#depot");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Avant de déposer, répondez à : Votre expérience ; Votre budget.", refused.MainText, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await app.WithDbAsync(db => db.CallApplications.Where(a => a.CallId == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task ApplyingTwice_KeepsOneApplication()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var id = await CreateCallAsync(city, "Une cantine solidaire (deux fois)", TimeSpan.FromDays(5));
        var questions = await QuestionIdsAsync(id);
        using var browser = await app.SignedInAsync(camilleUser.Email);
        var first = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        var second = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");

        Assert.True((await PostMultipartAsync(browser, first, Fields(questions, "Première version"))).IsRedirect);

        // The second tab still holds the "no application yet" form: it must not start a second one.
        var stale = await PostMultipartAsync(browser, second, Fields(questions, "Seconde version"));
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Quelqu'un a modifié ces informations en même temps que vous.", stale.MainText, StringComparison.Ordinal);

        var reopened = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.Equal("Première version", reopened.Document.QuerySelector<IHtmlInputElement>("#Input_ProjectTitle")!.Value);
        Assert.True((await PostMultipartAsync(browser, reopened, Fields(questions, "Troisième version"))).IsRedirect);

        var titles = await app.WithDbAsync(db => db.CallApplications.Where(a => a.CallId == id).Select(a => a.ProjectTitle).ToListAsync());
        Assert.Equal(["Troisième version"], titles);
    }

    [Fact]
    public async Task AfterTheClosingTime_ApplyingAndEditingAreRefused_WithTheDomainsMessage()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var hugoUser = await app.Given.Citizen("Hugo");
        var id = await CreateCallAsync(city, "Une friche culturelle (clôture)", TimeSpan.FromHours(1));
        var questions = await QuestionIdsAsync(id);
        using var camille = await app.SignedInAsync(camilleUser.Email);
        using var hugo = await app.SignedInAsync(hugoUser.Email);
        var hugoForm = await hugo.GetAsync($"{city.Path}/appels/{id}/candidature");
        var camilleForm = await camille.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.True((await PostMultipartAsync(camille, camilleForm, Fields(questions, "Avant la clôture"))).IsRedirect);
        var camilleAgain = await camille.GetAsync($"{city.Path}/appels/{id}/candidature");

        app.Clock.Advance(TimeSpan.FromHours(2));

        var late = await PostMultipartAsync(hugo, hugoForm, Fields(questions, "Trop tard"));
        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("L'appel n'accepte plus de candidatures : il a été clos le", late.MainText, StringComparison.Ordinal);
        var lateEdit = await PostMultipartAsync(camille, camilleAgain, Fields(questions, "Après la clôture"));
        Assert.Contains("L'appel n'accepte plus de candidatures", lateEdit.MainText, StringComparison.Ordinal);
        var lateSubmit = await camille.SubmitAsync(camilleAgain, "form#depot");
        Assert.Contains("L'appel n'accepte plus de candidatures", lateSubmit.MainText, StringComparison.Ordinal);

        var readOnly = await camille.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.NotNull(readOnly.Document.QuerySelector("#lecture-seule"));
        Assert.Null(readOnly.Document.QuerySelector("form#candidature"));
        Assert.Contains("Avant la clôture", readOnly.MainText, StringComparison.Ordinal);

        var rows = await app.WithDbAsync(db => db.CallApplications.Where(a => a.CallId == id).Select(a => new { a.ProjectTitle, a.Status }).ToListAsync());
        var only = Assert.Single(rows);
        Assert.Equal("Avant la clôture", only.ProjectTitle);
        Assert.Equal(ApplicationStatus.Draft, only.Status);
    }

    [Fact]
    public async Task AnIneligibleHolderType_IsRefused()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var id = await CreateCallAsync(city, "Un festival associatif (associations)", TimeSpan.FromDays(5), associationsOnly: true);
        var questions = await QuestionIdsAsync(id);
        using var browser = await app.SignedInAsync(camilleUser.Email);
        var form = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.Single(form.Document.QuerySelectorAll("input[name='Input.HolderType']"));

        var fields = Fields(questions, "En mon nom");
        fields["Input.HolderType"] = nameof(HolderType.Individual);
        var refused = await PostMultipartAsync(browser, form, fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Cet appel n'est pas ouvert à ce type de candidat.", refused.MainText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CallApplications.AnyAsync(a => a.CallId == id)));
    }

    [Fact]
    public async Task AFileTooBigOrOfAForbiddenType_IsRefusedWithAClearMessage_AndNothingIsSaved()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var id = await CreateCallAsync(city, "Une recyclerie (fichiers)", TimeSpan.FromDays(5));
        var questions = await QuestionIdsAsync(id);
        using var browser = await app.SignedInAsync(camilleUser.Email);
        var form = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");

        var big = new byte[(10 * 1024 * 1024) + 1];
        SmallPdf.CopyTo(big, 0);
        var tooBig = await PostMultipartAsync(browser, form, Fields(questions, "Trop lourd"), (questions[2], "gros.pdf", big));
        Assert.Equal(HttpStatusCode.OK, tooBig.Status);
        Assert.Contains("un fichier ne peut pas dépasser 10 Mo", tooBig.MainText, StringComparison.Ordinal);
        Assert.Equal("true", tooBig.Document.QuerySelector($"#q{questions[2]}")!.GetAttribute("aria-invalid"));

        var forbidden = await PostMultipartAsync(browser, form, Fields(questions, "Mauvais format"), (questions[2], "page.html", "<html><script>alert(1)</script></html>"u8.ToArray()));
        Assert.Contains("n'est ni un PDF ni une image PNG, JPEG ou WebP", forbidden.MainText, StringComparison.Ordinal);
        Assert.Equal("Mauvais format", forbidden.Document.QuerySelector<IHtmlInputElement>("#Input_ProjectTitle")!.Value);

        Assert.False(await app.WithDbAsync(db => db.CallApplications.AnyAsync(a => a.CallId == id)));
    }

    [Fact]
    public async Task AnImageJoinedToAnApplication_IsStoredWithoutItsExifGpsPosition()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var id = await CreateCallAsync(city, "Une recyclerie (photo du local)", TimeSpan.FromDays(5));
        var questions = await QuestionIdsAsync(id);
        using var browser = await app.SignedInAsync(camilleUser.Email);
        var form = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        var photo = TestImages.Jpeg(60, 40, TestImages.ExifSegment());

        var saved = await PostMultipartAsync(browser, form, Fields(questions, "Photo du local"), (questions[2], "local.jpg", photo));

        Assert.True(saved.IsRedirect, saved.MainText);
        var file = await app.WithDbAsync(db => db.ApplicationAnswers.AsNoTracking().SingleAsync(a => a.QuestionId == questions[2] && a.FileKey != null));
        Assert.Equal("image/jpeg", file.ContentType);
        var stored = await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "files", file.FileKey!));
        Assert.False(TestImages.CarriesMetadata(stored));
        Assert.Equal(-1, stored.AsSpan().IndexOf("GPS"u8));
    }

    [Fact]
    public async Task AnotherPersonsApplication_IsNotReachable()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var hugoUser = await app.Given.Citizen("Hugo");
        var id = await CreateCallAsync(city, "Un repair café (deux personnes)", TimeSpan.FromDays(5));
        var questions = await QuestionIdsAsync(id);
        using var camille = await app.SignedInAsync(camilleUser.Email);
        var form = await camille.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.True((await PostMultipartAsync(camille, form, Fields(questions, "Le projet confidentiel de Camille"))).IsRedirect);

        using var hugo = await app.SignedInAsync(hugoUser.Email);
        var hugoPage = await hugo.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.DoesNotContain("Camille", hugoPage.Html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, hugoPage.Document.QuerySelector<IHtmlInputElement>("#Input_ProjectTitle")!.Value);
        var withdraw = await hugo.PostAsync($"{city.Path}/appels/{id}/candidature?handler=Withdraw", hugoPage, new Dictionary<string, string> { ["applicationVersion"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, withdraw.Status);
        Assert.DoesNotContain("Camille", (await hugo.GetAsync("/compte/mes-candidatures")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Camille", (await hugo.GetAsync($"{city.Path}/appels/{id}")).Html, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await app.WithDbAsync(db => db.CallApplications.Where(a => a.CallId == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task TheApi_ListsPublishedCallsOnly_AndExposesNoPersonalData()
    {
        var (city, other) = await app.Given.TwoCities();
        var camilleUser = await app.Given.Citizen("Camille");
        var open = await CreateCallAsync(city, "Une serre urbaine (API)", TimeSpan.FromDays(5));
        var draft = await CreateCallAsync(city, "Un brouillon (API)", TimeSpan.FromDays(5), publish: false);
        var questions = await QuestionIdsAsync(open);
        using var camille = await app.SignedInAsync(camilleUser.Email);
        var form = await camille.GetAsync($"{city.Path}/appels/{open}/candidature");
        Assert.True((await PostMultipartAsync(camille, form, Fields(questions, "Une candidature privée"))).IsRedirect);
        using var client = app.CreateClient();

        var list = await client.GetStringAsync($"/api/v1/municipalities/{city.Slug}/calls");
        Assert.Contains("Une serre urbaine (API)", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Un brouillon (API)", list, StringComparison.Ordinal);

        var one = await client.GetStringAsync($"/api/v1/calls/{open}");
        Assert.Contains("\"weightPercent\":100", one, StringComparison.Ordinal);
        Assert.DoesNotContain("Une candidature privée", one, StringComparison.Ordinal);
        Assert.DoesNotContain("camille", one, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", one, StringComparison.Ordinal);

        foreach (var url in new[] { $"/api/v1/calls/{draft}", "/api/v1/calls/987654321", "/api/v1/municipalities/nulle-part/calls" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var otherCalls = await client.GetStringAsync($"/api/v1/municipalities/{other.Slug}/calls");
        Assert.DoesNotContain("Une serre urbaine (API)", otherCalls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawingAnApplication_MakesItReadOnly()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var id = await CreateCallAsync(city, "Une bricothèque (retrait)", TimeSpan.FromDays(5));
        var questions = await QuestionIdsAsync(id);
        using var browser = await app.SignedInAsync(camilleUser.Email);
        var form = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        Assert.True((await PostMultipartAsync(browser, form, Fields(questions, "À retirer"))).IsRedirect);

        var page = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
        var withdrawn = await browser.FollowAsync(await browser.SubmitAsync(page, "form#retrait"));
        Assert.Contains("Votre candidature est retirée.", withdrawn.MainText, StringComparison.Ordinal);
        Assert.Contains("Cette candidature a été retirée.", withdrawn.MainText, StringComparison.Ordinal);
        Assert.Null(withdrawn.Document.QuerySelector("form#candidature"));

        // A form still open in another tab cannot bring it back.
        var stale = await PostMultipartAsync(browser, page, Fields(questions, "Revenue"));
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Equal(ApplicationStatus.Withdrawn, await app.WithDbAsync(db => db.CallApplications.Where(a => a.CallId == id).Select(a => a.Status).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == Labelkoz.Domain.Audit.AuditAction.ApplicationWithdrawn && e.SubjectLabel == "À retirer")));
    }

    [Fact]
    public async Task ADecidedCall_LinksTheWinnersProjects_WithoutAnyApplicantsData()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        var id = await CreateCallAsync(city, "Un tiers-lieu (attribué)", TimeSpan.FromHours(1));
        var projectId = await DecideWithCamilleAsWinnerAsync(city, camilleUser, id, "Le tiers-lieu lauréat");
        using var anonymous = app.NewBrowser();

        var page = await anonymous.GetAsync($"{city.Path}/appels/{id}");
        Assert.Contains("Les lauréats", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"a[href^='{city.Path}/projets/{projectId}']"));
        Assert.DoesNotContain("camille", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.Document.QuerySelector("a#deposer"));

        using var client = app.CreateClient();
        var json = await client.GetStringAsync($"/api/v1/calls/{id}");
        Assert.Contains($"\"projectId\":{projectId}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("camille", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Un résumé privé", json, StringComparison.Ordinal);

        using var camille = await app.SignedInAsync(camilleUser.Email);
        var mine = await camille.GetAsync("/compte/mes-candidatures");
        Assert.Contains("Lauréate", mine.MainText, StringComparison.Ordinal);
        Assert.NotNull(mine.Document.QuerySelector($"a[href^='{city.Path}/projets/{projectId}']"));

        // The winner's project page links back to the call it won.
        var project = await anonymous.GetAsync(page.Document.QuerySelector($"a[href^='{city.Path}/projets/{projectId}']")!.GetAttribute("href")!);
        Assert.NotNull(project.Document.QuerySelector($".project-call a[href='{city.Path}/appels/{id}']"));
    }

    [Fact]
    public async Task TheListPages_SendAFixedNumberOfSqlCommands()
    {
        var city = await app.Given.City();
        var camilleUser = await app.Given.Citizen("Camille");
        await CreateCallAsync(city, "Un compost collectif (comptage)", TimeSpan.FromDays(4));
        using var browser = await app.SignedInAsync(camilleUser.Email);
        string[] urls = [$"{city.Path}/appels", "/appels", "/compte/mes-candidatures"];
        var before = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            before[url] = await CountAsync(browser, url);
        }

        for (var i = 0; i < 3; i++)
        {
            var id = await CreateCallAsync(city, $"Un appel de plus {i} (comptage)", TimeSpan.FromDays(6 + i));
            var form = await browser.GetAsync($"{city.Path}/appels/{id}/candidature");
            Assert.True((await PostMultipartAsync(browser, form, Fields(await QuestionIdsAsync(id), $"Candidature {i}"))).IsRedirect);
        }

        foreach (var url in urls)
        {
            var after = await CountAsync(browser, url);
            Assert.True(after == before[url], $"{url}: {before[url]} SQL commands before, {after} after adding calls.");
        }
    }

    /// <summary>Camille applies and submits, the call closes, and the admin selects her: returns her new project's id.</summary>
    private async Task<long> DecideWithCamilleAsWinnerAsync(TestCity city, TestUser camilleUser, long callId, string projectTitle)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = city.Admin.Id;
        var camille = camilleUser.Id;
        var call = await db.Calls.Include(c => c.Questions).Include(c => c.Criteria).Include(c => c.Offer).SingleAsync(c => c.Id == callId);
        var questions = call.Questions.OrderBy(q => q.Position).ToList();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var application = CallApplication.Start(call, camille, HolderType.Individual, null, null, null, projectTitle, now);
        application.Edit(call, camille, HolderType.Individual, null, null, null, projectTitle, "Un résumé privé.",
        [
            new AnswerTerms(questions[0].Id, Text: "Une réponse."),
            new AnswerTerms(questions[2].Id, FileKey: "calls/test.pdf", FileName: "budget.pdf", ContentType: "application/pdf"),
        ], now);
        application.Submit(call, camille, now);
        db.CallApplications.Add(application);
        await db.SaveChangesAsync();

        // The platform's closing job (it may also run in the background meanwhile: it closes once).
        app.Clock.Advance(TimeSpan.FromHours(2));
        await using (var closing = app.Services.CreateAsyncScope())
        {
            await closing.ServiceProvider.GetRequiredService<CallClosing>().CloseDueCallsAsync(CancellationToken.None);
        }

        await using var decision = app.Services.CreateAsyncScope();
        var decisionDb = decision.ServiceProvider.GetRequiredService<AppDbContext>();
        var municipality = await decisionDb.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
        call = await decisionDb.Calls.Include(c => c.Questions).Include(c => c.Criteria).Include(c => c.Offer).SingleAsync(c => c.Id == callId);
        var applications = await decisionDb.CallApplications.Where(a => a.CallId == callId).ToListAsync();
        var projects = call.SelectWinners(municipality, admin, applications, [application.Id], app.Clock.GetUtcNow().UtcDateTime);
        decisionDb.Projects.AddRange(projects);
        await decisionDb.SaveChangesAsync();
        return Assert.Single(projects).Id;
    }

    private static Dictionary<string, string> Fields(List<long> questions, string title) => new()
    {
        ["Input.HolderType"] = nameof(HolderType.Individual),
        ["Input.ProjectTitle"] = title,
        ["Input.Summary"] = "Un résumé du projet.",
        [$"q{questions[0]}"] = "Dix ans d'associations de quartier.",
        [$"q{questions[1]}"] = "oui",
    };

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var count = app.SqlCommands.Count;
        output.WriteLine($"SQL commands for {url}: {count}");
        return count;
    }

    /// <summary>Posts the application form as a browser would: multipart, with its hidden fields and the files.</summary>
    private static async Task<TestBrowser.Page> PostMultipartAsync(TestBrowser browser, TestBrowser.Page page, IReadOnlyDictionary<string, string> fields, params (long QuestionId, string Name, byte[] Bytes)[] uploads)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>("form#candidature")
            ?? throw new InvalidOperationException($"No application form on {page.Url}: {page.MainText}");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            values[input.Name!] = input.Value;
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (questionId, name, bytes) in uploads)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, $"q{questionId}", name);
        }

        var response = await browser.Client.PostAsync(form.GetAttribute("action") ?? page.Url, content);
        return await TestBrowser.Page.ReadAsync(response);
    }

    private Task<List<long>> QuestionIdsAsync(long callId) =>
        app.WithDbAsync(db => db.CallQuestions.Where(q => q.CallId == callId).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());

    /// <summary>A call of <paramref name="town"/> with three questions: a required text, a yes/no, a required file.</summary>
    private async Task<long> CreateCallAsync(TestCity town, string title, TimeSpan closesIn, bool publish = true, bool associationsOnly = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == town.Id);
        var admin = town.Admin.Id;
        var call = Call.StartDraft(city, admin, title, now);
        call.Describe(city, admin, title, "Un appel pour les tests.", ProjectCategory.Solidarity, null, 1_000_000, 1, now);
        call.ReplaceOffer(city, admin, [new CommitmentTerms(CommitmentKind.Premises, "Un local", 100_000)]);
        call.ReplaceCriteria(city, admin, [new CriterionTerms("Impact", 100)]);
        call.ReplaceQuestions(city, admin,
        [
            new QuestionTerms("Votre expérience", QuestionKind.LongText, true),
            new QuestionTerms("Avez-vous un local ?", QuestionKind.YesNo, false),
            new QuestionTerms("Votre budget", QuestionKind.File, true, "Un PDF."),
        ]);
        if (associationsOnly)
        {
            call.SetEligibility(city, admin, individuals: false, associations: true, companies: false);
        }

        call.Schedule(city, admin, now, now + closesIn);
        if (publish)
        {
            call.Publish(city, admin, now);
        }

        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }
}
