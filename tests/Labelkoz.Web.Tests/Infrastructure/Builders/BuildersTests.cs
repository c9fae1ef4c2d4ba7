using System.Net;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

/// <summary>The builders make what they say, in the state they say, on an app started without demo data.</summary>
public sealed class BuildersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void TheSequence_NeverGivesANumberThePasswordContains()
    {
        var numbers = Enumerable.Range(0, 3_000).Select(_ => Given.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.DoesNotContain(numbers, n => Given.Password.Contains(n, StringComparison.Ordinal));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task ACity_HasItsSiteItsNeighbourhoodsAndItsStaff_WhoCanLogIn()
    {
        var city = await app.Given.City();
        using var visitor = app.NewBrowser();
        var home = await visitor.GetAsync(city.Path);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(city.Name, home.Html, StringComparison.Ordinal);

        using var admin = app.NewBrowser();
        await admin.LogInAsync(city.Admin.Email);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(city.AdminPath)).Status);
        var roles = await InDb(db => db.Memberships.Where(m => m.MunicipalityId == city.Id).OrderBy(m => m.Role).Select(m => m.Role).ToListAsync());
        Assert.Equal([StaffRole.Admin, StaffRole.Agent], roles);
    }

    [Theory]
    [InlineData(ProjectState.Draft, ProjectStatus.Draft)]
    [InlineData(ProjectState.Submitted, ProjectStatus.Submitted)]
    [InlineData(ProjectState.InReview, ProjectStatus.InReview)]
    [InlineData(ProjectState.ChangesRequested, ProjectStatus.ChangesRequested)]
    [InlineData(ProjectState.LabelProposed, ProjectStatus.InReview)]
    [InlineData(ProjectState.Labelled, ProjectStatus.Labelled)]
    [InlineData(ProjectState.LabelledOnProposal, ProjectStatus.Labelled)]
    [InlineData(ProjectState.Declined, ProjectStatus.Declined)]
    [InlineData(ProjectState.Withdrawn, ProjectStatus.Withdrawn)]
    public async Task AProject_IsInTheStateAsked(ProjectState state, ProjectStatus status)
    {
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen(), state);
        Assert.Equal(status, await InDb(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Status).SingleAsync()));
        var pending = await InDb(db => db.ProjectDecisions.CountAsync(d => d.ProjectId == project.Id && d.State == DecisionState.Proposed));
        Assert.Equal(state == ProjectState.LabelProposed ? 1 : 0, pending);
    }

    [Fact]
    public async Task ALabelledProject_ShowsItsLabelInPublic()
    {
        var city = await app.Given.City();
        var project = await app.Given.LabelledProject(city, await app.Given.Citizen());
        using var visitor = app.NewBrowser();
        var page = await visitor.GetAsync(project.Path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(project.Title, page.MainText, StringComparison.Ordinal);
        Assert.Contains("Une salle le samedi", page.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CallState.Draft, CallStatus.Draft)]
    [InlineData(CallState.Open, CallStatus.Open)]
    [InlineData(CallState.Review, CallStatus.Review)]
    [InlineData(CallState.Decided, CallStatus.Decided)]
    [InlineData(CallState.Cancelled, CallStatus.Cancelled)]
    public async Task ACall_IsInTheStateAsked_WithItsApplications(CallState state, CallStatus status)
    {
        var city = await app.Given.City();
        var applicants = state == CallState.Draft ? [] : new[] { await app.Given.Citizen(), await app.Given.Citizen() };
        var call = await app.Given.Call(city, new CallSpec { State = state, Applicants = applicants });
        Assert.Equal(status, await InDb(db => db.Calls.Where(c => c.Id == call.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(applicants.Length, call.Applications.Count);
        var winners = await InDb(db => db.Projects.CountAsync(p => p.MunicipalityId == city.Id && p.Status == ProjectStatus.Labelled));
        Assert.Equal(state == CallState.Decided ? 1 : 0, winners);
    }

    [Theory]
    [InlineData(CampaignState.Prepared, CampaignStatus.Draft, 0)]
    [InlineData(CampaignState.Draft, CampaignStatus.Draft, 0)]
    [InlineData(CampaignState.Live, CampaignStatus.Live, 2)]
    [InlineData(CampaignState.Funded, CampaignStatus.Funded, 2)]
    [InlineData(CampaignState.NotFunded, CampaignStatus.NotFunded, 2)]
    public async Task ACampaign_IsInTheStateAsked_WithItsPaidContributions(CampaignState state, CampaignStatus status, int gifts)
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var donor = await app.Given.Citizen();
        var goal = state == CampaignState.Funded ? 100_00 : 1_000_00;
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec
        {
            State = state,
            GoalCents = goal,
            Gifts = state is CampaignState.Prepared or CampaignState.Draft ? [] : [new Gift(donor, 60_00, Tier: 0, PublicName: "Anne"), new Gift(donor, 40_00)],
        });

        Assert.Equal(status, await InDb(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(state == CampaignState.Prepared ? 0 : goal, await InDb(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.GoalCents).SingleAsync()));
        var launched = await InDb(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.LaunchedAtUtc).SingleAsync());
        Assert.True(state is CampaignState.Prepared or CampaignState.Draft ? launched is null : launched <= DateTime.UtcNow, $"launched at {launched:O}");
        var statuses = await InDb(db => db.Contributions.Where(c => c.CampaignId == campaign.Id).Select(c => c.Status).ToListAsync());
        Assert.Equal(gifts, statuses.Count);
        var expected = state == CampaignState.NotFunded ? ContributionStatus.Refunded : ContributionStatus.Succeeded;
        Assert.All(statuses, s => Assert.Equal(expected, s));
        Assert.True(await InDb(db => db.LedgerTransactions.AnyAsync(t => t.MunicipalityId == city.Id)) == (gifts > 0));
        using var visitor = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(campaign.Project.Path)).Status);
    }

    [Fact]
    public async Task ALiveCampaign_EndsWhenAsked_ThirtyDaysAfterItsLaunchByDefault()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var soon = await app.Given.Campaign(city, holder, new CampaignSpec { EndsIn = TimeSpan.FromDays(3) });
        var usual = await app.Given.Campaign(city, holder);

        var ends = await InDb(db => db.Campaigns.Where(c => c.Id == soon.Id || c.Id == usual.Id).ToDictionaryAsync(c => c.Id, c => c.EndsAtUtc!.Value - c.LaunchedAtUtc!.Value));
        Assert.Equal(TimeSpan.FromDays(3), ends[soon.Id]);
        Assert.Equal(TimeSpan.FromDays(30), ends[usual.Id]);
    }

    [Fact]
    public async Task ACampaignOfAnAssociation_IsHeldByIt_ItsReceiptsOpenedOnlyWhenAsked()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var rna = $"W980{Given.Next() % 1_000_000:000000}";
        var closed = await app.Given.Campaign(city, holder, new CampaignSpec { Association = ("Les Amis du Verger", rna) });
        var opened = await app.Given.Campaign(city, holder, new CampaignSpec { Association = ("Les Amis du Verger", rna), TaxReceipts = true });

        var projects = await InDb(db => db.Projects.AsNoTracking().Where(p => p.Id == closed.Project.Id || p.Id == opened.Project.Id).OrderBy(p => p.Id)
            .Select(p => new { p.HolderType, p.OrganisationName, p.Rna, p.ReceiptIssuer }).ToListAsync());
        Assert.All(projects, p => Assert.Equal((HolderType.Association, "Les Amis du Verger", rna), (p.HolderType, p.OrganisationName, p.Rna)));
        Assert.Equal([null, "Les Amis du Verger"], projects.Select(p => p.ReceiptIssuer?.Name));
    }

    [Fact]
    public async Task ASubscription_IsATrialOnTheSuggestedPlan_AndAnOperatorReachesTheOperatorPages()
    {
        var city = await app.Given.City();
        var id = await app.Given.Subscription(city);
        Assert.Equal(city.Id, await InDb(db => db.Subscriptions.Where(s => s.Id == id).Select(s => s.MunicipalityId).SingleAsync()));

        var operatorUser = await app.Given.Operator();
        using var browser = app.NewBrowser();
        await browser.LogInAsync(operatorUser.Email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operateur")).Status);
    }

    [Fact]
    public async Task ASubscriptionOfThePast_HasItsInvoicesIssuedAndPaidOnTheirDays_AndTodaysStatus()
    {
        var city = await app.Given.City();
        var id = await app.Given.Subscription(city, new SubscriptionSpec { StartedDaysAgo = 100, PaidAfterDays = 11 });

        var invoices = await InDb(db => db.Invoices.IgnoreQueryFilters().Where(i => i.SubscriptionId == id).OrderBy(i => i.PeriodStart).Select(i => new { i.Status, i.IssuedOn, i.PaidOn }).ToListAsync());
        Assert.Equal([InvoiceStatus.Paid, InvoiceStatus.Paid, InvoiceStatus.Issued], invoices.Select(i => i.Status));
        Assert.All(invoices.Where(i => i.PaidOn is not null), i => Assert.Equal(i.IssuedOn.AddDays(11), i.PaidOn));
        Assert.Equal(SubscriptionStatus.Active, await InDb(db => db.Municipalities.Where(m => m.Id == city.Id).Select(m => m.SubscriptionStatus).SingleAsync()));
        Assert.Equal(SubscriptionStatus.Active, await InDb(db => db.Subscriptions.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
    }

    private async Task<T> InDb<T>(Func<Data.AppDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>());
    }
}
