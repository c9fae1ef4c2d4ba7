using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Audit.Admin;

/// <summary>
/// The city's audit journal: what its staff (and the operator, for the city) did, newest first,
/// with filters and a CSV export. Read-only for everyone: the page has no form handler at all, and
/// the log itself cannot be changed (see <see cref="Domain.Audit.AuditEntry"/>).
/// </summary>
public sealed class JournalModel(AppDbContext db, TenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public CurrentCity City => tenant.City!;

    public JournalView Journal { get; private set; } = null!;

    private string Path => $"/{City.Slug}/admin/journal";

    /// <summary>The page has no form handler: any POST (whatever <c>?handler=</c> it names) is "not found".</summary>

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The tenant filter keeps the city's own entries.
        var filter = JournalFilter.Parse(Request.Query, withCity: false);
        var page = await JournalPage.LoadAsync(db, filter, cancellationToken);
        Journal = new JournalView(Path, filter, page, Cities: null, ProjectsPath: $"/{City.Slug}/admin/projets");
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var filter = JournalFilter.Parse(Request.Query, withCity: false);
        var today = Cultures.ToParis(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return JournalCsv.WriteAsync(Response, $"journal-{City.Slug}-{today}.csv", JournalPage.Export(db, filter), l, withCity: false, cancellationToken);
    }
}
