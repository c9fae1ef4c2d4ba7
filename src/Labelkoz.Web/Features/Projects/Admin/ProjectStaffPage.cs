using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// What the staff's pages of one submitted project share (its dossier, <see cref="ProjectDetailsModel"/>,
/// and its review, <see cref="ProjectReviewModel"/>): the project by its id (another city's, or a
/// draft, is "not found") and the shape of every staff action on it (<see cref="ActAsync"/>).
/// </summary>
public abstract class ProjectStaffPage(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    Notifier notifier,
    IAuthorizationService authorization) : PageModel, IReloadablePage
{
    public long Id { get; protected set; }

    protected AppDbContext Db { get; } = db;

    protected Notifier Notifier { get; } = notifier;

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The project disappeared while its page was shown again.");
        }
    }

    /// <summary>Reads what the page shows; false when the city has no such submitted project.</summary>
    protected abstract Task<bool> TryLoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One staff action: the project as the person saw it (its version), the city with its staff
    /// (the domain checks who may act), one domain call, its audit line and notifications, one save.
    /// A domain refusal or a lost race is turned into a message on the page by <see cref="DomainExceptionPageFilter"/>.
    /// </summary>
    protected async Task<IActionResult> ActAsync(
        long id,
        long? version,
        (string Field, string Message)? missing,
        bool adminOnly,
        bool withDecisions,
        Func<StaffAct, Task<string>> act,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(act);
        Id = id;
        if (adminOnly && !(await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded)
        {
            return Forbid();
        }

        var projects = Db.Projects.Where(p => p.Id == id && p.SubmittedAtUtc != null);
        if (withDecisions)
        {
            projects = projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments);
        }

        var project = await projects.SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (version is null || User.IdOrNull() is not { } staffUserId)
        {
            return BadRequest();
        }

        if (missing is { } refusal)
        {
            ModelState.AddModelError(refusal.Field, refusal.Message);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await Db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);

        // The version the person saw: if someone acted on the project since, the save is refused.
        Db.ExpectVersion(project, version.Value);
        var done = await act(new StaffAct(project, city, staffUserId, clock.GetUtcNow().UtcDateTime));
        await Db.SaveChangesAsync(cancellationToken);
        await Notifier.SendMailsAsync(cancellationToken);
        StatusMessage = done;
        return RedirectToPage();
    }

    /// <summary>An empty required text, to refuse with <paramref name="message"/> next to <paramref name="field"/> before anything is read.</summary>
    protected static (string Field, string Message)? Required(string field, string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? (field, message) : null;

    protected sealed record StaffAct(Project Project, Municipality City, long StaffUserId, DateTime Now);
}
