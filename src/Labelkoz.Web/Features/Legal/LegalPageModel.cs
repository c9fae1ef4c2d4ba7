using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Legal;

/// <summary>The model of every public legal page: the site's details, the platform's or a city's over the platform's defaults.</summary>
public sealed class LegalPageModel(LegalSite site) : PageModel
{
    public LegalView Site { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Site = await site.CurrentAsync(cancellationToken);
}
