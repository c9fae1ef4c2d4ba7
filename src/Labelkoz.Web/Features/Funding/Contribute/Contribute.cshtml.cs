using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Contribute;

/// <summary>
/// Contributing to a project's campaign, at <c>/{slug}/projets/{id}/contribuer</c>: the amount, a
/// reward, the public display, a message and, for a gift to the municipality itself (which gives a
/// tax receipt), the donor's full name and postal address. The form carries a key made when it was
/// shown: a double click or a replayed post finds the same contribution and the same payment. The
/// post hands over to <see cref="CampaignMoney.StartAsync"/>, then to the processor's page.
/// A campaign not launched yet, or none, is a 404.
/// </summary>
[Authorize]
public sealed class ContributeModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    CampaignMoney money,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    private long _projectId;

    [BindProperty]
    public ContributeInput Input { get; set; } = new();

    public CurrentCity City => tenant.City!;

    public CampaignView Campaign { get; private set; } = null!;

    public IReadOnlyList<TierView> Tiers { get; private set; } = [];

    public CampaignTotals Totals { get; private set; } = new(0, 0, 0);

    public DateTime NowUtc { get; private set; }

    /// <summary>The holder is on their own campaign's form: their gift is not matched by the city (issue #16).</summary>
    public bool HolderGives { get; private set; }

    /// <summary>
    /// A gift to an association of general interest (or to the city) whose receipts the city opened
    /// gives a tax receipt: the donor may give the name and address it bears (or later, from the
    /// contribution's page).
    /// </summary>
    public bool AsksDonorIdentity => TaxReceipt.HolderIssuesReceipts(Campaign.HolderType, Campaign.IssuesReceipts);

    /// <summary>Why no contribution can be made now (null while the campaign takes them).</summary>
    public string? ClosedReason =>
        Campaign.Status == CampaignStatus.Paused ? l["Cette campagne est suspendue par la ville : les contributions reprendront quand elle sera relancée."].Value
        : Campaign.Status != CampaignStatus.Live || NowUtc >= Campaign.EndsAtUtc ? l["Cette campagne est terminée : elle ne prend plus de contributions."].Value
        : null;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var userId = User.Id();
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.AddressLine1, u.AddressLine2, u.PostalCode, u.City })
            .SingleAsync(cancellationToken);
        Input = new ContributeInput
        {
            PublicName = person.DisplayName,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        };
        if (AsksDonorIdentity)
        {
            // Prefilled from the profile only when it has an address: a donor who wants no receipt
            // leaves both fields empty, and one who gives only half of them is asked for the rest.
            var town = string.Join(' ', new[] { person.PostalCode, person.City }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var address = string.Join('\n', new[] { person.AddressLine1, person.AddressLine2, town }.Where(p => !string.IsNullOrWhiteSpace(p)));
            if (address.Length > 0)
            {
                Input.DonorFullName = person.DisplayName;
                Input.DonorAddress = address;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Input.IdempotencyKey))
        {
            return BadRequest();
        }

        long cents = 0;
        if (string.IsNullOrWhiteSpace(Input.Amount))
        {
            ModelState.AddModelError("Input.Amount", l["Indiquez le montant de votre contribution."]);
        }
        else if (!MoneyInput.TryParseCents(Input.Amount, out cents, out var error))
        {
            ModelState.AddModelError("Input.Amount", l.Explain(error));
        }
        else if (cents <= 0)
        {
            ModelState.AddModelError("Input.Amount", l["Le montant doit être supérieur à zéro."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var donor = AsksDonorIdentity ? DonorIdentity.Create(Input.DonorFullName, Input.DonorAddress, required: false) : null;
        var userId = User.Id();
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        var slug = City.Slug;
        ContributionStarted started;
        try
        {
            started = await money.StartAsync(
                Campaign.Id,
                userId,
                new ContributionRequest(cents, Input.TierId, Input.IsAnonymous, Input.IsAnonymous ? null : Input.PublicName, Input.Message, Input.IdempotencyKey.Trim(), donor),
                contributionId => ContributionPaths.Status(slug, id, contributionId),
                email,
                cancellationToken);
        }
        catch (DomainException refusal) when (refusal.Refusal.Is(ContributionRefusals.FormReusedForAnotherGift))
        {
            // The same key with another gift: a conflict with the first request, said on the form (409).
            ModelState.AddRefusal(refusal, l);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var target = started.PaymentUrl is { } url
            ? (url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString)
            : ContributionPaths.Status(slug, id, started.ContributionId);
        Response.Headers.Location = target;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var campaign = await (
                from c in db.Campaigns.AsNoTracking()
                join p in db.Projects on c.ProjectId equals p.Id
                where p.Id == _projectId && p.HiddenAtUtc == null && c.Status != CampaignStatus.Draft
                select new CampaignView(c.Id, p.Id, p.Title, p.HolderType, p.ReceiptIssuer != null, c.Status, c.GoalCents, c.EndsAtUtc, c.Mode, c.MinimumContributionCents, c.PauseReason, c.MatchRatioPercent, c.MatchCapCents, c.HolderUserId))
            .SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        HolderGives = User.Identity?.IsAuthenticated == true && User.Id() == campaign.HolderUserId;
        Tiers = await db.RewardTiers.AsNoTracking()
            .Where(t => t.CampaignId == campaign.Id)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new TierView(t.Id, t.Title, t.Description, t.MinimumCents, t.Quantity, t.Taken, t.DeliveryMonth))
            .ToListAsync(cancellationToken);
        Totals = await FundingTotals.ForAsync(db, campaign.Id, cancellationToken);
        return true;
    }

    public sealed record CampaignView(
        long Id, long ProjectId, string Title, HolderType HolderType, bool IssuesReceipts, CampaignStatus Status, long GoalCents, DateTime? EndsAtUtc,
        CampaignMode Mode, long MinimumCents, string? PauseReason, int? MatchRatioPercent, long? MatchCapCents, long HolderUserId);

    public sealed record TierView(long Id, string Title, string? Description, long MinimumCents, int? Quantity, int Taken, DateOnly? DeliveryMonth)
    {
        public int? Left => Quantity is { } quantity ? Math.Max(0, quantity - Taken) : null;

        public bool IsSoldOut => Left is 0;
    }

    public sealed class ContributeInput
    {
        [Display(Name = "Montant")]
        public string? Amount { get; set; }

        [Display(Name = "Contrepartie")]
        public long? TierId { get; set; }

        public bool IsAnonymous { get; set; }

        [StringLength(Contribution.PublicNameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Nom affiché")]
        public string? PublicName { get; set; }

        [StringLength(Contribution.MessageMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Message")]
        public string? Message { get; set; }

        [StringLength(DonorIdentity.FullNameMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Nom et prénom")]
        public string? DonorFullName { get; set; }

        [StringLength(DonorIdentity.AddressMaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Adresse postale")]
        public string? DonorAddress { get; set; }

        public string? IdempotencyKey { get; set; }
    }
}
