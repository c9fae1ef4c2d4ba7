using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding;

/// <summary>The French words for a campaign's states and modes (translated by the localizer).</summary>
public static class FundingLabels
{
    public static string Status(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "En préparation",
        CampaignStatus.Live => "En cours",
        CampaignStatus.Paused => "Suspendue",
        CampaignStatus.Settling => "Terminée, en cours de règlement",
        CampaignStatus.Funded => "Financé",
        CampaignStatus.NotFunded => "Non financé",
    };

    public static string Mode(CampaignMode mode) => mode switch
    {
        CampaignMode.AllOrNothing => "Tout ou rien",
        CampaignMode.KeepItAll => "Tout est gardé",
    };

    public static string Contribution(ContributionStatus status) => status switch
    {
        ContributionStatus.Pending => "En attente",
        ContributionStatus.Succeeded => "Réussie",
        ContributionStatus.Failed => "Échouée",
        ContributionStatus.Refunded => "Remboursée",
    };

    public static string Event(CampaignAction action) => action switch
    {
        CampaignAction.Prepared => "Campagne préparée",
        CampaignAction.Launched => "Campagne lancée",
        CampaignAction.TierAdded => "Contrepartie ajoutée",
        CampaignAction.TierChanged => "Contrepartie modifiée",
        CampaignAction.Paused => "Campagne suspendue par la ville",
        CampaignAction.Resumed => "Campagne reprise",
        CampaignAction.Ended => "Campagne terminée",
        CampaignAction.Funded => "Projet financé",
        CampaignAction.NotFunded => "Projet non financé : les contributeurs sont remboursés",
    };
}

/// <summary>
/// The public funding panel of a project page: the campaign once launched (never a draft), its
/// figures from the ledger (<see cref="FundingTotals"/>), its tiers, its public history and the
/// latest public contributors. A fixed number of SQL commands: one when the project has no public
/// campaign, five when it has one, whatever the number of contributions.
/// </summary>
public static class FundingPanel
{
    public const int ShownContributors = 20;

    public static async Task<FundingPanelView?> LoadAsync(AppDbContext db, long projectId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.ProjectId == projectId && c.Status != CampaignStatus.Draft)
            .Select(c => new
            {
                c.Id,
                c.Status,
                c.GoalCents,
                c.EndsAtUtc,
                c.Mode,
                c.MatchRatioPercent,
                c.MatchCapCents,
                c.PauseReason,
                Tiers = c.Tiers.OrderBy(t => t.Position).ThenBy(t => t.Id)
                    .Select(t => new FundingTierView(t.Id, t.Title, t.Description, t.MinimumCents, t.Quantity, t.Taken, t.DeliveryMonth))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var history = await db.Set<CampaignEvent>().AsNoTracking()
            .Where(e => e.CampaignId == campaign.Id && e.IsPublic)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new FundingEventView(e.AtUtc, e.Action, e.Action == CampaignAction.Paused ? e.Details : null))
            .ToListAsync(cancellationToken);

        // Who gave, as they chose to appear: their public name or "Anonyme", and their message.
        var contributors = await db.Contributions.AsNoTracking()
            .Where(c => c.CampaignId == campaign.Id && c.Status == ContributionStatus.Succeeded)
            .OrderByDescending(c => c.SucceededAtUtc).ThenByDescending(c => c.Id)
            .Take(ShownContributors)
            .Select(c => new FundingContributorView(c.IsAnonymous ? null : c.PublicName, c.Message, c.SucceededAtUtc ?? c.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        var totals = await FundingTotals.ForAsync(db, campaign.Id, cancellationToken);
        var matchfunding = campaign.MatchRatioPercent is { } ratio && campaign.MatchCapCents is { } cap ? new Matchfunding(ratio, cap) : (Matchfunding?)null;
        return new FundingPanelView(
            campaign.Id,
            campaign.Status,
            campaign.GoalCents,
            campaign.EndsAtUtc,
            campaign.Mode,
            matchfunding,
            campaign.PauseReason,
            campaign.Status == CampaignStatus.Live && nowUtc < campaign.EndsAtUtc,
            DaysLeft(campaign.EndsAtUtc, nowUtc),
            totals,
            campaign.Tiers,
            history,
            contributors);
    }

    /// <summary>
    /// The <c>funding</c> of the open-data API's projects: launched campaigns only, figures from the
    /// ledger. Three SQL commands for any number of projects (one when none has a campaign).
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, OpenData.FundingResponse>> ForApiAsync(AppDbContext db, IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(projectIds);
        if (projectIds.Count == 0)
        {
            return new Dictionary<long, OpenData.FundingResponse>();
        }

        var ids = projectIds.Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => ids.Contains(c.ProjectId) && c.Status != CampaignStatus.Draft)
            .Select(c => new { c.Id, c.ProjectId, c.GoalCents, c.EndsAtUtc, c.Mode, c.Status })
            .ToListAsync(cancellationToken);
        var totals = await FundingTotals.ForAsync(db, campaigns.Select(c => c.Id).ToList(), cancellationToken);
        return campaigns.ToDictionary(c => c.ProjectId, c =>
        {
            var money = totals[c.Id];
            return new OpenData.FundingResponse(
                c.GoalCents,
                money.RaisedCents,
                money.MatchedCents,
                money.Contributors,
                c.EndsAtUtc is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : null,
                c.Mode,
                c.Status);
        });
    }

    /// <summary>
    /// For the holder's link on the project page: a campaign exists (draft included), or the
    /// project can be funded (<c>Campaign.WhyCannotBeFunded</c>). Read for the holder only.
    /// </summary>
    public static async Task<bool> HolderMayManageAsync(AppDbContext db, long projectId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // One command reads the facts; Campaign.WhyCannotBeFunded's rule decides.
        var activeLabel = Project.LabelActiveRule(today);
        var row = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                HasCampaign = db.Campaigns.Any(c => c.ProjectId == projectId),
                p.Status,
                Public = p.PublishedAtUtc != null && p.HiddenAtUtc == null,
                ActiveLabel = db.Projects.Where(q => q.Id == projectId).Any(activeLabel),
                LabelRequired = db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.LabelRequiredForFunding).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }

