using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Operator;

/// <summary>
/// Marking a payout sent cannot be undone (the ledger records it for good), so it is confirmed on
/// its own page: "Marquer comme versé…" on the payouts list leads here with the transfer's
/// reference; the page restates the amount, the payee and the project; only "Confirmer" marks it
/// sent, once, whatever the number of posts (<see cref="PayoutSending"/>).
/// </summary>
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class SendPayoutModel(AppDbContext db, CampaignMoney money, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string ReferenceField = "reference";
    public const string VersionField = "version";

    public long Id { get; private set; }

    public Row Payout { get; private set; } = null!;

    /// <summary>The transfer's reference, as typed on the list or here.</summary>
    [BindProperty(SupportsGet = true, Name = ReferenceField)]
    public string? Reference { get; set; }

    [BindProperty(Name = VersionField)]
    public long? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        ModelState.Clear();
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>"Confirmer le versement".</summary>
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        if (Version is null || User.IdOrNull() is not { } operatorId)
        {
            return BadRequest();
        }

        if (string.IsNullOrWhiteSpace(Reference))
        {
            if (!await TryLoadAsync(cancellationToken))
            {
                return NotFound();
            }

            ModelState.AddModelError(ReferenceField, l["Indiquez la référence du virement effectué."]);
            return Page();
        }

        var sent = await new PayoutSending(db, money, audit, clock).ExecuteAsync(id, Version, operatorId, Reference, cancellationToken);
        if (sent is null)
        {
            return NotFound();
        }

        TempData["StatusMessage"] = l["Le versement de {0} pour « {1} » est marqué comme effectué.", MoneyInput.Format(sent.AmountCents, CultureInfo.CurrentCulture), sent.ProjectTitle].Value;
        return Redirect(PayoutsModel.Path);
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The payout disappeared while its page was shown again.");
        }
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var row = await db.Payouts.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new Row(
                p.Id,
                p.Version,
                db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Name).FirstOrDefault() ?? string.Empty,
                db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Slug).FirstOrDefault() ?? string.Empty,
                db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => c.ProjectId).FirstOrDefault(),
                db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => db.Projects.Where(x => x.Id == c.ProjectId).Select(x => x.Title).FirstOrDefault()).FirstOrDefault() ?? string.Empty,
                p.ToPublicAccountant,
                p.PayeeUserId == null ? null : db.Users.Where(u => u.Id == p.PayeeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.AmountCents,
                p.Status,
                p.SentAtUtc,
                p.Reference))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }

        Payout = row;
        Version = row.Version;
        ModelState.Remove(VersionField);
        return true;
    }

    public sealed record Row(
        long Id,
        long Version,
        string CityName,
        string CitySlug,
        long ProjectId,
        string ProjectTitle,
        bool ToPublicAccountant,
        string? PayeeName,
        long AmountCents,
        PayoutStatus Status,
        DateTime? SentAtUtc,
        string? SentReference);
}
