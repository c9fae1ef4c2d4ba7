using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Labelkoz.Web.Tests.Infrastructure;

namespace Labelkoz.Web.Tests.Workbench;

/// <summary>What a browser does with the workbench's forms that the shared test browser does not.</summary>
internal static class FormGets
{
    /// <summary>Submits a GET form: its fields in the query string of its action.</summary>
    public static async Task<TestBrowser.Page> SubmitGetAsync(this TestBrowser browser, TestBrowser.Page page, string formSelector, params (string Name, string Value)[] fields)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        Assert.Equal("get", form.Method, StringComparer.OrdinalIgnoreCase);
        var query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
        return await browser.GetAsync(form.GetAttribute("action") + (query.Length == 0 ? string.Empty : "?" + query));
    }

    /// <summary>
    /// Submits a form by one of its buttons that carries its own <c>formaction</c> (the rows'
    /// "Choisir"): every field the form holds, overridden by <paramref name="fields"/>, to that address.
    /// </summary>
    public static async Task<TestBrowser.Page> SubmitToAsync(this TestBrowser browser, TestBrowser.Page page, string formSelector, string action, IReadOnlyDictionary<string, string> fields)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        Assert.NotNull(form.QuerySelector($"button[formaction='{action}']"));
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

        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        var response = await browser.Client.PostAsync(action, new FormUrlEncodedContent(values));
        return await TestBrowser.Page.ReadAsync(response);
    }
}
