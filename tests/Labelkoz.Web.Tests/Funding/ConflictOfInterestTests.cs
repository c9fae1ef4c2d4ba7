using System.Net;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Funding.Campaigns;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Issue #16, finding 3: the holder's own gift used to earn the city's match, which was then paid to
/// that holder. It is never matched now, and the holder's form says so.
/// </summary>
public sealed class ConflictOfInterestTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task TheHoldersOwnGift_IsNotMatched_AndTheFormSaysSo_OthersAre()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var donor = await app.Given.Citizen();
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec
        {
            Title = "Un parc (abondement du porteur)",
            MatchCapCents = 500_00,
            Gifts = [new Gift(holder, 100_00), new Gift(donor, 50_00)],
        });

        var totals = await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaign.Id, CancellationToken.None));
        Assert.Equal((150_00L, 50_00L), (totals.ContributedCents, totals.MatchedCents));

        using var holderBrowser = await app.SignedInAsync(holder.Email);
        var form = await holderBrowser.GetAsync(CampaignPaths.Contribute(city.Slug, campaign.Project.Id));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("votre propre contribution n'est pas abondée par la ville", form.Document.QuerySelector("#pas-d-abondement")?.TextContent, StringComparison.Ordinal);

        using var donorBrowser = await app.SignedInAsync(donor.Email);
        Assert.Null((await donorBrowser.GetAsync(CampaignPaths.Contribute(city.Slug, campaign.Project.Id))).Document.QuerySelector("#pas-d-abondement"));
    }
}
