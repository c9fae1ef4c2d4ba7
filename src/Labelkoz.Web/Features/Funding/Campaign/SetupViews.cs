using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Web.Features.Funding.Campaigns;

/// <summary>What the campaign page shows of its project.</summary>
public sealed record SetupProject(long Id, string Title, ProjectStatus Status, bool IsPublic);

/// <summary>What the campaign page shows of the campaign.</summary>
public sealed record SetupCampaign(
    long Id,
    CampaignStatus Status,
    long GoalCents,
    DateTime? EndsAtUtc,
    CampaignMode Mode,
    long MinimumCents,
    string? PauseReason,
    long Version,
    IReadOnlyList<SetupTier> Tiers)
{
    public bool IsDraft => Status == CampaignStatus.Draft;

    public bool TakesTiers => Campaign.TakesTierChanges(Status);

    public static SetupCampaign Of(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new SetupCampaign(
            campaign.Id,
            campaign.Status,
            campaign.GoalCents,
            campaign.EndsAtUtc,
            campaign.Mode,
            campaign.MinimumContributionCents,
            campaign.PauseReason,
            campaign.Version,
            [.. campaign.Tiers.OrderBy(t => t.Position).ThenBy(t => t.Id).Select(t => new SetupTier(t.Id, t.Title, t.Description, t.MinimumCents, t.Quantity, t.Taken, t.ValueCents, t.DeliveryMonth))]);
    }
}

public sealed record SetupTier(long Id, string Title, string? Description, long MinimumCents, int? Quantity, int Taken, long ValueCents, DateOnly? DeliveryMonth);
