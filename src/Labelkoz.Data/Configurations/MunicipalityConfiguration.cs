using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Labelkoz.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.ToTable("Municipalities");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(Municipality.NameMaxLength).IsRequired();
        builder.Property(m => m.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.InseeCode).HasMaxLength(5).IsFixedLength().IsRequired();
        builder.HasIndex(m => m.InseeCode).IsUnique();
        builder.Property(m => m.Siren).HasMaxLength(9);
        builder.Property(m => m.Presentation).HasMaxLength(Municipality.PresentationMaxLength);
        builder.Property(m => m.BrandColour).HasMaxLength(7).IsRequired();
        builder.Property(m => m.LogoFileKey).HasMaxLength(200);
        builder.Property(m => m.LogoContentType).HasMaxLength(100);
        builder.Property(m => m.ContactEmail).HasMaxLength(254);
        builder.Property(m => m.ContactPhone).HasMaxLength(30);
        builder.Property(m => m.Website).HasMaxLength(300);
        builder.Property(m => m.BillingAddress).HasMaxLength(Municipality.BillingAddressMaxLength);
        builder.Property(m => m.AccessibilityCompliance).HasMaxLength(40);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Brand);
        builder.Ignore(m => m.CanLabelOrOpenCalls);
        builder.OwnsOne(m => m.Legal, legal =>
        {
            // Columns of the municipality's own row: the details are read with the city and have no life of their own.
            legal.Property(l => l.PublicationDirector).HasColumnName("LegalPublicationDirector").HasMaxLength(LegalDetails.NameMaxLength);
            legal.Property(l => l.PublisherAddress).HasColumnName("LegalPublisherAddress").HasMaxLength(LegalDetails.AddressMaxLength);
            legal.Property(l => l.DpoName).HasColumnName("LegalDpoName").HasMaxLength(LegalDetails.NameMaxLength);
            legal.Property(l => l.DpoEmail).HasColumnName("LegalDpoEmail").HasMaxLength(LegalDetails.EmailMaxLength);
            legal.Property(l => l.LegalContactEmail).HasColumnName("LegalContactEmail").HasMaxLength(LegalDetails.EmailMaxLength);
            legal.Property(l => l.AuditRate).HasColumnName("AccessibilityAuditRate");
            legal.Property(l => l.AuditDate).HasColumnName("AccessibilityAuditDate");
            legal.Property(l => l.Auditor).HasColumnName("AccessibilityAuditor").HasMaxLength(LegalDetails.AuditorMaxLength);
            legal.Property(l => l.NonConformities).HasColumnName("AccessibilityNonConformities").HasMaxLength(LegalDetails.LongTextMaxLength);
            legal.Property(l => l.Derogations).HasColumnName("AccessibilityDerogations").HasMaxLength(LegalDetails.LongTextMaxLength);
            legal.Property(l => l.ExemptContent).HasColumnName("AccessibilityExemptContent").HasMaxLength(LegalDetails.LongTextMaxLength);
            legal.Property(l => l.PlanUrl).HasColumnName("AccessibilityPlanUrl").HasMaxLength(LegalDetails.UrlMaxLength);
            legal.Property(l => l.PlanText).HasColumnName("AccessibilityPlanText").HasMaxLength(LegalDetails.LongTextMaxLength);
            legal.Property(l => l.AccessibilityContactEmail).HasColumnName("AccessibilityContactEmail").HasMaxLength(LegalDetails.EmailMaxLength);
            legal.Ignore(l => l.HasOwnAudit);
        });
        builder.Navigation(m => m.Legal).IsRequired();

        builder.HasMany(m => m.Neighbourhoods).WithOne(n => n.Municipality).HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Memberships).WithOne(n => n.Municipality).HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Invitations).WithOne(n => n.Municipality).HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Neighbourhoods).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Invitations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class NeighbourhoodConfiguration : IEntityTypeConfiguration<Neighbourhood>
{
    public void Configure(EntityTypeBuilder<Neighbourhood> builder)
    {
        builder.ToTable("Neighbourhoods");
        builder.HasKey(n => n.Id);
        builder.HasAlternateKey(n => new { n.MunicipalityId, n.Id });
        builder.Property(n => n.Name).HasMaxLength(Municipality.NeighbourhoodMaxLength).IsRequired();
        builder.HasIndex(n => new { n.MunicipalityId, n.Name }).IsUnique();
    }
}

internal sealed class MunicipalityMembershipConfiguration : IEntityTypeConfiguration<MunicipalityMembership>
{
    public void Configure(EntityTypeBuilder<MunicipalityMembership> builder)
    {
        builder.ToTable("MunicipalityMemberships");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.MunicipalityId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.ToTable("StaffInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(254).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.MunicipalityId, i.Email });
        builder.HasOne(i => i.Municipality).WithMany(m => m.Invitations).HasForeignKey(i => i.MunicipalityId);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.AddressLine1).HasMaxLength(200);
        builder.Property(u => u.AddressLine2).HasMaxLength(200);
        builder.Property(u => u.PostalCode).HasMaxLength(10);
        builder.Property(u => u.City).HasMaxLength(100);
        builder.Property(u => u.Country).HasMaxLength(100);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(u => u.HomeMunicipalityId).OnDelete(DeleteBehavior.SetNull);
    }
}