        return row.HasCampaign || Campaign.WhyCannotBeFunded(row.Status, row.ActiveLabel, row.LabelRequired, row.Public) is null;
    }

    /// <summary>Whole days left counted in Paris calendar days (0: ends today), or null once ended.</summary>
    public static int? DaysLeft(DateTime? endsAtUtc, DateTime nowUtc)
    {
        if (endsAtUtc is not { } end || nowUtc >= end)
        {
            return null;
        }

        return Cultures.ToParis(end).Date.Subtract(Cultures.ToParis(nowUtc).Date).Days;
    }
}

public sealed record FundingPanelView(
    long CampaignId,
    CampaignStatus Status,
    long GoalCents,
    DateTime? EndsAtUtc,
    CampaignMode Mode,
    Matchfunding? Matchfunding,
    string? PauseReason,
    bool IsOpen,
    int? DaysLeft,
    CampaignTotals Totals,
    IReadOnlyList<FundingTierView> Tiers,
    IReadOnlyList<FundingEventView> History,
    IReadOnlyList<FundingContributorView> Contributors)
{
    /// <summary>Percent of the goal raised by the contributors and the city together, rounded down.</summary>
    public int Percent => GoalCents <= 0 ? 0 : (int)Math.Min(int.MaxValue, Totals.RaisedCents * 100 / GoalCents);
}

public sealed record FundingTierView(long Id, string Title, string? Description, long MinimumCents, int? Quantity, int Taken, DateOnly? DeliveryMonth)
{
    public int? Left => Quantity is { } quantity ? Math.Max(0, quantity - Taken) : null;

    public bool IsSoldOut => Left is 0;
}

public sealed record FundingEventView(DateTime AtUtc, CampaignAction Action, string? Reason);

/// <summary>A public contributor: <see cref="PublicName"/> null means "Anonyme". Amounts are never shown.</summary>
public sealed record FundingContributorView(string? PublicName, string? Message, DateTime AtUtc);

/// <summary>What the partial <c>_FundingPanel</c> renders: the panel and where the project lives.</summary>
public sealed record FundingPanelPartial(FundingPanelView Panel, string CitySlug, long ProjectId);
