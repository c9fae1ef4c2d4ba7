using System.Globalization;
using System.Net;
using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Calls;

/// <summary>
/// A call's offer uses the same commitment rows as a label: co-financing (grant or matchfunding)
/// and a referent agent for an expertise. Saved through the back office, shown on the public page
/// without naming the referent, refused with a French message next to the field when it is wrong,
/// and carried to the winner's label.
/// </summary>
public sealed class CallOfferTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnOfferWithMatchfundingAndAReferent_IsSaved_AndShownPubliclyWithoutTheReferentsName()
    {
        var city = await app.Given.City();
        var id = await CreateDraftAsync(city, "Un appel qui double les dons");
        var agent = city.Agent.Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);

        var edit = await admin.GetAsync($"{Calls(city)}/{id}");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        edit.AssertAccessibleStructure();
        Assert.NotNull(edit.Document.QuerySelector("form#appel select[name='Input.Offer[0].ReferentUserId']"));
        Assert.NotNull(edit.Document.QuerySelector("form#appel input[name='Input.Offer[0].CoFinancing'][value=Matchfunding]"));

        var saved = await SaveAsync(admin, city, id, Filled().With(Offer(agent)));
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.MainText);

        var call = await LoadAsync(id);
        var offer = call.Offer.OrderBy(o => o.Position).ToList();
        Assert.Equal(2, offer.Count);
        Assert.Equal(CommitmentKind.CoFinancing, offer[0].Kind);
        Assert.Equal(CoFinancingMode.Matchfunding, offer[0].CoFinancing);
        Assert.Equal(100, offer[0].MatchRatioPercent);
        Assert.Equal(500_000, offer[0].MatchCapCents);
        Assert.Equal(CommitmentKind.Expertise, offer[1].Kind);
        Assert.Equal(agent, offer[1].ReferentUserId);

        // The draft shows the rows back as they were typed.
        var again = await admin.GetAsync($"{Calls(city)}/{id}");
        again.AssertAccessibleStructure();
        Assert.Equal("100", again.Document.GetElementById("offre-0-taux")!.GetAttribute("value"));
        Assert.True(again.Document.GetElementById("offre-0-mode-matchfunding")!.HasAttribute("checked"));
        Assert.Equal(agent.ToString(CultureInfo.InvariantCulture), again.Document.QuerySelector("#offre-1-referent option[selected]")!.GetAttribute("value"));

        var published = await admin.SubmitAsync(again, "form#publier", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        Assert.Equal(CallStatus.Open, (await LoadAsync(id)).Status);

        // The back office's summary names the referent; the public page never does.
        var summary = await admin.GetAsync($"{Calls(city)}/{id}");
        summary.AssertAccessibleStructure();
        Assert.Contains("Abondement : 100 % de chaque don, jusqu'à 5 000,00 €", summary.MainText.Flat(), StringComparison.Ordinal);
        Assert.Contains($"Agent référent : {city.Agent.DisplayName}", summary.MainText.Flat(), StringComparison.Ordinal);

        using var visitor = app.NewBrowser();
        var page = await visitor.GetAsync($"{city.Path}/appels/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        var terms = page.Document.QuerySelectorAll("section[aria-labelledby=titre-offre] .label-commitment-terms").Select(t => t.TextContent.Flat()).ToList();
        Assert.Equal(["La Ville double chaque don jusqu'à 5 000 €", "Un agent référent de la ville suit le projet."], terms);
        Assert.DoesNotContain(city.Agent.DisplayName, page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadOfferRows_GetAFrenchMessageNextToTheField_AndSaveNothing()
    {
        var city = await app.Given.City();
        var id = await CreateDraftAsync(city, "Un appel à l'offre mal saisie");
        var before = await LoadAsync(id);
        var bagnoletAgent = (await app.Given.City()).Agent.Id;
        var citizen = (await app.Given.Citizen()).Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);

        static Dictionary<string, string> Row(string kind, params (string Field, string Value)[] more)
        {
            var fields = new Dictionary<string, string> { ["Input.Offer[0].Kind"] = kind, ["Input.Offer[0].Description"] = "Un engagement" };
            foreach (var (field, value) in more)
            {
                fields[$"Input.Offer[0].{field}"] = value;
            }

            return fields;
        }

        var cases = new (string Case, Dictionary<string, string> Fields, string Message, string ErrorId)[]
        {
            ("subvention négative", Row("CoFinancing", ("CoFinancing", "Grant"), ("Grant", "-100")), "Le montant ne peut pas être négatif.", "offre-0-subvention-erreur"),
            ("subvention absente", Row("CoFinancing", ("CoFinancing", "Grant")), "Indiquez le montant de la subvention.", "offre-0-erreur"),
            ("taux nul", Row("CoFinancing", ("CoFinancing", "Matchfunding"), ("Ratio", "0"), ("Cap", "5 000")), "Le taux d'abondement doit être supérieur à zéro.", "offre-0-erreur"),
            ("taux trop fort", Row("CoFinancing", ("CoFinancing", "Matchfunding"), ("Ratio", "1001"), ("Cap", "5 000")), "Le taux d'abondement ne peut pas dépasser", "offre-0-erreur"),
            ("taux illisible", Row("CoFinancing", ("CoFinancing", "Matchfunding"), ("Ratio", "cent"), ("Cap", "5 000")), "Saisissez un taux entier en pour cent", "offre-0-taux-erreur"),
            ("plafond absent", Row("CoFinancing", ("CoFinancing", "Matchfunding"), ("Ratio", "100")), "Le plafond de l'abondement doit être supérieur à zéro.", "offre-0-erreur"),
            ("plafond illisible", Row("CoFinancing", ("CoFinancing", "Matchfunding"), ("Ratio", "100"), ("Cap", "beaucoup")), "Saisissez un montant en euros", "offre-0-plafond-erreur"),
            ("mode inconnu", Row("CoFinancing", ("CoFinancing", "Banane")), "Ce mode de cofinancement n'existe pas.", "offre-0-mode-erreur"),
            ("mode absent", Row("CoFinancing"), "Précisez le cofinancement", "offre-0-erreur"),
            ("référent d'une autre ville", Row("Expertise", ("ReferentUserId", bagnoletAgent.ToString(CultureInfo.InvariantCulture))), "L'agent référent doit faire partie de l'équipe de la ville.", "offre-0-erreur"),
            ("référent citoyen", Row("Expertise", ("ReferentUserId", citizen.ToString(CultureInfo.InvariantCulture))), "L'agent référent doit faire partie de l'équipe de la ville.", "offre-0-erreur"),
            ("référent illisible", Row("Expertise", ("ReferentUserId", "Lucas")), "Choisissez l'agent référent dans la liste.", "offre-0-referent-erreur"),
            ("référent absent", Row("Expertise"), "Désignez l'agent référent qui suivra le projet.", "offre-0-erreur"),
            ("type inconnu", Row("Banane"), "Ce type d'engagement n'existe pas.", "offre-0-type-erreur"),
            ("type en nombre", Row("99"), "Ce type d'engagement n'existe pas.", "offre-0-type-erreur"),
            ("description absente", Row("Land").With(("Input.Offer[0].Description", string.Empty), ("Input.Offer[0].EstimatedValue", "100")), "Le champ « Description de l'engagement » est obligatoire.", "offre-0-erreur"),
            ("valeur négative", Row("Land", ("EstimatedValue", "-150")), "Le montant ne peut pas être négatif.", "offre-0-valeur-erreur"),
            (
                "deux cofinancements",
                Row("CoFinancing", ("CoFinancing", "Grant"), ("Grant", "1 000")).With(
                    ("Input.Offer[1].Kind", "CoFinancing"), ("Input.Offer[1].Description", "Une autre"), ("Input.Offer[1].CoFinancing", "Grant"), ("Input.Offer[1].Grant", "500")),
                "Un label ne peut porter qu'un seul cofinancement.",
                "offre-erreur"),
        };

        var failures = new List<string>();
        foreach (var (name, fields, message, errorId) in cases)
        {
            var refused = await SaveAsync(admin, city, id, Filled().With(fields));
            if (refused.Status != HttpStatusCode.OK)
            {
                failures.Add($"{name}: {(int)refused.Status}");
                continue;
            }

            refused.AssertAccessibleStructure();
            if (!refused.FieldError(errorId).Contains(message, StringComparison.Ordinal))
            {
                failures.Add($"{name}: #{errorId} « {refused.FieldError(errorId)} » ; {refused.ErrorSummary()}");
            }

            // What was typed comes back, to be corrected.
            if ((refused.Document.GetElementById("offre-0-description")?.GetAttribute("value") ?? string.Empty) != fields["Input.Offer[0].Description"])
            {
                failures.Add($"{name}: the row was not shown back");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        var after = await LoadAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Title, after.Title);
        Assert.Empty(after.Offer);
    }

    [Fact]
    public async Task TheEditPage_SendsAFixedNumberOfSqlCommands_WhateverTheOffer()
    {
        var city = await app.Given.City();
        var agent = city.Agent.Id;
        var small = await CreateDraftAsync(city, "Un appel à l'offre courte");
        var large = await CreateDraftAsync(city, "Un appel à l'offre longue");
        var admin = city.Admin.Id;
        await app.WithDbAsync(async db =>
        {
            var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
            var call = await db.Calls.Include(c => c.Offer).SingleAsync(c => c.Id == large);
            call.ReplaceOffer(municipality, admin,
            [
                new CommitmentTerms(CommitmentKind.CoFinancing, "Des dons doublés", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: 500_000),
                new CommitmentTerms(CommitmentKind.Expertise, "Un suivi", ReferentUserId: agent),
                new CommitmentTerms(CommitmentKind.Premises, "Un local", 100_000),
                new CommitmentTerms(CommitmentKind.Land, "Un terrain"),
                new CommitmentTerms(CommitmentKind.Communication, "Une affiche"),
            ]);
            await db.SaveChangesAsync();
            return 0;
        });

        using var browser = await app.SignedInAsync(city.Admin.Email);
        var few = await CountAsync(browser, $"{Calls(city)}/{small}");
        var many = await CountAsync(browser, $"{Calls(city)}/{large}");
        Assert.Equal(few, many);
    }

    [Fact]
    public async Task TheWinnersLabel_CarriesTheOffersMatchfundingAndReferent()
    {
        var city = await app.Given.City();
        var agent = city.Agent.Id;
        var camille = (await app.Given.Citizen()).Id;
        var projectId = await app.WithDbAsync(async db =>
        {
            var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
            var admin = city.Admin.Id;
            var now = DateTime.UtcNow;
            var call = Call.StartDraft(municipality, admin, "Un appel aux lauréats accompagnés", now);
            call.Describe(municipality, admin, call.Title, "Un appel pour les tests.", ProjectCategory.Solidarity, null, 1_000_000, 1, now);
            call.ReplaceOffer(municipality, admin,
            [
                new CommitmentTerms(CommitmentKind.CoFinancing, "Des dons doublés", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: 500_000),
                new CommitmentTerms(CommitmentKind.Expertise, "Un suivi par un agent", ReferentUserId: agent),
            ]);
            call.ReplaceCriteria(municipality, admin, [new CriterionTerms("Impact", 100)]);
            call.Schedule(municipality, admin, now.AddMinutes(-1), now.AddDays(20));
            call.Publish(municipality, admin, now);
            db.Calls.Add(call);
            await db.SaveChangesAsync();

            var application = CallApplication.Start(call, camille, HolderType.Individual, null, null, null, "Un jardin accompagné", now);
            application.Submit(call, camille, now);
            db.CallApplications.Add(application);
            await db.SaveChangesAsync();

            Assert.True(call.CloseIfDue(call.ClosesAtUtc));
            var projects = call.SelectWinners(municipality, admin, [application], [application.Id], call.ClosesAtUtc.AddHours(1));
            db.Projects.AddRange(projects);
            await db.SaveChangesAsync();
            return Assert.Single(projects).Id;
        });

        var commitments = await app.WithDbAsync(db => db.ProjectDecisions.AsNoTracking()
            .Where(d => d.ProjectId == projectId && d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed)
            .SelectMany(d => d.Commitments)
            .OrderBy(c => c.Position)
            .ToListAsync());
        Assert.Equal(2, commitments.Count);
        Assert.Equal(new Matchfunding(100, 500_000), commitments[0].Matchfunding);
        Assert.Equal(agent, commitments[1].ReferentUserId);
        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal(ProjectStatus.Labelled, project.Status);
    }

    private static Dictionary<string, string> Offer(long referent) => new()
    {
        ["Input.Offer[0].Kind"] = nameof(CommitmentKind.CoFinancing),
        ["Input.Offer[0].Description"] = "La ville double les dons des habitants",
        ["Input.Offer[0].CoFinancing"] = nameof(CoFinancingMode.Matchfunding),
        ["Input.Offer[0].Ratio"] = "100",
        ["Input.Offer[0].Cap"] = "5 000",
        ["Input.Offer[1].Kind"] = nameof(CommitmentKind.Expertise),
        ["Input.Offer[1].Description"] = "Un agent suit chaque lauréat",
        ["Input.Offer[1].ReferentUserId"] = referent.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Posts the draft form with exactly these fields, at the stored version.</summary>
    private static async Task<TestBrowser.Page> SaveAsync(TestBrowser browser, TestCity city, long id, Dictionary<string, string> fields)
    {
        var page = await browser.GetAsync($"{Calls(city)}/{id}");
        var version = page.Document.QuerySelector("form#appel input[name=callVersion]")!.GetAttribute("value")!;
        return await browser.PostAsync($"{Calls(city)}/{id}?handler=Save", page, fields.With(("callVersion", version)));
    }

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    /// <summary>A complete draft but for its offer.</summary>
    private static Dictionary<string, string> Filled() => new()
    {
        ["Input.Title"] = "Des dons doublés pour les jardins",
        ["Input.Description"] = "La ville cherche des jardins partagés.",
        ["Input.Category"] = nameof(ProjectCategory.Solidarity),
        ["Input.Envelope"] = "15 000",
        ["Input.WinnersCount"] = "2",
        ["Input.Individuals"] = "true",
        ["Input.Associations"] = "true",
        ["Input.OpensAt"] = "2030-03-01T09:00",
        ["Input.ClosesAt"] = "2030-06-30T18:00",
        ["Input.Criteria[0].Name"] = "Impact",
        ["Input.Criteria[0].Weight"] = "100",
    };

    private Task<Call> LoadAsync(long id) =>
        app.WithDbAsync(db => db.Calls.AsNoTracking().Include(c => c.Offer).Include(c => c.Criteria).SingleAsync(c => c.Id == id));

    private static string Calls(TestCity city) => $"{city.AdminPath}/appels";

    private async Task<long> CreateDraftAsync(TestCity city, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
        var call = Call.StartDraft(municipality, city.Admin.Id, title, DateTime.UtcNow);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }
}
