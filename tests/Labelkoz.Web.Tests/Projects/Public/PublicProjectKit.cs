using Labelkoz.Data;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Projects.Public;

/// <summary>Where a test project ends up in its lifecycle.</summary>
public enum TestState
{
    Draft,
    AwaitingPublication,
    Public,
    InReview,
    Hidden,
    Withdrawn,
}

/// <summary>What a test project is made of (everything through the domain's own methods).</summary>
internal sealed record ProjectSpec
{
    /// <summary>The holder's e-mail (an account built by <see cref="Given"/>).</summary>
    public required string Holder { get; init; }

    public string? Summary { get; init; } = "Un projet pour le quartier.";

    public string? Description { get; init; } = "Une description du projet.";

    public ProjectCategory Category { get; init; } = ProjectCategory.Culture;

    public string? Neighbourhood { get; init; }

    public TestState State { get; init; } = TestState.Public;

    public int Images { get; init; }

    public (string? Label, long AmountCents)[] Budget { get; init; } = [];

    public (CommitmentKind Kind, string? Details)[] Support { get; init; } = [];

    public HolderType HolderType { get; init; } = HolderType.Individual;

    public string? Organisation { get; init; }

    public string? Rna { get; init; }

    /// <summary>When the project is created and published: tests order projects by it.</summary>
    public DateTime? At { get; init; }
}

/// <summary>Test projects, accounts, supports and comments written straight through the domain and the database.</summary>
internal static class PublicProjectKit
{
    /// <summary>A project of <see cref="ProjectSpec.Holder"/> in the city, built by <see cref="Given"/>.</summary>
    public static async Task<TestProject> CreateProjectAsync(this AppFactory app, string citySlug, string title, ProjectSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var cityId = await app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == citySlug).Select(m => m.Id).SingleAsync());
        return await app.Given.Project(cityId, citySlug, await app.UserIdAsync(spec.Holder), new Infrastructure.Builders.ProjectSpec
        {
            Title = title,
            State = spec.State switch
            {
                TestState.Draft => ProjectState.Draft,
                TestState.AwaitingPublication => ProjectState.AwaitingPublication,
                TestState.Public => ProjectState.Submitted,
                TestState.InReview => ProjectState.InReview,
                TestState.Hidden => ProjectState.Hidden,
                TestState.Withdrawn => ProjectState.Withdrawn,
            },
            Summary = spec.Summary,
            Description = spec.Description,
            Category = spec.Category,
            Neighbourhood = spec.Neighbourhood,
            ImageAlts = [.. Enumerable.Range(1, spec.Images).Select(i => $"Image {i} du projet {title}")],
            Budget = spec.Budget,
            Support = spec.Support,
            HolderType = spec.HolderType,
            Organisation = spec.Organisation,
            Rna = spec.Rna,
            At = spec.At,
        });
    }

    /// <summary>Visible top-level comments by <paramref name="author"/>, each with <paramref name="repliesEach"/> replies by <paramref name="replier"/> (the author when none).</summary>
    public static async Task<IReadOnlyList<long>> AddCommentsAsync(this AppFactory app, long projectId, int count, string author, int repliesEach = 0, string? replier = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
        var authorId = await app.UserIdAsync(author);
        var hugoId = repliesEach == 0 ? 0 : await app.UserIdAsync(replier ?? author);
        var comments = new List<Comment>();
        for (var i = 0; i < count; i++)
        {
            var comment = Comment.Write(project, authorId, null, $"Commentaire numéro {i}", ModerationMode.PostModeration, DateTime.UtcNow);
            db.Comments.Add(comment);
            comments.Add(comment);
        }

        await db.SaveChangesAsync();
        foreach (var parent in comments)
        {
            for (var r = 0; r < repliesEach; r++)
            {
                db.Comments.Add(Comment.Write(project, hugoId, parent, $"Réponse {r} au commentaire {parent.Id}", ModerationMode.PostModeration, DateTime.UtcNow));
            }
        }

        await db.SaveChangesAsync();
        return [.. comments.Select(c => c.Id)];
    }

    public static Task<int> SupportCountAsync(this AppFactory app, long projectId) =>
        app.WithDbAsync(db => db.ProjectSupports.CountAsync(s => s.ProjectId == projectId));

    /// <summary>The titles of the project cards on a page, in order.</summary>
    public static IReadOnlyList<string> CardTitles(this TestBrowser.Page page) =>
        [.. page.Document.QuerySelectorAll(".project-card h3 a").Select(a => a.TextContent.Trim())];
}
