using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Labelkoz.Web.Features.Legal;

/// <summary>Who publishes a site: the platform's operator, or a commune for its own site.</summary>
public sealed record LegalPublisher(string Name, string? Address, string? Siren, string? Director, string? ContactEmail, string? Phone);

/// <summary>Whom to ask about personal data.</summary>
public sealed record DpoView(string? FullName, string? Email);

/// <summary>An RGAA accessibility statement's fields, the city's own where it has them, else the platform's.</summary>
public sealed record AccessibilityView(
    string State,
    int? AuditRate,
    DateOnly? AuditDate,
    string? Auditor,
    bool CityOwnAudit,
    DateOnly DeclaredOn,
    IReadOnlyList<string> NonConformities,
    IReadOnlyList<string> Derogations,
    IReadOnlyList<string> ExemptContent,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<string> TestEnvironment,
    string ContactEmail,
    string? PlanUrl,
    string? PlanText);

/// <summary>What the legal pages of the current site show: the platform's, or a city's over the platform's defaults.</summary>
public sealed record LegalView(
    string? CitySlug,
    string SiteName,
    LegalPublisher Publisher,
    LegalPublisher Operator,
    PlatformLegal.HostDetails Host,
    DpoView PlatformDpo,
    DpoView? CityDpo,
    AccessibilityView Accessibility)
{
    public bool IsCity => CitySlug is not null;

    public string HomePath => IsCity ? $"/{CitySlug}" : "/";

    /// <summary>The address of a legal page on this site (<c>/cookies</c> or <c>/montreuil/cookies</c>).</summary>
    public string PathOf(string page) => IsCity ? $"/{CitySlug}/{page}" : $"/{page}";
}

/// <summary>Builds the <see cref="LegalView"/> of the request's site: one read of the city's row on a city's site, none on the platform's.</summary>
public sealed class LegalSite(AppDbContext db, TenantContext tenant, IOptions<PlatformLegal> platform, IOptions<PlatformPublisher> seller)
{
    public async Task<LegalView> CurrentAsync(CancellationToken cancellationToken)
    {
        var p = platform.Value;
        var operatorPublisher = new LegalPublisher(seller.Value.Name ?? "Labelkoz", seller.Value.Address, seller.Value.Siren, p.PublicationDirector, p.ContactEmail, null);
        var platformDpo = new DpoView(p.Dpo.FullName, p.Dpo.Email);
        var a = p.Accessibility;
        var platformStatement = new AccessibilityView(
            a.State(), a.AuditRate, a.AuditDate, a.Auditor, false, a.DeclaredOn,
            a.NonConformities, a.Derogations, a.ExemptContent, a.Technologies, a.TestEnvironment, a.ContactEmail, a.PlanUrl, a.PlanText);
        if (tenant.City is null)
        {
            return new LegalView(null, "Labelkoz", operatorPublisher, operatorPublisher, p.Host, platformDpo, null, platformStatement);
        }

        var id = tenant.MunicipalityId;
        var city = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new { m.Name, m.Slug, m.Siren, m.BillingAddress, m.ContactEmail, m.ContactPhone, m.AccessibilityCompliance, m.Legal })
            .SingleAsync(cancellationToken);
        var legal = city.Legal;
        var publisher = new LegalPublisher(
            city.Name, legal.PublisherAddress ?? city.BillingAddress, city.Siren, legal.PublicationDirector, legal.LegalContactEmail ?? city.ContactEmail, city.ContactPhone);
        var statement = platformStatement with
        {
            // The state is the one the city declares (its footer shows it too); its own audit, when it
            // has one, replaces the platform's results, and its contact and plan replace the platform's.
            State = city.AccessibilityCompliance,
            CityOwnAudit = legal.HasOwnAudit,
            AuditRate = legal.HasOwnAudit ? legal.AuditRate : a.AuditRate,
            AuditDate = legal.HasOwnAudit ? legal.AuditDate : a.AuditDate,
            Auditor = legal.HasOwnAudit ? legal.Auditor : a.Auditor,
            DeclaredOn = legal.HasOwnAudit && legal.AuditDate is { } audited ? audited : a.DeclaredOn,
            NonConformities = legal.HasOwnAudit ? Lines(legal.NonConformities) : a.NonConformities,
            Derogations = legal.Derogations is null ? a.Derogations : Lines(legal.Derogations),
            ExemptContent = legal.ExemptContent is null ? a.ExemptContent : Lines(legal.ExemptContent),
            ContactEmail = legal.AccessibilityContactEmail ?? city.ContactEmail ?? a.ContactEmail,
            PlanUrl = legal.PlanUrl ?? (legal.PlanText is null ? a.PlanUrl : null),
            PlanText = legal.PlanText ?? (legal.PlanUrl is null ? a.PlanText : null),
        };
        var cityDpo = legal.DpoName is null && legal.DpoEmail is null ? null : new DpoView(legal.DpoName, legal.DpoEmail);
        return new LegalView(city.Slug, city.Name, publisher, operatorPublisher, p.Host, platformDpo, cityDpo, statement);
    }

    private static string[] Lines(string? text) =>
        text is null ? [] : text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
