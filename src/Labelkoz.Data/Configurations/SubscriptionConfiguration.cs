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

// A commune's request to subscribe: at most one pending request per INSEE code.
internal sealed class SignupRequestConfiguration : IEntityTypeConfiguration<SignupRequest>
{
    public void Configure(EntityTypeBuilder<SignupRequest> builder)
    {
        builder.ToTable("SignupRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.InseeCode).HasMaxLength(5).IsFixedLength().IsRequired();
        builder.Property(r => r.CommuneName).HasMaxLength(Commune.NameMaxLength).IsRequired();
        builder.Property(r => r.Siren).HasMaxLength(9);
        builder.Property(r => r.OfficialDomain).HasMaxLength(SignupRequest.DomainMaxLength).IsRequired();
        builder.Property(r => r.ContactName).HasMaxLength(SignupRequest.ContactNameMaxLength).IsRequired();
        builder.Property(r => r.ContactFunction).HasMaxLength(SignupRequest.ContactFunctionMaxLength).IsRequired();
        builder.Property(r => r.ContactEmail).HasMaxLength(SignupRequest.EmailMaxLength).IsRequired();
        builder.Property(r => r.ContactPhone).HasMaxLength(SignupRequest.PhoneMaxLength);
        builder.Property(r => r.BillingStreet).HasMaxLength(SignupRequest.StreetMaxLength).IsRequired();
        builder.Property(r => r.BillingPostalCode).HasMaxLength(5).IsFixedLength().IsRequired();
        builder.Property(r => r.BillingCity).HasMaxLength(SignupRequest.CityMaxLength).IsRequired();
        builder.Property(r => r.ConfirmationTokenHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.RefusalReason).HasMaxLength(SignupRequest.ReasonMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.BillingAddress);
        builder.Ignore(r => r.IsPending);
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ConfirmationTokenHash).IsUnique();
        builder.HasIndex(r => r.InseeCode).IsUnique().HasFilter("\"Status\" IN ('AwaitingConfirmation', 'Confirmed')");
        builder.HasIndex(r => new { r.Status, r.CreatedAtUtc });
    }
}
