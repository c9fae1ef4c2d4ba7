using Labelkoz.Data.Payments;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Labelkoz.Data.Configurations;

// A campaign's rows point at it through (MunicipalityId, CampaignId), so the database itself
// refuses a tier, a contribution or a ledger line that would tie one city's campaign to another's.
internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasKey(c => c.Id);
        builder.HasAlternateKey(c => new { c.MunicipalityId, c.Id });
        builder.Property(c => c.PauseReason).HasMaxLength(Campaign.ReasonMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Matchfunding);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Project>().WithMany()
            .HasForeignKey(c => new { c.MunicipalityId, c.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.HolderUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Tiers).WithOne()
            .HasForeignKey(t => new { t.MunicipalityId, t.CampaignId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.History).WithOne()
            .HasForeignKey(e => new { e.MunicipalityId, e.CampaignId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Tiers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One campaign per project; the settlement job looks for live campaigns past their end.
        builder.HasIndex(c => c.ProjectId).IsUnique();
        builder.HasIndex(c => new { c.Status, c.EndsAtUtc });
    }
}

internal sealed class RewardTierConfiguration : IEntityTypeConfiguration<RewardTier>
{
    public void Configure(EntityTypeBuilder<RewardTier> builder)
    {
        builder.ToTable("RewardTiers");
        builder.HasKey(t => t.Id);
        builder.HasAlternateKey(t => new { t.MunicipalityId, t.Id });
        builder.Property(t => t.Title).HasMaxLength(RewardTier.TitleMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(RewardTier.DescriptionMaxLength);
        builder.Ignore(t => t.Left);
        builder.Ignore(t => t.IsSoldOut);
        builder.ToTable(t => t.HasCheckConstraint("CK_RewardTiers_Stock", "\"Taken\" >= 0 AND (\"Quantity\" IS NULL OR \"Taken\" <= \"Quantity\")"));
    }
}

internal sealed class CampaignEventConfiguration : IEntityTypeConfiguration<CampaignEvent>
{
    public void Configure(EntityTypeBuilder<CampaignEvent> builder)
    {
        builder.ToTable("CampaignEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Details).HasMaxLength(Campaign.ReasonMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("Contributions");
        builder.HasKey(c => c.Id);
        builder.HasAlternateKey(c => new { c.MunicipalityId, c.Id });
        builder.Property(c => c.IdempotencyKey).HasMaxLength(Contribution.KeyMaxLength).IsRequired();
        builder.Property(c => c.PublicName).HasMaxLength(Contribution.PublicNameMaxLength);
        builder.Property(c => c.Message).HasMaxLength(Contribution.MessageMaxLength);
        builder.Property(c => c.ProviderPaymentId).HasMaxLength(PaymentEvent.IdMaxLength);
        builder.Property(c => c.ProviderRefundId).HasMaxLength(PaymentEvent.IdMaxLength);
        builder.Property(c => c.DisputeId).HasMaxLength(PaymentEvent.IdMaxLength);
        builder.Property(c => c.FailureReason).HasMaxLength(200);
        builder.Property(c => c.OfflineReference).HasMaxLength(Contribution.ReferenceMaxLength);
        builder.Property(c => c.DonorFullName).HasMaxLength(DonorIdentity.FullNameMaxLength);
        builder.Property(c => c.DonorAddress).HasMaxLength(DonorIdentity.AddressMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Campaign>().WithMany()
            .HasForeignKey(c => new { c.MunicipalityId, c.CampaignId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RewardTier>().WithMany()
            .HasForeignKey(c => new { c.MunicipalityId, c.TierId }).HasPrincipalKey(t => new { t.MunicipalityId, t.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ContributorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);

        // One form, one contribution: the key is unique per campaign (a staff member recording
        // offline gifts has no contributor account), and a provider's payment pays one contribution.
        builder.HasIndex(c => new { c.CampaignId, c.IdempotencyKey }).IsUnique();
        builder.HasIndex(c => new { c.Provider, c.ProviderPaymentId }).IsUnique();
        builder.HasIndex(c => new { c.CampaignId, c.Status });
        builder.HasIndex(c => c.ContributorUserId);

        // The operator's list of open disputes.
        builder.HasIndex(c => c.Dispute);
        builder.Ignore(c => c.StandingCents);
        builder.Ignore(c => c.HoldsReward);
        builder.HasMany(c => c.Refunds).WithOne()
            .HasForeignKey(r => new { r.MunicipalityId, r.ContributionId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Refunds).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ToTable(t => t.HasCheckConstraint("CK_Contributions_Refunded", "\"RefundedCents\" >= 0 AND \"RefundedCents\" <= \"AmountCents\""));
    }
}

// A processor's refund is recorded once per contribution, whoever replays its event.
internal sealed class ContributionRefundConfiguration : IEntityTypeConfiguration<ContributionRefund>
{
    public void Configure(EntityTypeBuilder<ContributionRefund> builder)
    {
        builder.ToTable("ContributionRefunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ProviderRefundId).HasMaxLength(PaymentEvent.IdMaxLength).IsRequired();
        builder.HasIndex(r => new { r.ContributionId, r.ProviderRefundId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_ContributionRefunds_Amount", "\"AmountCents\" > 0"));
    }
}

internal sealed class LedgerTransactionConfiguration : IEntityTypeConfiguration<LedgerTransaction>
{
    public void Configure(EntityTypeBuilder<LedgerTransaction> builder)
    {
        builder.ToTable("LedgerTransactions");
        builder.HasKey(t => t.Id);
        builder.HasAlternateKey(t => new { t.MunicipalityId, t.Id });
        builder.Property(t => t.IdempotencyKey).HasMaxLength(LedgerTransaction.KeyMaxLength).IsRequired();
        builder.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany()
            .HasForeignKey(t => new { t.MunicipalityId, t.CampaignId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contribution>().WithMany()
            .HasForeignKey(t => new { t.MunicipalityId, t.ContributionId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Lines).WithOne()
            .HasForeignKey(l => new { l.MunicipalityId, l.TransactionId }).HasPrincipalKey(t => new { t.MunicipalityId, t.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Money moves at most once per key, whoever replays it and however often.
        builder.HasIndex(t => t.IdempotencyKey).IsUnique();
        builder.HasIndex(t => new { t.CampaignId, t.Kind });
        builder.HasIndex(t => new { t.MunicipalityId, t.RecordedAtUtc });
    }
}

internal sealed class LedgerLineConfiguration : IEntityTypeConfiguration<LedgerLine>
{
    public void Configure(EntityTypeBuilder<LedgerLine> builder)
    {
        builder.ToTable("LedgerLines");
        builder.HasKey(l => l.Id);
        builder.Ignore(l => l.Account);

        // Balances are sums over an account's lines.
        builder.HasIndex(l => new { l.AccountKind, l.AccountReference });
    }
}

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> builder)
    {
        builder.ToTable("Payouts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Reference).HasMaxLength(Payout.ReferenceMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Campaign>().WithMany()
            .HasForeignKey(p => new { p.MunicipalityId, p.CampaignId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.PayeeUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.SentByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.DestinationAccountId).HasMaxLength(PayeeAccount.AccountIdMaxLength);
        builder.Property(p => p.TransferError).HasMaxLength(Payout.ReferenceMaxLength);
        builder.Property(p => p.RecoveryKey).HasMaxLength(Payout.ReferenceMaxLength);
        builder.Property(p => p.RecoveryError).HasMaxLength(Payout.ReferenceMaxLength);

        // At most one payout per campaign and route (ADR 18): the card money by transfer, the rest by hand.
        builder.HasIndex(p => new { p.CampaignId, p.Route }).IsUnique();
        builder.HasIndex(p => new { p.Status, p.CreatedAtUtc });
    }
}

// A person's account at a processor: one per person and processor, found by the processor's id
// when its notifications arrive.
internal sealed class PayeeAccountConfiguration : IEntityTypeConfiguration<PayeeAccount>
{
    public void Configure(EntityTypeBuilder<PayeeAccount> builder)
    {
        builder.ToTable("PayeeAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AccountId).HasMaxLength(PayeeAccount.AccountIdMaxLength).IsRequired();
        builder.Property(a => a.RequirementsDue).HasMaxLength(PayeeAccount.RequirementsMaxLength);
        builder.Property(a => a.DisabledReason).HasMaxLength(PayeeAccount.ReasonMaxLength);
        builder.Property(a => a.LastBankPayoutFailure).HasMaxLength(PayeeAccount.ReasonMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.CanReceive);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UserId, a.Provider }).IsUnique();
        builder.HasIndex(a => new { a.Provider, a.AccountId }).IsUnique();
    }
}

// A receipt's number is unique per issuing body and year, and a gift has at most one receipt in
// force (a cancelled one stays, next to the receipt that replaced it).
internal sealed class TaxReceiptConfiguration : IEntityTypeConfiguration<TaxReceipt>
{
    public void Configure(EntityTypeBuilder<TaxReceipt> builder)
    {
        builder.ToTable("TaxReceipts");
        builder.HasKey(r => r.Id);
        builder.HasAlternateKey(r => new { r.MunicipalityId, r.Id });
        builder.Property(r => r.NumberingKey).HasMaxLength(10).IsRequired();
        builder.Property(r => r.Number).HasMaxLength(20).IsRequired();
        builder.Property(r => r.BeneficiaryName).HasMaxLength(ReceiptIssuer.NameMaxLength).IsRequired();
        builder.Property(r => r.BeneficiaryIdentifier).HasMaxLength(20).IsRequired();
        builder.Property(r => r.BeneficiaryAddress).HasMaxLength(ReceiptIssuer.AddressMaxLength).IsRequired();
        builder.Property(r => r.BeneficiaryObject).HasMaxLength(ReceiptIssuer.ObjectMaxLength).IsRequired();
        builder.Property(r => r.BeneficiaryQuality).HasMaxLength(300).IsRequired();
        builder.Property(r => r.DonorFullName).HasMaxLength(DonorIdentity.FullNameMaxLength).IsRequired();
        builder.Property(r => r.DonorAddress).HasMaxLength(DonorIdentity.AddressMaxLength).IsRequired();
        builder.Property(r => r.ProjectTitle).HasMaxLength(Project.TitleMaxLength).IsRequired();
        builder.Property(r => r.IssuedAt).HasMaxLength(Municipality.NameMaxLength).IsRequired();
        builder.Property(r => r.SignatoryName).HasMaxLength(ReceiptIssuer.SignatoryNameMaxLength).IsRequired();
        builder.Property(r => r.SignatoryTitle).HasMaxLength(ReceiptIssuer.SignatoryTitleMaxLength).IsRequired();
        builder.Property(r => r.ReplacesNumber).HasMaxLength(20);
        builder.Property(r => r.ReplacedByNumber).HasMaxLength(20);
        builder.Property(r => r.CancellationReason).HasMaxLength(TaxReceipt.ReasonMaxLength);
        builder.HasOne<Campaign>().WithMany()
            .HasForeignKey(r => new { r.MunicipalityId, r.CampaignId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contribution>().WithMany()
            .HasForeignKey(r => new { r.MunicipalityId, r.ContributionId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CancelledByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.NumberingKey, r.Year, r.Sequence }).IsUnique();
        builder.HasIndex(r => r.ContributionId).IsUnique().HasFilter("\"Status\" = 'Issued'");
        builder.HasIndex(r => new { r.CampaignId, r.Status });
    }
}

internal sealed class ReceiptCounterConfiguration : IEntityTypeConfiguration<ReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReceiptCounter> builder)
    {
        builder.ToTable("ReceiptCounters");
        builder.HasKey(c => new { c.NumberingKey, c.Year });
        builder.Property(c => c.NumberingKey).HasMaxLength(10);
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> builder)
    {
        builder.ToTable("PaymentEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.EventId).HasMaxLength(PaymentEvent.IdMaxLength).IsRequired();
        builder.Property(e => e.PaymentId).HasMaxLength(PaymentEvent.IdMaxLength).IsRequired();
        builder.Property(e => e.RefundId).HasMaxLength(PaymentEvent.IdMaxLength);
        builder.Property(e => e.FailureReason).HasMaxLength(200);
        builder.Property(e => e.Outcome).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(PaymentEvent.ErrorMaxLength);
        builder.Property(e => e.ResolutionNote).HasMaxLength(PaymentEvent.ResolutionNoteMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.State);

        // A replayed event finds its row: it is stored, and applied, once.
        builder.HasIndex(e => new { e.Provider, e.EventId }).IsUnique();

        // The job's queue: waiting events by due time; the operator's list: events set aside.
        builder.HasIndex(e => new { e.ProcessedAtUtc, e.SetAsideAtUtc, e.AvailableAtUtc });
        builder.HasIndex(e => e.PaymentId);
    }
}

internal sealed class SandboxPaymentConfiguration : IEntityTypeConfiguration<SandboxPayment>
{
    public void Configure(EntityTypeBuilder<SandboxPayment> builder)
    {
        builder.ToTable("SandboxPayments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(SandboxPayment.IdLength);
        builder.Property(p => p.IdempotencyKey).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(300).IsRequired();
        builder.Property(p => p.ReturnUrl).HasMaxLength(2_000).IsRequired();
        builder.Property(p => p.CardLast4).HasMaxLength(4);
        builder.Property(p => p.DeclineReason).HasMaxLength(200);
        builder.Property(p => p.RefundId).HasMaxLength(SandboxPayment.IdLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.IdempotencyKey).IsUnique();
    }
}

internal sealed class SandboxRefundConfiguration : IEntityTypeConfiguration<SandboxRefund>
{
    public void Configure(EntityTypeBuilder<SandboxRefund> builder)
    {
        builder.ToTable("SandboxRefunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(SandboxPayment.IdLength);
        builder.Property(r => r.PaymentId).HasMaxLength(SandboxPayment.IdLength).IsRequired();
        builder.Property(r => r.IdempotencyKey).HasMaxLength(200).IsRequired();
        builder.HasOne<SandboxPayment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
    }
}
