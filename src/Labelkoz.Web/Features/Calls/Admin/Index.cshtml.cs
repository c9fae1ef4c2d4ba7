using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Calls.Admin;

/// <summary>
/// The city's calls for projects, newest first, each with its winners announced and planned, and
/// for a call in review what the person looking still has to score; "à noter" keeps only those. An
/// admin starts a new call (a draft) here.
/// </summary>
[AdminForChanges]
public sealed class IndexModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string TitleField = "Input.Title";

    /// <summary>The view of the calls in review where the person has applications left to score.</summary>
    public const string ViewToScore = CallAdminPaths.ViewToScore;

    [BindProperty]
    public NewCallInput Input { get; set; } = new();

    public IReadOnlyList<Row> Calls { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    /// <summary>Only the calls with applications left to score by the person (<see cref="ViewToScore"/>).</summary>
    public bool ToScoreOnly { get; private set; }

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>"Nouvel appel à projets": a draft with this title, then its edit page.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } adminId)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        var call = Call.StartDraft(city, adminId, Input.Title, clock.GetUtcNow().UtcDateTime);
        db.Calls.Add(call);
        await audit.RecordAsync(AuditAction.CallCreated, AuditSubject.Call, null, call.Title, after: AuditTrail.Values(("Titre", call.Title), ("Statut", Call.Label(call.Status))), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["L'appel à projets « {0} » est créé en brouillon : complétez-le avant de le publier.", call.Title];
        return Redirect(CallAdminPaths.Edit(City.Slug, call.Id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        ToScoreOnly = string.Equals(Request.Query["vue"], ViewToScore, StringComparison.Ordinal);
        var me = User.IdOrNull() ?? 0;
        var toScore = ApplicationsToScore.By(db, me);
        var calls = db.Calls.AsNoTracking();
        if (ToScoreOnly)
        {
            calls = calls.Where(c => toScore.Any(a => a.CallId == c.Id));
        }

        Calls = await calls
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new Row(
                c.Id,
                c.Title,
                c.Status,
                c.OpensAtUtc,
                c.ClosesAtUtc,
                db.CallApplications.Count(a => a.CallId == c.Id
                    && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Selected || a.Status == ApplicationStatus.NotSelected)),
                db.CallApplications.Count(a => a.CallId == c.Id && a.Status == ApplicationStatus.Selected),
                c.WinnersCount,
                toScore.Count(a => a.CallId == c.Id)))
            .ToListAsync(cancellationToken);
        IsAdmin = await db.Memberships.AsNoTracking().AnyAsync(m => m.MunicipalityId == City.Id && m.UserId == me && m.Role == StaffRole.Admin, cancellationToken);
    }

    public sealed class NewCallInput
    {
        public string? Title { get; set; }
    }

    /// <summary>
    /// A call: <c>WinnersAnnounced</c> are the applications selected (none before the call is
    /// decided), <c>WinnersPlanned</c> the number the call said it would choose, <c>ToScore</c> the
    /// applications the person looking still has to score.
    /// </summary>
    public sealed record Row(long Id, string Title, CallStatus Status, DateTime OpensAtUtc, DateTime ClosesAtUtc, int Applications, int WinnersAnnounced, int WinnersPlanned, int ToScore);
}
