using Labelkoz.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.DevMail;

/// <summary>The development mail sink: every message the app "sent", newest first. 404 outside Development.</summary>
public sealed class IndexModel(IWebHostEnvironment environment, MailSink sink) : PageModel
{
    public IReadOnlyList<MailSink.StoredMail> Messages { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Messages = sink.List();
        return Page();
    }
}
