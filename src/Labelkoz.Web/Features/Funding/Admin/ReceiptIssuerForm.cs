using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>
/// The form by which a city admin opens a project's tax receipts (DESIGN §6): who issues them, in
/// whose name and how they are signed. Each field is checked on its own so its refusal is shown
/// next to it; <see cref="ReceiptIssuer.Create"/> then decides, and its refusals are the domain's.
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
    /// Checks every field on its own, adding each refusal to <paramref name="modelState"/> under its
    /// field, so the person sees all of them next to the fields at once.
    /// </summary>
    public static void Check(Input? input, ModelStateDictionary modelState, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        input ??= new Input();
        CheckField(modelState, l, NameField, () => Text.Required(input.Name, ReceiptIssuer.NameMaxLength, "Nom du bénéficiaire"));
        CheckField(modelState, l, IdentifierField, () =>
        {
            var raw = (input.Identifier ?? string.Empty).Trim();
            return raw.StartsWith('W') || raw.StartsWith('w') ? FrenchIdentifiers.Rna(raw) : FrenchIdentifiers.Siren(raw);
        });
        CheckField(modelState, l, AddressField, () => Text.Required(input.Address, ReceiptIssuer.AddressMaxLength, "Adresse du bénéficiaire", multiline: true));
        CheckField(modelState, l, PurposeField, () => Text.Required(input.Purpose, ReceiptIssuer.ObjectMaxLength, "Objet du bénéficiaire", multiline: true));
        CheckField(modelState, l, SignatoryNameField, () => Text.Required(input.SignatoryName, ReceiptIssuer.SignatoryNameMaxLength, "Nom du signataire"));
        CheckField(modelState, l, SignatoryTitleField, () => Text.Required(input.SignatoryTitle, ReceiptIssuer.SignatoryTitleMaxLength, "Qualité du signataire"));
        if (ParseQuality(input.Quality) is null)
        {
            modelState.AddModelError(QualityField, l["Choisissez la qualité de l'organisme bénéficiaire."]);
        }
    }

    /// <summary>The issuer the form describes, once <see cref="Check"/> found nothing wrong; a refusal that spans fields (a commune identified by an RNA) is the domain's.</summary>
    public static ReceiptIssuer Create(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReceiptIssuer.Create(
            input.Name, input.Identifier, input.Address, input.Purpose, ParseQuality(input.Quality) ?? default, input.SignatoryName, input.SignatoryTitle);
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

    private static void CheckField(ModelStateDictionary modelState, IStringLocalizer l, string field, Func<string> check)
    {
        try
        {
            check();
        }
        catch (DomainException refusal)
        {
            modelState.AddModelError(field, l.Localize(refusal));
        }
    }

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
