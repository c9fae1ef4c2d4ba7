using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Labelkoz.Data;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>
/// The helpers every area's tests use, one copy each: browsers, signing in, uploads, a page's
/// errors and structure, a look straight in the database, the mail sink. What belongs to one area
/// (its URLs, its forms) stays in that area's steps.
/// </summary>
internal static partial class TestKit
{
    /// <summary>
    /// A browser on https: outside Development the session cookie is Secure, and a cookie container
    /// does not send a Secure cookie over plain http.
    /// </summary>
    public static TestBrowser HttpsBrowser(this AppFactory app) => app.NewBrowser();

    public static async Task<TestBrowser> SignedInAsync(this AppFactory app, string email, string password = Given.Password)
    {
        var browser = app.HttpsBrowser();
        await browser.LogInAsync(email, password);
        return browser;
    }

    public static async Task<T> WithDbAsync<T>(this AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task<long> UserIdAsync(this AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return user.Id;
    }

    /// <summary>A project as stored, children included, read without any tenant (every city).</summary>
    public static Task<Project> ProjectAsync(this AppFactory app, long id) =>
        app.WithDbAsync(db => db.Projects.AsNoTracking()
            .Include(p => p.BudgetLines)
            .Include(p => p.RequestedSupports)
            .Include(p => p.Images)
            .Include(p => p.History)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == id));

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

    /// <summary>The text of a field's error message (the span the input points at with aria-describedby); empty when absent.</summary>
    public static string FieldError(this TestBrowser.Page page, string id) =>
        page.Document.GetElementById(id)?.TextContent.Trim() ?? string.Empty;

    /// <summary>The text of the page's error summary; empty when absent.</summary>
    public static string ErrorSummary(this TestBrowser.Page page) =>
        page.Document.QuerySelector("#erreurs")?.TextContent.Trim() ?? string.Empty;

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

    /// <summary>The text of a node, whitespace collapsed and French number spaces (narrow no-break, no-break) made plain.</summary>
    public static string Flat(this string? text) =>
        string.Join(' ', (text ?? string.Empty).Replace('\u202F', ' ').Replace('\u00A0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The mails sent to <paramref name="email"/>, the latest first.</summary>
    public static IReadOnlyList<MailSink.StoredMail> MailsTo(this AppFactory app, string email) =>
        app.Mail.List().Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).ToList();

    public static MailSink.StoredMail LatestMailTo(this AppFactory app, string email)
    {
        var mails = app.MailsTo(email);
        return mails.Count > 0 ? mails[0] : throw new InvalidOperationException($"No mail to {email}.");
    }

    /// <summary>The link of the mail's text body that goes to <paramref name="path"/>, as a path and query on the test host.</summary>
    public static string LinkTo(this MailSink.StoredMail mail, string path)
    {
        var link = WebAddress().Matches(mail.TextBody)
            .Select(m => new Uri(m.Value))
            .FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in:\n{mail.TextBody}");
        return link.PathAndQuery;
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

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex WebAddress();
}
