using Labelkoz.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.DevMail;

/// <summary>The development mail sink: every message the app "sent", newest first. 404 outside Development and to anyone not on the machine itself (<see cref="DevMailAccess"/>).</summary>
public sealed class IndexModel(IWebHostEnvironment environment, MailSink sink) : PageModel
{
    public IReadOnlyList<MailSink.StoredMail> Messages { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!DevMailAccess.Allowed(HttpContext, environment))
        {
            return NotFound();
        }

        Messages = sink.List();
        return Page();
    }
}
