using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>The recovery codes just made, shown once: the page never shows them again.</summary>
[Authorize]
public sealed class RecoveryCodesModel : PageModel
{
    public const string CodesKey = "RecoveryCodes";
    public const string ThenKey = "AfterRecoveryCodes";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string Next => LocalAddress.Of(Url, ReturnUrl) ?? SecondFactorPaths.Settings;

    public void OnGet()
    {
        Codes = TempData[CodesKey] is string codes ? codes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        if (TempData[ThenKey] is string then)
        {
            // Shown on the next page, the one the person was going to.
            TempData["StatusMessage"] = then;
        }
    }
}
