using System.Text.RegularExpressions;
using Labelkoz.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.DevMail;

/// <summary>
/// One message of the development mail sink. Only the text body is shown, with its links made
/// clickable: rendering the HTML body would need inline styles and could carry script.
/// </summary>
public sealed partial class MessageModel(IWebHostEnvironment environment, MailSink sink) : PageModel
{
    public MailSink.StoredMail Mail { get; private set; } = null!;

    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    public IActionResult OnGet(string id)
    {
        if (!DevMailAccess.Allowed(HttpContext, environment) || sink.Find(id) is not { } mail)
        {
            return NotFound();
        }

        Mail = mail;
        Body = Linkify(mail.TextBody);
        return Page();
    }

    /// <summary>Plain text with every http(s) address turned into a link; all text is HTML-encoded on output.</summary>
    public static IHtmlContent Linkify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var content = new HtmlContentBuilder();
        var position = 0;
        foreach (Match match in WebAddress().Matches(text))
        {
            // Punctuation that ends a sentence is not part of the address.
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            content.Append(text[position..match.Index]);
            content.AppendHtml("<a href=\"").Append(url).AppendHtml("\">").Append(url).AppendHtml("</a>");
            position = match.Index + url.Length;
        }

        content.Append(text[position..]);
        return content;
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();
}
