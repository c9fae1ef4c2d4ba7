using System.Net.Http.Headers;
using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.CityAdmin;

/// <summary>Browsers signed in as the demo staff, uploads, and a look at a city straight in the database.</summary>
internal static class StaffTestKit
{
    public const string MontreuilAdmin = "admin@montreuil.demo.labelkoz.fr";
    public const string MontreuilAgent = "agent@montreuil.demo.labelkoz.fr";
    public const string BagnoletAdmin = "admin@bagnolet.demo.labelkoz.fr";
    public const string BagnoletAgent = "agent@bagnolet.demo.labelkoz.fr";
    public const string Operator = "operateur@demo.labelkoz.fr";
    public const string Citizen = "camille@demo.labelkoz.fr";

    /// <summary>On https: outside Development the session cookie is Secure and would not travel over http.</summary>
    public static TestBrowser HttpsBrowser(this AppFactory app) => app.NewBrowser();

    public static async Task<TestBrowser> SignedInAsync(this AppFactory app, string email, string password = Web.Demo.DemoSeeder.DemoPassword)
    {
        var browser = app.HttpsBrowser();
        await browser.LogInAsync(email, password);
        return browser;
    }

    /// <summary>Posts a multipart form (a file plus the page's antiforgery token) the way a browser sends an upload.</summary>
    public static async Task<TestBrowser.Page> UploadAsync(this TestBrowser browser, string url, TestBrowser.Page tokenSource, string field, byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(tokenSource.AntiforgeryToken ?? string.Empty), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        var response = await browser.Client.PostAsync(url, form);
        return await TestBrowser.Page.ReadAsync(response);
    }

    /// <summary>The text of a field's error message (the span the input points at with aria-describedby).</summary>
    public static string FieldError(this TestBrowser.Page page, string id) =>
        page.Document.GetElementById(id)?.TextContent.Trim() ?? string.Empty;

    /// <summary>One h1, unique ids, a label for every visible control, and aria-describedby pointing at real elements.</summary>
    public static void AssertAccessibleStructure(this TestBrowser.Page page)
    {
        var document = page.Document;
        Assert.Single(document.QuerySelectorAll("h1"));
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.True(ids.Count == ids.Distinct().Count(), $"Duplicate ids on {page.Url}: " + string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key)));
        foreach (var control in document.QuerySelectorAll("main input:not([type=hidden]):not([type=submit]), main select, main textarea"))
        {
            Assert.False(string.IsNullOrEmpty(control.Id), $"A control without id on {page.Url}: {control.OuterHtml}");
            Assert.True(document.QuerySelector($"label[for='{control.Id}']") is not null, $"No label for #{control.Id} on {page.Url}");
            foreach (var described in (control.GetAttribute("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(document.GetElementById(described) is not null, $"#{control.Id} is described by missing #{described} on {page.Url}");
            }
        }

        // The framework's own messages are English: every one shown here must be ours, in French.
        Assert.DoesNotContain("field is required", page.Html, StringComparison.Ordinal);

        foreach (var table in document.QuerySelectorAll("main table"))
        {
            Assert.NotEmpty(table.QuerySelectorAll("th[scope]"));
        }
    }

    public static string ErrorSummary(this TestBrowser.Page page) =>
        page.Document.QuerySelector("#erreurs")?.TextContent.Trim() ?? string.Empty;

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

    /// <summary>The invitation link of the latest mail sent to <paramref name="email"/>, as a path.</summary>
    public static string InvitationLinkTo(this AppFactory app, string email)
    {
        var mail = app.Mail.List().FirstOrDefault(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No mail to {email}.");
        var start = mail.TextBody.IndexOf("/invitations/", StringComparison.Ordinal);
        Assert.True(start > 0, mail.TextBody);
        var end = mail.TextBody.IndexOfAny([' ', '\n', '\r'], start);
        return end < 0 ? mail.TextBody[start..] : mail.TextBody[start..end];
    }

    public static async Task<T> WithDbAsync<T>(this AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
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
