using System.Globalization;
using System.Net;
using System.Text;
using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Calls;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Calls;

/// <summary>
/// The city's review of a closed call: scores by two members of staff give the weighted ranking;
/// outsiders, the applicant and a reviewer with a conflict of interest cannot score; the winners
/// are chosen within the announced number and become labelled projects with the call's offer;
/// the CSV carries every score; the ranking page sends a fixed number of SQL commands.
/// </summary>
public sealed class CallsReviewTests(CallClosingTests.ClockedDemoApp app) : IClassFixture<CallClosingTests.ClockedDemoApp>
{
    private const string Hugo = "hugo@demo.labelkoz.fr";

    [Fact]
    public async Task TwoStaffScore_TheRankingShowsTheWeightedAverages_InOrder()
    {
        var setup = await CreateClosedCallAsync("Appel classement", winners: 1, StaffTestKit.Citizen, Hugo);
        var (camille, hugo) = (setup.Applications[0], setup.Applications[1]);
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);

        // Impact 60 %, Faisabilité 40 %. Camille: (8,6) → 7.2 and (6,4) → 5.2, mean 6.2. Hugo: (10,10) → 10 and (5,5) → 5, mean 7.5.
        await ScoreAsync(admin, setup, camille, 8, 6);
        await ScoreAsync(agent, setup, camille, 6, 4);
        await ScoreAsync(admin, setup, hugo, 10, 10);
        await ScoreAsync(agent, setup, hugo, 5, 5);

