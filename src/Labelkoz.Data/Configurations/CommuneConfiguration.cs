using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Labelkoz.Data.Configurations;

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.ToTable("Communes");
        builder.HasKey(c => c.InseeCode);
        builder.Property(c => c.InseeCode).HasMaxLength(5).IsFixedLength().ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Commune.NameMaxLength).IsRequired();
        builder.Property(c => c.SearchText).HasMaxLength(Commune.NameMaxLength).IsRequired();
        builder.Property(c => c.Siren).HasMaxLength(9).IsFixedLength();
        builder.Property(c => c.DepartmentCode).HasMaxLength(3).IsRequired();
        builder.Property(c => c.PostalCodes).HasMaxLength(Commune.PostalCodesMaxLength).IsRequired();
        builder.Property(c => c.EpciSiren).HasMaxLength(9).IsFixedLength();
        builder.Property(c => c.EpciName).HasMaxLength(Commune.EpciNameMaxLength);
        builder.Property(c => c.DatasetVersion).HasMaxLength(Commune.DatasetVersionMaxLength).IsRequired();
        builder.Ignore(c => c.PostalCodeList);
    }
}
