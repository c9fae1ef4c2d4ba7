using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Labelkoz.Data.Configurations;

internal sealed class ProjectDecisionConfiguration : IEntityTypeConfiguration<ProjectDecision>
{
    public void Configure(EntityTypeBuilder<ProjectDecision> builder)
    {
        builder.ToTable("ProjectDecisions");
        builder.HasKey(d => d.Id);
        builder.HasAlternateKey(d => new { d.MunicipalityId, d.Id });
        builder.Property(d => d.PublicReason).HasMaxLength(Project.ReasonMaxLength);
        builder.Property(d => d.RejectionNote).HasMaxLength(Project.ReasonMaxLength);
        builder.Property(d => d.RevokedReason).HasMaxLength(Project.ReasonMaxLength);
        builder.Property(d => d.Conditions).HasMaxLength(ProjectDecision.ConditionsMaxLength);
        builder.Property(d => d.RequestToken).HasMaxLength(ProjectDecision.RequestTokenMaxLength);
        builder.Ignore(d => d.IsPending);
        builder.Ignore(d => d.IsActiveLabel);
        builder.HasMany(d => d.Commitments).WithOne()
            .HasForeignKey(c => new { c.MunicipalityId, c.DecisionId }).HasPrincipalKey(d => new { d.MunicipalityId, d.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Commitments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.ProposedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.RevokedByUserId).OnDelete(DeleteBehavior.Restrict);

        // A form posted twice carries the same token: the second insert is refused by the database.
        builder.HasIndex(d => new { d.ProjectId, d.RequestToken }).IsUnique();
        builder.HasIndex(d => new { d.MunicipalityId, d.State });
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ToTable("LabelCommitments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Description).HasMaxLength(Commitment.DescriptionMaxLength).IsRequired();
        builder.Ignore(c => c.Matchfunding);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ReferentUserId).OnDelete(DeleteBehavior.Restrict);

        // A commitment belongs to exactly one owner: a label decision or a call's offer.
        builder.ToTable(t => t.HasCheckConstraint("CK_LabelCommitments_OneOwner", "(\"DecisionId\" IS NULL) <> (\"CallId\" IS NULL)"));
    }
}

internal sealed class ReviewMessageConfiguration : IEntityTypeConfiguration<ReviewMessage>
{
    public void Configure(EntityTypeBuilder<ReviewMessage> builder)
    {
        builder.ToTable("ProjectReviewMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Body).HasMaxLength(ReviewMessage.BodyMaxLength).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ProjectId, m.AtUtc });
    }
}

internal sealed class ReviewNoteConfiguration : IEntityTypeConfiguration<ReviewNote>
{
    public void Configure(EntityTypeBuilder<ReviewNote> builder)
    {
        builder.ToTable("ProjectReviewNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Body).HasMaxLength(ReviewNote.BodyMaxLength).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(n => new { n.ProjectId, n.AtUtc });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength).IsRequired();
        builder.Property(e => e.SubjectLabel).HasMaxLength(AuditEntry.SubjectLabelMaxLength).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        builder.Property(e => e.Before).HasMaxLength(AuditEntry.ValuesMaxLength);
        builder.Property(e => e.After).HasMaxLength(AuditEntry.ValuesMaxLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditChain.HashLength).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(AuditChain.HashLength).IsFixedLength();

        // One place per sequence number in a city's chain: a fork would be refused by the database too.
        builder.HasIndex(e => new { e.MunicipalityId, e.Sequence }).IsUnique();

        // No foreign key to the actor: the log keeps the name even when the account is erased.
        builder.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.MunicipalityId, e.AtUtc });
        builder.HasIndex(e => e.AtUtc);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHeads");
        builder.HasKey(h => h.MunicipalityId);
        builder.Property(h => h.MunicipalityId).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(AuditChain.HashLength).IsFixedLength().IsRequired();
        builder.Property(h => h.VerifiedReport).HasMaxLength(AuditChainHead.ReportMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(h => h.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        builder.Ignore(n => n.IsRead);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
    }
}
