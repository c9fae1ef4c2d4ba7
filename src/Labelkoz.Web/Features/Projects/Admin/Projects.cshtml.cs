using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// The projects submitted to the city (every project once submitted, drafts never: they belong to
/// their holder), with what staff weigh: age, supports, what is asked of the city, visibility, and
/// who follows the review. Views: "à traiter" (submitted, in review, changes requested) and the
/// projects whose proposed decision awaits an admin. Query values are read by hand; one that makes
/// no sense is ignored, not an error.
/// </summary>
public sealed class ProjectsModel(AppDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const string SortNewest = "recents";
    public const string SortOldest = "anciens";
    public const string SortMostSupported = "soutiens";
    public const string VisibilityAwaiting = ProjectListFilters.VisibilityAwaiting;
    public const string VisibilityPublic = "publics";
    public const string VisibilityHidden = "masques";
    public const string ViewToHandle = "a-traiter";
    public const string ViewAwaitingConfirmation = ProjectListFilters.ViewAwaitingConfirmation;
    public const string AssigneeMe = ProjectListFilters.AssigneeMe;
    public const string AssigneeNobody = ProjectListFilters.AssigneeNobody;

    /// <summary>What "à traiter" gathers: the projects waiting for the city to act or for the holder to answer.</summary>
    public static readonly IReadOnlyList<ProjectStatus> ToHandleStatuses =
        [ProjectStatus.Submitted, ProjectStatus.InReview, ProjectStatus.ChangesRequested];

    public static readonly IReadOnlyList<string> Views = [ViewToHandle, ViewAwaitingConfirmation];

    public static readonly IReadOnlyList<ProjectStatus> SubmittedStatuses =
        [.. Enum.GetValues<ProjectStatus>().Where(s => s != ProjectStatus.Draft)];

    public static readonly IReadOnlyList<string> Visibilities = [VisibilityAwaiting, VisibilityPublic, VisibilityHidden];

    public static readonly IReadOnlyList<string> Sorts = [SortNewest, SortOldest, SortMostSupported];

    public CurrentCity City => tenant.City!;

    public ProjectStatus? Status { get; private set; }

    /// <summary>A view of several steps ("à traiter", "à confirmer"), chosen in the same list as the step.</summary>
    public string? View { get; private set; }

    /// <summary>"moi", "personne", or a member of staff's id (as text).</summary>
    public string? Assignee { get; private set; }

    public long CurrentUserId { get; private set; }

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    /// <summary>Proposed decisions of the city waiting for an admin.</summary>
    public int AwaitingConfirmation { get; private set; }

    public ProjectCategory? Category { get; private set; }

    public long? NeighbourhoodId { get; private set; }

    public string? Visibility { get; private set; }

    public string Sort { get; private set; } = SortNewest;

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Total { get; private set; }

    public int AwaitingPublication { get; private set; }

    public DateTime NowUtc { get; private set; }

    public IReadOnlyList<Option> Neighbourhoods { get; private set; } = [];

    public IReadOnlyList<Row> Projects { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsFiltered => Status is not null || View is not null || Assignee is not null || Category is not null || NeighbourhoodId is not null || Visibility is not null;


    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var query = Request.Query;
        Status = ParseEnum<ProjectStatus>(query["statut"]) is { } status && SubmittedStatuses.Contains(status) ? status : null;
        View = Status is null ? Views.FirstOrDefault(v => string.Equals(v, query["statut"], StringComparison.OrdinalIgnoreCase)) : null;
        CurrentUserId = User.IdOrNull() ?? 0;
        Staff = await db.StaffAsync(City.Id, cancellationToken);
        var assignee = query["suivi"].ToString();
        Assignee = string.Equals(assignee, AssigneeMe, StringComparison.OrdinalIgnoreCase) ? AssigneeMe
            : string.Equals(assignee, AssigneeNobody, StringComparison.OrdinalIgnoreCase) ? AssigneeNobody
            : long.TryParse(assignee, NumberStyles.None, CultureInfo.InvariantCulture, out var staffId) && Staff.Any(s => s.Id == staffId) ? assignee
            : null;
        Category = ParseEnum<ProjectCategory>(query["categorie"]);
        Visibility = Visibilities.FirstOrDefault(v => string.Equals(v, query["visibilite"], StringComparison.OrdinalIgnoreCase));
        Sort = Sorts.FirstOrDefault(s => string.Equals(s, query["tri"], StringComparison.OrdinalIgnoreCase)) ?? SortNewest;

        Neighbourhoods = await db.Neighbourhoods.AsNoTracking()
            .OrderBy(n => n.Name)
            .Select(n => new Option(n.Id, n.Name))
            .ToListAsync(cancellationToken);
        NeighbourhoodId = long.TryParse(query["quartier"], NumberStyles.None, CultureInfo.InvariantCulture, out var neighbourhoodId)
            && Neighbourhoods.Any(n => n.Id == neighbourhoodId) ? neighbourhoodId : null;

        // The tenant filter keeps the city's own projects; a submission date sets apart every
        // project that has left its holder's drafts (a draft withdrawn unsent never had one).
        var submitted = db.Projects.AsNoTracking().Where(p => p.SubmittedAtUtc != null);
        AwaitingPublication = await submitted.CountAsync(p => p.PublishedAtUtc == null && p.HiddenAtUtc == null, cancellationToken);
        AwaitingConfirmation = await submitted.CountAsync(p => p.Decisions.Any(d => d.State == DecisionState.Proposed), cancellationToken);

        var projects = submitted;
        if (Status is { } wantedStatus)
        {
            projects = projects.Where(p => p.Status == wantedStatus);
        }

        projects = View switch
        {
            ViewToHandle => projects.Where(p => ToHandleStatuses.Contains(p.Status)),
            ViewAwaitingConfirmation => projects.Where(p => p.Decisions.Any(d => d.State == DecisionState.Proposed)),
            _ => projects,
        };

        if (Assignee == AssigneeMe)
        {
            var userId = CurrentUserId;
            projects = projects.Where(p => p.AssignedStaffUserId == userId);
        }
        else if (Assignee == AssigneeNobody)
        {
            projects = projects.Where(p => p.AssignedStaffUserId == null);
        }
        else if (Assignee is not null)
        {
            var staffUserId = long.Parse(Assignee, CultureInfo.InvariantCulture);
            projects = projects.Where(p => p.AssignedStaffUserId == staffUserId);
        }

        if (Category is { } wantedCategory)
        {
            projects = projects.Where(p => p.Category == wantedCategory);
        }

        if (NeighbourhoodId is { } wantedNeighbourhood)
        {
            projects = projects.Where(p => p.NeighbourhoodId == wantedNeighbourhood);
        }

        projects = Visibility switch
        {
            VisibilityAwaiting => projects.Where(p => p.PublishedAtUtc == null && p.HiddenAtUtc == null),
            VisibilityPublic => projects.Where(p => p.PublishedAtUtc != null && p.HiddenAtUtc == null),
            VisibilityHidden => projects.Where(p => p.HiddenAtUtc != null),
            _ => projects,
        };

        Total = await projects.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var requested)
            ? Math.Clamp(requested, 1, PageCount)
            : 1;
        if (Total == 0)
        {
            return;
        }

        var ordered = Sort switch
        {
            SortOldest => projects.OrderBy(p => p.SubmittedAtUtc).ThenBy(p => p.Id),
            SortMostSupported => projects.OrderByDescending(p => db.ProjectSupports.Count(s => s.ProjectId == p.Id)).ThenByDescending(p => p.SubmittedAtUtc).ThenByDescending(p => p.Id),
            _ => projects.OrderByDescending(p => p.SubmittedAtUtc).ThenByDescending(p => p.Id),
        };
        Projects = await ordered
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new Row(
                p.Id,
                p.Title,
                p.Status,
                p.Category,
                db.Neighbourhoods.Where(n => n.Id == p.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == p.HolderUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                p.SubmittedAtUtc!.Value,
                p.PublishedAtUtc != null,
                p.HiddenAtUtc != null,
                db.ProjectSupports.Count(s => s.ProjectId == p.Id),
                p.RequestedSupports.OrderBy(s => s.Id).Select(s => s.Kind).ToList(),
                db.Users.Where(u => u.Id == p.AssignedStaffUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.Decisions.Any(d => d.State == DecisionState.Proposed)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whole days since the project was submitted.</summary>
    public int AgeInDays(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Math.Max(0, (int)(NowUtc - row.SubmittedAtUtc).TotalDays);
    }

    /// <summary>The address of this list with the current filters, on page <paramref name="page"/>.</summary>
    public string PageUrl(int page)
    {
        var values = new List<string>();
        Add("statut", Status?.ToString().ToLowerInvariant() ?? View);
        Add("suivi", Assignee);
        Add("categorie", Category?.ToString().ToLowerInvariant());
        Add("quartier", NeighbourhoodId?.ToString(CultureInfo.InvariantCulture));
        Add("visibilite", Visibility);
        Add("tri", Sort == SortNewest ? null : Sort);
        Add("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture));
        var path = $"/{City.Slug}/admin/projets";
        return values.Count == 0 ? path : path + "?" + string.Join('&', values);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
    }

    /// <summary>An enum value by its exact name only (no numbers, no "A, B" combinations).</summary>
    private static T? ParseEnum<T>(string? value)
        where T : struct, Enum =>
        string.IsNullOrEmpty(value)
            ? null
            : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(v.ToString(), value, StringComparison.OrdinalIgnoreCase));

    public sealed record Option(long Id, string Name);

    public sealed record Row(
        long Id,
        string Title,
        ProjectStatus Status,
        ProjectCategory? Category,
        string? Neighbourhood,
        string Holder,
        DateTime SubmittedAtUtc,
        bool IsPublished,
        bool IsHidden,
        int Supports,
        List<CommitmentKind> RequestedSupport,
        string? Assignee,
        bool AwaitsConfirmation);
}
