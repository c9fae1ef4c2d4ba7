using System.Globalization;
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
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    private long _projectId;

    [BindProperty]
    public ConfigInput Config { get; set; } = new();

    [BindProperty]
    public TierInput NewTier { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public ProjectSummary Project { get; private set; } = null!;

    public CampaignView? Campaign { get; private set; }

    /// <summary>Why the project cannot be funded (null: it can).</summary>
    public string? NotFundableReason { get; private set; }

    public IReadOnlyList<string> Missing { get; private set; } = [];

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

        var goal = ReadAmount("Config.Goal", Config.Goal, required: true);
        var minimum = string.IsNullOrWhiteSpace(Config.Minimum) ? Domain.Funding.Campaign.MinContributionCents : ReadAmount("Config.Minimum", Config.Minimum, required: true);
        var endsAt = ReadEndDate(Config.EndDate);
        CampaignMode? mode = Config.Mode switch
        {
            nameof(CampaignMode.AllOrNothing) => CampaignMode.AllOrNothing,
            nameof(CampaignMode.KeepItAll) => CampaignMode.KeepItAll,
            _ => null,
        };
        if (mode is null)
        {
            ModelState.AddModelError("Config.Mode", l["Choisissez le mode de la campagne : tout ou rien, ou tout est gardé."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        Expect(campaign, version.Value);
        campaign.Configure(UserId, goal!.Value, endsAt!.Value, mode!.Value, minimum!.Value, Now);
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

        var terms = ReadTier("NewTier", NewTier);
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
    public async Task<IActionResult> OnPostEditTierAsync([FromRoute] long id, [FromForm] long? version, [FromForm] long? tierId, [FromForm] TierInput? tier, CancellationToken cancellationToken)
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

        var current = campaign.Tier(tierId.Value);
        TierTerms? terms;
        if (campaign.Status == CampaignStatus.Draft)
        {
            terms = ReadTier("tier", tier);
        }
        else
        {
            var quantity = ReadQuantity("tier.Quantity", tier.Quantity);
            terms = ModelState.IsValid ? new TierTerms(current.Title, current.Description, current.MinimumCents, quantity, current.ValueCents, current.DeliveryMonth) : null;
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
        // The platform's fee is the city's plan's (issue #7), frozen at launch; the default without a subscription.
        var fee = await (
                from s in db.Subscriptions
                join plan in db.Plans on s.PlanId equals plan.Id
                where s.MunicipalityId == city.Id
                select (int?)plan.FeeBasisPoints)
            .SingleOrDefaultAsync(cancellationToken) ?? Domain.Funding.Campaign.DefaultFeeBasisPoints;
        campaign.Launch(project, city, UserId, fee, Now);
        await SaveAsync(cancellationToken);
        StatusMessage = l["Votre campagne est lancée : elle reçoit des contributions jusqu'à sa date de fin."];
        return Redirect(CampaignPaths.Setup(CitySlug, id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var posted = HttpMethods.IsPost(Request.Method);
        var project = await db.Projects.AsNoTracking().Include(p => p.Decisions).SingleAsync(p => p.Id == _projectId, cancellationToken);
        Project = new ProjectSummary(project.Id, project.Title, project.Status, project.IsPublic);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Tiers).SingleOrDefaultAsync(c => c.ProjectId == _projectId, cancellationToken);
        if (campaign is null)
        {
            var city = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == project.MunicipalityId, cancellationToken);
            NotFundableReason = Domain.Funding.Campaign.WhyNotFundable(project, city, DateOnly.FromDateTime(Cultures.ToParis(Now)));
            return;
        }

        Campaign = new CampaignView(
            campaign.Id,
            campaign.Status,
            campaign.GoalCents,
            campaign.EndsAtUtc,
            campaign.Mode,
            campaign.MinimumContributionCents,
            campaign.PauseReason,
            campaign.Version,
            [.. campaign.Tiers.OrderBy(t => t.Position).ThenBy(t => t.Id).Select(t => new TierView(t.Id, t.Title, t.Description, t.MinimumCents, t.Quantity, t.Taken, t.ValueCents, t.DeliveryMonth))]);
        Missing = campaign.Status == CampaignStatus.Draft ? campaign.MissingForLaunch(Now) : [];
        if (!posted || Request.Query["handler"] != "Configure")
        {
            Config = new ConfigInput
            {
                Goal = campaign.GoalCents == 0 ? null : MoneyInput.ForInput(campaign.GoalCents, CultureInfo.CurrentCulture),
                EndDate = campaign.EndsAtUtc is { } end ? Cultures.ToParis(end).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Mode = campaign.Mode.ToString(),
                Minimum = MoneyInput.ForInput(campaign.MinimumContributionCents, CultureInfo.CurrentCulture),
            };
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private long UserId => User.Id();

    private DateTime? ReadEndDate(string? text)
    {
        const string field = "Config.EndDate";
        var read = ParisDates.ReadDate(text, out var day);
        var endsAt = DateTime.MinValue;
        string? error = read switch
        {
            ParisInput.Missing => l["Indiquez la date de fin de la campagne."].Value,
            ParisInput.Read when ParisDates.EndOfDay(day, out endsAt) != ParisInput.Read =>
                l["Cette heure n'existe pas ou est ambiguë à Paris ce jour-là (changement d'heure) : choisissez un autre jour."].Value,
            ParisInput.Read => (string?)null,
            _ => l["Saisissez une date au format jj/mm/aaaa, par exemple 31/12/2026."],
        };
        if (error is not null)
        {
            ModelState.AddModelError(field, error);
            return null;
        }

        if (endsAt <= Now.AddDays(1) || endsAt > Now.AddDays(Domain.Funding.Campaign.MaxDurationDays))
        {
            ModelState.AddModelError(field, l["La date de fin doit être entre demain et dans {0} jours.", Domain.Funding.Campaign.MaxDurationDays]);
            return null;
        }

        return endsAt;
    }

    private long? ReadAmount(string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                ModelState.AddModelError(field, l["Indiquez un montant en euros."]);
            }

            return null;
        }

        if (!MoneyInput.TryParseCents(text, out var cents, out var error))
        {
            ModelState.AddModelError(field, l.Explain(error));
            return null;
        }

        return cents;
    }

    private int? ReadQuantity(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity < 1 || quantity > RewardTier.MaxQuantity)
        {
            ModelState.AddModelError(field, l["La quantité est un nombre entier entre 1 et {0}, ou laissée vide si elle est illimitée.", RewardTier.MaxQuantity]);
            return null;
        }

        return quantity;
    }

    private TierTerms? ReadTier(string prefix, TierInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            ModelState.AddModelError(prefix + ".Title", l["Donnez un titre à la contrepartie."]);
        }

        var minimum = ReadAmount(prefix + ".Minimum", input.Minimum, required: true);
        var value = string.IsNullOrWhiteSpace(input.Value) ? 0 : ReadAmount(prefix + ".Value", input.Value, required: true);
        var quantity = ReadQuantity(prefix + ".Quantity", input.Quantity);
        DateOnly? month = null;
        if (!string.IsNullOrWhiteSpace(input.DeliveryMonth))
        {
            if (DateOnly.TryParseExact(input.DeliveryMonth.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                || DateOnly.TryParseExact("01/" + input.DeliveryMonth.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
            {
                month = first;
            }
            else
            {
                ModelState.AddModelError(prefix + ".DeliveryMonth", l["Saisissez un mois au format aaaa-mm, par exemple 2027-03."]);
            }
        }

        if (minimum is { } min && value is { } worth && worth > min)
        {
            ModelState.AddModelError(prefix + ".Value", l["La valeur de la contrepartie ne peut pas dépasser son montant minimal."]);
        }

        return ModelState.IsValid ? new TierTerms(input.Title!, input.Description, minimum!.Value, quantity, value!.Value, month) : null;
    }

    /// <summary>The campaign as the person saw it: if it changed since, nothing is overwritten.</summary>
    private void Expect(Domain.Funding.Campaign campaign, long version)
    {
        if (campaign.Version != version)
        {
            throw new DomainException("La campagne a changé entre-temps : vérifiez-la et recommencez.");
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
            throw new DomainException("La campagne a changé entre-temps : vérifiez-la et recommencez.");
        }
        catch (DbUpdateException)
        {
            // CK_RewardTiers_Stock: contributions took units while the quantity was being lowered.
            throw new DomainException("Des contributions sont arrivées pendant votre modification : la quantité ne peut pas descendre sous le nombre d'exemplaires pris. Vérifiez-la et recommencez.");
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

    public sealed record ProjectSummary(long Id, string Title, ProjectStatus Status, bool IsPublic);

    public sealed record CampaignView(
        long Id,
        CampaignStatus Status,
        long GoalCents,
        DateTime? EndsAtUtc,
        CampaignMode Mode,
        long MinimumCents,
        string? PauseReason,
        long Version,
        IReadOnlyList<TierView> Tiers)
    {
        public bool IsDraft => Status == CampaignStatus.Draft;

        public bool TakesTiers => Status is CampaignStatus.Draft or CampaignStatus.Live or CampaignStatus.Paused;
    }

    public sealed record TierView(long Id, string Title, string? Description, long MinimumCents, int? Quantity, int Taken, long ValueCents, DateOnly? DeliveryMonth);

    public sealed class ConfigInput
    {
        public string? Goal { get; set; }

        public string? EndDate { get; set; }

        public string? Mode { get; set; } = nameof(CampaignMode.AllOrNothing);

        public string? Minimum { get; set; }
    }

    public sealed class TierInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Minimum { get; set; }

        public string? Quantity { get; set; }

        public string? Value { get; set; }

        public string? DeliveryMonth { get; set; }
    }
}
