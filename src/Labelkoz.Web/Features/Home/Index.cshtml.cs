using Labelkoz.Data;
using Labelkoz.Web.Features.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Home;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int SearchMaxLength = 100;
    public const int LatestProjectCount = 8;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<CityCard> Cities { get; private set; } = [];

    public int MemberCount { get; private set; }

    /// <summary>The newest public projects of every city.</summary>
    public IReadOnlyList<ProjectCardView> LatestProjects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cities = db.Municipalities.AsNoTracking();
        MemberCount = await cities.CountAsync(cancellationToken);
        var search = Query?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            search = search.Length > SearchMaxLength ? search[..SearchMaxLength] : search;
            var pattern = "%" + search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), not run in .NET
            cities = cities.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, "\\") || EF.Functions.Like(m.Slug, pattern, "\\") || m.InseeCode == search);
#pragma warning restore CA1304, CA1311
        }

        Cities = await cities
            .OrderBy(m => m.Name)
            .Select(m => new CityCard(m.Name, m.Slug, m.InseeCode, m.Population, m.LogoFileKey != null, m.Version, m.Presentation, m.Neighbourhoods.Count))
            .Take(100)
            .ToListAsync(cancellationToken);
        LatestProjects = await db.Projects.AsNoTracking()
            .ThatArePublic()
            .NewestFirst()
            .Take(LatestProjectCount)
            .SelectCards(db, PublicLabels.Today(clock))
            .ToListAsync(cancellationToken);
    }

    public sealed record CityCard(string Name, string Slug, string InseeCode, int Population, bool HasLogo, long Version, string? Presentation, int NeighbourhoodCount);
}
