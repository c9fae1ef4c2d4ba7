using System.Globalization;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Subscriptions;

public enum InvoiceStatus
{
    Issued = 1,
    Paid = 2,
}

/// <summary>The seller's mentions on an invoice, from the platform's configuration.</summary>
public sealed record Seller(string Name, string Siren, string VatNumber, string Address, string Iban, string Bic);

/// <summary>
/// An invoice for one period of a subscription (issue #7): numbered without gap per year
/// (<c>LKZ-2026-000123</c>), with what a French invoice must say — seller and buyer with their
/// SIREN, issue and due dates (30 days), the line, amounts excluding VAT, VAT and including VAT,
/// bank details, late-payment mentions. Every printed field is a snapshot taken at issue: later
/// changes to the plan or the city never change an issued invoice. Only its payment is recorded.
/// </summary>
public sealed class Invoice : ITenantOwned
{
    public const string NumberPrefix = "LKZ";
    public const int ReferenceMaxLength = 200;

    private Invoice()
    {
        Number = Description = BuyerName = SellerName = SellerSiren = SellerVatNumber = SellerAddress = SellerIban = SellerBic = PlanName = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long SubscriptionId { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>"LKZ-2026-000123".</summary>
    public string Number { get; private set; }

    public InvoiceStatus Status { get; private set; } = InvoiceStatus.Issued;

    public DateOnly IssuedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    /// <summary>The end of the period, exclusive.</summary>
    public DateOnly PeriodEnd { get; private set; }

    public long PlanId { get; private set; }

    public string PlanName { get; private set; }

    public BillingPeriod Period { get; private set; }

    public string Description { get; private set; }

    public long AmountExcludingVatCents { get; private set; }

    public long VatCents { get; private set; }

    public long AmountIncludingVatCents { get; private set; }

    public string BuyerName { get; private set; }

    public string? BuyerSiren { get; private set; }

    public string? BuyerAddress { get; private set; }

    public string SellerName { get; private set; }

    public string SellerSiren { get; private set; }

    public string SellerVatNumber { get; private set; }

    public string SellerAddress { get; private set; }

    public string SellerIban { get; private set; }

    public string SellerBic { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? PaymentReference { get; private set; }

    public long? PaymentRecordedByUserId { get; private set; }

    public DateTime? PaymentRecordedAtUtc { get; private set; }

    public DateTime IssuedAtUtc { get; private set; }

    public long Version { get; private set; }

    public static string FormatNumber(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{NumberPrefix}-{year}-{sequence:000000}");

    /// <summary>
    /// Issues the invoice of a period, with the number the caller reserved in the year's counter
    /// (in the same transaction: a rollback gives the number back).
    /// </summary>
    public static Invoice Issue(Subscription subscription, InvoicedPeriod period, Plan plan, Municipality buyer, Seller seller, int sequence, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(buyer);
        ArgumentNullException.ThrowIfNull(seller);
        if (plan.Id != period.PlanId || buyer.Id != subscription.MunicipalityId || sequence < 1)
        {
            throw new InvalidOperationException("The invoice's plan, buyer or number does not match its subscription.");
        }

        var amount = plan.PriceCents(period.Period);
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        return new Invoice
        {
            MunicipalityId = subscription.MunicipalityId,
            SubscriptionId = subscription.Id,
            Year = today.Year,
            Sequence = sequence,
            Number = FormatNumber(today.Year, sequence),
            IssuedOn = today,
            DueOn = today.AddDays(Subscription.PaymentTermDays),
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            PlanId = plan.Id,
            PlanName = plan.Name,
            Period = period.Period,
            Description = string.Format(
                fr,
                "Abonnement Labelkoz « {0} », {1}, du {2:dd/MM/yyyy} au {3:dd/MM/yyyy}",
                plan.Name,
                period.Period == BillingPeriod.Monthly ? "mensuel" : "annuel",
                period.Start,
                period.End.AddDays(-1)),
            AmountExcludingVatCents = amount,
            VatCents = Vat.On(amount),
            AmountIncludingVatCents = Vat.Including(amount),
            BuyerName = buyer.Name,
            BuyerSiren = buyer.Siren,
            BuyerAddress = buyer.BillingAddress,
            SellerName = seller.Name,
            SellerSiren = seller.Siren,
            SellerVatNumber = seller.VatNumber,
            SellerAddress = seller.Address,
            SellerIban = seller.Iban,
            SellerBic = seller.Bic,
            IssuedAtUtc = nowUtc,
            Version = 1,
        };
    }

    /// <summary>The operator records the transfer that paid the invoice.</summary>
    public void RecordPayment(long operatorUserId, string? reference, DateOnly paidOn, DateOnly today, DateTime nowUtc)
    {
        if (Status == InvoiceStatus.Paid)
        {
            throw new DomainException(SubscriptionRefusals.InvoiceAlreadyPaid);
        }

        if (paidOn < IssuedOn || paidOn > today)
        {
            throw new DomainException(SubscriptionRefusals.InvoicePaymentDateOutOfRange);
        }

        PaymentReference = Text.Required(reference, ReferenceMaxLength, "Référence du virement", field: "Reference");
        PaidOn = paidOn;
        Status = InvoiceStatus.Paid;
        PaymentRecordedByUserId = operatorUserId;
        PaymentRecordedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>The PDF's file name, e.g. "facture-LKZ-2026-000123.pdf".</summary>
    public string FileName => $"facture-{Number}.pdf";

    /// <summary>Unpaid on <paramref name="today"/> and past its due date.</summary>
    public bool IsOverdue(DateOnly today) => Status == InvoiceStatus.Issued && today > DueOn;
}
