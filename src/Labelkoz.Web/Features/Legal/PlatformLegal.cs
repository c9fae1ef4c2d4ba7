using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Web.Features.Legal;

/// <summary>
/// The platform's own legal details, from configuration (<c>Platform:*</c>; the publisher's name,
/// SIREN and address are the seller's on invoices, <c>Billing:Seller:*</c>, so they are stated once).
/// Every value is declared by the operator: nothing here is measured by the code.
/// </summary>
public sealed class PlatformLegal
{
    public string PublicationDirector { get; set; } = string.Empty;

    public string ContactEmail { get; set; } = string.Empty;

    public DpoContact Dpo { get; set; } = new();

    public HostDetails Host { get; set; } = new();

    public PlatformAccessibility Accessibility { get; set; } = new();

    public sealed class DpoContact
    {
        public string? FullName { get; set; }

        public string Email { get; set; } = string.Empty;
    }

    public sealed class HostDetails
    {
        public string Company { get; set; } = string.Empty;

        public string Address { get; set; } = string.Empty;

        public string Phone { get; set; } = string.Empty;
    }

    /// <summary>The platform's accessibility statement, as its last audit declared it (no audit: no rate).</summary>
    public sealed class PlatformAccessibility
    {
        public int? AuditRate { get; set; }

        public DateOnly? AuditDate { get; set; }

        public string? Auditor { get; set; }

        public DateOnly DeclaredOn { get; set; }

        public List<string> NonConformities { get; set; } = [];

        public List<string> Derogations { get; set; } = [];

        public List<string> ExemptContent { get; set; } = [];

        public List<string> Technologies { get; set; } = [];

        public List<string> TestEnvironment { get; set; } = [];

        public string ContactEmail { get; set; } = string.Empty;

        public string? PlanUrl { get; set; }

        public string? PlanText { get; set; }

        /// <summary>The state the declared rate gives under the RGAA: without an audit, not conformant.</summary>
        public string State() => AccessibilityConformity.StateFor(AuditRate);
    }
}

/// <summary>The platform's operator as its invoices name it (<c>Billing:Seller</c>).</summary>
public sealed class PlatformPublisher
{
    public string? Name { get; set; }

    public string? Siren { get; set; }

    public string? Address { get; set; }
}
