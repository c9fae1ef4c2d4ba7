using Labelkoz.Data;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Cities;

/// <summary>A city's own site on the platform, at <c>/{slug}</c>.</summary>
public sealed class IndexModel(AppDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public const int LatestProjectCount = 6;

    public CityView City { get; private set; } = null!;

    /// <summary>The city's newest public projects.</summary>
    public IReadOnlyList<ProjectCardView> LatestProjects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = tenant.MunicipalityId;
        City = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new CityView(
                m.Name, m.Slug, m.InseeCode, m.Population, m.Presentation, m.ContactEmail, m.ContactPhone, m.Website,
                m.LogoFileKey != null, m.Version,
                m.Neighbourhoods.OrderBy(n => n.Name).Select(n => n.Name).ToList()))
            .SingleAsync(cancellationToken);
        LatestProjects = await db.Projects.AsNoTracking()
            .ThatArePublic()
            .NewestFirst()
            .Take(LatestProjectCount)
            .SelectCards(db, PublicLabels.Today(clock))
            .ToListAsync(cancellationToken);
    }

    public sealed record CityView(
        string Name, string Slug, string InseeCode, int Population, string? Presentation, string? ContactEmail, string? ContactPhone, string? Website,
        bool HasLogo, long Version, IReadOnlyList<string> Neighbourhoods);
}
