using System.Globalization;
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
/// Choosing a call's winners cannot be undone, so it is confirmed on its own page: the ranking's
/// "Choisir les lauréats" leads here (a GET with the ticked applications), which restates who wins,
/// who does not, and what follows; only "Confirmer" decides the call. An admin's page: the call is
/// decided, each winner's project is created labelled with the call's offer, in one save, and every
/// candidate is told the outcome.
/// </summary>
[Authorize(Policy = Policies.CityAdmin)]
public sealed class WinnersModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string VersionField = "callVersion";

    public long Id { get; private set; }

    public CallHeader Call { get; private set; } = null!;

    /// <summary>The applications ticked as winners (the call's submitted ones only), in the order of the form.</summary>
    public IReadOnlyList<Candidate> Winners { get; private set; } = [];

    /// <summary>The other submitted applications: they will not be selected.</summary>
    public IReadOnlyList<Candidate> Others { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = ReviewModel.WinnersField)]
    public List<long> Chosen { get; set; } = [];

    [BindProperty(Name = VersionField)]
    public long? CallVersion { get; set; }

    public CurrentCity City => tenant.City!;

    /// <summary>The ranking with the same boxes ticked: "Revenir" loses nothing.</summary>
    public string BackUrl =>
        CallAdminPaths.Applications(City.Slug, Id)
        + (Chosen.Count == 0 ? string.Empty : "?" + string.Join('&', Chosen.Select(c => $"{ReviewModel.WinnersField}={c.ToString(CultureInfo.InvariantCulture)}")))
        + "#titre-laureats";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;

        // A ticked value that is not a number names no application: it is left out, not an error.
        ModelState.Clear();
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>"Confirmer le choix des lauréats".</summary>
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        var call = await db.Calls.Include(c => c.Offer).Include(c => c.Criteria).Include(c => c.Questions)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (CallVersion is null || User.IdOrNull() is not { } adminId)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        var applications = await db.CallApplications.Where(a => a.CallId == id && a.Status == ApplicationStatus.Submitted).ToListAsync(cancellationToken);
        db.ExpectVersion(call, CallVersion.Value);
        var projects = call.SelectWinners(city, adminId, applications, Chosen, clock.GetUtcNow().UtcDateTime);
        db.Projects.AddRange(projects);
        var winnerTitles = applications.Where(a => a.Status == ApplicationStatus.Selected).Select(a => a.ProjectTitle).ToList();
        await audit.RecordAsync(
            AuditAction.CallWinnersSelected, AuditSubject.Call, call.Id, call.Title,
            "Lauréats : " + string.Join(" ; ", winnerTitles),
            AuditTrail.Values(("Statut", Domain.Calls.Call.Label(CallStatus.Review))), AuditTrail.Values(("Statut", Domain.Calls.Call.Label(call.Status))),
            cancellationToken: cancellationToken);
        foreach (var application in applications)
        {
            notifier.Notify(
                application.ApplicantUserId,
                City.Id,
                application.Status == ApplicationStatus.Selected ? NotificationKind.ApplicationSelected : NotificationKind.ApplicationNotSelected,
                call.Title,
                null,
                "/compte/mes-candidatures");
        }

        await db.SaveChangesAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        TempData["StatusMessage"] = l["Les lauréats sont choisis : l'appel est décidé, leurs projets sont labellisés et chaque candidat est prévenu."].Value;
        return Redirect(CallAdminPaths.Applications(City.Slug, id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The call disappeared while its page was shown again.");
        }
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CallHeader(c.Id, c.Title, c.Status, c.WinnersCount, c.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return false;
        }

        Call = call;
        CallVersion = call.Version;
        ModelState.Remove(VersionField);
        var submitted = await db.CallApplications.AsNoTracking()
            .Where(a => a.CallId == id && a.Status == ApplicationStatus.Submitted)
            .OrderBy(a => a.Id)
            .Select(a => new Candidate(
                a.Id,
                a.ProjectTitle,
                db.Users.Where(u => u.Id == a.ApplicantUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty))
            .ToListAsync(cancellationToken);
        Chosen = [.. Chosen.Distinct()];
        Winners = [.. Chosen.Select(c => submitted.Find(a => a.Id == c)).OfType<Candidate>()];
        Others = [.. submitted.Where(a => !Chosen.Contains(a.Id))];
        return true;
    }

    public sealed record CallHeader(long Id, string Title, CallStatus Status, int WinnersCount, long Version);

    public sealed record Candidate(long Id, string ProjectTitle, string ApplicantName);
}