        var page = await admin.GetAsync(ReviewUrl(setup.CallId));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table.call-ranking tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Projet de Hugo", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("7,50", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Projet de Camille", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("6,20", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Départage", page.MainText, StringComparison.Ordinal);
        page.AssertAccessibleStructure();

        // The admin sees every reviewer's scores, named.
        var details = await admin.GetAsync(ApplicationUrl(setup.CallId, hugo));
        Assert.Equal(2, details.Document.QuerySelectorAll("table.call-scores tbody tr").Count(r => r.TextContent.Contains("Impact", StringComparison.Ordinal)));
        details.AssertAccessibleStructure();
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == Domain.Audit.AuditAction.ApplicationScored && e.SubjectId == hugo));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task ScoringAsBagnoletsStaffOrAsACitizen_IsRefused()
    {
        var setup = await CreateClosedCallAsync("Appel cloisonné", winners: 1, Hugo);
        var application = setup.Applications[0];
        var version = await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == application).Select(a => a.Version).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["applicationVersion"] = version.ToString(CultureInfo.InvariantCulture),
            ["note-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)] = "10",
            ["note-" + setup.Criteria[1].ToString(CultureInfo.InvariantCulture)] = "10",
        };

        using var bagnolet = await app.SignedInAsync(StaffTestKit.BagnoletAdmin);
        var token = await bagnolet.GetAsync("/bagnolet/admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await bagnolet.GetAsync(ApplicationUrl(setup.CallId, application))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await bagnolet.PostAsync(ApplicationUrl(setup.CallId, application) + "?handler=Score", token, fields)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bagnolet.GetAsync($"/bagnolet/admin/appels/{setup.CallId}/candidatures/{application}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bagnolet.PostAsync($"/bagnolet/admin/appels/{setup.CallId}/candidatures/{application}?handler=Score", token, fields)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bagnolet.GetAsync($"/bagnolet/admin/appels/{setup.CallId}/candidatures")).Status);

        using var citizen = await app.SignedInAsync(StaffTestKit.Citizen);
        var citizenToken = await citizen.GetAsync("/");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(ApplicationUrl(setup.CallId, application))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync(ApplicationUrl(setup.CallId, application) + "?handler=Score", citizenToken, fields)).Status);

        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationScores.CountAsync(s => s.ApplicationId == application)));
    }

    [Fact]
    public async Task AScoreOutOfRange_GivesAFrenchMessage_AndSavesNothing()
    {
        var setup = await CreateClosedCallAsync("Appel hors barème", winners: 1, Hugo);
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var page = await admin.GetAsync(ApplicationUrl(setup.CallId, setup.Applications[0]));

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
        var setup = await CreateClosedCallAsync("Appel à soi-même", winners: 1, StaffTestKit.MontreuilAgent);
        var application = setup.Applications[0];
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);

        var page = await agent.GetAsync(ApplicationUrl(setup.CallId, application));
        Assert.Contains("Vous ne pouvez pas noter votre propre candidature.", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form#notation"));

        var version = await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == application).Select(a => a.Version).SingleAsync());
        var posted = await agent.PostAsync(ApplicationUrl(setup.CallId, application) + "?handler=Score", page, new Dictionary<string, string>
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
        var setup = await CreateClosedCallAsync("Appel avec conflit", winners: 1, Hugo);
        var application = setup.Applications[0];
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        await ScoreAsync(agent, setup, application, 7, 7);

        var page = await agent.GetAsync(ApplicationUrl(setup.CallId, application));
        var missing = await agent.SubmitAsync(page, "form#conflit-interets", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Contains("Décrivez la nature du conflit d'intérêts.", missing.FieldError("motif-conflit-erreur"), StringComparison.Ordinal);

        var declared = await agent.SubmitAsync(page, "form#conflit-interets", new Dictionary<string, string> { ["reason"] = "Je suis voisin du candidat." });
        Assert.True(declared.IsRedirect, declared.MainText);
        var after = await agent.FollowAsync(declared);
        Assert.Contains("Vous avez déclaré un conflit d'intérêts sur cette candidature : vous ne pouvez pas la noter.", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form#notation"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationScores.CountAsync(s => s.ApplicationId == application)));

        var version = await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == application).Select(a => a.Version).SingleAsync());
        var posted = await agent.PostAsync(ApplicationUrl(setup.CallId, application) + "?handler=Score", after, new Dictionary<string, string>
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
        var setup = await CreateClosedCallAsync("Appel trop de lauréats", winners: 1, StaffTestKit.Citizen, Hugo);
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var page = await admin.GetAsync(ReviewUrl(setup.CallId));
        var ticked = string.Join('&', page.Document.QuerySelectorAll("form#laureats input[type=checkbox]").Select(box => "laureats=" + box.GetAttribute("value")));

        // "Choisir les lauréats" leads to the confirmation page; confirming is refused there.
        var confirm = await admin.GetAsync(page.Document.QuerySelector("form#laureats")!.GetAttribute("action") + "?" + ticked);
        var result = await admin.SubmitAsync(confirm, "form#confirmer-laureats");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("L'appel annonce 1 lauréat(s) : vous en avez choisi 2.", result.MainText, StringComparison.Ordinal);
        Assert.Equal(CallStatus.Review, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == setup.CallId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Projects.CountAsync(p => p.CallId == setup.CallId)));
        Assert.All(await app.WithDbAsync(db => db.CallApplications.Where(a => a.CallId == setup.CallId).Select(a => a.Status).ToListAsync()), s => Assert.Equal(ApplicationStatus.Submitted, s));
    }

    [Fact]
    public async Task SelectingOneWinner_DecidesTheCall_AndGivesTheWinnerALabelledProjectWithTheOffer()
    {
        var setup = await CreateClosedCallAsync("Appel décidé", winners: 1, StaffTestKit.Citizen, Hugo);
        var (camille, hugo) = (setup.Applications[0], setup.Applications[1]);
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var page = await admin.GetAsync(ReviewUrl(setup.CallId));
        var shortlisted = await admin.SubmitAsync(page, $"form#preselection-{hugo}");
        Assert.True(shortlisted.IsRedirect, shortlisted.MainText);
        Assert.True(await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == hugo).Select(a => a.IsShortlisted).SingleAsync()));

        page = await admin.GetAsync(ReviewUrl(setup.CallId));
        var confirm = await admin.GetAsync(page.Document.QuerySelector("form#laureats")!.GetAttribute("action") + "?laureats=" + hugo.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(CallStatus.Review, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == setup.CallId).Select(c => c.Status).SingleAsync()));
        var result = await admin.SubmitAsync(confirm, "form#confirmer-laureats");
        Assert.True(result.IsRedirect, result.MainText);

        var hugoId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Hugo).Select(u => u.Id).SingleAsync());
        var camilleId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffTestKit.Citizen).Select(u => u.Id).SingleAsync());
        Assert.Equal(CallStatus.Decided, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == setup.CallId).Select(c => c.Status).SingleAsync()));
        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.CallId == setup.CallId));
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
        Assert.NotNull(decided.Document.QuerySelector($"a[href='/montreuil/admin/projets/{project.Id}']"));
        Assert.Null(decided.Document.QuerySelector("form#laureats"));
        decided.AssertAccessibleStructure();
    }

    [Fact]
    public async Task TheCsv_HasEveryScore_WithTheAverage_SafeForASpreadsheet()
    {
        var setup = await CreateClosedCallAsync("=Appel CSV", winners: 1, Hugo);
        var application = setup.Applications[0];
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        await ScoreAsync(admin, setup, application, 8, 6, "-bien");
        await ScoreAsync(agent, setup, application, 6, 4);

        var response = await admin.Client.GetAsync(ReviewUrl(setup.CallId) + "?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("\"Rang\";\"Projet\";", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..], line => Assert.StartsWith("\"1\";\"Projet de Hugo\";", line, StringComparison.Ordinal));
        Assert.All(lines[1..], line => Assert.Contains("\"6.20\"", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\"Impact\";\"60\";\"8\";\"'-bien\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\"Faisabilité\";\"40\";\"4\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFileAnswer_IsDownloadedByStaffOnly_AsAnAttachment()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 budget de test");
        var setup = await CreateClosedCallAsync("Appel avec fichier", 1, pdf, Hugo);
        var url = ApplicationUrl(setup.CallId, setup.Applications[0]);
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        var page = await agent.GetAsync(url);
        var link = page.Document.QuerySelector("a[href*='handler=File']")?.GetAttribute("href");
        Assert.NotNull(link);

        var response = await agent.Client.GetAsync(url + link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());

        using var hugo = await app.SignedInAsync(Hugo);
        Assert.Equal(HttpStatusCode.Forbidden, (await hugo.Client.GetAsync(url + link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync(url + "?handler=File&questionId=999999")).StatusCode);
    }

    [Fact]
    public async Task AnOpenCall_HasNothingToReviewYet()
    {
        var id = await CreateOpenCallAsync("Appel encore ouvert");
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);

        var page = await agent.GetAsync(ReviewUrl(id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("L'examen des candidatures commence à la clôture de l'appel", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("table"));
        page.AssertAccessibleStructure();
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(ReviewUrl(id + 100_000))).Status);
    }

    [Fact]
    public async Task TheRankingPage_SendsAFixedNumberOfSqlCommands_WhateverTheNumberOfApplications()
    {
        var small = await CreateClosedCallAsync("Appel petit", winners: 1, Hugo);
        var large = await CreateClosedCallAsync("Appel grand", winners: 2, Hugo, StaffTestKit.Citizen, StaffTestKit.MontreuilAgent);
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        await ScoreAsync(admin, large, large.Applications[0], 5, 5);
        await ScoreAsync(admin, large, large.Applications[1], 6, 6);
        await ScoreAsync(admin, large, large.Applications[2], 7, 7);
        await admin.GetAsync(ReviewUrl(small.CallId));

        app.SqlCommands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(ReviewUrl(small.CallId))).Status);
        var forOne = app.SqlCommands.Count;
        app.SqlCommands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(ReviewUrl(large.CallId))).Status);
        var forThree = app.SqlCommands.Count;

        Assert.Equal(forOne, forThree);
    }

    private static string ReviewUrl(long callId) => $"/montreuil/admin/appels/{callId}/candidatures";

    private static string ApplicationUrl(long callId, long applicationId) => $"/montreuil/admin/appels/{callId}/candidatures/{applicationId}";

    private static async Task ScoreAsync(TestBrowser browser, ClosedCall setup, long applicationId, int impact, int feasibility, string? comment = null)
    {
        var page = await browser.GetAsync(ApplicationUrl(setup.CallId, applicationId));
        var fields = new Dictionary<string, string>
        {
            ["note-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)] = impact.ToString(CultureInfo.InvariantCulture),
            ["note-" + setup.Criteria[1].ToString(CultureInfo.InvariantCulture)] = feasibility.ToString(CultureInfo.InvariantCulture),
        };
        if (comment is not null)
        {
            fields["commentaire-" + setup.Criteria[0].ToString(CultureInfo.InvariantCulture)] = comment;
        }

        var result = await browser.SubmitAsync(page, "form#notation", fields);
        Assert.True(result.IsRedirect, result.MainText);
    }

    private async Task<long> CreateOpenCallAsync(string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Slug == "montreuil");
        var admin = await db.Users.Where(u => u.Email == StaffTestKit.MontreuilAdmin).Select(u => u.Id).SingleAsync();
        var call = Call.StartDraft(city, admin, title, now);
        call.Describe(city, admin, title, "Un appel pour les tests de l'examen.", ProjectCategory.Solidarity, null, 1_000_000, 1, now);
        call.ReplaceOffer(city, admin, [new CommitmentTerms(CommitmentKind.Premises, "Un local", 100_000)]);
        call.ReplaceCriteria(city, admin, [new CriterionTerms("Impact", 60), new CriterionTerms("Faisabilité", 40)]);
        call.Schedule(city, admin, now, now + TimeSpan.FromHours(1));
        call.Publish(city, admin, now);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    /// <summary>A call of Montreuil with one submitted application per applicant, closed by the platform's job.</summary>
    private Task<ClosedCall> CreateClosedCallAsync(string title, int winners, params string[] applicants) =>
        CreateClosedCallAsync(title, winners, null, applicants);

    private async Task<ClosedCall> CreateClosedCallAsync(string title, int winners, byte[]? pdf, params string[] applicants)
    {
        long callId;
        var applications = new List<long>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Slug == "montreuil");
            var admin = await db.Users.Where(u => u.Email == StaffTestKit.MontreuilAdmin).Select(u => u.Id).SingleAsync();
            var call = Call.StartDraft(city, admin, title, now);
            call.Describe(city, admin, title, "Un appel pour les tests de l'examen.", ProjectCategory.Solidarity, null, 1_000_000, winners, now);
            call.ReplaceOffer(city, admin, [new CommitmentTerms(CommitmentKind.Premises, "Un local", 100_000)]);
            call.ReplaceCriteria(city, admin, [new CriterionTerms("Impact", 60), new CriterionTerms("Faisabilité", 40)]);
            if (pdf is not null)
            {
                call.ReplaceQuestions(city, admin, [new QuestionTerms("Budget détaillé", QuestionKind.File, Required: true)]);
            }

            call.Schedule(city, admin, now, now + TimeSpan.FromHours(1));
            call.Publish(city, admin, now);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            callId = call.Id;

            var entries = new List<CallApplication>();
            foreach (var email in applicants)
            {
                var user = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
                var name = email == Hugo ? "Hugo" : email == StaffTestKit.Citizen ? "Camille" : "l'agent";
                var application = CallApplication.Start(call, user.Id, HolderType.Individual, null, null, null, "Projet de " + name, now);
                if (pdf is not null)
                {
                    var key = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync("candidatures", pdf, "pdf", CancellationToken.None);
                    application.Edit(call, user.Id, HolderType.Individual, null, null, null, "Projet de " + name, null, [new AnswerTerms(call.Questions[0].Id, FileKey: key, FileName: "budget.pdf", ContentType: "application/pdf")], now);
                }

                application.Submit(call, user.Id, now);
                db.CallApplications.Add(application);
                entries.Add(application);
            }

            await db.SaveChangesAsync();
            applications.AddRange(entries.Select(e => e.Id));
        }

        app.Clock.Advance(TimeSpan.FromHours(2));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CallClosing>().CloseDueCallsAsync(CancellationToken.None);
        }

        var criteria = await app.WithDbAsync(db => db.CallCriteria.Where(c => c.CallId == callId).OrderBy(c => c.Position).Select(c => c.Id).ToListAsync());
        return new ClosedCall(callId, applications, criteria);
    }

    private sealed record ClosedCall(long CallId, List<long> Applications, List<long> Criteria);
}
