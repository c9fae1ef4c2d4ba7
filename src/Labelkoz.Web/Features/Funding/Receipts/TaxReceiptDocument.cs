using Labelkoz.Domain.Funding;

namespace Labelkoz.Web.Features.Funding.Receipts;

/// <summary>
/// Everything printed on a tax receipt (Cerfa 11580, DESIGN §6), as it was when the receipt was
/// issued: the receipt is immutable, so its PDF is drawn from this snapshot only.
/// </summary>
/// <param name="Number">The receipt's order number, gap-free per issuing body, e.g. "2026-000042".</param>
/// <param name="BeneficiaryName">The issuing body: "Commune de Montreuil", or the association's name.</param>
/// <param name="BeneficiaryIdentifier">"SIREN 219300480", "RNA W931234567", or null when unknown.</param>
/// <param name="BeneficiaryAddress">Postal address, possibly on several lines (\n).</param>
/// <param name="BeneficiaryObject">The body's object, e.g. "Collectivité territoriale" or the association's purpose.</param>
/// <param name="BeneficiaryQuality">The quality box of the form, as a sentence, e.g. "Œuvre ou organisme d'intérêt général".</param>
/// <param name="DonorFullName">The donor's full name.</param>
/// <param name="DonorAddress">The donor's postal address, possibly on several lines (\n).</param>
/// <param name="AmountCents">The gift, in cents (always positive).</param>
/// <param name="GiftDate">The date the gift was received (payment confirmed), Paris time.</param>
/// <param name="Method">How it was paid: card, cheque or transfer.</param>
/// <param name="ProjectTitle">The project the gift went to (printed as the gift's purpose).</param>
/// <param name="IssuedOn">The date of issue, Paris time.</param>
/// <param name="IssuedAt">The place of issue, e.g. "Montreuil".</param>
/// <param name="SignatoryName">Who signs for the beneficiary, e.g. "Patrice Bessac".</param>
/// <param name="SignatoryTitle">Their title, e.g. "Le maire" or "Le président".</param>
/// <param name="ReplacesNumber">When this receipt corrects an earlier one, that receipt's number.</param>
/// <param name="CancellationNote">When this receipt was cancelled: why and by which receipt it was replaced.</param>
public sealed record TaxReceiptDocument(
    string Number,
    string BeneficiaryName,
    string? BeneficiaryIdentifier,
    string BeneficiaryAddress,
    string BeneficiaryObject,
    string BeneficiaryQuality,
    string DonorFullName,
    string DonorAddress,
    long AmountCents,
    DateOnly GiftDate,
    PaymentMethod Method,
    string ProjectTitle,
    DateOnly IssuedOn,
    string IssuedAt,
    string SignatoryName,
    string SignatoryTitle,
    string? ReplacesNumber,
    string? CancellationNote);
