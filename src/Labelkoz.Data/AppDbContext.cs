using System.Linq.Expressions;
using Labelkoz.Data.Payments;
using Labelkoz.Data.Tenancy;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Subscriptions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Labelkoz.Data;

public sealed class AppDbContext : IdentityDbContext<AppUser, IdentityRole<long>, long>, IDataProtectionKeyContext
{
    /// <summary>The name of the query filter that keeps each municipality's rows to itself.</summary>
    public const string TenantFilter = "Tenant";

    private readonly ITenantContext _tenant;

    public AppDbContext(DbContextOptions<AppDbContext> options, ITenantContext tenant)
        : base(options)
    {
        _tenant = tenant;
    }

    /// <summary>Read by the tenant query filter on every query; null on platform-wide pages.</summary>
    public long? TenantId => _tenant.MunicipalityId;

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Neighbourhood> Neighbourhoods => Set<Neighbourhood>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<MunicipalityMembership> Memberships => Set<MunicipalityMembership>();

    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectImage> ProjectImages => Set<ProjectImage>();

    public DbSet<ProjectEvent> ProjectEvents => Set<ProjectEvent>();

    public DbSet<ProjectSupport> ProjectSupports => Set<ProjectSupport>();

    public DbSet<ProjectFollow> ProjectFollows => Set<ProjectFollow>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommentReport> CommentReports => Set<CommentReport>();

    public DbSet<ProjectDecision> ProjectDecisions => Set<ProjectDecision>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<ReviewMessage> ReviewMessages => Set<ReviewMessage>();

    public DbSet<ReviewNote> ReviewNotes => Set<ReviewNote>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<CallQuestion> CallQuestions => Set<CallQuestion>();

    public DbSet<CallCriterion> CallCriteria => Set<CallCriterion>();

    public DbSet<CallEvent> CallEvents => Set<CallEvent>();

    public DbSet<CallApplication> CallApplications => Set<CallApplication>();

    public DbSet<ApplicationAnswer> ApplicationAnswers => Set<ApplicationAnswer>();

    public DbSet<ApplicationScore> ApplicationScores => Set<ApplicationScore>();

    public DbSet<ConflictOfInterest> ConflictsOfInterest => Set<ConflictOfInterest>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<RewardTier> RewardTiers => Set<RewardTier>();

    public DbSet<CampaignEvent> CampaignEvents => Set<CampaignEvent>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<ContributionRefund> ContributionRefunds => Set<ContributionRefund>();

    public DbSet<LedgerTransaction> LedgerTransactions => Set<LedgerTransaction>();

    public DbSet<LedgerLine> LedgerLines => Set<LedgerLine>();

    public DbSet<Payout> Payouts => Set<Payout>();

    public DbSet<PayeeAccount> PayeeAccounts => Set<PayeeAccount>();

    public DbSet<TaxReceipt> TaxReceipts => Set<TaxReceipt>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<SignupRequest> SignupRequests => Set<SignupRequest>();

    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();

    public DbSet<PaymentEvent> PaymentEvents => Set<PaymentEvent>();

    public DbSet<SandboxPayment> SandboxPayments => Set<SandboxPayment>();

    public DbSet<SandboxRefund> SandboxRefunds => Set<SandboxRefund>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Dates are stored in UTC; SQLite forgets the kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clrType = entityType.ClrType;
            if (clrType.IsEnum)
            {
                continue;
            }

            foreach (var property in entityType.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type.IsEnum && property.GetValueConverter() is null)
                {
                    property.SetValueConverter(typeof(EnumToStringConverter<>).MakeGenericType(type)
                        .GetConstructor([typeof(ConverterMappingHints)])!
                        .Invoke([null]) as ValueConverter);
                    property.SetMaxLength(40);
                }
            }

            if (typeof(ITenantOwned).IsAssignableFrom(clrType) && entityType.BaseType is null)
            {
                builder.Entity(clrType).HasQueryFilter(TenantFilter, TenantFilterFor(clrType));
            }
        }
    }

    private LambdaExpression TenantFilterFor(Type entityType)
    {
        // e => this.TenantId == null || e.MunicipalityId == this.TenantId
        var entity = Expression.Parameter(entityType, "e");
        var tenantId = Expression.Property(Expression.Constant(this), nameof(TenantId));
        var municipalityId = Expression.Convert(Expression.Property(entity, nameof(ITenantOwned.MunicipalityId)), typeof(long?));
        var body = Expression.OrElse(
            Expression.Equal(tenantId, Expression.Constant(null, typeof(long?))),
            Expression.Equal(municipalityId, tenantId));
        return Expression.Lambda(body, entity);
    }

    private sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
    {
        public UtcDateTimeConverter()
            : base(v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
        {
        }
    }
}
