using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Labelkoz.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Plan.NameMaxLength).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Name).IsUnique();
    }
}

// One subscription per municipality; its invoices point at it through (MunicipalityId, SubscriptionId).
internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("Subscriptions");
        builder.HasKey(s => s.Id);
        builder.HasAlternateKey(s => new { s.MunicipalityId, s.Id });
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plan>().WithMany().HasForeignKey(s => s.NextPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.MunicipalityId).IsUnique();
        builder.HasIndex(s => new { s.Status, s.InvoicedUntil });
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices");
        builder.HasKey(i => i.Id);
        builder.HasAlternateKey(i => new { i.MunicipalityId, i.Id });
        builder.Property(i => i.Number).HasMaxLength(20).IsRequired();
        builder.Property(i => i.PlanName).HasMaxLength(Plan.NameMaxLength).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(300).IsRequired();
        builder.Property(i => i.BuyerName).HasMaxLength(Municipality.NameMaxLength).IsRequired();
        builder.Property(i => i.BuyerSiren).HasMaxLength(9);
        builder.Property(i => i.BuyerAddress).HasMaxLength(300);
        builder.Property(i => i.SellerName).HasMaxLength(120).IsRequired();
        builder.Property(i => i.SellerSiren).HasMaxLength(9).IsRequired();
        builder.Property(i => i.SellerVatNumber).HasMaxLength(20).IsRequired();
        builder.Property(i => i.SellerAddress).HasMaxLength(300).IsRequired();
        builder.Property(i => i.SellerIban).HasMaxLength(40).IsRequired();
        builder.Property(i => i.SellerBic).HasMaxLength(11).IsRequired();
        builder.Property(i => i.PaymentReference).HasMaxLength(Invoice.ReferenceMaxLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Subscription>().WithMany()
            .HasForeignKey(i => new { i.MunicipalityId, i.SubscriptionId }).HasPrincipalKey(s => new { s.MunicipalityId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.PaymentRecordedByUserId).OnDelete(DeleteBehavior.Restrict);

        // The number is unique per year; a period is invoiced once.
        builder.HasIndex(i => new { i.Year, i.Sequence }).IsUnique();
        builder.HasIndex(i => new { i.SubscriptionId, i.PeriodStart }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.DueOn });
        builder.HasIndex(i => i.IssuedOn);
    }
}
