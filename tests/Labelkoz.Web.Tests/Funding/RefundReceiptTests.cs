using Labelkoz.Data.Payments;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// A refund after a funded settlement (ADR 17) on the built-in sandbox: the tax receipt of the gift
/// must not stay in force. A partial refund cancels it and issues one for what stands; a full
/// refund cancels it for good. Each with its audit line; the donor is told, and sees it.
/// </summary>
public sealed class RefundReceiptTests(FundingApp app) : IClassFixture<FundingApp>
{
    private static readonly DonorIdentity Lea = new("Léa Fontaine", "27 avenue Pasteur\n93100 Montreuil");

    [Fact]
    public async Task ARefundAfterSettlement_CancelsTheReceipt_AndReplacesItForWhatStands_ThenForGoodWhenAllIsRefunded()
    {
        var live = await app.CreateLiveCampaignAsync("Un jardin associatif (reçu puis remboursement)", goalCents: 100_00);
        await app.OpenReceiptsAsync(live, "W931000715");
        var donor = await app.Given.Citizen();
        var gift = await PaidAsync(live.Id, donor.Id, 100_00, "gift");
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunJobsAsync();
        var first = await ReceiptInForceAsync(gift);
        Assert.Equal(100_00, first.AmountCents);

        // The processor refunds 40 € of it (a refund from its dashboard, say): the platform hears it as an event.
        await RefundAtProcessorAsync(gift, 40_00, "partial");
        await app.RunJobsAsync();

        var cancelled = await app.WithDbAsync(db => db.TaxReceipts.AsNoTracking().SingleAsync(r => r.Id == first.Id));
        var replacement = await ReceiptInForceAsync(gift);
        Assert.Equal(TaxReceiptStatus.Cancelled, cancelled.Status);
        Assert.Equal(replacement.Number, cancelled.ReplacedByNumber);
        Assert.Contains("Don remboursé de 40,00", cancelled.CancellationReason, StringComparison.Ordinal);
        Assert.Equal((60_00L, first.Number), (replacement.AmountCents, replacement.ReplacesNumber));
        Assert.Equal(first.Sequence + 1, replacement.Sequence);
        Assert.Contains("Reçu annulé", TaxReceipts.Document(cancelled).CancellationNote, StringComparison.Ordinal);
        Assert.Equal(1, await AuditLinesAsync(live.City.Id, first.Id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == donor.Id && n.Kind == NotificationKind.ContributionRefunded)));

        // The donor's own page says what stands.
        using var browser = await app.SignedInAsync(donor.Email);
        var page = (await browser.GetAsync(live.StatusPath(gift))).MainText;
        Assert.Contains("40,00 € vous ont été remboursés", page, StringComparison.Ordinal);
        Assert.Contains(replacement.Number, page, StringComparison.Ordinal);

        // The rest: refunded in full, the receipt cancelled for good, none in force.
        await RefundAtProcessorAsync(gift, 60_00, "rest");
        await app.RunJobsAsync();

        Assert.Null(await app.WithDbAsync(db => db.TaxReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.ContributionId == gift && r.Status == TaxReceiptStatus.Issued)));
        var last = await app.WithDbAsync(db => db.TaxReceipts.AsNoTracking().SingleAsync(r => r.Id == replacement.Id));
        Assert.Equal((TaxReceiptStatus.Cancelled, (string?)null), (last.Status, last.ReplacedByNumber));
        Assert.Equal(1, await AuditLinesAsync(live.City.Id, replacement.Id));
        Assert.Equal(ContributionStatus.Refunded, await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == gift).Select(c => c.Status).SingleAsync()));

        // Nothing is owed to anyone but the payee's debt: the payout (due) took the refunds.
        var payout = await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.CampaignId == live.Id));
        Assert.Equal((PayoutStatus.Cancelled, 0L), (payout.Status, payout.AmountCents));
        var panel = (await browser.GetAsync(live.ProjectPath)).MainText;
        Assert.Contains("ont été remboursés depuis à des contributeurs", panel, StringComparison.Ordinal);
    }

    private async Task RefundAtProcessorAsync(long contributionId, long cents, string key)
    {
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == contributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        await app.WithServiceAsync<SandboxPaymentProvider, RefundResult>(s => s.RefundAsync(payment, cents, $"dashboard-{contributionId}-{key}", CancellationToken.None));
    }

    private Task<TaxReceipt> ReceiptInForceAsync(long contributionId) =>
        app.WithDbAsync(db => db.TaxReceipts.AsNoTracking().SingleAsync(r => r.ContributionId == contributionId && r.Status == TaxReceiptStatus.Issued));

    private Task<int> AuditLinesAsync(long cityId, long receiptId) =>
        app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.MunicipalityId == cityId && a.Action == AuditAction.TaxReceiptCancelledForRefund && a.SubjectId == receiptId));

    private async Task<long> PaidAsync(long campaignId, long donor, long cents, string key)
    {
        var started = await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
            campaignId, donor, new ContributionRequest(cents, null, false, "Donatrice", null, $"{campaignId}-{key}", Lea), id => $"/retour/{id}", null, CancellationToken.None));
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        await app.WithServiceAsync<SandboxPaymentProvider, SandboxPaymentStatus>(s => s.PayAsync(payment, "4242 4242 4242 4242", CancellationToken.None));
        await app.RunJobsAsync();
        return started.ContributionId;
    }
}
