using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Campaigns;

/// <summary>
/// The holder's account at the card processor (ADR 18), from the campaign page's "Recevoir les
/// fonds" section: opened and completed on the processor's own pages (identity, bank account), then
/// back here, where its state is asked for at once. The holder's alone: anyone else is told it does
/// not exist; without a processor that has accounts (the sandbox), nothing here exists either. A
/// processor that cannot be reached is told in French on the campaign page, never as a 500.
/// </summary>
[Authorize]
public sealed class PayeeAccountModel(AppDbContext db, TenantContext tenant, PayeeAccounts payees, IStringLocalizer<SharedResource> l) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    private string CitySlug => tenant.City!.Slug;

    public IActionResult OnGet([FromRoute] long id) => Redirect(Back(id));

    /// <summary>"Ouvrir mon compte de versement": opens the account if need be, and sends the holder to the processor's form.</summary>
    public Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken) => OnboardAsync(id, cancellationToken);

    /// <summary>The processor's link expired before the holder finished: a new one.</summary>
    public Task<IActionResult> OnGetRefreshAsync([FromRoute] long id, CancellationToken cancellationToken) => OnboardAsync(id, cancellationToken);

    /// <summary>The processor's form sends the holder back here: its state is asked for at once (its notification may come later).</summary>
    public async Task<IActionResult> OnGetBackAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (!await IsHolderAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var account = await payees.RefreshAsync(User.Id(), cancellationToken);
            StatusMessage = account is { CanReceive: true }
                ? l["Votre compte de versement est validé : les fonds de la campagne y seront virés si elle réussit."]
                : l["Stripe n'a pas encore validé votre compte de versement : complétez les informations demandées, ou revenez plus tard."];
        }
        catch (DomainException refusal)
        {
            StatusMessage = l.Localize(refusal.Refusal);
        }

        return Redirect(Back(id));
    }

    /// <summary>"Voir mon compte de versement sur Stripe": the processor's dashboard of the account (its balance, its payouts to the bank).</summary>
    public async Task<IActionResult> OnPostDashboardAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (!await IsHolderAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var link = await payees.DashboardAsync(User.Id(), cancellationToken);
            return link is null ? NotFound() : Redirect(link.AbsoluteUri);
        }
        catch (DomainException refusal)
        {
            StatusMessage = l.Localize(refusal.Refusal);
            return Redirect(Back(id));
        }
    }

    private async Task<IActionResult> OnboardAsync(long id, CancellationToken cancellationToken)
    {
        if (!await IsHolderAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var userId = User.Id();
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
            var here = CampaignPaths.PayeeAccount(CitySlug, id);
            var form = await payees.OnboardAsync(userId, email, here + "?handler=Back", here + "?handler=Refresh", cancellationToken);
            return Redirect(form.AbsoluteUri);
        }
        catch (DomainException refusal)
        {
            StatusMessage = l.Localize(refusal.Refusal);
            return Redirect(Back(id));
        }
    }

    private string Back(long id) => CampaignPaths.Setup(CitySlug, id) + "#compte-de-versement";

    /// <summary>The project's holder, with a processor that has accounts: otherwise nothing here exists.</summary>
    private async Task<bool> IsHolderAsync(long projectId, CancellationToken cancellationToken)
    {
        if (payees.Card is null)
        {
            return false;
        }

        var holder = await db.Projects.Where(p => p.Id == projectId).Select(p => (long?)p.HolderUserId).SingleOrDefaultAsync(cancellationToken);
        return holder is not null && holder == User.Id();
    }
}
