using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects;

/// <summary>
/// A city's public projects at <c>/{slug}/projets</c>: search, filters, sorting and pages. Query
/// values are read by hand, never bound: a value that makes no sense is ignored, not an error.
/// </summary>
public sealed class ListModel(AppDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public const int PageSize = 12;
    public const int QueryMaxLength = 200;
    public const string SortNewest = "recents";
    public const string SortMostSupported = "soutiens";
    public const string LabelledParameter = "labellises";

    /// <summary>Every status a public project can be in (a draft never is).</summary>
    public static readonly IReadOnlyList<ProjectStatus> PublicStatuses =
        [.. Enum.GetValues<ProjectStatus>().Where(s => s != ProjectStatus.Draft)];

    public CurrentCity City => tenant.City!;

    public string? Query { get; private set; }

    public ProjectCategory? Category { get; private set; }

    public long? NeighbourhoodId { get; private set; }

    public ProjectStatus? Status { get; private set; }

    /// <summary>Only the projects that carry the city's badge today (<c>?labellises=1</c>).</summary>
    public bool LabelledOnly { get; private set; }

    public string Sort { get; private set; } = SortNewest;

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<Option> Neighbourhoods { get; private set; } = [];

    public IReadOnlyList<ProjectCardView> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        Query = Clip(query["q"].ToString().Trim());
        Category = ParseEnum<ProjectCategory>(query["categorie"]);
        Status = ParseEnum<ProjectStatus>(query["statut"]) is { } status && PublicStatuses.Contains(status) ? status : null;
        LabelledOnly = query[LabelledParameter].ToString() is "1" or "true" or "on";
        Sort = string.Equals(query["tri"], SortMostSupported, StringComparison.OrdinalIgnoreCase) ? SortMostSupported : SortNewest;

        Neighbourhoods = await db.Neighbourhoods.AsNoTracking()
            .OrderBy(n => n.Name)
            .Select(n => new Option(n.Id, n.Name))
            .ToListAsync(cancellationToken);
        NeighbourhoodId = long.TryParse(query["quartier"], NumberStyles.None, CultureInfo.InvariantCulture, out var neighbourhoodId)
            && Neighbourhoods.Any(n => n.Id == neighbourhoodId) ? neighbourhoodId : null;

        var projects = db.Projects.AsNoTracking().ThatArePublic();
        foreach (var term in SearchText.Terms(Query))
        {
            projects = projects.Where(p => p.SearchText.Contains(term));
        }

        if (Category is { } category)
        {
            projects = projects.Where(p => p.Category == category);
        }

        if (NeighbourhoodId is { } neighbourhood)
        {
            projects = projects.Where(p => p.NeighbourhoodId == neighbourhood);
        }

        if (Status is { } wanted)
        {
            projects = projects.Where(p => p.Status == wanted);
        }

        var today = PublicLabels.Today(clock);
        if (LabelledOnly)
        {
            projects = projects.ThatAreLabelled(today);
        }

        Total = await projects.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var requested)
            ? Math.Clamp(requested, 1, PageCount)
            : 1;
        if (Total == 0)
        {
            return;
        }

        var ordered = Sort == SortMostSupported
            ? projects.OrderByDescending(p => db.ProjectSupports.Count(s => s.ProjectId == p.Id))
                .ThenByDescending(p => p.PublishedAtUtc).ThenByDescending(p => p.Id)
            : projects.NewestFirst();
        Cards = await ordered
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .SelectCards(db, today)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The address of this list with the current search and filters, on page <paramref name="page"/>.</summary>
    public string PageUrl(int page)
    {
        var values = new List<string>();
        Add("q", Query);
        Add("categorie", Category?.ToString().ToLowerInvariant());
        Add("quartier", NeighbourhoodId?.ToString(CultureInfo.InvariantCulture));
        Add("statut", Status?.ToString().ToLowerInvariant());
        Add(LabelledParameter, LabelledOnly ? "1" : null);
        Add("tri", Sort == SortNewest ? null : Sort);
        Add("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture));
        var path = $"/{City.Slug}/projets";
        return values.Count == 0 ? path : path + "?" + string.Join('&', values);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
    }

    /// <summary>The page numbers to offer: the first, the last, and two on each side of the current one.</summary>
    public IReadOnlyList<int> PageLinks() =>
        [.. Enumerable.Range(1, PageCount).Where(p => p == 1 || p == PageCount || Math.Abs(p - PageNumber) <= 2)];

    private static string? Clip(string value) =>
        value.Length == 0 ? null : value.Length > QueryMaxLength ? value[..QueryMaxLength] : value;

    /// <summary>An enum value by its exact name only (no numbers, no "A, B" combinations).</summary>
    private static T? ParseEnum<T>(string? value)
        where T : struct, Enum =>
        string.IsNullOrEmpty(value)
            ? null
            : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(v.ToString(), value, StringComparison.OrdinalIgnoreCase));

    public sealed record Option(long Id, string Name);
}
