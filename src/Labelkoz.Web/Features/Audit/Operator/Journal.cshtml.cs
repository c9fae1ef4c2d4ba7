using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Audit.Operator;

/// <summary>Every city's audit journal in one place, for the operator: the same filters, plus the city. Read-only.</summary>
public sealed class JournalModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Path = "/operateur/journal";

    public JournalView Journal { get; private set; } = null!;

    /// <summary>The page has no form handler: any POST (whatever <c>?handler=</c> it names) is "not found".</summary>

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cities = await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.Name)
            .Select(m => new JournalCity(m.Id, m.Name))
            .ToListAsync(cancellationToken);
        var filter = JournalFilter.Parse(Request.Query, withCity: true);
        if (filter.CityId is { } city && !cities.Any(c => c.Id == city))
        {
            filter = filter with { CityId = null };
        }

        var page = await JournalPage.LoadAsync(db, filter, cancellationToken);
        Journal = new JournalView(Path, filter, page, cities, ProjectsPath: null);
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var filter = JournalFilter.Parse(Request.Query, withCity: true);
        var today = Cultures.ToParis(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return JournalCsv.WriteAsync(Response, $"journal-plateforme-{today}.csv", JournalPage.Export(db, filter), l, withCity: true, cancellationToken);
    }
}
