using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Language;

/// <summary>The language switch in the header: remembers the choice in a cookie and goes back.</summary>
public sealed class IndexModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = Cultures.Supported.FirstOrDefault(c => c.Name == culture)?.Name ?? Cultures.Default;
        Response.Cookies.Append(
            LocalizationModule.CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        return LocalRedirect(LocalAddress.Of(Url, returnUrl) ?? "/");
    }
}
