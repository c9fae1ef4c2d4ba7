using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Projects.Propose;

/// <summary>Journeys shared by the proposing tests: start a draft, fill the guided form, upload, look in the database.</summary>
internal static partial class ProposeTestKit
{
    /// <summary>A SIREN whose Luhn key is right (Montreuil's) and one whose key is wrong.</summary>
    public const string ValidSiren = "219300480";
    public const string InvalidSiren = "219300481";

    public static string EditUrl(string slug, long id) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/projets/{id}/modifier");

    public static string ImagesUrl(string slug, long id) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/projets/{id}/images");

    public static string SubmitUrl(string slug, long id) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/projets/{id}/deposer");

    public static string WithdrawUrl(string slug, long id) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/projets/{id}/retirer");

    /// <summary>Starts a draft through the "proposer" page and returns its id (read from the redirect to its edit page).</summary>
    public static async Task<long> StartDraftAsync(this TestBrowser browser, string slug, string title)
    {
        var start = await browser.GetAsync($"/{slug}/projets/proposer");
        Assert.Equal(System.Net.HttpStatusCode.OK, start.Status);
        var created = await browser.SubmitAsync(start, "form#proposer", new Dictionary<string, string> { ["Input.Title"] = title });
        Assert.True(created.IsRedirect, created.MainText);
        var match = EditPath().Match(created.Location!);
        Assert.True(match.Success, created.Location);
        Assert.Equal(slug, match.Groups["slug"].Value);
        return long.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The fields that make a project ready to be submitted.</summary>
    public static Dictionary<string, string> Complete(string? title = null) => new()
    {
        ["Input.Title"] = title ?? "Un jardin partagé rue de Paris",
        ["Input.Summary"] = "Des bacs de culture ouverts à tous les voisins.",
        ["Input.Description"] = "## Le projet\n\nDes **bacs** en bois, un composteur et une réserve d'eau de pluie.",
        ["Input.Category"] = nameof(ProjectCategory.Environment),
    };

    /// <summary>Fills the edit form with <paramref name="fields"/> over its current values and saves it.</summary>
    public static async Task<TestBrowser.Page> SaveAsync(this TestBrowser browser, string slug, long id, IReadOnlyDictionary<string, string> fields)
    {
        var form = await browser.GetAsync(EditUrl(slug, id));
        Assert.Equal(System.Net.HttpStatusCode.OK, form.Status);
        return await browser.SubmitAsync(form, "form#projet", fields);
    }

    /// <summary>A complete draft, submitted: returns its id.</summary>
    public static async Task<long> SubmittedProjectAsync(this TestBrowser browser, string slug, string title)
    {
        var id = await browser.StartDraftAsync(slug, title);
        var saved = await browser.SaveAsync(slug, id, Complete(title));
        Assert.True(saved.IsRedirect, saved.MainText);
        var page = await browser.GetAsync(SubmitUrl(slug, id));
        var submitted = await browser.SubmitAsync(page, "form#deposer");
        Assert.True(submitted.IsRedirect, submitted.MainText);
        return id;
    }

    /// <summary>
    /// Presses a submit button of a form the way a browser does: the form's values, overridden by
    /// <paramref name="fields"/>, sent to the button's <c>formaction</c> (its page handler).
    /// </summary>
    public static async Task<TestBrowser.Page> PressAsync(this TestBrowser browser, TestBrowser.Page page, string formSelector, string buttonText, IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}.");
        var button = form.QuerySelectorAll("button").SingleOrDefault(b => b.TextContent.Trim() == buttonText)
            ?? throw new InvalidOperationException($"No button « {buttonText} » in {formSelector}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
            }
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        var action = button.GetAttribute("formaction") ?? form.GetAttribute("action") ?? page.Url;
        var response = await browser.Client.PostAsync(string.IsNullOrEmpty(action) ? page.Url : action, new FormUrlEncodedContent(values));
        return await TestBrowser.Page.ReadAsync(response);
    }

    /// <summary>Uploads an image with its alt text, as the images page's form does (multipart, antiforgery token).</summary>
    public static async Task<TestBrowser.Page> UploadImageAsync(this TestBrowser browser, string slug, long id, byte[] content, string fileName, string contentType, string? altText)
    {
        var page = await browser.GetAsync(ImagesUrl(slug, id));
        Assert.NotNull(page.AntiforgeryToken);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.AntiforgeryToken!), "__RequestVerificationToken");
        if (altText is not null)
        {
            form.Add(new StringContent(altText), "Upload.AltText");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Upload.File", fileName);
        var response = await browser.Client.PostAsync(ImagesUrl(slug, id) + "?handler=Upload", form);
        return await TestBrowser.Page.ReadAsync(response);
    }

    /// <summary>Everything the holder's pages can change, to prove a refused request changed nothing.</summary>
    public static async Task<string> SnapshotAsync(this AppFactory app, long id)
    {
        var p = await app.ProjectAsync(id);
        return string.Join(
            " | ",
            p.Version,
            p.Status,
            p.Title,
            p.Summary,
            p.Description,
            p.Category,
            p.NeighbourhoodId,
            p.Address,
            p.Latitude,
            p.Longitude,
            p.HolderType,
            p.OrganisationName,
            p.Rna,
            p.Siren,
            p.PublishedAtUtc,
            string.Join(";", p.BudgetLines.OrderBy(l => l.Position).Select(l => $"{l.Label}={l.AmountCents}")),
            string.Join(";", p.RequestedSupports.OrderBy(s => s.Kind).Select(s => $"{s.Kind}={s.Details}")),
            string.Join(";", p.Images.OrderBy(i => i.Position).Select(i => $"{i.FileKey}={i.AltText}")),
            p.History.Count);
    }

    /// <summary>Runs <paramref name="change"/> on the stored project (with its city's first admin) in a scope without tenant, then saves.</summary>
    public static async Task ChangeProjectAsync(this AppFactory app, long id, Action<Project, Municipality, long> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await db.Projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.Id == id);
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == project.MunicipalityId);
        var staffId = city.Memberships.OrderBy(m => m.Id).First(m => m.Role == StaffRole.Admin).UserId;
        change(project, city, staffId);
        await db.SaveChangesAsync();
    }

    public static string StoredFile(this AppFactory app, string key) => Path.Combine(app.DataDirectory, "files", key);

    public static int StoredProjectFiles(this AppFactory app)
    {
        var folder = Path.Combine(app.DataDirectory, "files", "projects");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>The text of an element by id, whitespace collapsed (empty when absent).</summary>
    public static string TextOf(this TestBrowser.Page page, string id) =>
        string.Join(' ', (page.Document.GetElementById(id)?.TextContent ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string? ValueOf(this TestBrowser.Page page, string selector) =>
        page.Document.QuerySelector(selector) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

    /// <summary>French amounts use narrow no-break spaces: compared with plain spaces.</summary>
    public static string PlainSpaces(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    [GeneratedRegex(@"^/(?<slug>[a-z0-9-]+)/projets/(?<id>\d+)/modifier$")]
    private static partial Regex EditPath();
}
