using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Calls.Admin;

/// <summary>
/// Cancelling a call, on a page of its own because it cannot be undone: it says what will happen
/// (and to how many applicants), asks for the reason sent to them, and only then cancels. An
/// admin's act, audited; the applicants of submitted applications are told.
/// </summary>
[Authorize(Policy = Policies.CityAdmin)]
public sealed class CancelModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage, IRefusalFields
{
    public const string ReasonField = "motif-annulation";

    public long Id { get; private set; }

    public CallView Call { get; private set; } = null!;

    /// <summary>The reason typed before a refusal, given back in its field.</summary>
    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    public CurrentCity City => tenant.City!;

    public string RefusalPrefix => string.Empty;

    public IReadOnlyDictionary<string, string>? RefusalFieldMap { get; } = new Dictionary<string, string> { ["CancelReason"] = ReasonField };

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] long? callVersion, CancellationToken cancellationToken)
    {
        Id = id;
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (callVersion is null)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(call, callVersion.Value);
        var before = call.Status;
        call.Cancel(city, User.Id(), Reason, clock.GetUtcNow().UtcDateTime);
        var applicants = await SubmittedApplicants(call.Id).ToListAsync(cancellationToken);
        foreach (var applicant in applicants)
        {
            notifier.Notify(applicant, City.Id, NotificationKind.CallCancelled, call.Title, call.CancelReason, "/compte/mes-candidatures");
        }

        await audit.RecordAsync(
            AuditAction.CallCancelled, AuditSubject.Call, call.Id, call.Title, call.CancelReason,
            AuditTrail.Values(("Statut", Domain.Calls.Call.Label(before))), AuditTrail.Values(("Statut", Domain.Calls.Call.Label(call.Status))),
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        TempData[nameof(EditModel.StatusMessage)] = l["L'appel « {0} » est annulé ; {1} candidat(s) prévenu(s).", call.Title, applicants.Count].Value;
        return Redirect(CallAdminPaths.Edit(City.Slug, call.Id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The call disappeared while its page was shown again.");
        }
    }

    /// <summary>The people told of the cancellation: each applicant of a submitted application, once.</summary>
    private IQueryable<long> SubmittedApplicants(long callId) =>
        db.CallApplications.Where(a => a.CallId == callId && a.Status == ApplicationStatus.Submitted).Select(a => a.ApplicantUserId).Distinct();

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CallView(c.Id, c.Title, c.Status, c.Version, 0))
            .SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return false;
        }

        Call = call with { ApplicantsToTell = await SubmittedApplicants(id).CountAsync(cancellationToken) };
        return true;
    }

    /// <summary>The call and whom cancelling it would tell; the domain has the last word on whether it can be.</summary>
    public sealed record CallView(long Id, string Title, CallStatus Status, long Version, int ApplicantsToTell)
    {
        public bool CanBeCancelled => Domain.Calls.Call.CanBeCancelled(Status);
    }
}
