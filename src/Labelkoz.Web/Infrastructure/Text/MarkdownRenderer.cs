using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Labelkoz.Web.Infrastructure.Text;

/// <summary>
/// Turns a project's Markdown into HTML that is safe to show: raw HTML in the source is not
/// rendered, the result is sanitised (no script, no event handler, no javascript: URL survives),
/// and every link gets <c>rel="nofollow noopener"</c>.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UsePipeTables()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td" })
        {
            _sanitizer.AllowedTags.Add(tag);
        }

        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.Add("href");
        _sanitizer.AllowedAttributes.Add("rel");
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "nofollow noopener");
            }
        };
    }

    public HtmlString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        // Headings start at h2: the page's single h1 is the project title.
        var html = Markdown.ToHtml(markdown, Pipeline)
            .Replace("<h1>", "<h2>", StringComparison.Ordinal).Replace("</h1>", "</h2>", StringComparison.Ordinal)
            .Replace("<h5>", "<h4>", StringComparison.Ordinal).Replace("</h5>", "</h4>", StringComparison.Ordinal)
            .Replace("<h6>", "<h4>", StringComparison.Ordinal).Replace("</h6>", "</h4>", StringComparison.Ordinal);
        return new HtmlString(_sanitizer.Sanitize(html));
    }
}
