using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Tests.Funding;

public sealed class CampaignTests
{
    private const long Holder = FundingKit.Holder;
    private const long Admin = FundingKit.Admin;
    private static readonly DateTime Now = FundingKit.Now;
    private readonly FundingKit _kit = new();

    [Fact]
    public void Launch_MovesTheProjectToFunding_AndFreezesTheLabelsMatchfundingAndTheFee()
    {
        var campaign = _kit.Draft();

        campaign.Launch(_kit.Project, _kit.City, Holder, 400, Now);

        Assert.Equal(CampaignStatus.Live, campaign.Status);
        Assert.Equal(ProjectStatus.Funding, _kit.Project.Status);
        Assert.Equal((100, 5_000_00L), (campaign.MatchRatioPercent!.Value, campaign.MatchCapCents!.Value));
        Assert.Equal(400, campaign.FeeBasisPoints);
        Assert.True(campaign.IsOpen(Now.AddDays(29)));
        Assert.False(campaign.IsOpen(Now.AddDays(30)));
        Assert.Contains(campaign.History, e => e.Action == CampaignAction.Launched && e.IsPublic);
    }

    [Fact]
    public void TheHoldersOwnGift_IsNeverMatched_OthersAre()
    {
        var campaign = _kit.Live();

        Assert.Null(campaign.MatchfundingOf(Holder));
        Assert.Equal(new Matchfunding(100, 5_000_00), campaign.MatchfundingOf(FundingKit.Donor));
        Assert.Equal(new Matchfunding(100, 5_000_00), campaign.MatchfundingOf(null));
    }

