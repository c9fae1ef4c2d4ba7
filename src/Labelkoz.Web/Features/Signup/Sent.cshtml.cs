using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Signup;

/// <summary>After the sign-up form: the request waits for its contact to follow the link e-mailed to them.</summary>
public sealed class SentModel : PageModel
{
    public string? Email { get; private set; }

    public void OnGet()
    {
        Email = TempData[IndexModel.SentEmailKey] as string;
    }
}
