using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>After registering: the account waits for its e-mail address to be confirmed.</summary>
public sealed class CheckInboxModel : PageModel
{
    public string? Email { get; private set; }

    public void OnGet()
    {
        Email = TempData[RegisterModel.RegisteredEmailKey] as string;
    }
}
