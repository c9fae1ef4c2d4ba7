using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>
/// Drives the site the way a browser does: reads pages as HTML documents, fills forms (with the
/// antiforgery token they carry), follows redirects on request.
/// </summary>
public sealed class TestBrowser(HttpClient client, Func<DateTimeOffset>? clock = null) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    /// <summary>
    /// The key of the authenticator app this browser's person holds (ADR 19): the test key every
    /// staff account made by the builders is enrolled with, or the one read when enrolling here.
    /// </summary>
    public string SecondFactorKey { get; set; } = TestTotp.Key;

    /// <summary>The keys people set up in any test browser, by address: the same person's app in their next browser.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> EnrolledKeys = new(StringComparer.OrdinalIgnoreCase);

    private string? _email;

    /// <summary>The code the person's app shows now, on the server's clock.</summary>
    public string CurrentCode() => TestTotp.Code(SecondFactorKey, (clock ?? (() => DateTimeOffset.UtcNow))());

    public async Task<Page> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    /// <summary>Follows redirects (GET) until a page is reached.</summary>
    public async Task<Page> FollowAsync(Page page)
    {
        var current = page;
        for (var hops = 0; hops < 10 && current.IsRedirect; hops++)
        {
            current = await GetAsync(current.Location!);
        }

        return current;
    }

    /// <summary>
    /// Submits the form of <paramref name="page"/> matched by <paramref name="formSelector"/> with its
    /// current values (hidden antiforgery token included), overridden by <paramref name="fields"/>.
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, string formSelector, IReadOnlyDictionary<string, string>? fields = null, string? submitName = null, string? submitValue = null)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}:\n{page.Html[..Math.Min(page.Html.Length, 3000)]}");
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

        if (fields is not null)
        {
            foreach (var (name, value) in fields)
            {
                values.RemoveAll(v => v.Key == name);
                values.Add(new(name, value));
            }
        }

        if (submitName is not null)
        {
            values.Add(new(submitName, submitValue ?? string.Empty));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        return await PostFormAsync(action, values);
    }

    /// <summary>Posts raw fields to a URL, with the antiforgery token of a page the browser already holds.</summary>
    public async Task<Page> PostAsync(string url, Page tokenSource, IReadOnlyDictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>(fields);
        var token = tokenSource.AntiforgeryToken;
        if (token is not null)
        {
            values.Add(new("__RequestVerificationToken", token));
        }

        return await PostFormAsync(url, values);
    }

    /// <summary>
    /// Posts a form. A sensitive action refused for want of a recent proof of identity (a redirect to
    /// <c>/compte/reconfirmer</c>) is done as a person does it: confirm with the app's code, then send
    /// the same form again (once).
    /// </summary>
    private async Task<Page> PostFormAsync(string action, List<KeyValuePair<string, string>> values)
    {
        var page = await Page.ReadAsync(await Client.PostAsync(action, new FormUrlEncodedContent(values)));
        if (!page.IsRedirect || page.Location?.StartsWith("/compte/reconfirmer", StringComparison.Ordinal) != true)
        {
            return page;
        }

        var confirm = await GetAsync(page.Location);
        var confirmed = await SubmitAsync(confirm, "form#reconfirmer", new Dictionary<string, string> { ["Proof"] = CurrentCode() });
        if (!confirmed.IsRedirect)
        {
            return confirmed;
        }

        var token = (await GetAsync(confirmed.Location!)).AntiforgeryToken;
        values.RemoveAll(v => v.Key == "__RequestVerificationToken");
        if (token is not null)
        {
            values.Add(new("__RequestVerificationToken", token));
        }

        return await Page.ReadAsync(await Client.PostAsync(action, new FormUrlEncodedContent(values)));
    }

    public async Task<Page> LogInAsync(string email, string password = Labelkoz.Web.Demo.DemoSeeder.DemoPassword)
    {
        _email = email;
        SecondFactorKey = EnrolledKeys.GetValueOrDefault(email, TestTotp.Key);
        var login = await GetAsync("/compte/connexion");
        var result = await SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (!result.IsRedirect)
        {
            throw new InvalidOperationException($"Log-in of {email} failed with {(int)result.Status}: {result.Document.QuerySelector("main")?.TextContent}");
        }

        // Staff prove their second factor: the app's code, or (first log-in) they set the app up.
        if (result.Location!.StartsWith("/compte/connexion/code", StringComparison.Ordinal))
        {
            result = await SubmitAsync(await GetAsync(result.Location), "form#code-connexion", new Dictionary<string, string> { ["Code"] = CurrentCode() });
        }
        else if (result.Location.StartsWith("/compte/double-authentification/activer", StringComparison.Ordinal))
        {
            result = await EnrolAsync(await GetAsync(result.Location));
        }

        if (!result.IsRedirect)
        {
            throw new InvalidOperationException($"Second factor of {email} failed with {(int)result.Status}: {result.Document.QuerySelector("main")?.TextContent}");
        }

        return result;
    }

    /// <summary>Sets up the authenticator app from the enrolment page (the key it shows) and sends its first code.</summary>
    public async Task<Page> EnrolAsync(Page enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        SecondFactorKey = enrolment.Document.QuerySelector("#cle-authentification")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (_email is not null)
        {
            EnrolledKeys[_email] = SecondFactorKey;
        }

        return await SubmitAsync(enrolment, "form#activer-double-authentification", new Dictionary<string, string> { ["Code"] = CurrentCode() });
    }

    /// <summary>
    /// Staff asked to set up their app (a back office sent them to the enrolment page): they do, keep
    /// the recovery codes, and go on to the page they asked for. Returns that page.
    /// </summary>
    public async Task<Page> EnrolAndContinueAsync(Page enrolment, string? email = null)
    {
        _email = email ?? _email;
        var enrolled = await EnrolAsync(enrolment);
        var codes = await FollowAsync(enrolled);
        if (codes.Document.QuerySelectorAll("#codes-de-secours li").Length == 0)
        {
            throw new InvalidOperationException($"No recovery codes after enrolling: {codes.MainText}");
        }

        return await FollowAsync(await GetAsync(codes.Document.QuerySelector("main a.button")!.GetAttribute("href")!));
    }

    public void Dispose() => Client.Dispose();

    public sealed class Page
    {
        private Page(HttpResponseMessage response, string html, IDocument document)
        {
            Response = response;
            Html = html;
            Document = document;
        }

        public HttpResponseMessage Response { get; }

        public HttpStatusCode Status => Response.StatusCode;

        public string Html { get; }

        public IDocument Document { get; }

        public string Url => Response.RequestMessage!.RequestUri!.PathAndQuery;

        public bool IsRedirect => (int)Status is >= 300 and < 400;

        public string? Location => Response.Headers.Location?.OriginalString;

        public string? AntiforgeryToken => Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");

        /// <summary>The visible text of the main landmark, whitespace collapsed.</summary>
        public string MainText => string.Join(' ', (Document.QuerySelector("main")?.TextContent ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var document = await Parser.ParseDocumentAsync(html);
            return new Page(response, html, document);
        }
    }
}
