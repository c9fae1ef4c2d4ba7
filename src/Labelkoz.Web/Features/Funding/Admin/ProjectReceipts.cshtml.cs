using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>
/// A project's tax receipts: an admin opens them (who issues them, for an association or the city),
/// updates who issues them, or closes them; when the project's campaign is already funded, the
/// receipts its gifts are owed are issued at once. Staff read; changes are an admin's. Audited.
/// </summary>
public sealed class ProjectReceiptsModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    TaxReceipts receipts,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public long Id { get; private set; }

    public Summary Project { get; private set; } = null!;

    /// <summary>As typed before a refusal, else the issuer in force or a draft from the holder's details.</summary>
    public ReceiptIssuerForm.Input Input { get; private set; } = new();

    public bool IsAdmin { get; private set; }

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    private bool _posted;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostOpenReceiptsAsync(long id, [FromForm] long? projectVersion, [FromForm(Name = ReceiptIssuerForm.Prefix)] ReceiptIssuerForm.Input? input, CancellationToken cancellationToken)
    {
        Input = input ?? new ReceiptIssuerForm.Input();
        _posted = true;
        ReceiptIssuerForm.Check(Input, ModelState, l);
        long? fundedCampaign = null;
        var title = string.Empty;
        var result = await ActAsync(id, projectVersion, async (project, city, adminId, now) =>
        {
            var before = project.ReceiptIssuer;
            title = project.Title;
            project.AllowTaxReceipts(city, adminId, ReceiptIssuerForm.Create(Input), now);
            await audit.RecordAsync(
                AuditAction.TaxReceiptsAllowed, AuditSubject.Project, project.Id, project.Title, null,
                ReceiptIssuerForm.AuditValues(before), ReceiptIssuerForm.AuditValues(project.ReceiptIssuer), cancellationToken: cancellationToken);
            fundedCampaign = await db.Campaigns.Where(c => c.ProjectId == project.Id && c.Status == CampaignStatus.Funded).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
            return before is not null
                ? l["Les informations des reçus fiscaux du projet « {0} » sont mises à jour.", project.Title].Value
                : l["Les reçus fiscaux du projet « {0} » sont ouverts.", project.Title].Value;
        }, cancellationToken);

        // The issuer is saved first: the receipts it owes are numbered in a transaction of their own.
        if (result is RedirectToPageResult && fundedCampaign is { } campaignId)
        {
            var issued = await receipts.IssueOwedAsync(campaignId, cancellationToken);
            StatusMessage = l["Les reçus fiscaux du projet « {0} » sont ouverts. Reçus émis pour les dons de sa campagne financée : {1}.", title, issued].Value;
        }

        return result;
    }

    public Task<IActionResult> OnPostCloseReceiptsAsync(long id, [FromForm] long? projectVersion, CancellationToken cancellationToken) =>
        ActAsync(id, projectVersion, async (project, city, adminId, now) =>
        {
            var before = project.ReceiptIssuer;
            project.StopTaxReceipts(city, adminId, now);
            await audit.RecordAsync(
                AuditAction.TaxReceiptsStopped, AuditSubject.Project, project.Id, project.Title, null,
                ReceiptIssuerForm.AuditValues(before), ReceiptIssuerForm.AuditValues(null), cancellationToken: cancellationToken);
            return l["Les reçus fiscaux du projet « {0} » sont fermés : ceux déjà émis restent valables.", project.Title].Value;
        }, cancellationToken);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The project disappeared while its page was shown again.");
        }
    }

    /// <summary>An admin's change: the project as the person saw it (its version), one domain call, its audit, one save.</summary>
    private async Task<IActionResult> ActAsync(long id, long? version, Func<Project, Domain.Municipalities.Municipality, long, DateTime, Task<string>> act, CancellationToken cancellationToken)
    {
        Id = id;
        if (!(await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded)
        {
            return Forbid();
        }

        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id && p.SubmittedAtUtc != null, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (version is null)
        {
            return BadRequest();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(project, version.Value);
        var done = await act(project, city, User.Id(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = done;
        return RedirectToPage();
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var summary = await db.Projects.AsNoTracking()
            .Where(p => p.Id == id && p.SubmittedAtUtc != null)
            .Select(p => new Summary(
                p.Id,
                p.Title,
                p.HolderType,
                p.OrganisationName,
                p.Rna,
                p.Siren,
                p.ReceiptIssuer,
                p.Version,
                db.Campaigns.Where(c => c.ProjectId == p.Id).Select(c => (long?)c.Id).FirstOrDefault(),
                db.TaxReceipts.Count(r => db.Campaigns.Any(c => c.Id == r.CampaignId && c.ProjectId == p.Id) && r.Status == TaxReceiptStatus.Issued)))
            .SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return false;
        }

        Project = summary;
        if (!_posted)
        {
            Input = ReceiptIssuerForm.Prefill(summary.ReceiptIssuer, summary.HolderType, summary.OrganisationName, summary.Rna, summary.Siren, City.Name);
        }

        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded;
        return true;
    }

    public sealed record Summary(
        long Id,
        string Title,
        HolderType HolderType,
        string? OrganisationName,
        string? Rna,
        string? Siren,
        ReceiptIssuer? ReceiptIssuer,
        long Version,
        long? CampaignId,
        int ReceiptsInForce)
    {
        public bool MayGiveReceipts => Domain.Projects.Project.MayGiveTaxReceipts(HolderType);
    }
}
