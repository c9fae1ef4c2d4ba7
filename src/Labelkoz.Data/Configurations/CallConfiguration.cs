using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Labelkoz.Data.Configurations;

// Like a project's, a call's children point at it through (MunicipalityId, CallId): the database
// refuses a row that would tie one city's call to another city's data.
internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.Id);
        builder.HasAlternateKey(c => new { c.MunicipalityId, c.Id });
        builder.Property(c => c.Title).HasMaxLength(Call.TitleMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Call.DescriptionMaxLength);
        builder.Property(c => c.CancelReason).HasMaxLength(Call.ReasonMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsEditable);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Neighbourhood>().WithMany()
            .HasForeignKey(c => new { c.MunicipalityId, c.NeighbourhoodId })
            .HasPrincipalKey(n => new { n.MunicipalityId, n.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Offer).WithOne()
            .HasForeignKey(o => new { o.MunicipalityId, o.CallId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Questions).WithOne()
            .HasForeignKey(q => new { q.MunicipalityId, q.CallId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Criteria).WithOne()
            .HasForeignKey(q => new { q.MunicipalityId, q.CallId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.History).WithOne()
            .HasForeignKey(e => new { e.MunicipalityId, e.CallId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Offer).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Criteria).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The closing job looks for open calls whose closing time has passed.
        builder.HasIndex(c => new { c.Status, c.ClosesAtUtc });
        builder.HasIndex(c => new { c.MunicipalityId, c.Status });
    }
}

internal sealed class CallQuestionConfiguration : IEntityTypeConfiguration<CallQuestion>
{
    public void Configure(EntityTypeBuilder<CallQuestion> builder)
    {
        builder.ToTable("CallQuestions");
        builder.HasKey(q => q.Id);
        builder.HasAlternateKey(q => new { q.MunicipalityId, q.Id });
        builder.Property(q => q.Label).HasMaxLength(CallQuestion.LabelMaxLength).IsRequired();
        builder.Property(q => q.Help).HasMaxLength(CallQuestion.HelpMaxLength);
    }
}

internal sealed class CallCriterionConfiguration : IEntityTypeConfiguration<CallCriterion>
{
    public void Configure(EntityTypeBuilder<CallCriterion> builder)
    {
        builder.ToTable("CallCriteria");
        builder.HasKey(c => c.Id);
        builder.HasAlternateKey(c => new { c.MunicipalityId, c.Id });
        builder.Property(c => c.Name).HasMaxLength(CallCriterion.NameMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(CallCriterion.DescriptionMaxLength);
    }
}

internal sealed class CallEventConfiguration : IEntityTypeConfiguration<CallEvent>
{
    public void Configure(EntityTypeBuilder<CallEvent> builder)
    {
        builder.ToTable("CallEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reason).HasMaxLength(Call.ReasonMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> builder)
    {
        builder.ToTable("CallApplications");
        builder.HasKey(a => a.Id);
        builder.HasAlternateKey(a => new { a.MunicipalityId, a.Id });
        builder.Property(a => a.ProjectTitle).HasMaxLength(CallApplication.TitleMaxLength).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(CallApplication.SummaryMaxLength);
        builder.Property(a => a.OrganisationName).HasMaxLength(Domain.Projects.Project.OrganisationNameMaxLength);
        builder.Property(a => a.Rna).HasMaxLength(10);
        builder.Property(a => a.Siren).HasMaxLength(9);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Call>().WithMany()
            .HasForeignKey(a => new { a.MunicipalityId, a.CallId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ApplicantUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Answers).WithOne()
            .HasForeignKey(x => new { x.MunicipalityId, x.ApplicationId }).HasPrincipalKey(a => new { a.MunicipalityId, a.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Scores).WithOne()
            .HasForeignKey(x => new { x.MunicipalityId, x.ApplicationId }).HasPrincipalKey(a => new { a.MunicipalityId, a.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Conflicts).WithOne()
            .HasForeignKey(x => new { x.MunicipalityId, x.ApplicationId }).HasPrincipalKey(a => new { a.MunicipalityId, a.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Scores).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Conflicts).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One application per person per call: applying twice is refused by the database too.
        builder.HasIndex(a => new { a.CallId, a.ApplicantUserId }).IsUnique();
        builder.HasIndex(a => a.ApplicantUserId);
    }
}

internal sealed class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> builder)
    {
        builder.ToTable("CallApplicationAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Text).HasMaxLength(ApplicationAnswer.LongTextMaxLength);
        builder.Property(a => a.Number).HasPrecision(18, 4);
        builder.Property(a => a.FileKey).HasMaxLength(200);
        builder.Property(a => a.FileName).HasMaxLength(ApplicationAnswer.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasOne<CallQuestion>().WithMany()
            .HasForeignKey(a => new { a.MunicipalityId, a.QuestionId }).HasPrincipalKey(q => new { q.MunicipalityId, q.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ApplicationId, a.QuestionId }).IsUnique();
    }
}

internal sealed class ApplicationScoreConfiguration : IEntityTypeConfiguration<ApplicationScore>
{
    public void Configure(EntityTypeBuilder<ApplicationScore> builder)
    {
        builder.ToTable("CallApplicationScores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Comment).HasMaxLength(ApplicationScore.CommentMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CallCriterion>().WithMany()
            .HasForeignKey(s => new { s.MunicipalityId, s.CriterionId }).HasPrincipalKey(c => new { c.MunicipalityId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ApplicationId, s.ReviewerUserId, s.CriterionId }).IsUnique();
    }
}

internal sealed class ConflictOfInterestConfiguration : IEntityTypeConfiguration<ConflictOfInterest>
{
    public void Configure(EntityTypeBuilder<ConflictOfInterest> builder)
    {
        builder.ToTable("CallConflictsOfInterest");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reason).HasMaxLength(ConflictOfInterest.ReasonMaxLength).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ApplicationId, c.ReviewerUserId }).IsUnique();
    }
}