    [Fact]
    public void Prepare_BySomeoneElse_OrForAProjectWithoutLabel_IsRefused()
    {
        Assert.Throws<DomainException>(() => Campaign.Prepare(_kit.Project, _kit.City, Holder + 1, Now));

        var unlabelled = Project.StartDraft(_kit.City.Id, Holder, "Un projet publié", Now);
        unlabelled.UpdateContent(Holder, "Un projet publié", "Un résumé", "Une description.", ProjectCategory.Sport, null, Now);
        unlabelled.Submit(Holder, ModerationMode.PostModeration, Now);
        var refusal = Assert.Throws<DomainException>(() => Campaign.Prepare(unlabelled, _kit.City, Holder, Now));
        Assert.Contains("labellisés", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheCityFundsWithoutLabel_APublishedProjectCanLaunch_WithoutMatchfunding()
    {
        _kit.City.UpdateSettings(ModerationMode.PostModeration, ModerationMode.PostModeration, labelRequiredForFunding: false, "partiellement conforme", Now);
        var project = FundingKit.WithId(Project.StartDraft(_kit.City.Id, Holder, "Un projet publié", Now), 6);
        project.UpdateContent(Holder, "Un projet publié", "Un résumé", "Une description.", ProjectCategory.Sport, null, Now);
        project.Submit(Holder, ModerationMode.PostModeration, Now);

        var campaign = Campaign.Prepare(project, _kit.City, Holder, Now);
        campaign.Configure(Holder, 1_000_00, Now.AddDays(10), CampaignMode.KeepItAll, 1_00, Now);
        campaign.Launch(project, _kit.City, Holder, 500, Now);

        Assert.Equal(ProjectStatus.Funding, project.Status);
        Assert.Null(campaign.Matchfunding);
    }

    [Theory]
    [InlineData(99_99, 30, "L'objectif doit être compris")]
    [InlineData(10_000_000_01, 30, "L'objectif doit être compris")]
    [InlineData(1_000_00, 1, "au moins jusqu'à demain")]
    [InlineData(1_000_00, 91, "au plus 90 jours")]
    public void Configure_RefusesABadGoalOrEndDate(long goal, int days, string message)
    {
        var campaign = Campaign.Prepare(_kit.Project, _kit.City, Holder, Now);

        var error = Assert.Throws<DomainException>(() => campaign.Configure(Holder, goal, Now.AddDays(days), CampaignMode.AllOrNothing, 1_00, Now));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, campaign.GoalCents);
    }

    [Fact]
    public void Configure_RefusesAMinimumAboveTheGoal_OrAnUnknownMode()
    {
        var campaign = Campaign.Prepare(_kit.Project, _kit.City, Holder, Now);

        Assert.Throws<DomainException>(() => campaign.Configure(Holder, 1_000_00, Now.AddDays(5), CampaignMode.AllOrNothing, 1_000_01, Now));
        Assert.Throws<DomainException>(() => campaign.Configure(Holder, 1_000_00, Now.AddDays(5), CampaignMode.AllOrNothing, 99, Now));
        Assert.Throws<DomainException>(() => campaign.Configure(Holder, 1_000_00, Now.AddDays(5), (CampaignMode)9, 1_00, Now));
    }

    [Fact]
    public void OnceLive_TheGoalAndModeAreFrozen_TiersCanBeAdded_AndAQuantityNeverGoesBelowWhatIsTaken()
    {
        var campaign = _kit.Live();
        var tier = campaign.Tier(100);

        Assert.Throws<DomainException>(() => campaign.Configure(Holder, 2_000_00, Now.AddDays(20), CampaignMode.KeepItAll, 1_00, Now));
        campaign.AddTier(Holder, new TierTerms("Une visite du chantier", null, 50_00), Now);
        Assert.Equal(2, campaign.Tiers.Count);

        for (var i = 0; i < 3; i++)
        {
            Contribution.Start(campaign, tier, FundingKit.Donor + i, 20_00, false, null, null, PaymentProvider.Sandbox, $"key-{i}", null, Now);
        }

        campaign.EditTier(Holder, 100, new TierTerms("Un t-shirt", null, 20_00, 3, 5_00), Now);
        Assert.Equal(0, tier.Left);
        var below = Assert.Throws<DomainException>(() => campaign.EditTier(Holder, 100, new TierTerms("Un t-shirt", null, 20_00, 2, 5_00), Now));
        Assert.Contains("déjà pris", below.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => campaign.EditTier(Holder, 100, new TierTerms("Un t-shirt", null, 10_00, 30, 5_00), Now));
        Assert.Throws<DomainException>(() => campaign.RemoveTier(Holder, 100));
        campaign.EditTier(Holder, 100, new TierTerms("Un t-shirt", null, 20_00, 30, 5_00), Now);
        Assert.Equal(27, tier.Left);
    }

    [Theory]
    [InlineData("", 20_00, null, 0)]
    [InlineData("Un t-shirt", 0, null, 0)]
    [InlineData("Un t-shirt", 20_00, 0, 0)]
    [InlineData("Un t-shirt", 20_00, 100_001, 0)]
    [InlineData("Un t-shirt", 20_00, 10, -1)]
    [InlineData("Un t-shirt", 20_00, 10, 20_01)]
    public void ABadTier_IsRefused(string title, long minimum, int? quantity, long value)
    {
        var campaign = Campaign.Prepare(_kit.Project, _kit.City, Holder, Now);

        Assert.Throws<DomainException>(() => campaign.AddTier(Holder, new TierTerms(title, null, minimum, quantity, value), Now));
        Assert.Empty(campaign.Tiers);
    }

    [Fact]
    public void Launch_NeedsAGoalAndAnEndDate_AndHappensOnce()
    {
        var campaign = Campaign.Prepare(_kit.Project, _kit.City, Holder, Now);

        var missing = Assert.Throws<DomainException>(() => campaign.Launch(_kit.Project, _kit.City, Holder, 500, Now));
        Assert.Contains("l'objectif ; la date de fin", missing.Message, StringComparison.Ordinal);

        campaign.Configure(Holder, 1_000_00, Now.AddDays(5), CampaignMode.AllOrNothing, 1_00, Now);
        Assert.Throws<DomainException>(() => campaign.Launch(_kit.Project, _kit.City, Holder + 1, 500, Now));
        campaign.Launch(_kit.Project, _kit.City, Holder, 500, Now);
        Assert.Throws<DomainException>(() => campaign.Launch(_kit.Project, _kit.City, Holder, 500, Now));
    }

    [Fact]
    public void Launch_AfterTheEndDateWasLeftToSlip_IsRefused()
    {
        var campaign = Campaign.Prepare(_kit.Project, _kit.City, Holder, Now);
        campaign.Configure(Holder, 1_000_00, Now.AddDays(5), CampaignMode.AllOrNothing, 1_00, Now);

        var error = Assert.Throws<DomainException>(() => campaign.Launch(_kit.Project, _kit.City, Holder, 500, Now.AddDays(4.5)));

        Assert.Contains("entre demain et dans 90 jours", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Labelled, _kit.Project.Status);
    }

    [Fact]
    public void Pause_IsForACityAdmin_WithAPublicReason_AndStopsContributions()
    {
        var campaign = _kit.Live();

        Assert.Throws<DomainException>(() => campaign.Pause(_kit.City, Holder, "Parce que", Now));
        Assert.Throws<DomainException>(() => campaign.Pause(_kit.City, Projects.ReviewKit.Agent, "Parce que", Now));
        Assert.Throws<DomainException>(() => campaign.Pause(_kit.City, Admin, "  ", Now));
        campaign.Pause(_kit.City, Admin, "Le terrain doit être vérifié.", Now);

        Assert.Equal(CampaignStatus.Paused, campaign.Status);
        var refused = Assert.Throws<DomainException>(() => campaign.EnsureAccepts(50_00, null, Now));
        Assert.Contains("suspendue", refused.Message, StringComparison.Ordinal);
        Assert.Contains(campaign.History, e => e is { Action: CampaignAction.Paused, IsPublic: true, Details: "Le terrain doit être vérifié." });

        campaign.Resume(_kit.City, Admin, Now);
        campaign.EnsureAccepts(50_00, null, Now);
    }

    [Theory]
    [InlineData(4_99, "La contribution minimale")]
    [InlineData(100_000_01, "ne peut pas dépasser")]
    public void EnsureAccepts_RefusesAmountsOutOfBounds(long amount, string message)
    {
        var campaign = _kit.Live();

        var error = Assert.Throws<DomainException>(() => campaign.EnsureAccepts(amount, null, Now));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureAccepts_RefusesBelowATiersMinimum_AndAfterTheEnd()
    {
        var campaign = _kit.Live();

        var below = Assert.Throws<DomainException>(() => campaign.EnsureAccepts(19_99, campaign.Tier(100), Now));
        Assert.Contains("au moins 20,00", below.Message, StringComparison.Ordinal);
        var ended = Assert.Throws<DomainException>(() => campaign.EnsureAccepts(50_00, null, Now.AddDays(30)));
        Assert.Contains("terminée", ended.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settlement_StartsOnlyWhenDue_ThenFinishesOnce_AndMovesTheProject()
    {
        var campaign = _kit.Live();

        Assert.Throws<DomainException>(() => campaign.StartSettlement(true, Now.AddDays(29)));
        Assert.True(campaign.IsDue(Now.AddDays(30)));
        campaign.StartSettlement(true, Now.AddDays(30));
        Assert.False(campaign.IsDue(Now.AddDays(31)));
        Assert.Throws<DomainException>(() => campaign.StartSettlement(true, Now.AddDays(31)));

        campaign.FinishSettlement(_kit.Project, Now.AddDays(30));
        Assert.Equal(CampaignStatus.Funded, campaign.Status);
        Assert.Equal(ProjectStatus.Funded, _kit.Project.Status);
        Assert.Throws<DomainException>(() => campaign.FinishSettlement(_kit.Project, Now.AddDays(31)));
    }

    [Fact]
    public void APausedCampaign_StillEnds_AndFailsIfShort()
    {
        var campaign = _kit.Live();
        campaign.Pause(_kit.City, Admin, "Vérification", Now);

        campaign.StartSettlement(false, Now.AddDays(30));
        campaign.FinishSettlement(_kit.Project, Now.AddDays(30));

        Assert.Equal(CampaignStatus.NotFunded, campaign.Status);
        Assert.Equal(ProjectStatus.NotFunded, _kit.Project.Status);
    }
}
