using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.ProjectsAdmin;

/// <summary>What moderation and the staff's project pages change, read straight in the database (in a scope with no tenant).</summary>
internal static class ProjectsTestData
{
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
