using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.ProjectsAdmin;

/// <summary>The review seen from the database: decisions, audit lines, notifications; and review moves made straight through the domain.</summary>
internal static class ReviewTestKit
{
    public static string ProjectPage(long id, string city) => $"/{city}/admin/projets/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The project's review: follow-up, decision, thread, notes (the dossier is <see cref="ProjectPage"/>).</summary>
    public static string ReviewPage(long id, string city) => ProjectPage(id, city) + "/etude";

    public static string DecisionPage(long id, string city) => ProjectPage(id, city) + "/decision";

    public static string RevokePage(long id, string city) => ProjectPage(id, city) + "/retrait-du-label";

    public static string Exchanges(long id, string city) => $"/{city}/projets/{id.ToString(CultureInfo.InvariantCulture)}/echanges";

    /// <summary>A date the person would type in the date input, <paramref name="days"/> from today in Paris.</summary>
    public static string DayFromToday(int days) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<List<ProjectDecision>> DecisionsAsync(this AppFactory app, long projectId) =>
        app.WithDbAsync(db => db.ProjectDecisions.AsNoTracking()
            .Include(d => d.Commitments)
            .Where(d => d.ProjectId == projectId)
            .OrderBy(d => d.Id)
            .ToListAsync());

    public static Task<List<AuditEntry>> AuditAsync(this AppFactory app, long projectId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == AuditSubject.Project && e.SubjectId == projectId)
            .OrderBy(e => e.Id)
            .ToListAsync());

    public static async Task<List<Notification>> NotificationsAsync(this AppFactory app, string email)
    {
        var userId = await app.UserIdAsync(email);
        return await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync());
    }

    /// <summary>Counts of what a review writes, to prove a refused request wrote nothing.</summary>
    public static Task<string> ReviewCountsAsync(this AppFactory app, long projectId) =>
        app.WithDbAsync(async db =>
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
            return string.Join(
                ' ',
                project.Version,
                project.Status,
                project.AssignedStaffUserId,
                await db.ProjectDecisions.CountAsync(d => d.ProjectId == projectId),
                await db.Commitments.CountAsync(c => db.ProjectDecisions.Any(d => d.Id == c.DecisionId && d.ProjectId == projectId)),
                await db.ReviewMessages.CountAsync(m => m.ProjectId == projectId),
                await db.ReviewNotes.CountAsync(n => n.ProjectId == projectId),
                await db.AuditEntries.CountAsync(e => e.SubjectId == projectId && e.SubjectType == AuditSubject.Project),
                await db.Notifications.CountAsync());
        });

    /// <summary>Runs review moves on a project straight through the domain, with its city and staff loaded.</summary>
    public static async Task ReviewAsync(this AppFactory app, long projectId, Action<Project, Municipality, Func<string, long>> moves)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await db.Projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.Id == projectId);
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == project.MunicipalityId);
        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        moves(project, city, email => users[email]);
        await db.SaveChangesAsync();
    }

    /// <summary>The fields of one commitment row of the decision form.</summary>
    public static Dictionary<string, string> Row(int index, string kind, string description, string? value = null)
    {
        var fields = new Dictionary<string, string>
        {
            [$"Input.Commitments[{index}].Kind"] = kind,
            [$"Input.Commitments[{index}].Description"] = description,
        };
        if (value is not null)
        {
            fields[$"Input.Commitments[{index}].EstimatedValue"] = value;
        }

        return fields;
    }

    public static Dictionary<string, string> With(this Dictionary<string, string> fields, params (string Name, string Value)[] more)
    {
        var copy = new Dictionary<string, string>(fields);
        foreach (var (name, value) in more)
        {
            copy[name] = value;
        }

        return copy;
    }

    public static Dictionary<string, string> With(this Dictionary<string, string> fields, Dictionary<string, string> more) =>
        fields.With(more.Select(kv => (kv.Key, kv.Value)).ToArray());
}
