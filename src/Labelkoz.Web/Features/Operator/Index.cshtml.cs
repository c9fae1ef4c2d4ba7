using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Operator;

/// <summary>The platform operator's list of municipalities, searchable by name, slug or INSEE code.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int SearchMaxLength = 100;
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Cities { get; private set; } = [];

    public int Total { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cities = db.Municipalities.AsNoTracking();
        var search = Query?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            search = search.Length > SearchMaxLength ? search[..SearchMaxLength] : search;
            var upper = search.ToUpperInvariant();
            var pattern = "%" + search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), not run in .NET
            cities = cities.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, "\\") || EF.Functions.Like(m.Slug, pattern, "\\") || m.InseeCode == upper);
#pragma warning restore CA1304, CA1311
        }

        Total = await cities.CountAsync(cancellationToken);
        Cities = await cities
            .OrderBy(m => m.Name)
            .Select(m => new Row(m.Id, m.Name, m.Slug, m.InseeCode, m.Population, m.SubscriptionStatus, m.Memberships.Count, m.CreatedAtUtc))
            .Take(PageSize)
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(long Id, string Name, string Slug, string InseeCode, int Population, SubscriptionStatus Status, int StaffCount, DateTime CreatedAtUtc);
}
