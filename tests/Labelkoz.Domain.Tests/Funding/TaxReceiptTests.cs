using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Funding;

/// <summary>Who issues tax receipts, when a gift gives one, and what a receipt holds (DESIGN §6).</summary>
public sealed class TaxReceiptTests
{
    private static readonly DateTime Now = FundingKit.Now;
    private static readonly DonorIdentity Lea = new("Léa Fontaine", "27 avenue Pasteur\n93100 Montreuil");

    [Fact]
    public void AnIssuer_IsNormalised_AndEveryFieldIsChecked()
    {
        var issuer = Issuer(identifier: " w931000123 ");
        Assert.Equal("W931000123", issuer.Identifier);
        Assert.Equal("RNA W931000123", issuer.PrintedIdentifier);
        Assert.Equal("SIREN 219300480", Issuer(identifier: "219 300 480", quality: ReceiptQuality.Municipality).PrintedIdentifier);

        Assert.Throws<DomainException>(() => Issuer(identifier: "W12"));
        Assert.Throws<DomainException>(() => Issuer(identifier: "219300481"));
        Assert.Throws<DomainException>(() => Issuer(identifier: "W931000123", quality: ReceiptQuality.Municipality));
        Assert.Throws<DomainException>(() => Issuer(quality: (ReceiptQuality)99));
        Assert.Throws<DomainException>(() => ReceiptIssuer.Create(" ", "W931000123", "1 rue", "Objet", ReceiptQuality.GeneralInterest, "Anne Petit", "La présidente"));
        Assert.Throws<DomainException>(() => ReceiptIssuer.Create("Les Amis", "W931000123", new string('a', ReceiptIssuer.AddressMaxLength + 1), "Objet", ReceiptQuality.GeneralInterest, "Anne Petit", "La présidente"));
        Assert.Throws<DomainException>(() => ReceiptIssuer.Create("Les Amis", "W931000123", "1 rue", "Objet", ReceiptQuality.GeneralInterest, "Anne Petit", ""));
    }

    [Fact]
    public void OnlyAnAdmin_OpensReceipts_AndOnlyForAnAssociationsProject()
    {
        var kit = new FundingKit();
        var individual = Assert.Throws<DomainException>(() => kit.Project.AllowTaxReceipts(kit.City, FundingKit.Admin, Issuer(), Now));
        Assert.Contains("association d'intérêt général", individual.Message, StringComparison.Ordinal);

        var association = AssociationProject(kit);
        Assert.Throws<DomainException>(() => association.AllowTaxReceipts(kit.City, ReviewKit.Agent, Issuer(), Now));
        Assert.Throws<DomainException>(() => association.AllowTaxReceipts(kit.City, FundingKit.Admin, Issuer(identifier: "219300480", quality: ReceiptQuality.Municipality), Now));
        Assert.Null(association.ReceiptIssuer);

        association.AllowTaxReceipts(kit.City, FundingKit.Admin, Issuer(), Now);
        Assert.Equal("Les Amis du parc", association.ReceiptIssuer?.Name);

        Assert.Throws<DomainException>(() => association.StopTaxReceipts(kit.City, ReviewKit.Agent, Now));
        association.StopTaxReceipts(kit.City, FundingKit.Admin, Now);
        Assert.Null(association.ReceiptIssuer);
        Assert.Throws<DomainException>(() => association.StopTaxReceipts(kit.City, FundingKit.Admin, Now));
    }

