using System.Globalization;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Funding;

/// <summary>The quality of the issuing body, as ticked on Cerfa 11580.</summary>
public enum ReceiptQuality
{
    /// <summary>"Œuvre ou organisme d'intérêt général" (article 200, 1, b of the tax code).</summary>
    GeneralInterest = 1,

    /// <summary>"Association ou fondation reconnue d'utilité publique".</summary>
    PublicUtility = 2,

    /// <summary>"Association fournissant gratuitement une aide alimentaire ou des soins médicaux…" (the 75 % rate).</summary>
    FoodOrCareAid = 3,

    /// <summary>The municipality itself ("Autre organisme : collectivité territoriale").</summary>
    Municipality = 4,
}

/// <summary>
/// Who issues the tax receipts of a project's gifts, and how they are signed: set by a city admin
/// when the holder is an association of general interest (or the city itself). The city vouches for
/// it: the receipts are the beneficiary's, issued in its name by the platform.
/// </summary>
public sealed record ReceiptIssuer
{
    public const int NameMaxLength = 150;
    public const int AddressMaxLength = 300;
    public const int ObjectMaxLength = 300;
    public const int SignatoryNameMaxLength = 120;
    public const int SignatoryTitleMaxLength = 80;

    private ReceiptIssuer()
    {
        Name = Identifier = Address = Purpose = SignatoryName = SignatoryTitle = string.Empty;
    }

    public string Name { get; private init; }

    /// <summary>The body's RNA or SIREN number: receipts are numbered per body, by this identifier.</summary>
    public string Identifier { get; private init; }

    public string Address { get; private init; }

    public string Purpose { get; private init; }

    public ReceiptQuality Quality { get; private init; }

    public string SignatoryName { get; private init; }

    public string SignatoryTitle { get; private init; }

    /// <summary>The key of the body's gap-free numbering.</summary>
    public string NumberingKey => Identifier;

    /// <summary>"RNA W931000123" or "SIREN 219300480", as printed on the receipt.</summary>
    public string PrintedIdentifier => Identifier.StartsWith('W') ? $"RNA {Identifier}" : $"SIREN {Identifier}";

    /// <summary>Checks and normalises what a city admin typed; every refusal is a French message.</summary>
    public static ReceiptIssuer Create(string? name, string? identifier, string? address, string? purpose, ReceiptQuality quality, string? signatoryName, string? signatoryTitle)
    {
        if (!Enum.IsDefined(quality))
        {
            throw new DomainException(TaxReceiptRefusals.UnknownQuality);
        }

        var raw = (identifier ?? string.Empty).Trim();
        var normalised = raw.StartsWith('W') || raw.StartsWith('w') ? FrenchIdentifiers.Rna(raw, "Identifier") : FrenchIdentifiers.Siren(raw, "Identifier");
        if (quality == ReceiptQuality.Municipality && normalised.StartsWith('W'))
        {
            throw new DomainException(TaxReceiptRefusals.CommuneIdentifiedBySiren);
        }

        return new ReceiptIssuer
        {
            Name = Text.Required(name, NameMaxLength, "Nom du bénéficiaire", field: "Name"),
            Identifier = normalised,
            Address = Text.Required(address, AddressMaxLength, "Adresse du bénéficiaire", multiline: true, field: "Address"),
            Purpose = Text.Required(purpose, ObjectMaxLength, "Objet du bénéficiaire", multiline: true, field: "Purpose"),
            Quality = quality,
            SignatoryName = Text.Required(signatoryName, SignatoryNameMaxLength, "Nom du signataire", field: "SignatoryName"),
            SignatoryTitle = Text.Required(signatoryTitle, SignatoryTitleMaxLength, "Qualité du signataire", field: "SignatoryTitle"),
        };
    }

    /// <summary>The quality box of the form, as a sentence.</summary>
    public static string QualityText(ReceiptQuality quality) => quality switch
    {
        ReceiptQuality.GeneralInterest => "Œuvre ou organisme d'intérêt général",
        ReceiptQuality.PublicUtility => "Association ou fondation reconnue d'utilité publique",
        ReceiptQuality.FoodOrCareAid => "Organisme sans but lucratif fournissant gratuitement une aide alimentaire ou des soins médicaux à des personnes en difficulté, ou favorisant leur logement",
        ReceiptQuality.Municipality => "Autre organisme : collectivité territoriale",
        _ => throw new ArgumentOutOfRangeException(nameof(quality)),
    };
}

