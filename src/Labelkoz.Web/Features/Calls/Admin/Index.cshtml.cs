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

/// <summary>The city's calls for projects, newest first; an admin starts a new one (a draft) here.</summary>
[AdminForChanges]
public sealed class IndexModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string TitleField = "Input.Title";

    [BindProperty]
    public NewCallInput Input { get; set; } = new();

    public IReadOnlyList<Row> Calls { get; private set; } = [];

    public bool IsAdmin { get; private set; }

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
        Calls = await db.Calls.AsNoTracking()
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new Row(
                c.Id,
                c.Title,
                c.Status,
                c.OpensAtUtc,
                c.ClosesAtUtc,
                db.CallApplications.Count(a => a.CallId == c.Id
                    && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Selected || a.Status == ApplicationStatus.NotSelected)),
                c.WinnersCount))
            .ToListAsync(cancellationToken);
        var me = User.IdOrNull() ?? 0;
        IsAdmin = await db.Memberships.AsNoTracking().AnyAsync(m => m.MunicipalityId == City.Id && m.UserId == me && m.Role == StaffRole.Admin, cancellationToken);
    }

    public sealed class NewCallInput
    {
        public string? Title { get; set; }
    }

    public sealed record Row(long Id, string Title, CallStatus Status, DateTime OpensAtUtc, DateTime ClosesAtUtc, int Applications, int Winners);
}

/// <summary>The addresses of the city's call pages in the back office.</summary>
public static class CallAdminPaths
{
    public static string List(string citySlug) => $"/{citySlug}/admin/appels";

    public static string Applications(string citySlug, long callId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/{citySlug}/admin/appels/{callId}/candidatures");

    public static string Edit(string citySlug, long callId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/{citySlug}/admin/appels/{callId}");
}
