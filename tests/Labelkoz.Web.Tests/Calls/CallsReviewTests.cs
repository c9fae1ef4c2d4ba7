using System.Globalization;
using System.Net;
using System.Text;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Calls;

/// <summary>
/// The city's review of a closed call: scores by two members of staff give the weighted ranking;
/// outsiders, the applicant and a reviewer with a conflict of interest cannot score; the winners
/// are chosen within the announced number and become labelled projects with the call's offer;
/// the CSV carries every score; the ranking page sends a fixed number of SQL commands.
/// </summary>
public sealed class CallsReviewTests(AppFactory app) : IClassFixture<AppFactory>
{

    [Fact]
    public async Task TwoStaffScore_TheRankingShowsTheWeightedAverages_InOrder()
    {
        var city = await app.Given.City();
        var setup = await app.InReviewAsync(city, "Appel classement", 1, null, await Applicant("Camille"), await Applicant("Hugo"));
        var (camille, hugo) = (setup.Applications[0], setup.Applications[1]);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        using var agent = await app.SignedInAsync(city.Agent.Email);

        // Impact 60 %, Faisabilité 40 %. Camille: (8,6) → 7.2 and (6,4) → 5.2, mean 6.2. Hugo: (10,10) → 10 and (5,5) → 5, mean 7.5.
        await admin.ScoreAsync(setup, camille, 8, 6);
        await agent.ScoreAsync(setup, camille, 6, 4);
        await admin.ScoreAsync(setup, hugo, 10, 10);
        await agent.ScoreAsync(setup, hugo, 5, 5);

        var page = await admin.GetAsync(setup.ReviewPath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table.call-ranking tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Candidature de Hugo", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("7,50", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Candidature de Camille", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("6,20", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Départage", page.MainText, StringComparison.Ordinal);
        page.AssertAccessibleStructure();

        // The admin sees every reviewer's scores, named.
        var details = await admin.GetAsync(setup.ApplicationPath(hugo));
        Assert.Equal(2, details.Document.QuerySelectorAll("table.call-scores tbody tr").Count(r => r.TextContent.Contains("Impact", StringComparison.Ordinal)));
        details.AssertAccessibleStructure();
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == Domain.Audit.AuditAction.ApplicationScored && e.SubjectId == hugo));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task ScoringAsAnotherCitysStaffOrAsACitizen_IsRefused()
    {
        var (city, other) = await app.Given.TwoCities();
        var setup = await app.InReviewAsync(city, "Appel cloisonné", 1, null, await Applicant("Hugo"));
        var application = setup.Applications[0];
        var version = await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == application).Select(a => a.Version).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["applicationVersion"] = version.ToString(CultureInfo.InvariantCulture),
            ["note-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)] = "10",
            ["note-" + setup.Criteria[1].ToString(CultureInfo.InvariantCulture)] = "10",
        };

        // The other city's admin: refused at this city's address, unknown at their own.
        using var outsider = await app.SignedInAsync(other.Admin.Email);
        var token = await outsider.GetAsync(other.AdminPath);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(setup.ApplicationPath(application))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync(setup.ApplicationPath(application) + "?handler=Score", token, fields)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{ReviewUrl(other, setup.Id)}/{application}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"{ReviewUrl(other, setup.Id)}/{application}" + "?handler=Score", token, fields)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(ReviewUrl(other, setup.Id))).Status);

        using var citizen = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var citizenToken = await citizen.GetAsync("/");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(setup.ApplicationPath(application))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync(setup.ApplicationPath(application) + "?handler=Score", citizenToken, fields)).Status);

        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationScores.CountAsync(s => s.ApplicationId == application)));
    }

    [Fact]
    public async Task AScoreOutOfRange_GivesAFrenchMessage_AndSavesNothing()
    {
        var city = await app.Given.City();
        var setup = await app.InReviewAsync(city, "Appel hors barème", 1, null, await Applicant("Hugo"));
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(setup.ApplicationPath(setup.Applications[0]));

        var result = await admin.SubmitAsync(page, "form#notation", new Dictionary<string, string>
        {
            ["note-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)] = "11",
            ["note-" + setup.Criteria[1].ToString(CultureInfo.InvariantCulture)] = "5",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("La note du critère « Impact » doit être comprise entre 0 et 10.", result.MainText, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationScores.CountAsync(s => s.ApplicationId == setup.Applications[0])));

        var empty = await admin.SubmitAsync(page, "form#notation", new Dictionary<string, string>
        {
            ["note-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)] = string.Empty,
        });
        Assert.Contains("Donnez au critère « Impact » une note entière de 0 à 10.", empty.FieldError("erreur-note-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal);
        empty.AssertAccessibleStructure();
    }

    [Fact]
    public async Task AStaffMembersOwnApplication_CannotBeScoredByThem()
    {
        var city = await app.Given.City();
        var setup = await app.InReviewAsync(city, "Appel à soi-même", 1, null, city.Agent);
        var application = setup.Applications[0];
        using var agent = await app.SignedInAsync(city.Agent.Email);

        var page = await agent.GetAsync(setup.ApplicationPath(application));
        Assert.Contains("Vous ne pouvez pas noter votre propre candidature.", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form#notation"));

        var version = await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == application).Select(a => a.Version).SingleAsync());
        var posted = await agent.PostAsync(setup.ApplicationPath(application) + "?handler=Score", page, new Dictionary<string, string>
        {
            ["applicationVersion"] = version.ToString(CultureInfo.InvariantCulture),
            ["note-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)] = "10",
            ["note-" + setup.Criteria[1].ToString(CultureInfo.InvariantCulture)] = "10",
        });
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Vous ne pouvez pas noter votre propre candidature.", posted.MainText, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationScores.CountAsync(s => s.ApplicationId == application)));
    }

    [Fact]
    public async Task AfterDeclaringAConflictOfInterest_TheReviewerCannotScore_AndTheirScoresAreDropped()
    {
        var city = await app.Given.City();
        var setup = await app.InReviewAsync(city, "Appel avec conflit", 1, null, await Applicant("Hugo"));
        var application = setup.Applications[0];
        using var agent = await app.SignedInAsync(city.Agent.Email);
        await agent.ScoreAsync(setup, application, 7, 7);

        var page = await agent.GetAsync(setup.ApplicationPath(application));
        var missing = await agent.SubmitAsync(page, "form#conflit-interets", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Contains("Décrivez la nature du conflit d'intérêts.", missing.FieldError("motif-conflit-erreur"), StringComparison.Ordinal);

        var declared = await agent.SubmitAsync(page, "form#conflit-interets", new Dictionary<string, string> { ["reason"] = "Je suis voisin du candidat." });
        Assert.True(declared.IsRedirect, declared.MainText);
        var after = await agent.FollowAsync(declared);
        Assert.Contains("Vous avez déclaré un conflit d'intérêts sur cette candidature : vous ne pouvez pas la noter.", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form#notation"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationScores.CountAsync(s => s.ApplicationId == application)));

        var version = await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == application).Select(a => a.Version).SingleAsync());
        var posted = await agent.PostAsync(setup.ApplicationPath(application) + "?handler=Score", after, new Dictionary<string, string>
        {
            ["applicationVersion"] = version.ToString(CultureInfo.InvariantCulture),
            ["note-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)] = "10",
            ["note-" + setup.Criteria[1].ToString(CultureInfo.InvariantCulture)] = "10",
        });
        Assert.Contains("vous ne pouvez pas la noter", posted.MainText, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationScores.CountAsync(s => s.ApplicationId == application)));
    }

    [Fact]
    public async Task SelectingMoreWinnersThanAnnounced_GivesAFrenchMessage_AndChangesNothing()
    {
        var city = await app.Given.City();
        var setup = await app.InReviewAsync(city, "Appel trop de lauréats", 1, null, await Applicant("Camille"), await Applicant("Hugo"));
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(setup.ReviewPath);
        var ticked = string.Join('&', page.Document.QuerySelectorAll("form#laureats input[type=checkbox]").Select(box => "laureats=" + box.GetAttribute("value")));

        // "Choisir les lauréats" leads to the confirmation page; confirming is refused there.
        var confirm = await admin.GetAsync(page.Document.QuerySelector("form#laureats")!.GetAttribute("action") + "?" + ticked);
        var result = await admin.SubmitAsync(confirm, "form#confirmer-laureats");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("L'appel annonce 1 lauréat(s) : vous en avez choisi 2.", result.MainText, StringComparison.Ordinal);
        Assert.Equal(CallStatus.Review, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == setup.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Projects.CountAsync(p => p.CallId == setup.Id)));
        Assert.All(await app.WithDbAsync(db => db.CallApplications.Where(a => a.CallId == setup.Id).Select(a => a.Status).ToListAsync()), s => Assert.Equal(ApplicationStatus.Submitted, s));
    }

    [Fact]
    public async Task SelectingOneWinner_DecidesTheCall_AndGivesTheWinnerALabelledProjectWithTheOffer()
    {
        var city = await app.Given.City();
        var (camilleUser, hugoUser) = (await Applicant("Camille"), await Applicant("Hugo"));
        var setup = await app.InReviewAsync(city, "Appel décidé", 1, null, camilleUser, hugoUser);
        var (camille, hugo) = (setup.Applications[0], setup.Applications[1]);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(setup.ReviewPath);
        var shortlisted = await admin.SubmitAsync(page, $"form#preselection-{hugo}");
        Assert.True(shortlisted.IsRedirect, shortlisted.MainText);
        Assert.True(await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == hugo).Select(a => a.IsShortlisted).SingleAsync()));

        page = await admin.GetAsync(setup.ReviewPath);
        var confirm = await admin.GetAsync(page.Document.QuerySelector("form#laureats")!.GetAttribute("action") + "?laureats=" + hugo.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(CallStatus.Review, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == setup.Id).Select(c => c.Status).SingleAsync()));
        var result = await admin.SubmitAsync(confirm, "form#confirmer-laureats");
        Assert.True(result.IsRedirect, result.MainText);

        var (hugoId, camilleId) = (hugoUser.Id, camilleUser.Id);
        Assert.Equal(CallStatus.Decided, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == setup.Id).Select(c => c.Status).SingleAsync()));
        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.CallId == setup.Id));
        Assert.Equal(ProjectStatus.Labelled, project.Status);
        Assert.Equal(hugoId, project.HolderUserId);
        Assert.Equal(hugo, project.CallApplicationId);
        var commitment = Assert.Single(Assert.Single(project.Decisions).Commitments);
        Assert.Equal(CommitmentKind.Premises, commitment.Kind);
        Assert.Equal(ApplicationStatus.Selected, await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == hugo).Select(a => a.Status).SingleAsync()));
        Assert.Equal(ApplicationStatus.NotSelected, await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == camille).Select(a => a.Status).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == hugoId && n.Kind == NotificationKind.ApplicationSelected && n.Subject == "Appel décidé")));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == camilleId && n.Kind == NotificationKind.ApplicationNotSelected && n.Subject == "Appel décidé")));

        var decided = await admin.FollowAsync(result);
        Assert.NotNull(decided.Document.QuerySelector($"a[href='{city.AdminPath}/projets/{project.Id}']"));
        Assert.Null(decided.Document.QuerySelector("form#laureats"));
        decided.AssertAccessibleStructure();
    }

    [Fact]
    public async Task TheCsv_HasEveryScore_WithTheAverage_SafeForASpreadsheet()
    {
        var city = await app.Given.City();
        var setup = await app.InReviewAsync(city, "=Appel CSV", 1, null, await Applicant("Hugo"));
        var application = setup.Applications[0];
        using var admin = await app.SignedInAsync(city.Admin.Email);
        using var agent = await app.SignedInAsync(city.Agent.Email);
        await admin.ScoreAsync(setup, application, 8, 6, "-bien");
        await agent.ScoreAsync(setup, application, 6, 4);

        var response = await admin.Client.GetAsync(setup.ReviewPath + "?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("\"Rang\";\"Projet\";", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..], line => Assert.StartsWith("\"1\";\"Candidature de Hugo\";", line, StringComparison.Ordinal));
        Assert.All(lines[1..], line => Assert.Contains("\"6.20\"", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\"Impact\";\"60\";\"8\";\"'-bien\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\"Faisabilité\";\"40\";\"4\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFileAnswer_IsDownloadedByStaffOnly_AsAnAttachment()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 budget de test");
        var city = await app.Given.City();
        var applicant = await Applicant("Hugo");
        var setup = await app.InReviewAsync(city, "Appel avec fichier", 1, pdf, applicant);
        var url = setup.ApplicationPath(setup.Applications[0]);
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var page = await agent.GetAsync(url);
        var link = page.Document.QuerySelector("a[href*='handler=File']")?.GetAttribute("href");
        Assert.NotNull(link);

        var response = await agent.Client.GetAsync(url + link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());

        using var hugo = await app.SignedInAsync(applicant.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await hugo.Client.GetAsync(url + link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync(url + "?handler=File&questionId=999999")).StatusCode);
    }

    [Fact]
    public async Task AnOpenCall_HasNothingToReviewYet()
    {
        var city = await app.Given.City();
        var id = (await app.Given.Call(city, new CallSpec { Title = "Appel encore ouvert" })).Id;
        using var agent = await app.SignedInAsync(city.Agent.Email);

        var page = await agent.GetAsync(ReviewUrl(city, id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("L'examen des candidatures commence à la clôture de l'appel", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("table"));
        page.AssertAccessibleStructure();
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(ReviewUrl(city, id + 100_000))).Status);
    }

    [Fact]
    public async Task TheRankingPage_SendsAFixedNumberOfSqlCommands_WhateverTheNumberOfApplications()
    {
        var city = await app.Given.City();
        var (hugo, camille) = (await Applicant("Hugo"), await Applicant("Camille"));
        var small = await app.InReviewAsync(city, "Appel petit", 1, null, hugo);
        var large = await app.InReviewAsync(city, "Appel grand", 2, null, hugo, camille, city.Agent);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        await admin.ScoreAsync(large, large.Applications[0], 5, 5);
        await admin.ScoreAsync(large, large.Applications[1], 6, 6);
        await admin.ScoreAsync(large, large.Applications[2], 7, 7);
        await admin.GetAsync(small.ReviewPath);

        app.SqlCommands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(small.ReviewPath)).Status);
        var forOne = app.SqlCommands.Count;
        app.SqlCommands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(large.ReviewPath)).Status);
        var forThree = app.SqlCommands.Count;

        Assert.Equal(forOne, forThree);
    }

    private static string ReviewUrl(TestCity city, long callId) => $"{city.AdminPath}/appels/{callId}/candidatures";

    /// <summary>A resident who applies: the application is titled "Candidature de {name}".</summary>
    private Task<TestUser> Applicant(string name) => app.Given.Citizen(name);
}
