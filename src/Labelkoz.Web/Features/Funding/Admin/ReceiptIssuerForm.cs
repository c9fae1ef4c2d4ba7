using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>
/// The form by which a city admin opens a project's tax receipts (DESIGN §6): who issues them, in
/// whose name and how they are signed. <see cref="ReceiptIssuer.Create"/> decides; its refusals
/// name their field, shown next to it.
/// </summary>
public static class ReceiptIssuerForm
{
    public const string Prefix = "Recus";
    public const string NameField = Prefix + "." + nameof(Input.Name);
    public const string IdentifierField = Prefix + "." + nameof(Input.Identifier);
    public const string AddressField = Prefix + "." + nameof(Input.Address);
    public const string PurposeField = Prefix + "." + nameof(Input.Purpose);
    public const string QualityField = Prefix + "." + nameof(Input.Quality);
    public const string SignatoryNameField = Prefix + "." + nameof(Input.SignatoryName);
    public const string SignatoryTitleField = Prefix + "." + nameof(Input.SignatoryTitle);

    /// <summary>The qualities a holder of this type may claim, in the order of the official form.</summary>
    public static IReadOnlyList<ReceiptQuality> Qualities(HolderType holder) => holder == HolderType.Municipality
        ? [ReceiptQuality.Municipality]
        : [ReceiptQuality.GeneralInterest, ReceiptQuality.PublicUtility, ReceiptQuality.FoodOrCareAid];

    /// <summary>What the form shows: the issuer in force, or a first draft from what the holder declared.</summary>
    public static Input Prefill(ReceiptIssuer? issuer, HolderType holder, string? organisationName, string? rna, string? siren, string cityName) =>
        issuer is not null
            ? new Input
            {
                Name = issuer.Name,
                Identifier = issuer.Identifier,
                Address = issuer.Address,
                Purpose = issuer.Purpose,
                Quality = issuer.Quality.ToString(),
                SignatoryName = issuer.SignatoryName,
                SignatoryTitle = issuer.SignatoryTitle,
            }
            : new Input
            {
                Name = holder == HolderType.Municipality ? organisationName ?? $"Commune de {cityName}" : organisationName,
                Identifier = rna ?? siren,
                Quality = (holder == HolderType.Municipality ? ReceiptQuality.Municipality : ReceiptQuality.GeneralInterest).ToString(),
            };

    /// <summary>
    /// Asks the domain (<see cref="ReceiptIssuer.Create"/>) whether the form describes an issuer,
    /// and puts its refusal in <paramref name="modelState"/> next to the field it names.
    /// </summary>
    public static void Check(Input? input, ModelStateDictionary modelState, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        try
        {
            Create(input ?? new Input());
        }
        catch (DomainException refusal)
        {
            modelState.AddRefusal(refusal, l, Prefix);
        }
    }

    /// <summary>The issuer the form describes, or the domain's refusal; a quality the form does not know is refused as the domain refuses one.</summary>
    public static ReceiptIssuer Create(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var quality = ParseQuality(input.Quality) ?? throw new DomainException(TaxReceiptRefusals.UnknownQuality);
        return ReceiptIssuer.Create(input.Name, input.Identifier, input.Address, input.Purpose, quality, input.SignatoryName, input.SignatoryTitle);
    }

    /// <summary>The issuer as the audit log records it (always in French).</summary>
    public static string AuditValues(ReceiptIssuer? issuer) => issuer is null
        ? AuditTrail.Values(("Reçus fiscaux", "fermés"))
        : AuditTrail.Values(
            ("Reçus fiscaux", "ouverts"),
            ("Bénéficiaire", issuer.Name),
            ("Identifiant", issuer.PrintedIdentifier),
            ("Adresse", issuer.Address),
            ("Objet", issuer.Purpose),
            ("Qualité", ReceiptIssuer.QualityText(issuer.Quality)),
            ("Signataire", $"{issuer.SignatoryName}, {issuer.SignatoryTitle}"));

    /// <summary>A quality sent by the form: only the names of the enumeration, never a number or an unknown word.</summary>
    private static ReceiptQuality? ParseQuality(string? value) =>
        Enum.GetValues<ReceiptQuality>().Select(q => (ReceiptQuality?)q).FirstOrDefault(q => string.Equals(q.ToString(), value?.Trim(), StringComparison.Ordinal));

    public sealed class Input
    {
        public string? Name { get; set; }

        public string? Identifier { get; set; }

        public string? Address { get; set; }

        public string? Purpose { get; set; }

        public string? Quality { get; set; }

        public string? SignatoryName { get; set; }

        public string? SignatoryTitle { get; set; }
    }
}
