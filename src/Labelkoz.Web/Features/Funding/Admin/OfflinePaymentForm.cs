using System.Globalization;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Projects;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>
/// A cheque or a transfer received for a campaign, as staff type it (<c>Offline.*</c>); the form's
/// key (made when the page was shown) makes a double post record it once.
/// </summary>
public sealed class OfflinePaymentForm
{
    public string? Amount { get; set; }

    public string? Method { get; set; }

    public string? Reference { get; set; }

    public string? DonorFullName { get; set; }

    public string? DonorAddress { get; set; }

    public bool IsAnonymous { get; set; }

    public string? TierId { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>The amount, the method and the tier as the domain takes them; each reason next to its field.</summary>
    public (long Cents, PaymentMethod Method, long? TierId) Read(ModelStateDictionary modelState, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        long cents = 0;
        if (!MoneyInput.TryParseCents(Amount, out cents, out var error))
        {
            modelState.AddModelError(DetailsModel.AmountField, l.Explain(error));
        }
        else if (cents <= 0)
        {
            modelState.AddModelError(DetailsModel.AmountField, l["Le montant doit être supérieur à zéro."]);
        }
        else if (cents > Domain.Funding.Campaign.MaxContributionCents)
        {
            modelState.AddModelError(DetailsModel.AmountField, l["Une contribution ne peut pas dépasser {0}.", MoneyInput.Format(Domain.Funding.Campaign.MaxContributionCents, CultureInfo.CurrentCulture)]);
        }

        var method = Method switch
        {
            nameof(PaymentMethod.Cheque) => PaymentMethod.Cheque,
            nameof(PaymentMethod.Transfer) => PaymentMethod.Transfer,
            _ => PaymentMethod.Card,
        };
        if (method == PaymentMethod.Card)
        {
            modelState.AddModelError(DetailsModel.MethodField, l["Choisissez le moyen de paiement : chèque ou virement."]);
        }

        if (string.IsNullOrWhiteSpace(Reference))
        {
            modelState.AddModelError(DetailsModel.ReferenceField, l["Indiquez la référence du paiement (numéro du chèque, libellé du virement)."]);
        }
        else if (Reference.Trim().Length > Contribution.ReferenceMaxLength)
        {
            modelState.AddModelError(DetailsModel.ReferenceField, l["La référence ne peut pas dépasser {0} caractères.", Contribution.ReferenceMaxLength]);
        }

        if (string.IsNullOrWhiteSpace(DonorFullName))
        {
            modelState.AddModelError(DetailsModel.DonorNameField, l["Indiquez le nom et le prénom du donateur."]);
        }
        else if (DonorFullName.Trim().Length > DonorIdentity.FullNameMaxLength)
        {
            modelState.AddModelError(DetailsModel.DonorNameField, l["Le nom ne peut pas dépasser {0} caractères.", DonorIdentity.FullNameMaxLength]);
        }

        if (string.IsNullOrWhiteSpace(DonorAddress))
        {
            modelState.AddModelError(DetailsModel.DonorAddressField, l["Indiquez l'adresse postale du donateur."]);
        }
        else if (DonorAddress.Trim().Length > DonorIdentity.AddressMaxLength)
        {
            modelState.AddModelError(DetailsModel.DonorAddressField, l["L'adresse ne peut pas dépasser {0} caractères.", DonorIdentity.AddressMaxLength]);
        }

        long? tierId = null;
        if (!string.IsNullOrWhiteSpace(TierId))
        {
            if (long.TryParse(TierId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                tierId = id;
            }
            else
            {
                modelState.AddModelError(DetailsModel.TierField, l["Choisissez l'une des contreparties proposées."]);
            }
        }

        return (cents, method, tierId);
    }
}
