using System.Globalization;
using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Four eyes on offline money, over HTTP (issue #16, finding 2): an agent alone recorded a
/// 100 000 € "cheque" that counted at once, passed the goal and took the city's remaining match.
/// Now an agent's entry waits for an admin; an admin's entry above the city's threshold waits for a
/// second admin; an entry nobody confirms is set aside at settlement; each refusal says why.
/// </summary>
public sealed class OfflineFourEyesTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task AnAgentsHundredThousandEuroCheque_CountsForNothing_UntilAnAdminConfirmsIt()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (chèque d'agent)", goalCents: 1_000_00, matchCapCents: 300_00);
        var campaignId = live.Id;
        using var agent = await app.SignedInAsync(live.City.Agent.Email);
        var page = await agent.GetAsync(live.AdminPath);

        var recorded = await agent.SubmitAsync(page, "form#hors-ligne", Fields("100000", "CHQ 999"));

        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var shown = await agent.FollowAsync(recorded);
        Assert.Contains("Il comptera dans la collecte quand un autre administrateur de la ville l'aura confirmé.", shown.MainText, StringComparison.Ordinal);
        var gift = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == campaignId));
        Assert.Equal(ContributionStatus.Pending, gift.Status);
        Assert.Equal(new CampaignTotals(0, 0, 0), await TotalsAsync(campaignId));
        Assert.False(await app.WithDbAsync(db => db.LedgerTransactions.AnyAsync(t => t.CampaignId == campaignId)));

        // The agent sees it waiting, may withdraw it, cannot confirm it (the page offers no button; a forged post is refused).
        var waiting = shown.Document.QuerySelector("#a-confirmer")!;
        Assert.Contains("Paiements hors ligne à confirmer (1)", waiting.TextContent, StringComparison.Ordinal);
        Assert.Null(waiting.QuerySelector("form[action*='handler=ConfirmOffline']"));
        Assert.NotNull(waiting.QuerySelector("form[action*='handler=RejectOffline']"));
        shown.AssertAccessibleStructure();
        var forged = await agent.PostAsync(live.AdminPath + "?handler=ConfirmOffline", shown, Id(gift.Id));
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("Seul un administrateur de la ville peut confirmer ou écarter un paiement hors ligne.", forged.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Pending, await StatusAsync(gift.Id));

        // The list tells the admin where to look.
        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var list = await admin.GetAsync($"{live.City.AdminPath}/campagnes");
        Assert.Contains("Un paiement hors ligne attend la confirmation d'un administrateur", list.MainText, StringComparison.Ordinal);
        Assert.Contains("1 paiement à confirmer", list.MainText, StringComparison.Ordinal);

        var adminPage = await admin.GetAsync(live.AdminPath);
        var confirmed = await admin.SubmitAsync(adminPage, $"#hors-ligne-{gift.Id} form[action*='handler=ConfirmOffline']");
        var replay = await admin.SubmitAsync(adminPage, $"#hors-ligne-{gift.Id} form[action*='handler=ConfirmOffline']");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(HttpStatusCode.Redirect, replay.Status);
        Assert.Contains("Ce paiement hors ligne est déjà confirmé.", (await admin.FollowAsync(replay)).MainText, StringComparison.Ordinal);
        Assert.Equal(new CampaignTotals(100_000_00, 300_00, 1), await TotalsAsync(campaignId));
        var after = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == gift.Id));
        Assert.Equal(live.City.Admin.Id, after.ConfirmedByUserId);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.OfflinePaymentConfirmed && a.SubjectId == gift.Id)));
        var recordedLine = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.OfflinePaymentRecorded && a.SubjectId == gift.Id));
        Assert.Equal(live.City.Agent.Id, recordedLine.ActorUserId);
    }

    [Fact]
    public async Task AnAdminsEntry_AboveTheThreshold_WaitsForASecondAdmin_NotForTheSameOne()
    {
        var city = await app.Given.City();
        var second = await app.Given.Staff(city, StaffRole.Admin);
        var live = await app.CreateLiveCampaignAsync("Un parc (deux administrateurs)", goalCents: 10_000_00, city: city);
        using var admin = await app.SignedInAsync(city.Admin.Email);

        var small = await admin.SubmitAsync(await admin.GetAsync(live.AdminPath), "form#hors-ligne", Fields("1500", "CHQ 1"));
        var large = await admin.SubmitAsync(await admin.GetAsync(live.AdminPath), "form#hors-ligne", Fields("1500,01", "CHQ 2"));

        Assert.Equal(HttpStatusCode.Redirect, small.Status);
        Assert.Equal(HttpStatusCode.Redirect, large.Status);
        var gifts = await app.WithDbAsync(db => db.Contributions.AsNoTracking().Where(c => c.CampaignId == live.Id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([ContributionStatus.Succeeded, ContributionStatus.Pending], gifts.Select(g => g.Status));
        var pending = gifts[1];

        var own = await admin.GetAsync(live.AdminPath);
        Assert.Null(own.Document.QuerySelector($"#hors-ligne-{pending.Id} form[action*='handler=ConfirmOffline']"));
        Assert.Contains("Vous l'avez saisi : un autre administrateur le confirme.", own.MainText, StringComparison.Ordinal);
        var self = await admin.PostAsync(live.AdminPath + "?handler=ConfirmOffline", own, Id(pending.Id));
        Assert.Equal(HttpStatusCode.OK, self.Status);
        Assert.Contains("Un paiement hors ligne est confirmé par une autre personne que celle qui l'a enregistré", self.ErrorSummary(), StringComparison.Ordinal);

        using var other = await app.SignedInAsync(second.Email);
        var confirmed = await other.SubmitAsync(await other.GetAsync(live.AdminPath), $"#hors-ligne-{pending.Id} form[action*='handler=ConfirmOffline']");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(3_000_01, (await TotalsAsync(live.Id)).ContributedCents);
    }

    [Fact]
    public async Task ARejectedEntry_NeedsAReason_GivesItsRewardBack_AndIsAudited()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (chèque écarté)", tierQuantity: 1);
        using var agent = await app.SignedInAsync(live.City.Agent.Email);
        var fields = Fields("50", "CHQ 7");
        fields["Offline.TierId"] = live.TierId.ToString(CultureInfo.InvariantCulture);
        await agent.SubmitAsync(await agent.GetAsync(live.AdminPath), "form#hors-ligne", fields);
        var gift = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == live.Id));
        Assert.Equal(1, await TakenAsync(live.TierId));

        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var page = await admin.GetAsync(live.AdminPath);
        var form = $"#hors-ligne-{gift.Id} form[action*='handler=RejectOffline']";
        var empty = await admin.SubmitAsync(page, form, new Dictionary<string, string> { ["rejectReason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.NotNull(empty.Document.QuerySelector($"#motif-ecart-{gift.Id}[aria-invalid=true]"));
        Assert.Equal(ContributionStatus.Pending, await StatusAsync(gift.Id));

        var rejected = await admin.SubmitAsync(page, form, new Dictionary<string, string> { ["rejectReason"] = "Chèque sans provision" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);
        Assert.Equal(ContributionStatus.Failed, await StatusAsync(gift.Id));
        Assert.Equal(0, await TakenAsync(live.TierId));
        var line = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.OfflinePaymentRejected && a.SubjectId == gift.Id));
        Assert.Equal("Chèque sans provision", line.Details);
        Assert.Equal(new CampaignTotals(0, 0, 0), await TotalsAsync(live.Id));

        // Decided: neither confirmed nor set aside again.
        var again = await admin.PostAsync(live.AdminPath + "?handler=ConfirmOffline", page, Id(gift.Id));
        Assert.Contains("n'attend pas de confirmation", again.ErrorSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCitysAdmin_CannotConfirmIt_NorFindIt()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (chèque d'une autre ville)");
        await app.WithServiceAsync<CampaignMoney, OfflineRecorded>(m => m.RecordOfflineAsync(
            live.Id, live.City.Agent.Id, null, 80_00, PaymentMethod.Cheque, "CHQ 80", new DonorIdentity("Jeanne Martin", "1 rue de Paris"), false, "other-city", CancellationToken.None));
        var gift = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == live.Id));
        var other = await app.CreateLiveCampaignAsync("Un parc de l'autre ville");
        using var otherAdmin = await app.SignedInAsync(other.City.Admin.Email);
        var page = await otherAdmin.GetAsync(other.AdminPath);

        var throughOwn = await otherAdmin.PostAsync(other.AdminPath + "?handler=ConfirmOffline", page, Id(gift.Id));
        var throughTheirs = await otherAdmin.PostAsync(live.AdminPath + "?handler=ConfirmOffline", page, Id(gift.Id));
        var reject = await otherAdmin.PostAsync(other.AdminPath + "?handler=RejectOffline", page, new Dictionary<string, string> { ["contributionId"] = gift.Id.ToString(CultureInfo.InvariantCulture), ["rejectReason"] = "Non" });

        Assert.Equal(HttpStatusCode.NotFound, throughOwn.Status);
        Assert.True(throughTheirs.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, throughTheirs.Status.ToString());
        Assert.Equal(HttpStatusCode.NotFound, reject.Status);
        Assert.Equal(ContributionStatus.Pending, await StatusAsync(gift.Id));
        Assert.Equal(HttpStatusCode.BadRequest, (await otherAdmin.PostAsync(other.AdminPath + "?handler=ConfirmOffline", page, new Dictionary<string, string> { ["contributionId"] = "abc" })).Status);
    }

    [Fact]
    public async Task AnUnconfirmedEntry_OutlivesTheCheckoutExpiry_DelaysSettlementThreeDays_ThenIsSetAside()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (chèque jamais confirmé)", goalCents: 100_00);
        await app.WithServiceAsync<CampaignMoney, OfflineRecorded>(m => m.RecordOfflineAsync(
            live.Id, live.City.Agent.Id, null, 500_00, PaymentMethod.Transfer, "VIR 1", new DonorIdentity("Jeanne Martin", "1 rue de Paris"), false, "never-confirmed", CancellationToken.None));
        var gift = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == live.Id));
        var endsAt = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == live.Id).Select(c => c.EndsAtUtc!.Value).SingleAsync());

        // The card payments' expiry leaves it alone.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobsAsync();
        Assert.Equal(ContributionStatus.Pending, await StatusAsync(gift.Id));

        // After the end, its admins still have three days.
        app.Clock.Advance(endsAt - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromDays(2));
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.Live, await CampaignStatusAsync(live.Id));
        Assert.Equal(ContributionStatus.Pending, await StatusAsync(gift.Id));

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.NotFunded, await CampaignStatusAsync(live.Id));
        var after = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == gift.Id));
        Assert.Equal(ContributionStatus.Failed, after.Status);
        Assert.StartsWith("Paiement hors ligne non confirmé par un administrateur", after.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheThreshold_IsTheAdminsToSet_WithClearRefusals()
    {
        var city = await app.Given.City();
        var list = $"{city.AdminPath}/campagnes";
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var agentPage = await agent.GetAsync(list);
        Assert.Null(agentPage.Document.QuerySelector("form#double-controle"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(list + "?handler=Threshold", agentPage, new Dictionary<string, string> { ["threshold"] = "10" })).Status);

        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(list);
        page.AssertAccessibleStructure();
        Assert.Equal("1500", page.Document.QuerySelector("#seuil-double-controle")!.GetAttribute("value"));

        foreach (var bad in new[] { "abc", "-5", "200000" })
        {
            var refused = await admin.SubmitAsync(page, "form#double-controle", new Dictionary<string, string> { ["threshold"] = bad });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.NotEmpty(refused.ErrorSummary());
            Assert.Equal(Municipality.DefaultOfflineSecondAdminAboveCents, await ThresholdAsync(city.Id));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "form#double-controle", new Dictionary<string, string> { ["threshold"] = "500" })).Status);
        Assert.Equal(500_00, await ThresholdAsync(city.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "form#double-controle", new Dictionary<string, string> { ["never"] = "true" })).Status);
        Assert.Null(await ThresholdAsync(city.Id));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.MunicipalityId == city.Id && a.Action == AuditAction.SettingsChanged && a.Details == "Double contrôle des paiements hors ligne")));
    }

    private static Dictionary<string, string> Fields(string amount, string reference) => new()
    {
        ["Offline.Amount"] = amount,
        ["Offline.Method"] = "Cheque",
        ["Offline.Reference"] = reference,
        ["Offline.DonorFullName"] = "Jeanne Martin",
        ["Offline.DonorAddress"] = "12 rue de Paris, 93100 Montreuil",
    };

    private static Dictionary<string, string> Id(long id) => new() { ["contributionId"] = id.ToString(CultureInfo.InvariantCulture) };

    private Task<CampaignTotals> TotalsAsync(long campaignId) => app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None));

    private Task<ContributionStatus> StatusAsync(long id) => app.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    private Task<CampaignStatus> CampaignStatusAsync(long id) => app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    private Task<int> TakenAsync(long tierId) => app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == tierId).Select(t => t.Taken).SingleAsync());

    private Task<long?> ThresholdAsync(long cityId) => app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == cityId).Select(m => m.OfflineSecondAdminAboveCents).SingleAsync());
}
