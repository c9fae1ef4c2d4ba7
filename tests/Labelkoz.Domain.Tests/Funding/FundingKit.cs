using System.Reflection;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Funding;

/// <summary>A labelled project (the city doubles each gift up to 5 000 €) and its campaign.</summary>
internal sealed class FundingKit
{
    public const long Holder = 10;
    public const long Admin = 20;
    public const long Donor = 30;
    public static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    public FundingKit(bool matchfunding = true)
    {
        City = ReviewKit.City(Admin);
        WithId(City, 1);
        Project = WithId(Project.StartDraft(City.Id, Holder, "Parc de street-workout", Now), 5);
        Project.UpdateContent(Holder, "Parc de street-workout", "Des agrès en accès libre", "Un parc ouvert à tous.", ProjectCategory.Sport, null, Now);
        Project.Submit(Holder, ModerationMode.PostModeration, Now);
        Project.TakeIntoReview(City, Admin, null, Now);
        CommitmentTerms[] terms = matchfunding
            ? [ReviewKit.Matchfunding(100, 5_000_00), new CommitmentTerms(CommitmentKind.Land, "Une parcelle", null)]
            : [new CommitmentTerms(CommitmentKind.Land, "Une parcelle", null)];
        Project.ProposeLabel(City, Admin, ReviewKit.Terms(terms), Now);
    }

    public Municipality City { get; }

    public Project Project { get; }

    /// <summary>A configured draft with one limited tier (id 100, 10 units from 20 €).</summary>
    public Campaign Draft(long goalCents = 10_000_00, CampaignMode mode = CampaignMode.AllOrNothing)
    {
        var campaign = WithId(Campaign.Prepare(Project, City, Holder, Now), 7);
        campaign.Configure(Holder, goalCents, Now.AddDays(30), mode, 5_00, Now);
        var tier = campaign.AddTier(Holder, new TierTerms("Un t-shirt", "Aux couleurs du parc", 20_00, 10, 5_00), Now);
        WithId(tier, 100);
        return campaign;
    }

    public Campaign Live(long goalCents = 10_000_00, CampaignMode mode = CampaignMode.AllOrNothing)
    {
        var campaign = Draft(goalCents, mode);
        campaign.Launch(Project, City, Holder, Campaign.DefaultFeeBasisPoints, Now);
        return campaign;
    }

    /// <summary>Stands in for the database, which gives rows their ids.</summary>
    public static T WithId<T>(T entity, long id)
    {
        typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);
        return entity;
    }
}
