using Labelkoz.Data;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.ProjectsAdmin;

/// <summary>What a test project looks like; every part has a plausible default.</summary>
internal sealed record NewProject(string Title)
{
    /// <summary>The slug of a city the test built.</summary>
    public required string City { get; init; }

    /// <summary>The e-mail of an account the test built.</summary>
    public required string Holder { get; init; }

    public string Summary { get; init; } = "Un résumé de projet pour les tests.";

    public string Description { get; init; } = "Une **description** de projet pour les tests.";

    public ProjectCategory Category { get; init; } = ProjectCategory.Environment;

    /// <summary>The name of one of the city's neighbourhoods; the first one (by id) when null.</summary>
    public string? Neighbourhood { get; init; }

    public bool Submitted { get; init; } = true;

    /// <summary>Pre-moderation leaves a submitted project waiting for a member of staff to publish it.</summary>
    public ModerationMode Moderation { get; init; } = ModerationMode.PostModeration;

    public bool InReview { get; init; }

    public string? HiddenReason { get; init; }

    public (string? Label, long AmountCents)[] Budget { get; init; } = [("Matériel", 120_050), ("Communication", 30_000)];

    public (CommitmentKind Kind, string? Details)[] Support { get; init; } = [(CommitmentKind.Premises, "Une salle le samedi"), (CommitmentKind.Communication, null)];

    public string[] ImageAlts { get; init; } = [];

    public string[] Supporters { get; init; } = [];
}

/// <summary>
/// Builds projects, comments and reports straight through the domain and the database (in a scope
/// with no tenant), the way the application itself would have recorded them.
/// </summary>
internal static class ProjectsTestData
{
    public static async Task<long> CreateProjectAsync(this AppFactory app, NewProject spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var city = await db.Municipalities.Include(m => m.Neighbourhoods).Include(m => m.Memberships).SingleAsync(m => m.Slug == spec.City);
        var holder = await UserIdAsync(db, spec.Holder);
        var neighbourhood = spec.Neighbourhood is null
            ? city.Neighbourhoods.OrderBy(n => n.Id).First()
            : city.Neighbourhoods.Single(n => n.Name == spec.Neighbourhood);

        var project = Project.StartDraft(city.Id, holder, spec.Title, now);
        project.UpdateContent(holder, spec.Title, spec.Summary, spec.Description, spec.Category, neighbourhood, now);
        project.UpdateLocation(holder, "1 place de la Mairie", 48.86, 2.44, now);
        project.ReplaceBudget(holder, spec.Budget, now);
        project.ReplaceRequestedSupport(holder, spec.Support, now);
        foreach (var alt in spec.ImageAlts)
        {
            project.AddImage(holder, $"projects/test-{Guid.NewGuid():N}.png", "image/png", alt, now);
        }

        if (spec.Submitted)
        {
            project.Submit(holder, spec.Moderation, now);
        }

        var staff = await db.Memberships.Where(m => m.MunicipalityId == city.Id && m.Role == StaffRole.Admin).Select(m => m.UserId).FirstAsync();
        if (spec.InReview)
        {
            project.TakeIntoReview(city, staff, null, now);
        }

        if (spec.HiddenReason is not null)
        {
            project.Hide(staff, spec.HiddenReason, now);
        }

        db.Projects.Add(project);
        await db.SaveChangesAsync();

        foreach (var supporter in spec.Supporters)
        {
            db.ProjectSupports.Add(new ProjectSupport(project, await UserIdAsync(db, supporter), now));
        }

        await db.SaveChangesAsync();
        return project.Id;
    }

    /// <summary>A comment on a public project; <paramref name="moderation"/> decides whether it waits for approval.</summary>
    public static async Task<long> CommentAsync(this AppFactory app, long projectId, string authorEmail, string body, ModerationMode moderation = ModerationMode.PostModeration)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        var comment = Comment.Write(project, await UserIdAsync(db, authorEmail), null, body, moderation, DateTime.UtcNow);
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment.Id;
    }

    public static Task<Comment> CommentStateAsync(this AppFactory app, long id) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Everything moderation could change about a city's projects and comments, to prove a refused request changed nothing.</summary>
    public static Task<string> ModerationSnapshotAsync(this AppFactory app, string slug) =>
        app.WithDbAsync(async db =>
        {
            var cityId = await db.Municipalities.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync();
            var projects = await db.Projects.AsNoTracking()
                .Where(p => p.MunicipalityId == cityId)
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Version, p.Status, p.PublishedAtUtc, p.HiddenAtUtc, p.HiddenReason, Events = p.History.Count })
                .ToListAsync();
            var comments = await db.Comments.AsNoTracking()
                .Where(c => c.MunicipalityId == cityId)
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Version, c.State, c.OpenReportCount, c.ModeratedAtUtc, c.ModerationReason })
                .ToListAsync();
            return string.Join('\n', projects.Select(p => p.ToString())) + "\n--\n" + string.Join('\n', comments.Select(c => c.ToString()));
        });

    /// <summary>Gives a person a postal address (kept for tax receipts), to prove it never leaks.</summary>
    public static async Task GivePostalAddressAsync(this AppFactory app, string email, string line)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await UserIdAsync(db, email);
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.AddressLine1 = line;
        user.PostalCode = "93100";
        user.City = "Montreuil";
        await db.SaveChangesAsync();
    }

    private static Task<long> UserIdAsync(AppDbContext db, string email)
    {
        var normalized = email.ToUpperInvariant();
        return db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
    }
}