public enum TaxReceiptStatus
{
    Issued = 1,

    /// <summary>Cancelled by the city, kept for the record; a corrected receipt replaces it.</summary>
    Cancelled = 2,
}

/// <summary>
/// A tax receipt (Cerfa 11580, DESIGN §6): issued once per gift that gives right to one, numbered
/// without gap per issuing body and year, and immutable: every printed field is a snapshot taken at
/// issue. A correction cancels it and issues a new receipt, with a new number, that says which one
/// it replaces.
/// </summary>
public sealed class TaxReceipt : ITenantOwned
{
    public const int ReasonMaxLength = 500;

    public const string NoReceiptsFromHolder = "Le porteur de ce projet ne délivre pas de reçu fiscal.";

    private TaxReceipt()
    {
        NumberingKey = Number = BeneficiaryName = BeneficiaryIdentifier = BeneficiaryAddress = BeneficiaryObject = BeneficiaryQuality =
            DonorFullName = DonorAddress = ProjectTitle = IssuedAt = SignatoryName = SignatoryTitle = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CampaignId { get; private set; }

    public long ContributionId { get; private set; }

    /// <summary>The issuing body's identifier: numbers run per key and year.</summary>
    public string NumberingKey { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>"2026-000042".</summary>
    public string Number { get; private set; }

    public TaxReceiptStatus Status { get; private set; } = TaxReceiptStatus.Issued;

    public string BeneficiaryName { get; private set; }

    public string BeneficiaryIdentifier { get; private set; }

    public string BeneficiaryAddress { get; private set; }

    public string BeneficiaryObject { get; private set; }

    public string BeneficiaryQuality { get; private set; }

    public string DonorFullName { get; private set; }

    public string DonorAddress { get; private set; }

    public long AmountCents { get; private set; }

    public DateOnly GiftDate { get; private set; }

    public PaymentMethod Method { get; private set; }

    public string ProjectTitle { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public string IssuedAt { get; private set; }

    public string SignatoryName { get; private set; }

    public string SignatoryTitle { get; private set; }

    public DateTime IssuedAtUtc { get; private set; }

    /// <summary>The receipt this one corrects.</summary>
    public long? ReplacesReceiptId { get; private set; }

    public string? ReplacesNumber { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    public long? CancelledByUserId { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>The number of the receipt that replaced this one.</summary>
    public string? ReplacedByNumber { get; private set; }

    /// <summary>
    /// Why a contribution gives no receipt (yet), as the refusal to show or throw, or null when it gives one. The holder
    /// must issue receipts (<paramref name="issuer"/>), the campaign be funded, the gift stand, and a
    /// reward keep the gift's disinterest. The donor's identity is checked apart: a donor can still
    /// give it after the fact.
    /// </summary>
    public static DomainRefusal? WhyNoReceipt(Contribution contribution, CampaignStatus campaignStatus, HolderType holderType, ReceiptIssuer? issuer, long rewardValueCents, long rewardCapCents)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return WhyNoReceipt(contribution.Status, contribution.StandingCents, campaignStatus, holderType, issuer is not null, rewardValueCents, rewardCapCents);
    }

    /// <summary>Whether gifts to this holder can give a receipt: an association or the city (<see cref="Project.MayGiveTaxReceipts"/>), whose receipts the city opened.</summary>
    public static bool HolderIssuesReceipts(HolderType holderType, bool issuesReceipts) =>
        issuesReceipts && Project.MayGiveTaxReceipts(holderType);

    /// <summary>The same rule, from a page's projection.</summary>
    public static DomainRefusal? WhyNoReceipt(ContributionStatus status, long amountCents, CampaignStatus campaignStatus, HolderType holderType, bool issuesReceipts, long rewardValueCents, long rewardCapCents)
    {
        if (!HolderIssuesReceipts(holderType, issuesReceipts))
        {
            return TaxReceiptRefusals.NoReceiptsFromHolder;
        }

        if (status != ContributionStatus.Succeeded)
        {
            return TaxReceiptRefusals.GiftNotConfirmed;
        }

        if (campaignStatus != CampaignStatus.Funded)
        {
            return TaxReceiptRefusals.CampaignNotFunded;
        }

        if (!TaxReceiptRule.RewardKeepsDisinterest(amountCents, rewardValueCents, rewardCapCents))
        {
            return TaxReceiptRefusals.RewardBreaksDisinterest.With(Money.Euros(rewardValueCents), Money.Euros(rewardCapCents));
        }

        return null;
    }

    /// <summary>
    /// Issues the receipt of a contribution, with the number the caller reserved in the issuer's
    /// counter (in the same transaction, so a rollback gives the number back and no gap is left).
    /// </summary>
    public static TaxReceipt Issue(
        Contribution contribution, Campaign campaign, Project project, ReceiptIssuer issuer, long rewardValueCents, long rewardCapCents,
        int year, int sequence, DateOnly giftDate, DateOnly issuedOn, string issuedAt, DateTime nowUtc, TaxReceipt? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(issuer);
        if (contribution.CampaignId != campaign.Id || campaign.ProjectId != project.Id)
        {
            throw new InvalidOperationException("The contribution, its campaign and its project do not match.");
        }

        if (WhyNoReceipt(contribution, campaign.Status, project.HolderType, issuer, rewardValueCents, rewardCapCents) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        if (contribution.DonorFullName is null || contribution.DonorAddress is null)
        {
            throw new DomainException(TaxReceiptRefusals.DonorIdentityMissing);
        }

        if (sequence < 1 || year < 2000)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence));
        }

        return new TaxReceipt
        {
            MunicipalityId = contribution.MunicipalityId,
            CampaignId = campaign.Id,
            ContributionId = contribution.Id,
            NumberingKey = issuer.NumberingKey,
            Year = year,
            Sequence = sequence,
            Number = FormatNumber(year, sequence),
            BeneficiaryName = issuer.Name,
            BeneficiaryIdentifier = issuer.PrintedIdentifier,
            BeneficiaryAddress = issuer.Address,
            BeneficiaryObject = issuer.Purpose,
            BeneficiaryQuality = ReceiptIssuer.QualityText(issuer.Quality),
            DonorFullName = contribution.DonorFullName,
            DonorAddress = contribution.DonorAddress,
            AmountCents = contribution.StandingCents,
            GiftDate = giftDate,
            Method = contribution.Method,
            ProjectTitle = project.Title,
            IssuedOn = issuedOn,
            IssuedAt = issuedAt,
            SignatoryName = issuer.SignatoryName,
            SignatoryTitle = issuer.SignatoryTitle,
            IssuedAtUtc = nowUtc,
            ReplacesReceiptId = replaces?.Id,
            ReplacesNumber = replaces?.Number,
        };
    }

    public static string FormatNumber(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}-{sequence:000000}");

    /// <summary>
    /// The gift was refunded, in part or in full, after the receipt was issued: the platform cancels
    /// it (a receipt must not stay in force on money given back), with the refund as its reason, and
    /// the number of the receipt for what still stands, if one replaces it.
    /// </summary>
    public void CancelForRefund(string reason, string? replacedByNumber, DateTime nowUtc)
    {
        if (Status == TaxReceiptStatus.Cancelled)
        {
            throw new DomainException(TaxReceiptRefusals.AlreadyCancelled);
        }

        CancellationReason = Text.Required(reason, ReasonMaxLength, "Motif de l'annulation", multiline: true, field: "Reason");
        Status = TaxReceiptStatus.Cancelled;
        CancelledAtUtc = nowUtc;
        CancelledByUserId = null;
        ReplacedByNumber = replacedByNumber;
    }

    /// <summary>A city admin cancels the receipt, with a reason, when it is replaced by a corrected one.</summary>
    public void Cancel(Municipality city, long adminUserId, string? reason, string replacedByNumber, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (city.Id != MunicipalityId || city.RoleOf(adminUserId) != StaffRole.Admin)
        {
            throw new DomainException(TaxReceiptRefusals.CancelByAdminOnly);
        }

        if (Status == TaxReceiptStatus.Cancelled)
        {
            throw new DomainException(TaxReceiptRefusals.AlreadyCancelled);
        }

        CancellationReason = Text.Required(reason, ReasonMaxLength, "Motif de la correction", multiline: true, field: "Reason");
        Status = TaxReceiptStatus.Cancelled;
        CancelledAtUtc = nowUtc;
        CancelledByUserId = adminUserId;
        ReplacedByNumber = replacedByNumber;
    }
}

/// <summary>
/// The last receipt number given by an issuing body in a year. It is raised in the transaction that
/// writes the receipts, under the row's lock, so numbers follow each other without gap or double.
/// </summary>
public sealed class ReceiptCounter
{
    public string NumberingKey { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public int Last { get; private set; }
}