    [Theory]
    [InlineData(HolderType.Association, true, ContributionStatus.Succeeded, CampaignStatus.Funded, 100_00, 0, null)]
    [InlineData(HolderType.Association, true, ContributionStatus.Succeeded, CampaignStatus.Funded, 100_00, 25_00, null)]
    [InlineData(HolderType.Municipality, true, ContributionStatus.Succeeded, CampaignStatus.Funded, 100_00, 0, null)]
    [InlineData(HolderType.Association, false, ContributionStatus.Succeeded, CampaignStatus.Funded, 100_00, 0, "ne délivre pas")]
    [InlineData(HolderType.Individual, true, ContributionStatus.Succeeded, CampaignStatus.Funded, 100_00, 0, "ne délivre pas")]
    [InlineData(HolderType.Company, true, ContributionStatus.Succeeded, CampaignStatus.Funded, 100_00, 0, "ne délivre pas")]
    [InlineData(HolderType.Association, true, ContributionStatus.Refunded, CampaignStatus.Funded, 100_00, 0, "non remboursé")]
    [InlineData(HolderType.Association, true, ContributionStatus.Pending, CampaignStatus.Funded, 100_00, 0, "non remboursé")]
    [InlineData(HolderType.Association, true, ContributionStatus.Succeeded, CampaignStatus.Live, 100_00, 0, "aura été financée")]
    [InlineData(HolderType.Association, true, ContributionStatus.Succeeded, CampaignStatus.NotFunded, 100_00, 0, "aura été financée")]
    [InlineData(HolderType.Association, true, ContributionStatus.Succeeded, CampaignStatus.Funded, 100_00, 25_01, "quart du don")]
    [InlineData(HolderType.Association, true, ContributionStatus.Succeeded, CampaignStatus.Funded, 1_000_00, 73_01, "quart du don")]
    public void AGift_GivesAReceipt_OnlyWhenEveryConditionHolds(HolderType holder, bool issues, ContributionStatus status, CampaignStatus campaign, long gift, long reward, string? refusal)
    {
        var why = TaxReceipt.WhyNoReceipt(status, gift, campaign, holder, issues, reward, 73_00);
        if (refusal is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(refusal, why?.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AReceipt_IsASnapshot_NumberedPerYear_AndIssuedOnlyForAFundedGiftWithItsDonor()
    {
        var kit = new FundingKit(matchfunding: false);
        var project = AssociationProject(kit);
        project.AllowTaxReceipts(kit.City, FundingKit.Admin, Issuer(), Now);
        var campaign = kit.Live(goalCents: 100_00);
        var gift = FundingKit.WithId(Contribution.Start(campaign, null, FundingKit.Donor, 150_50, false, "Léa", null, PaymentProvider.Sandbox, "k1", Lea, Now), 41);
        var anonymous = FundingKit.WithId(Contribution.Start(campaign, null, FundingKit.Donor, 20_00, true, null, null, PaymentProvider.Sandbox, "k2", null, Now), 42);
        gift.Succeed(Now.AddMinutes(1));
        anonymous.Succeed(Now.AddMinutes(1));

        var early = Assert.Throws<DomainException>(() => Issue(gift, campaign, project, 1));
        Assert.Contains("aura été financée", early.Message, StringComparison.Ordinal);

        campaign.StartSettlement(true, Now.AddDays(31));
        campaign.FinishSettlement(project, Now.AddDays(31));
        var receipt = Issue(gift, campaign, project, 42);
        Assert.Equal("2026-000042", receipt.Number);
        Assert.Equal(("Les Amis du parc", "RNA W931000123", "Œuvre ou organisme d'intérêt général"), (receipt.BeneficiaryName, receipt.BeneficiaryIdentifier, receipt.BeneficiaryQuality));
        Assert.Equal(("Léa Fontaine", 150_50, PaymentMethod.Card, TaxReceiptStatus.Issued), (receipt.DonorFullName, receipt.AmountCents, receipt.Method, receipt.Status));
        Assert.Equal(project.Title, receipt.ProjectTitle);

        // Later edits of the issuer do not touch an issued receipt.
        project.AllowTaxReceipts(kit.City, FundingKit.Admin, ReceiptIssuer.Create("Autre nom", "W931000123", "2 rue", "Objet", ReceiptQuality.GeneralInterest, "Bob", "Le président"), Now);
        Assert.Equal("Les Amis du parc", receipt.BeneficiaryName);

        var missing = Assert.Throws<DomainException>(() => Issue(anonymous, campaign, project, 43));
        Assert.Contains("nom et l'adresse", missing.Message, StringComparison.Ordinal);
        anonymous.SetDonorIdentity(Lea);
        Assert.Equal("2026-000043", Issue(anonymous, campaign, project, 43).Number);
    }

    [Fact]
    public void OnlyAnAdmin_CancelsAReceipt_Once_WithAReason()
    {
        var kit = new FundingKit(matchfunding: false);
        var project = AssociationProject(kit);
        project.AllowTaxReceipts(kit.City, FundingKit.Admin, Issuer(), Now);
        var campaign = kit.Live(goalCents: 100_00);
        var gift = FundingKit.WithId(Contribution.Start(campaign, null, FundingKit.Donor, 100_00, false, "Léa", null, PaymentProvider.Sandbox, "k1", Lea, Now), 41);
        gift.Succeed(Now);
        campaign.StartSettlement(true, Now.AddDays(31));
        campaign.FinishSettlement(project, Now.AddDays(31));
        var receipt = Issue(gift, campaign, project, 1);

        Assert.Throws<DomainException>(() => receipt.Cancel(kit.City, ReviewKit.Agent, "Adresse erronée", "2026-000002", Now));
        Assert.Throws<DomainException>(() => receipt.Cancel(kit.City, FundingKit.Admin, "  ", "2026-000002", Now));
        receipt.Cancel(kit.City, FundingKit.Admin, "Adresse erronée", "2026-000002", Now);
        Assert.Equal((TaxReceiptStatus.Cancelled, "2026-000002", "Adresse erronée"), (receipt.Status, receipt.ReplacedByNumber, receipt.CancellationReason));
        Assert.Throws<DomainException>(() => receipt.Cancel(kit.City, FundingKit.Admin, "Encore", "2026-000003", Now));

        var replacement = TaxReceipt.Issue(gift, campaign, project, project.ReceiptIssuer!, 0, 73_00, 2026, 2, new DateOnly(2026, 5, 4), new DateOnly(2026, 6, 5), "Montreuil", Now, receipt);
        Assert.Equal("2026-000001", replacement.ReplacesNumber);
    }

    private static TaxReceipt Issue(Contribution gift, Campaign campaign, Project project, int sequence) =>
        TaxReceipt.Issue(gift, campaign, project, project.ReceiptIssuer!, 0, 73_00, 2026, sequence, new DateOnly(2026, 5, 4), new DateOnly(2026, 6, 4), "Montreuil", Now.AddDays(31));

    private static ReceiptIssuer Issuer(string identifier = "W931000123", ReceiptQuality quality = ReceiptQuality.GeneralInterest) =>
        ReceiptIssuer.Create("Les Amis du parc", identifier, "1 place Jean-Jaurès\n93100 Montreuil", "Animer le parc.", quality, "Anne Petit", "La présidente");

    /// <summary>The kit's project, held by an association (set while still a draft would be the holder's way; here, directly).</summary>
    private static Project AssociationProject(FundingKit kit)
    {
        typeof(Project).GetProperty(nameof(Project.HolderType))!.SetValue(kit.Project, HolderType.Association);
        return kit.Project;
    }
}
