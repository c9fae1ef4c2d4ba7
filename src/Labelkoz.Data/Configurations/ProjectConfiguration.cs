using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Labelkoz.Data.Configurations;

// Children of a project point at it through (MunicipalityId, ProjectId): the database itself
// refuses a row that links one city's data to another's, and every key carries the tenant
// (ready for distribution by tenant).
internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.HasKey(p => p.Id);
        builder.HasAlternateKey(p => new { p.MunicipalityId, p.Id });
        builder.Property(p => p.Title).HasMaxLength(Project.TitleMaxLength).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(Project.SummaryMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Project.DescriptionMaxLength);
        builder.Property(p => p.Address).HasMaxLength(Project.AddressMaxLength);
        builder.Property(p => p.OrganisationName).HasMaxLength(Project.OrganisationNameMaxLength);
        builder.Property(p => p.Rna).HasMaxLength(10);
        builder.Property(p => p.Siren).HasMaxLength(9);
        builder.Property(p => p.HiddenReason).HasMaxLength(Project.ReasonMaxLength);
        builder.Property(p => p.SearchText).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.BudgetTotalCents);
        builder.Ignore(p => p.IsPublic);
        builder.Ignore(p => p.IsEditable);
        builder.Ignore(p => p.AcceptsParticipation);
        builder.Ignore(p => p.Label);
        builder.Ignore(p => p.PendingProposal);
        builder.OwnsOne(p => p.ReceiptIssuer, issuer =>
        {
            issuer.Property(i => i.Name).HasColumnName("ReceiptIssuerName").HasMaxLength(ReceiptIssuer.NameMaxLength).IsRequired();
            issuer.Property(i => i.Identifier).HasColumnName("ReceiptIssuerIdentifier").HasMaxLength(10).IsRequired();
            issuer.Property(i => i.Address).HasColumnName("ReceiptIssuerAddress").HasMaxLength(ReceiptIssuer.AddressMaxLength).IsRequired();
            issuer.Property(i => i.Purpose).HasColumnName("ReceiptIssuerPurpose").HasMaxLength(ReceiptIssuer.ObjectMaxLength).IsRequired();
            issuer.Property(i => i.Quality).HasColumnName("ReceiptIssuerQuality").IsRequired();
            issuer.Property(i => i.SignatoryName).HasColumnName("ReceiptIssuerSignatoryName").HasMaxLength(ReceiptIssuer.SignatoryNameMaxLength).IsRequired();
            issuer.Property(i => i.SignatoryTitle).HasColumnName("ReceiptIssuerSignatoryTitle").HasMaxLength(ReceiptIssuer.SignatoryTitleMaxLength).IsRequired();
            issuer.Ignore(i => i.NumberingKey);
            issuer.Ignore(i => i.PrintedIdentifier);
        });

        builder.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.HolderUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany()
            .HasForeignKey(p => new { p.MunicipalityId, p.NeighbourhoodId })
            .HasPrincipalKey(n => new { n.MunicipalityId, n.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(p => p.Images).WithOne()
            .HasForeignKey(i => new { i.MunicipalityId, i.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.BudgetLines).WithOne()
            .HasForeignKey(l => new { l.MunicipalityId, l.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.RequestedSupports).WithOne()
            .HasForeignKey(s => new { s.MunicipalityId, s.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.History).WithOne()
            .HasForeignKey(e => new { e.MunicipalityId, e.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Decisions).WithOne()
            .HasForeignKey(d => new { d.MunicipalityId, d.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Messages).WithOne()
            .HasForeignKey(m => new { m.MunicipalityId, m.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Notes).WithOne()
            .HasForeignKey(n => new { n.MunicipalityId, n.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.AssignedStaffUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Domain.Calls.Call>().WithMany()
            .HasForeignKey(p => new { p.MunicipalityId, p.CallId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Calls.CallApplication>().WithMany()
            .HasForeignKey(p => new { p.MunicipalityId, p.CallApplicationId }).HasPrincipalKey(a => new { a.MunicipalityId, a.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Images).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.BudgetLines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.RequestedSupports).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(p => new { p.MunicipalityId, p.Status });
        builder.HasIndex(p => new { p.MunicipalityId, p.PublishedAtUtc });
        builder.HasIndex(p => p.PublishedAtUtc);
        builder.HasIndex(p => p.HolderUserId);
        builder.HasIndex(p => new { p.MunicipalityId, p.AssignedStaffUserId });
        builder.HasIndex(p => new { p.MunicipalityId, p.LabelledAtUtc });
    }
}

internal sealed class ProjectImageConfiguration : IEntityTypeConfiguration<ProjectImage>
{
    public void Configure(EntityTypeBuilder<ProjectImage> builder)
    {
        builder.ToTable("ProjectImages");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.FileKey).HasMaxLength(200).IsRequired();
        builder.Property(i => i.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(i => i.AltText).HasMaxLength(ProjectImage.AltTextMaxLength).IsRequired();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("ProjectBudgetLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Label).HasMaxLength(Project.BudgetLabelMaxLength).IsRequired();
    }
}

internal sealed class RequestedSupportConfiguration : IEntityTypeConfiguration<RequestedSupport>
{
    public void Configure(EntityTypeBuilder<RequestedSupport> builder)
    {
        builder.ToTable("ProjectRequestedSupports");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Details).HasMaxLength(RequestedSupport.DetailsMaxLength);
        builder.HasIndex(s => new { s.ProjectId, s.Kind }).IsUnique();
    }
}

internal sealed class ProjectEventConfiguration : IEntityTypeConfiguration<ProjectEvent>
{
    public void Configure(EntityTypeBuilder<ProjectEvent> builder)
    {
        builder.ToTable("ProjectEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reason).HasMaxLength(Project.ReasonMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProjectSupportConfiguration : IEntityTypeConfiguration<ProjectSupport>
{
    public void Configure(EntityTypeBuilder<ProjectSupport> builder)
    {
        builder.ToTable("ProjectSupports");
        builder.HasKey(s => new { s.ProjectId, s.UserId });
        builder.HasOne<Project>().WithMany()
            .HasForeignKey(s => new { s.MunicipalityId, s.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}

internal sealed class ProjectFollowConfiguration : IEntityTypeConfiguration<ProjectFollow>
{
    public void Configure(EntityTypeBuilder<ProjectFollow> builder)
    {
        builder.ToTable("ProjectFollows");
        builder.HasKey(f => new { f.ProjectId, f.UserId });
        builder.HasOne<Project>().WithMany()
            .HasForeignKey(f => new { f.MunicipalityId, f.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.UserId);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("Comments");
        builder.HasKey(c => c.Id);
        builder.HasAlternateKey(c => new { c.MunicipalityId, c.Id });
        builder.Property(c => c.Body).HasMaxLength(Comment.BodyMaxLength).IsRequired();
        builder.Property(c => c.ModerationReason).HasMaxLength(Comment.ReasonMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsVisible);
        builder.HasOne<Project>().WithMany()
            .HasForeignKey(c => new { c.MunicipalityId, c.ProjectId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany()
            .HasForeignKey(c => new { c.MunicipalityId, c.ParentCommentId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Reports).WithOne()
            .HasForeignKey(r => new { r.MunicipalityId, r.CommentId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Reports).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => new { c.ProjectId, c.CreatedAtUtc });
        builder.HasIndex(c => new { c.MunicipalityId, c.State, c.OpenReportCount });
    }
}

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> builder)
    {
        builder.ToTable("CommentReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reason).HasMaxLength(Comment.ReasonMaxLength).IsRequired();
        builder.HasIndex(r => new { r.CommentId, r.ReporterUserId }).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
