using System.Net;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Calls;

/// <summary>
/// The city's calls in the back office: an admin creates a draft, fills it in one form and
/// publishes it; an agent reads only; bad input gets a French message and saves nothing; a
/// published call is no longer edited; a call is cancelled with a reason and its applicants told.
/// </summary>
public sealed class CallsAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnAdmin_CreatesFillsAndPublishesACall()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var list = await admin.GetAsync(Calls(city));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        list.AssertAccessibleStructure();
        Assert.Equal(Calls(city), list.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));

        var created = await admin.SubmitAsync(list, "form#nouvel-appel", new Dictionary<string, string> { ["Input.Title"] = "Des jardins partagés" });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var id = await app.WithDbAsync(db => db.Calls.Where(c => c.MunicipalityId == city.Id && c.Title == "Des jardins partagés").Select(c => c.Id).SingleAsync());
        Assert.Equal($"{Calls(city)}/{id}", created.Location);

        var edit = await admin.GetAsync(created.Location!);
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        edit.AssertAccessibleStructure();
        Assert.Contains("Avant de publier l'appel, ajoutez", edit.MainText, StringComparison.Ordinal);

        // "Ajouter des lignes" keeps what was typed and saves nothing.
        var rows = edit.Document.QuerySelectorAll("form#appel fieldset.call-admin-row").Length;
        var more = await admin.PostAsync($"{Calls(city)}/{id}?handler=AddRows", edit, new Dictionary<string, string> { ["callVersion"] = "1", ["Input.Criteria[0].Name"] = "Impact" });
        Assert.Equal(HttpStatusCode.OK, more.Status);
        Assert.True(more.Document.QuerySelectorAll("form#appel fieldset.call-admin-row").Length > rows);
        Assert.Equal("Impact", more.Document.GetElementById("critere-0-nom")!.GetAttribute("value"));
        Assert.Empty((await LoadAsync(id)).Criteria);

        var saved = await SaveAsync(admin, city, id, Filled());
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.MainText);

        var call = await LoadAsync(id);
        Assert.Equal("Des jardins partagés en pied d'immeuble", call.Title);
        Assert.Equal(ProjectCategory.Solidarity, call.Category);
        Assert.Equal(1_500_050, call.BudgetEnvelopeCents);
        Assert.Equal(3, call.WinnersCount);
        Assert.False(call.AcceptsCompanies);
        Assert.True(call.AcceptsAssociations);
        Assert.Equal(new DateTime(2030, 3, 1, 8, 0, 0, DateTimeKind.Utc), call.OpensAtUtc);
        Assert.Equal(new DateTime(2030, 6, 30, 16, 0, 0, DateTimeKind.Utc), call.ClosesAtUtc);
        Assert.Single(call.Offer);
        Assert.Equal(150_000, call.Offer[0].EstimatedValueCents);
        Assert.Equal([QuestionKind.LongText, QuestionKind.File], call.Questions.OrderBy(q => q.Position).Select(q => q.Kind));
        Assert.Equal([60, 40], call.Criteria.OrderBy(c => c.Position).Select(c => c.WeightPercent));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.CallEdited && a.SubjectId == id)));

        var page = await admin.GetAsync($"{Calls(city)}/{id}");
        Assert.Contains("Total actuel : 100", page.MainText, StringComparison.Ordinal);
        var published = await admin.SubmitAsync(page, "form#publier");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        Assert.Equal(CallStatus.Open, (await LoadAsync(id)).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.CallPublished && a.SubjectId == id)));

        // Published: read-only, with the history; editing by a forged post is refused.
        var after = await admin.GetAsync($"{Calls(city)}/{id}");
        Assert.Null(after.Document.QuerySelector("form#appel"));
        Assert.Contains("Publication", after.MainText, StringComparison.Ordinal);
        Assert.NotNull(after.Document.QuerySelector("a#annuler"));
        var forged = await admin.PostAsync($"{Calls(city)}/{id}?handler=Save", after, Filled().With(("callVersion", (await LoadAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Title", "Titre changé")));
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("Un appel publié ne se modifie plus", forged.MainText, StringComparison.Ordinal);
        Assert.Equal("Des jardins partagés en pied d'immeuble", (await LoadAsync(id)).Title);
    }

    [Fact]
    public async Task ANewCallWithoutTitle_IsRefusedInFrench_AndNothingIsCreated()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var before = await app.WithDbAsync(db => db.Calls.CountAsync(c => c.MunicipalityId == city.Id));
        var list = await admin.GetAsync(Calls(city));

        var refused = await admin.SubmitAsync(list, "form#nouvel-appel", new Dictionary<string, string> { ["Input.Title"] = "   " });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Titre de l'appel", refused.Document.QuerySelector(".validation-summary-errors, [role=alert]")?.TextContent ?? refused.MainText, StringComparison.Ordinal);
        refused.AssertAccessibleStructure();
        Assert.Equal(before, await app.WithDbAsync(db => db.Calls.CountAsync(c => c.MunicipalityId == city.Id)));
    }

    [Fact]
    public async Task AnAgent_ReadsButCannotCreateEditOrPublish()
    {
        var city = await app.Given.City();
        var id = await CreateDraftAsync(city, "Un appel que l'agent regarde");
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var list = await agent.GetAsync(Calls(city));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Null(list.Document.QuerySelector("form#nouvel-appel"));
        Assert.Contains("Un appel que l'agent regarde", list.MainText, StringComparison.Ordinal);
        var page = await agent.GetAsync($"{Calls(city)}/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("main form"));

        var version = (await LoadAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{Calls(city)}?handler=Create", list, new Dictionary<string, string> { ["Input.Title"] = "Appel d'agent" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{Calls(city)}/{id}?handler=Save", page, Filled().With(("callVersion", version)))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{Calls(city)}/{id}?handler=Publish", page, new Dictionary<string, string> { ["callVersion"] = version })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{Calls(city)}/{id}/annulation", page, new Dictionary<string, string> { ["callVersion"] = version, ["reason"] = "Non" })).Status);
        Assert.False(await app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Title == "Appel d'agent")));
        Assert.Equal(CallStatus.Draft, (await LoadAsync(id)).Status);
    }

    [Theory]
    [InlineData("Input.Criteria[1].Weight", "30", "Les poids des critères doivent totaliser 100 (ils totalisent 90).")]
    [InlineData("Input.ClosesAt", "2030-02-01T10:00", "La clôture doit venir après l'ouverture.")]
    [InlineData("Input.Envelope", "-500", "L'enveloppe budgétaire ne peut pas être négative.")]
    [InlineData("Input.Category", "Licorne", "Cette catégorie n'existe pas.")]
    [InlineData("Input.Questions[0].Kind", "Dessin", "Ce type de question n'existe pas.")]
    [InlineData("Input.OpensAt", "demain matin", "Saisissez une date et une heure au format jj/mm/aaaa hh:mm.")]
    [InlineData("Input.OpensAt", "2030-03-31T02:30", "Cette heure n'existe pas à Paris ce jour-là")]
    [InlineData("Input.WinnersCount", "0", "Le nombre de lauréats doit être compris entre 1 et 20.")]
    public async Task BadInput_GetsAFrenchMessage_AndSavesNothing(string field, string value, string message)
    {
        var city = await app.Given.City();
        var id = await CreateDraftAsync(city, "Un appel mal saisi " + field + value);
        var before = await LoadAsync(id);
        using var admin = await app.SignedInAsync(city.Admin.Email);

        var refused = await SaveAsync(admin, city, id, Filled().With((field, value)));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.MainText, StringComparison.Ordinal);
        refused.AssertAccessibleStructure();
        var after = await LoadAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Title, after.Title);
        Assert.Empty(after.Criteria);
    }

    [Fact]
    public async Task AnAdmin_CancelsWithAReason_AndTheApplicantsAreTold()
    {
        var city = await app.Given.City();
        var id = await CreateDraftAsync(city, "Un appel bientôt annulé", publish: true);
        var camille = (await app.Given.Citizen()).Id;
        await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.Include(c => c.Questions).Include(c => c.Criteria).Include(c => c.Offer).SingleAsync(c => c.Id == id);
            var now = DateTime.UtcNow;
            var application = CallApplication.Start(call, camille, HolderType.Individual, null, null, null, "Mon jardin", now);
            db.CallApplications.Add(application);
            await db.SaveChangesAsync();
            application.Submit(call, camille, now);
            await db.SaveChangesAsync();
            return 0;
        });

        using var admin = await app.SignedInAsync(city.Admin.Email);
        var edit = await admin.GetAsync($"{Calls(city)}/{id}");
        var link = edit.Document.QuerySelector("a#annuler")?.GetAttribute("href");
        Assert.Equal($"{Calls(city)}/{id}/annulation", link);

        // The confirmation page says what cancelling does, and to how many applicants, before anything changes.
        var page = await admin.GetAsync(link!);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains("1 candidat(s) ayant déposé leur candidature seront prévenus", page.MainText, StringComparison.Ordinal);
        Assert.Equal(CallStatus.Open, (await LoadAsync(id)).Status);

        var empty = await admin.SubmitAsync(page, "form#annuler-appel", new Dictionary<string, string> { ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("true", empty.Document.GetElementById("motif-annulation")?.GetAttribute("aria-invalid"));
        Assert.Contains("Motif de l'annulation", empty.Document.GetElementById("motif-annulation-erreur")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(CallStatus.Open, (await LoadAsync(id)).Status);

        var cancelled = await admin.SubmitAsync(page, "form#annuler-appel", new Dictionary<string, string> { ["reason"] = "Le budget est réaffecté." });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        var call = await LoadAsync(id);
        Assert.Equal(CallStatus.Cancelled, call.Status);
        Assert.Equal("Le budget est réaffecté.", call.CancelReason);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == camille && n.Kind == NotificationKind.CallCancelled && n.Link == "/compte/mes-candidatures")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.CallCancelled && a.SubjectId == id)));
        var shown = await admin.GetAsync($"{Calls(city)}/{id}");
        Assert.Contains("L'appel « Un appel bientôt annulé » est annulé ; 1 candidat(s) prévenu(s).", shown.MainText, StringComparison.Ordinal);
        Assert.Contains("Le budget est réaffecté.", shown.MainText, StringComparison.Ordinal);
        Assert.Null(shown.Document.QuerySelector("a#annuler"));

        // A second cancellation (a replayed form) is refused in the domain's words; nothing changes.
        var again = await admin.SubmitAsync(page, "form#annuler-appel", new Dictionary<string, string> { ["reason"] = "Encore" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("Le budget est réaffecté.", (await LoadAsync(id)).CancelReason);
    }

    [Fact]
    public async Task AnAgent_CannotOpenTheCancellationPage()
    {
        var city = await app.Given.City();
        var id = await CreateDraftAsync(city, "Un appel que l'agent ne peut annuler");
        using var agent = await app.SignedInAsync(city.Agent.Email);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"{Calls(city)}/{id}/annulation")).Status);
        Assert.Null((await agent.GetAsync($"{Calls(city)}/{id}")).Document.QuerySelector("a#annuler"));
    }

    [Fact]
    public async Task AnotherCitysCall_IsNotFound()
    {
        var city = await app.Given.City();
        var id = await CreateDraftAsync(city, "Un appel de Montreuil");
        var other = await app.Given.City();
        using var bagnolet = await app.SignedInAsync(other.Admin.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await bagnolet.GetAsync($"{Calls(other)}/{id}")).Status);
        var list = await bagnolet.GetAsync(Calls(other));
        Assert.Equal(HttpStatusCode.NotFound, (await bagnolet.PostAsync($"{Calls(other)}/{id}/annulation", list, new Dictionary<string, string> { ["callVersion"] = "1", ["reason"] = "Pirate" })).Status);
        Assert.Equal(CallStatus.Draft, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task TheList_SendsAFixedNumberOfSqlCommands()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        await CreateDraftAsync(city, "Un premier appel compté");
        var few = await CountAsync(admin, city);
        for (var i = 0; i < 5; i++)
        {
            await CreateDraftAsync(city, $"Un appel compté {i}", publish: i % 2 == 0);
        }

        var many = await CountAsync(admin, city);
        Assert.Equal(few, many);
    }

    /// <summary>Posts the draft form with exactly these fields (unchecked boxes are simply absent), at the stored version.</summary>
    private static async Task<TestBrowser.Page> SaveAsync(TestBrowser browser, TestCity city, long id, Dictionary<string, string> fields)
    {
        var page = await browser.GetAsync($"{Calls(city)}/{id}");
        var version = page.Document.QuerySelector("form#appel input[name=callVersion]")!.GetAttribute("value")!;
        return await browser.PostAsync($"{Calls(city)}/{id}?handler=Save", page, fields.With(("callVersion", version)));
    }

    private static string Calls(TestCity city) => $"{city.AdminPath}/appels";

    private async Task<int> CountAsync(TestBrowser browser, TestCity city)
    {
        await browser.GetAsync(Calls(city));
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(Calls(city));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    private static Dictionary<string, string> Filled() => new()
    {
        ["Input.Title"] = "Des jardins partagés en pied d'immeuble",
        ["Input.Description"] = "La ville cherche des **jardins** partagés.",
        ["Input.Category"] = nameof(ProjectCategory.Solidarity),
        ["Input.NeighbourhoodId"] = string.Empty,
        ["Input.Envelope"] = "15 000,50",
        ["Input.WinnersCount"] = "3",
        ["Input.Individuals"] = "true",
        ["Input.Associations"] = "true",
        ["Input.OpensAt"] = "2030-03-01T09:00",
        ["Input.ClosesAt"] = "2030-06-30T18:00",
        ["Input.Offer[0].Kind"] = nameof(CommitmentKind.Premises),
        ["Input.Offer[0].Description"] = "Une parcelle et un local à outils",
        ["Input.Offer[0].EstimatedValue"] = "1 500",
        ["Input.Questions[0].Label"] = "Décrivez votre projet",
        ["Input.Questions[0].Kind"] = nameof(QuestionKind.LongText),
        ["Input.Questions[0].Required"] = "true",
        ["Input.Questions[1].Label"] = "Votre plan (PDF)",
        ["Input.Questions[1].Kind"] = nameof(QuestionKind.File),
        ["Input.Criteria[0].Name"] = "Impact",
        ["Input.Criteria[0].Weight"] = "60",
        ["Input.Criteria[1].Name"] = "Faisabilité",
        ["Input.Criteria[1].Weight"] = "40",
    };

    private Task<Call> LoadAsync(long id) =>
        app.WithDbAsync(db => db.Calls.AsNoTracking().Include(c => c.Offer).Include(c => c.Questions).Include(c => c.Criteria).SingleAsync(c => c.Id == id));

    private async Task<long> CreateDraftAsync(TestCity city, string title, bool publish = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
        var admin = city.Admin.Id;
        var call = Call.StartDraft(municipality, admin, title, now);
        if (publish)
        {
            call.Describe(municipality, admin, title, "Un appel pour les tests.", ProjectCategory.Solidarity, null, 1_000_000, 1, now);
            call.ReplaceOffer(municipality, admin, [new CommitmentTerms(CommitmentKind.Premises, "Un local", 100_000)]);
            call.ReplaceCriteria(municipality, admin, [new CriterionTerms("Impact", 100)]);
            call.Schedule(municipality, admin, now, now.AddDays(20));
            call.Publish(municipality, admin, now);
        }

        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }
}
