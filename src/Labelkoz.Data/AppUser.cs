using Microsoft.AspNetCore.Identity;

namespace Labelkoz.Data;

/// <summary>
/// One account per person, global to the platform. The postal address is needed later for tax
/// receipts; it is personal data and never leaves the person's own pages and documents.
/// </summary>
public sealed class AppUser : IdentityUser<long>
{
    public const int DisplayNameMaxLength = 80;

    public string DisplayName { get; set; } = string.Empty;

    public string? AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    public long? HomeMunicipalityId { get; set; }

    public string PreferredCulture { get; set; } = "fr-FR";

    public DateTime CreatedAtUtc { get; set; }
}
