using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
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
/// The holder's campaign at <c>/{slug}/projets/{id}/campagne</c>: prepare it, set its goal, end
/// date, mode and minimum, write its reward tiers and launch it; once live, add tiers and change
/// their quantity. The holder's alone: anyone else is told it does not exist. Every form carries
/// the campaign's version, so a change made meanwhile (another tab, the city) is never overwritten.
/// </summary>
[Authorize]
public sealed class SetupModel(
    AppDbContext db,
    TenantContext tenant,
    PayeeAccounts payees,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage, IRefusalFields
{
    private long _projectId;

    [BindProperty]
    public CampaignConfigForm Config { get; set; } = new();

    [BindProperty]
    public RewardTierForm NewTier { get; set; } = new();

    /// <summary>The form of the handler running, where a refusal thrown by the domain is shown.</summary>
    public string RefusalPrefix { get; private set; } = CampaignConfigForm.Prefix;

    [TempData]
    public string? StatusMessage { get; set; }

    public SetupProject Project { get; private set; } = null!;

    public SetupCampaign? Campaign { get; private set; }

    /// <summary>Why the project cannot be funded (null: it can).</summary>
    public string? NotFundableReason { get; private set; }

    public IReadOnlyList<string> Missing { get; private set; } = [];

    /// <summary>The campaign's card money goes to the holder's own account at the processor (ADR 18): it must be opened before launch.</summary>
    public bool PayeeAccountRequired { get; private set; }

    /// <summary>The holder's account at the processor (null: not opened yet).</summary>
    public PayeeAccount? PayeeAccount { get; private set; }

    public string CitySlug => tenant.City!.Slug;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        if (!await IsHolderAsync(cancellationToken))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>"Préparer la campagne": one campaign per project, a second post finds the first.</summary>
    public async Task<IActionResult> OnPostPrepareAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        _projectId = id;
        var project = await HeldProjectAsync(cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (!await db.Campaigns.AnyAsync(c => c.ProjectId == id, cancellationToken))
        {
            var city = await db.Municipalities.SingleAsync(m => m.Id == project.MunicipalityId, cancellationToken);
            db.Campaigns.Add(Domain.Funding.Campaign.Prepare(project, city, UserId, Now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same form posted twice at once: the unique index kept the first campaign.
                if (!await AnotherCampaignAsync(cancellationToken))
                {
                    throw;
                }
            }
        }

        StatusMessage = l["La campagne est préparée : fixez son objectif, sa date de fin et ses contreparties."];
        return Redirect(CampaignPaths.Setup(CitySlug, id));
    }

    /// <summary>Goal, end date, mode and minimum of a draft.</summary>
    public async Task<IActionResult> OnPostConfigureAsync([FromRoute] long id, [FromForm] long? version, CancellationToken cancellationToken)
    {
        _projectId = id;
        var campaign = await HeldCampaignAsync(cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (version is null)
        {
            return BadRequest();
        }

        var terms = Config.Read(ModelState, l, Now);
        if (terms is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        Expect(campaign, version.Value);
        campaign.Configure(UserId, terms.GoalCents, terms.EndsAtUtc, terms.Mode, terms.MinimumCents, Now);
        await SaveAsync(cancellationToken);
        StatusMessage = l["L'objectif, la date de fin et le mode sont enregistrés."];
        return Redirect(CampaignPaths.Setup(CitySlug, id));
    }

    public async Task<IActionResult> OnPostAddTierAsync([FromRoute] long id, [FromForm] long? version, CancellationToken cancellationToken)
    {
        _projectId = id;
        var campaign = await HeldCampaignAsync(cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (version is null)
        {
            return BadRequest();
        }

        RefusalPrefix = RewardTierForm.NewPrefix;
        var terms = NewTier.Read(ModelState, l, RewardTierForm.NewPrefix);
        if (terms is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        Expect(campaign, version.Value);
        campaign.AddTier(UserId, terms, Now);
        await SaveAsync(cancellationToken);
        StatusMessage = l["La contrepartie « {0} » est ajoutée.", terms.Title.Trim()];
        return Redirect(CampaignPaths.Setup(CitySlug, id) + "#contreparties");
    }

    /// <summary>A draft's tier is rewritten; a live campaign's tier only has its quantity changed.</summary>
    public async Task<IActionResult> OnPostEditTierAsync([FromRoute] long id, [FromForm] long? version, [FromForm] long? tierId, [FromForm] RewardTierForm? tier, CancellationToken cancellationToken)
    {
        _projectId = id;
        var campaign = await HeldCampaignAsync(cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (version is null || tierId is null || tier is null)
        {
            return BadRequest();
        }

        RefusalPrefix = RewardTierForm.EditPrefix;
        var current = campaign.Tier(tierId.Value);
        TierTerms? terms;
        if (campaign.Status == CampaignStatus.Draft)
        {
            terms = tier.Read(ModelState, l, RewardTierForm.EditPrefix);
        }
        else
        {
            // Live: only the quantity changes, and the domain says whether it may.
            var quantity = tier.ReadQuantity(ModelState, l, RewardTierForm.EditPrefix, out var read);
            terms = read ? new TierTerms(current.Title, current.Description, current.MinimumCents, quantity, current.ValueCents, current.DeliveryMonth) : null;
        }

        if (terms is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        Expect(campaign, version.Value);
        campaign.EditTier(UserId, tierId.Value, terms, Now);
        await SaveAsync(cancellationToken);
        StatusMessage = l["La contrepartie « {0} » est modifiée.", current.Title];
        return Redirect(CampaignPaths.Setup(CitySlug, id) + "#contreparties");
    }

    public async Task<IActionResult> OnPostRemoveTierAsync([FromRoute] long id, [FromForm] long? version, [FromForm] long? tierId, CancellationToken cancellationToken)
    {
        _projectId = id;
        var campaign = await HeldCampaignAsync(cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (version is null || tierId is null)
        {
            return BadRequest();
        }

        var title = campaign.Tier(tierId.Value).Title;
        Expect(campaign, version.Value);
        campaign.RemoveTier(UserId, tierId.Value);
        await SaveAsync(cancellationToken);
        StatusMessage = l["La contrepartie « {0} » est retirée.", title];
        return Redirect(CampaignPaths.Setup(CitySlug, id) + "#contreparties");
    }

    /// <summary>"Lancer la campagne": the project moves to Funding, the label's matchfunding and the fee are frozen.</summary>
    public async Task<IActionResult> OnPostLaunchAsync([FromRoute] long id, [FromForm] long? version, CancellationToken cancellationToken)
    {
        _projectId = id;
        var campaign = await HeldCampaignAsync(cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (version is null)
        {
            return BadRequest();
        }

        var project = await db.Projects.Include(p => p.Decisions).ThenInclude(d => d.Commitments).SingleAsync(p => p.Id == id, cancellationToken);
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == project.MunicipalityId, cancellationToken);
        Expect(campaign, version.Value);
        var fee = await LaunchFee.OfCityAsync(db, city.Id, cancellationToken);
        if (payees.Required(project.HolderType == HolderType.Municipality))
        {
            // The money of a funded campaign must have somewhere to go that is not the platform (ADR 18).
            PayeeAccount.EnsureReadyForLaunch(await payees.OfAsync(UserId, cancellationToken));
        }

        campaign.Launch(project, city, UserId, fee, Now);
        await SaveAsync(cancellationToken);
        StatusMessage = l["Votre campagne est lancée : elle reçoit des contributions jusqu'à sa date de fin."];
        return Redirect(CampaignPaths.Setup(CitySlug, id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var posted = HttpMethods.IsPost(Request.Method);
        var project = await db.Projects.AsNoTracking().Include(p => p.Decisions).SingleAsync(p => p.Id == _projectId, cancellationToken);
        Project = new SetupProject(project.Id, project.Title, project.Status, project.IsPublic);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Tiers).SingleOrDefaultAsync(c => c.ProjectId == _projectId, cancellationToken);
        if (campaign is null)
        {
            var city = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == project.MunicipalityId, cancellationToken);
            NotFundableReason = Domain.Funding.Campaign.WhyCannotBeFunded(project, city, ParisTime.DateOf(Now)) is { } refusal ? l.Localize(refusal) : null;
            return;
        }

        Campaign = SetupCampaign.Of(campaign);
        Missing = campaign.Status == CampaignStatus.Draft ? campaign.MissingForLaunch(Now) : [];
        PayeeAccountRequired = payees.Required(campaign.Status == CampaignStatus.Draft ? project.HolderType == HolderType.Municipality : campaign.PaysPublicAccountant);
        if (PayeeAccountRequired)
        {
            PayeeAccount = await payees.OfAsync(UserId, cancellationToken);
            if (campaign.Status == CampaignStatus.Draft && PayeeAccount is not { CanReceive: true })
            {
                Missing = [.. Missing, "un compte de versement validé par Stripe (ci-dessus)"];
            }
        }
        if (!posted || Request.Query["handler"] != "Configure")
        {
            Config = CampaignConfigForm.Of(campaign);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private long UserId => User.Id();

    /// <summary>The campaign as the person saw it: if it changed since, nothing is overwritten.</summary>
    private void Expect(Domain.Funding.Campaign campaign, long version)
    {
        if (campaign.Version != version)
        {
            throw new DomainException(FundingPageRefusals.CampaignChangedMeanwhile);
        }

        db.ExpectVersion(campaign, version);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(FundingPageRefusals.CampaignChangedMeanwhile);
        }
        catch (DbUpdateException)
        {
            // CK_RewardTiers_Stock: contributions took units while the quantity was being lowered.
            throw new DomainException(FundingPageRefusals.StockTakenMeanwhile);
        }
    }

    private async Task<bool> AnotherCampaignAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            entry.State = EntityState.Detached;
        }

        return await db.Campaigns.AnyAsync(c => c.ProjectId == _projectId, cancellationToken);
    }

    private async Task<bool> IsHolderAsync(CancellationToken cancellationToken)
    {
        var holder = await db.Projects.Where(p => p.Id == _projectId).Select(p => (long?)p.HolderUserId).SingleOrDefaultAsync(cancellationToken);
        return holder is not null && holder == UserId;
    }

    private async Task<Project?> HeldProjectAsync(CancellationToken cancellationToken)
    {
        var project = await db.Projects.Include(p => p.Decisions).SingleOrDefaultAsync(p => p.Id == _projectId, cancellationToken);
        return project is not null && project.IsHeldBy(UserId) ? project : null;
    }

    private async Task<Domain.Funding.Campaign?> HeldCampaignAsync(CancellationToken cancellationToken)
    {
        if (!await IsHolderAsync(cancellationToken))
        {
            return null;
        }

        return await db.Campaigns.Include(c => c.Tiers).SingleOrDefaultAsync(c => c.ProjectId == _projectId, cancellationToken);
    }
}
