using System.Globalization;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Workbench;

/// <summary>
/// A city of its own for each test, built through the domain and the DbContext: its admin and
/// agent, citizens, projects at each step of the review, comments, calls and campaigns. No test of
/// the workbench relies on the demo's facts.
/// </summary>
internal static class WorkbenchKit
{
    /// <summary>A new city (in trial, one neighbourhood) with a new admin and a new agent.</summary>
    public static Task<TestCity> NewCityAsync(this AppFactory app, string name) =>
        app.Given.City(new CitySpec { Name = name, Population = 20_000, Neighbourhoods = ["Centre"] });

    /// <summary>A confirmed account with the builders' password, staff nowhere.</summary>
    public static Task<TestUser> NewPersonAsync(this AppFactory app, string displayName) => app.Given.Citizen(displayName);

    /// <summary>
    /// A project of the city held by <paramref name="holder"/>, submitted (published at once), then
    /// moved by <paramref name="moves"/> (take it into review, propose a decision…).
    /// </summary>
    public static async Task<long> ProjectAsync(this AppFactory app, TestCity city, TestUser holder, string title, Action<Project, Municipality, DateTime>? moves = null)
    {
        var project = await app.Given.Project(city, holder, new ProjectSpec
        {
            Title = title,
            Summary = "Un résumé pour le poste de travail.",
            Description = "Une description.",
            Category = ProjectCategory.Culture,
            Neighbourhood = city.Neighbourhoods[0],
        });
        if (moves is not null)
        {
            await app.WithDbAsync(async db =>
            {
                var entity = await db.Projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.Id == project.Id);
                var municipality = await db.Municipalities.Include(m => m.Memberships).Include(m => m.Neighbourhoods).SingleAsync(m => m.Id == city.Id);
                moves(entity, municipality, DateTime.UtcNow);
                return await db.SaveChangesAsync();
            });
        }

        return project.Id;
    }

    /// <summary>Moves a project of the tests, found by its title.</summary>
    public static Task<int> ReviewAsync(this AppFactory app, string title, Action<Project, Municipality, DateTime> moves) =>
        app.WithDbAsync(async db =>
        {
            var project = await db.Projects.IgnoreQueryFilters().Include(p => p.Decisions).SingleAsync(p => p.Title == title);
            var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == project.MunicipalityId);
            moves(project, municipality, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

    /// <summary>A comment on a project; pre-moderated, it waits for the city's approval.</summary>
    public static Task<long> CommentAsync(this AppFactory app, long projectId, TestUser author, ModerationMode moderation) =>
        app.WithDbAsync(async db =>
        {
            var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == projectId);
            var comment = Comment.Write(project, author.Id, null, "Un commentaire à relire.", moderation, DateTime.UtcNow);
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    /// <summary>
    /// A call of the city, closed (in review), with one submitted application per applicant; the
    /// call announces <paramref name="winners"/> winners.
    /// </summary>
    public static Task<ClosedCall> ClosedCallAsync(this AppFactory app, TestCity city, string title, int winners, params TestUser[] applicants) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
            var call = Call.StartDraft(municipality, city.Admin.Id, title, now);
            call.Describe(municipality, city.Admin.Id, title, "Un appel pour le poste de travail.", ProjectCategory.Solidarity, null, 1_000_000, winners, now);
            call.ReplaceOffer(municipality, city.Admin.Id, [new CommitmentTerms(CommitmentKind.Premises, "Un local", 100_000)]);
            call.ReplaceCriteria(municipality, city.Admin.Id, [new CriterionTerms("Impact", 100)]);
            call.Schedule(municipality, city.Admin.Id, now, now.AddHours(1));
            call.Publish(municipality, city.Admin.Id, now);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            var applications = new List<long>();
            foreach (var applicant in applicants)
            {
                var application = CallApplication.Start(call, applicant.Id, HolderType.Individual, null, null, null, "Projet de " + applicant.Email[..10], now);
                application.Submit(call, applicant.Id, now);
                db.CallApplications.Add(application);
                await db.SaveChangesAsync();
                applications.Add(application.Id);
            }

            // Closed by the domain at a moment past its closing time: no clock to move.
            Assert.True(call.CloseIfDue(now.AddHours(2)));
            await db.SaveChangesAsync();
            return new ClosedCall(call.Id, applications, call.Criteria.Single().Id);
        });

    public static string Inv(long value) => value.ToString(CultureInfo.InvariantCulture);

    public sealed record ClosedCall(long Id, List<long> Applications, long CriterionId);
}
