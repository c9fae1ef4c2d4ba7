using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.CityAdmin;

/// <summary>A city's staff and accounts made straight in the database, and a snapshot of a city to prove a refused request changed nothing.</summary>
internal static class StaffTestKit
{
    /// <summary>A new confirmed account, made staff of a city straight in the database.</summary>
    public static async Task<string> NewStaffAsync(this AppFactory app, string slug, StaffRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@exemple.fr";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Membre " + role, CreatedAtUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, Web.Demo.DemoSeeder.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Slug == slug);
        city.GrantRole(user.Id, role, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>A confirmed account with the demo password, that belongs to no city's staff.</summary>
    public static async Task CreateAccountAsync(this AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(
            new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Personne invitée", CreatedAtUtc = DateTime.UtcNow },
            Web.Demo.DemoSeeder.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>Everything a back-office page could change about a city, to prove a refused request changed nothing.</summary>
    public static Task<CitySnapshot> SnapshotAsync(this AppFactory app, string slug) =>
        app.WithDbAsync(db => db.Municipalities.AsNoTracking()
            .Where(m => m.Slug == slug)
            .Select(m => new CitySnapshot(
                m.Name, m.BrandColour, m.LogoFileKey, m.Presentation, m.ContactEmail, m.Website,
                m.ProjectModeration, m.CommentModeration, m.LabelRequiredForFunding, m.AccessibilityCompliance,
                m.Version, m.Neighbourhoods.Count, m.Memberships.Count, m.Invitations.Count, m.Invitations.Count(i => i.RevokedAtUtc != null),
                db.ProjectDecisions.Count(d => d.MunicipalityId == m.Id),
                db.ProjectDecisions.Count(d => d.MunicipalityId == m.Id && d.State == Domain.Projects.DecisionState.Proposed),
                db.Commitments.Count(c => c.MunicipalityId == m.Id),
                db.ReviewMessages.Count(r => r.MunicipalityId == m.Id),
                db.ReviewNotes.Count(n => n.MunicipalityId == m.Id),
                db.AuditEntries.Count(e => e.MunicipalityId == m.Id)))
            .SingleAsync());

    public sealed record CitySnapshot(
        string Name, string BrandColour, string? LogoFileKey, string? Presentation, string? ContactEmail, string? Website,
        ModerationMode ProjectModeration, ModerationMode CommentModeration, bool LabelRequiredForFunding, string AccessibilityCompliance,
        long Version, int Neighbourhoods, int Staff, int Invitations, int RevokedInvitations,
        int Decisions, int PendingDecisions, int Commitments, int ReviewMessages, int ReviewNotes, int AuditEntries);
}
