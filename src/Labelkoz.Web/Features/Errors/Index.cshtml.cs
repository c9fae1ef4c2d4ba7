using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Errors;

/// <summary>The French error pages (404, 403, 400, 429, 500), reached through status-code re-execution.</summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ReadOnlyExplanation =
        "{0} a résilié son abonnement à Labelkoz : son site reste consultable, mais on ne peut plus y proposer de projet, y commenter, y contribuer ni y candidater.";

    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    // The code is read from the route, not bound: binding would read the failed request's form
    // (e.g. one refused for a NUL character) and turn its 400 into a 500.
    public IActionResult OnGet() => Show(RouteCode());

    public IActionResult OnPost() => Show(RouteCode());

    private int RouteCode() =>
        int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 500;

    private PageResult Show(int code)
    {
        // Only re-executed errors keep their status; a direct visit to /erreur/500 is a plain page.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        (Title, Explanation) = code switch
        {
            400 => (l["Requête invalide"].Value, l["La demande n'a pas pu être traitée. Si vous avez envoyé un formulaire, rechargez la page et recommencez."].Value),
            403 => (l["Accès refusé"].Value, l["Vous n'avez pas les droits nécessaires pour accéder à cette page."].Value),
            404 => (l["Page introuvable"].Value, l["La page que vous cherchez n'existe pas ou a été déplacée."].Value),
            429 => (l["Trop de tentatives"].Value, l["Vous avez fait trop de tentatives en peu de temps. Patientez une minute avant de réessayer."].Value),
            _ => (l["Une erreur est survenue"].Value, l["Nous n'avons pas pu traiter votre demande. L'équipe technique a été prévenue ; réessayez dans quelques instants."].Value),
        };
        if (code == 403 && HttpContext.Items[Infrastructure.Tenancy.TenantResolutionMiddleware.ReadOnlyRefusal] is string city)
        {
            (Title, Explanation) = (l["Site en lecture seule"].Value, l[ReadOnlyExplanation, city].Value);
        }

        if (reExecuted || HttpContext.Response.StatusCode >= 400)
        {
            HttpContext.Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        }

        return Page();
    }
}
