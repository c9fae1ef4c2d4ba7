using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding.Receipts;

/// <summary>
/// Issues tax receipts (DESIGN §6, ADR 12). A receipt is written in the transaction that reserves its
/// number in the issuing body's counter (<see cref="ReceiptCounter"/>), under the campaign's lock, so
/// numbers run without gap or double whatever happens: a rollback gives the number back. Locks are
/// always taken in the same order, the campaign's then the counter's, so two issuers never deadlock.
/// </summary>
public sealed class TaxReceipts(AppDbContext db, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The legal cap of a reward's value (69 € in 2016, indexed yearly): set <c>Funding:Receipts:RewardCapCents</c> to the year's figure.</summary>
    public const long DefaultRewardCapCents = 73_00;

    public long RewardCapCents => configuration.GetValue("Funding:Receipts:RewardCapCents", DefaultRewardCapCents);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Issues the receipts a funded campaign owes and has not issued yet: every standing gift with
    /// its donor's identity and a reward that keeps its disinterest. Runs inside the caller's
    /// transaction, which holds the campaign's lock; the caller saves. Returns how many were issued.
    /// </summary>
    internal async Task<int> IssueOwedAsync(Campaign campaign, Project project, string cityName, CancellationToken cancellationToken)
    {
        EnsureTransaction();
        if (project.ReceiptIssuer is not { } issuer || campaign.Status != CampaignStatus.Funded)
        {
            return 0;
        }

        var candidates = await (
                from c in db.Contributions.IgnoreQueryFilters()
                where c.CampaignId == campaign.Id && c.Status == ContributionStatus.Succeeded && c.DonorFullName != null && c.DonorAddress != null
                    && !db.TaxReceipts.IgnoreQueryFilters().Any(r => r.ContributionId == c.Id && r.Status == TaxReceiptStatus.Issued)
                orderby c.SucceededAtUtc, c.Id
                select new { Contribution = c, RewardValue = db.RewardTiers.IgnoreQueryFilters().Where(t => t.Id == c.TierId).Select(t => (long?)t.ValueCents).FirstOrDefault() ?? 0 })
            .ToListAsync(cancellationToken);
        var owed = candidates
            .Where(c => TaxReceipt.WhyNoReceipt(c.Contribution, campaign.Status, project.HolderType, issuer, c.RewardValue, RewardCapCents) is null)
            .ToList();
        if (owed.Count == 0)
        {
            return 0;
        }

        var (year, first) = await ReserveAsync(issuer.NumberingKey, owed.Count, cancellationToken);
        for (var i = 0; i < owed.Count; i++)
        {
            db.TaxReceipts.Add(NewReceipt(owed[i].Contribution, campaign, project, issuer, owed[i].RewardValue, year, first + i, cityName));
        }

        return owed.Count;
    }

    /// <summary>
    /// Issues what a funded campaign owes, in a transaction of its own: when the city opens receipts
    /// for a project after its campaign ended. Returns how many were issued.
    /// </summary>
    public async Task<int> IssueOwedAsync(long campaignId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CampaignMoney.LockAsync(db, campaignId, cancellationToken);
        var (campaign, project, cityName) = await LoadAsync(campaignId, cancellationToken);
        var issued = await IssueOwedAsync(campaign, project, cityName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return issued;
    }

    /// <summary>
    /// The donor asks for the receipt of their gift, giving their full name and address when the
    /// gift has none (a gift made before the city opened receipts, or without an account's
    /// address). Returns the receipt in force, issuing it if needed; null when the contribution is
    /// not this person's. A refusal is a <see cref="DomainException"/> with the reason.
    /// </summary>
    public async Task<TaxReceipt?> ClaimAsync(long contributionId, long userId, DonorIdentity? donor, CancellationToken cancellationToken)
    {
        var campaignId = await db.Contributions.Where(c => c.Id == contributionId && c.ContributorUserId == userId).Select(c => (long?)c.CampaignId).SingleOrDefaultAsync(cancellationToken);
        if (campaignId is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CampaignMoney.LockAsync(db, campaignId.Value, cancellationToken);
        var existing = await db.TaxReceipts.SingleOrDefaultAsync(r => r.ContributionId == contributionId && r.Status == TaxReceiptStatus.Issued, cancellationToken);
        if (existing is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            return existing;
        }

        var contribution = await db.Contributions.SingleAsync(c => c.Id == contributionId, cancellationToken);
        var (campaign, project, cityName) = await LoadAsync(campaignId.Value, cancellationToken);
        var rewardValue = await RewardValueAsync(contribution, cancellationToken);
        if (TaxReceipt.WhyNoReceipt(contribution, campaign.Status, project.HolderType, project.ReceiptIssuer, rewardValue, RewardCapCents) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        if (donor is not null)
        {
            contribution.SetDonorIdentity(donor);
        }

        var issuer = project.ReceiptIssuer!;
        var (year, sequence) = await ReserveAsync(issuer.NumberingKey, 1, cancellationToken);
        var receipt = NewReceipt(contribution, campaign, project, issuer, rewardValue, year, sequence, cityName);
        db.TaxReceipts.Add(receipt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return receipt;
    }

    /// <summary>
    /// A city admin corrects a receipt (the donor's name or address was wrong, or the issuer's
    /// details changed): the receipt is cancelled with the reason and a new one, with the next
    /// number, replaces it. <paramref name="record"/> adds the audit entry, saved in the same
    /// transaction: the correction and its trace stand or fall together. This saves and commits.
    /// </summary>
    public async Task<(TaxReceipt Cancelled, TaxReceipt Replacement)> CorrectAsync(
        Municipality city, long adminUserId, long receiptId, DonorIdentity donor, string? reason, Func<TaxReceipt, TaxReceipt, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(donor);
        var campaignId = await db.TaxReceipts.Where(r => r.Id == receiptId).Select(r => (long?)r.CampaignId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(FundingPageRefusals.UnknownReceipt);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CampaignMoney.LockAsync(db, campaignId, cancellationToken);
        var old = await db.TaxReceipts.SingleAsync(r => r.Id == receiptId, cancellationToken);
        var contribution = await db.Contributions.SingleAsync(c => c.Id == old.ContributionId, cancellationToken);
        var (campaign, project, cityName) = await LoadAsync(campaignId, cancellationToken);
        var issuer = project.ReceiptIssuer
            ?? throw new DomainException(FundingPageRefusals.ReceiptsClosed);
        var rewardValue = await RewardValueAsync(contribution, cancellationToken);
        contribution.SetDonorIdentity(donor);
        var (year, sequence) = await ReserveAsync(issuer.NumberingKey, 1, cancellationToken);

        // The cancellation is saved first: a gift has one receipt in force at a time (unique index).
        old.Cancel(city, adminUserId, reason, TaxReceipt.FormatNumber(year, sequence), Now);
        await db.SaveChangesAsync(cancellationToken);
        var replacement = NewReceipt(contribution, campaign, project, issuer, rewardValue, year, sequence, cityName, old);
        db.TaxReceipts.Add(replacement);
        await record(old, replacement);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (old, replacement);
    }

    /// <summary>
    /// A gift was refunded, in part or in full, after its campaign was settled: the receipt in force
    /// on it (if any) is cancelled, with the refund as its reason and an audit line, and a receipt
    /// for what still stands replaces it when the gift still gives right to one. The donor is told by
    /// the refund's notification. Runs in the caller's transaction, under the campaign's lock.
    /// Returns the cancelled receipt, or null when the gift had none.
    /// </summary>
    internal async Task<TaxReceipt?> ReviseForRefundAsync(Campaign campaign, Contribution contribution, ContributionRefund refund, CancellationToken cancellationToken)
    {
        EnsureTransaction();
        var old = await db.TaxReceipts.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.ContributionId == contribution.Id && r.Status == TaxReceiptStatus.Issued, cancellationToken);
        if (old is null)
        {
            return null;
        }

        var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == campaign.ProjectId, cancellationToken);
        var cityName = await db.Municipalities.Where(m => m.Id == campaign.MunicipalityId).Select(m => m.Name).SingleAsync(cancellationToken);
        var rewardValue = await RewardValueAsync(contribution, cancellationToken);
        var reason = $"Don remboursé de {Money.Euros(refund.AmountCents)} le {Cultures.ToParis(refund.RefundedAtUtc):dd/MM/yyyy}"
            + (contribution.StandingCents > 0 ? $" : il reste {Money.Euros(contribution.StandingCents)}." : ".");
        var stillOwed = project.ReceiptIssuer is { } issuer
            && contribution.DonorFullName is not null && contribution.DonorAddress is not null
            && TaxReceipt.WhyNoReceipt(contribution, campaign.Status, project.HolderType, issuer, rewardValue, RewardCapCents) is null;
        TaxReceipt? replacement = null;
        if (stillOwed)
        {
            var (year, sequence) = await ReserveAsync(project.ReceiptIssuer!.NumberingKey, 1, cancellationToken);
            old.CancelForRefund(reason, TaxReceipt.FormatNumber(year, sequence), Now);

            // The cancellation is saved first: a gift has one receipt in force at a time (unique index).
            await db.SaveChangesAsync(cancellationToken);
            replacement = NewReceipt(contribution, campaign, project, project.ReceiptIssuer!, rewardValue, year, sequence, cityName, old);
            db.TaxReceipts.Add(replacement);
        }
        else
        {
            old.CancelForRefund(reason, null, Now);
        }

        db.AuditEntries.Add(AuditEntry.Record(
            campaign.MunicipalityId, null, "Plateforme", AuditAction.TaxReceiptCancelledForRefund, AuditSubject.TaxReceipt, old.Id,
            $"Reçu n° {old.Number} — {old.ProjectTitle}", Now, reason,
            after: replacement is null ? null : $"Reçu de remplacement : n° {replacement.Number}, {Money.Euros(replacement.AmountCents)}"));
        return old;
    }

    /// <summary>The printed snapshot of a receipt.</summary>
    public static TaxReceiptDocument Document(TaxReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new TaxReceiptDocument(
            receipt.Number, receipt.BeneficiaryName, receipt.BeneficiaryIdentifier, receipt.BeneficiaryAddress, receipt.BeneficiaryObject,
            receipt.BeneficiaryQuality, receipt.DonorFullName, receipt.DonorAddress, receipt.AmountCents, receipt.GiftDate, receipt.Method,
            receipt.ProjectTitle, receipt.IssuedOn, receipt.IssuedAt, receipt.SignatoryName, receipt.SignatoryTitle, receipt.ReplacesNumber,
            receipt.Status != TaxReceiptStatus.Cancelled ? null
            : receipt.ReplacedByNumber is null ? $"Reçu annulé le {Cultures.ToParis(receipt.CancelledAtUtc!.Value):dd/MM/yyyy}. Motif : {receipt.CancellationReason}"
            : $"Reçu annulé le {Cultures.ToParis(receipt.CancelledAtUtc!.Value):dd/MM/yyyy} et remplacé par le reçu n° {receipt.ReplacedByNumber}. Motif : {receipt.CancellationReason}");
    }

    private TaxReceipt NewReceipt(Contribution contribution, Campaign campaign, Project project, ReceiptIssuer issuer, long rewardValue, int year, int sequence, string cityName, TaxReceipt? replaces = null) =>
        TaxReceipt.Issue(
            contribution, campaign, project, issuer, rewardValue, RewardCapCents, year, sequence,
            DateOnly.FromDateTime(Cultures.ToParis(contribution.SucceededAtUtc ?? contribution.CreatedAtUtc)),
            DateOnly.FromDateTime(Cultures.ToParis(Now)),
            cityName,
            Now,
            replaces);

    private async Task<(Campaign Campaign, Project Project, string CityName)> LoadAsync(long campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.IgnoreQueryFilters().SingleAsync(c => c.Id == campaignId, cancellationToken);
        var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == campaign.ProjectId, cancellationToken);
        var cityName = await db.Municipalities.Where(m => m.Id == campaign.MunicipalityId).Select(m => m.Name).SingleAsync(cancellationToken);
        return (campaign, project, cityName);
    }

    private async Task<long> RewardValueAsync(Contribution contribution, CancellationToken cancellationToken) =>
        contribution.TierId is { } tierId
            ? await db.RewardTiers.IgnoreQueryFilters().Where(t => t.Id == tierId).Select(t => t.ValueCents).SingleAsync(cancellationToken)
            : 0;

    /// <summary>Reserves consecutive numbers of an issuer for this year (Paris time): the year and the first number.</summary>
    private async Task<(int Year, int First)> ReserveAsync(string numberingKey, int count, CancellationToken cancellationToken)
    {
        var year = Cultures.ToParis(Now).Year;
        return (year, await DocumentNumbers.ReserveAsync(db, numberingKey, year, count, cancellationToken));
    }

    private void EnsureTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Receipt numbers are reserved inside the transaction that writes the receipts.");
        }
    }
}
