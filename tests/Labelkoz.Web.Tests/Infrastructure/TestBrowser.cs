using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>
/// Drives the site the way a browser does: reads pages as HTML documents, fills forms (with the
/// antiforgery token they carry), follows redirects on request.
/// </summary>
public sealed class TestBrowser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

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
        var response = await Client.PostAsync(action, new FormUrlEncodedContent(values));
        return await Page.ReadAsync(response);
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

        var response = await Client.PostAsync(url, new FormUrlEncodedContent(values));
        return await Page.ReadAsync(response);
    }

    public async Task<Page> LogInAsync(string email, string password = Labelkoz.Web.Demo.DemoSeeder.DemoPassword)
    {
        var login = await GetAsync("/compte/connexion");
        var result = await SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (!result.IsRedirect)
        {
            throw new InvalidOperationException($"Log-in of {email} failed with {(int)result.Status}: {result.Document.QuerySelector("main")?.TextContent}");
        }

        return result;
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
