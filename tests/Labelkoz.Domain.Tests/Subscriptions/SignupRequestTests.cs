using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Domain.Tests.Funding;

namespace Labelkoz.Domain.Tests.Subscriptions;

/// <summary>A commune asks to subscribe (issue #7): what it may ask, its confirmation and the operator's decision.</summary>
public sealed class SignupRequestTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string Hash = new('a', 64);

    private static readonly Commune Romainville = new("93063", "Romainville", "219300639", 27_000, "93", ["93230"], "200054781", "Métropole du Grand Paris", "6.0.0");

    [Theory]
    [InlineData("montreuil.fr", "montreuil.fr")]
    [InlineData("  Montreuil.FR ", "montreuil.fr")]
    [InlineData("@montreuil.fr", "montreuil.fr")]
    [InlineData("https://www.montreuil.fr/", "montreuil.fr")]
    [InlineData("mairie.saint-ouen.fr", "mairie.saint-ouen.fr")]
    [InlineData("ville-évry.fr", "xn--ville-vry-g4a.fr")]
    public void TheOfficialDomain_IsNormalized(string typed, string expected) =>
        Assert.Equal(expected, SignupRequest.NormalizeDomain(typed));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("pas un domaine")]
    [InlineData("montreuil")]
    [InlineData("montreuil.f")]
    [InlineData("-montreuil.fr")]
    [InlineData("montreuil..fr")]
    [InlineData("montreuil.fr/contact")]
    [InlineData("<script>.fr")]
    [InlineData("montreuil.123")]
    public void ANonsenseDomain_IsRefused_InFrench(string typed)
    {
        var refusal = Assert.Throws<DomainException>(() => SignupRequest.NormalizeDomain(typed));
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }

    [Fact]
    public void AnOverlongDomain_IsRefused() =>
        Assert.Throws<DomainException>(() => SignupRequest.NormalizeDomain(new string('a', 200) + ".fr"));

    [Theory]
    [InlineData("dgs@montreuil.fr", true)]
    [InlineData("dgs@mairie.montreuil.fr", true)]
    [InlineData("DGS@Montreuil.FR", true)]
    [InlineData("dgs@mairie-montreuil.fr", false)]
    [InlineData("dgs@montreuil.fr.example.com", false)]
    [InlineData("dgs@gmail.com", false)]
    [InlineData("pas-une-adresse", false)]
    public void AnAddress_IsOnTheDomain_OnlyOnItOrItsSubDomains(string email, bool expected) =>
        Assert.Equal(expected, SignupRequest.IsOnDomain(email, "montreuil.fr"));

    [Fact]
    public void ARequest_CopiesTheOfficialIdentity_AndWaitsForTheContactsConfirmation()
    {
        var request = Submit();

        Assert.Equal(("93063", "Romainville", "219300639", 27_000), (request.InseeCode, request.CommuneName, request.Siren, request.Population));
        Assert.Equal("ville-romainville.fr", request.OfficialDomain);
        Assert.Equal(SignupStatus.AwaitingConfirmation, request.Status);
        Assert.False(request.ContactOutsideDomain);
        Assert.Equal(Now + SignupRequest.ConfirmationValidity, request.ConfirmationExpiresAtUtc);
        Assert.Equal("Place de la Laïcité\n93230 Romainville", request.BillingAddress);
        Assert.True(request.IsPending);
    }

    [Fact]
    public void AContactOutsideTheDomain_IsRefused_UnlessConfirmed_ThenFlagged()
    {
        var refusal = Assert.Throws<DomainException>(() => Submit(email: "maire.romainville@gmail.com"));
        Assert.Contains("n'est pas sur le domaine officiel", refusal.Message, StringComparison.Ordinal);

        var flagged = Submit(email: "maire.romainville@gmail.com", outsideConfirmed: true);
        Assert.True(flagged.ContactOutsideDomain);
    }

    [Fact]
    public void APlanOfAnotherBand_OrRetired_IsRefused()
    {
        var plans = Plan.Defaults();
        Assert.Throws<DomainException>(() => Submit(plan: plans[0]));
        Assert.Throws<DomainException>(() => Submit(plan: plans[2]));

        var retired = Plan.Create("Ancienne offre", 0, null, 1_00, 10_00, 500, null, true);
        retired.Retire();
        Assert.Throws<DomainException>(() => Submit(plan: retired));
    }

    [Theory]
    [InlineData("", "DGS", "dgs@ville-romainville.fr", "Place", "93230", "Romainville")]
    [InlineData("Jeanne Martin", " ", "dgs@ville-romainville.fr", "Place", "93230", "Romainville")]
    [InlineData("Jeanne Martin", "DGS", "pas une adresse", "Place", "93230", "Romainville")]
    [InlineData("Jeanne Martin", "DGS", "dgs@ville-romainville.fr", "", "93230", "Romainville")]
    [InlineData("Jeanne Martin", "DGS", "dgs@ville-romainville.fr", "Place", "ABCDE", "Romainville")]
    [InlineData("Jeanne Martin", "DGS", "dgs@ville-romainville.fr", "Place", "9323", "Romainville")]
    [InlineData("Jeanne Martin", "DGS", "dgs@ville-romainville.fr", "Place", "93230", "")]
    [InlineData("Jeanne\u0007Martin", "DGS", "dgs@ville-romainville.fr", "Place", "93230", "Romainville")]
    public void AMissingOrMalformedField_IsRefused(string name, string function, string email, string street, string postalCode, string city) =>
        Assert.Throws<DomainException>(() => Submit(name: name, function: function, email: email, street: street, postalCode: postalCode, city: city));

    [Fact]
    public void AnUnknownBillingPeriod_IsRefused() =>
        Assert.Throws<DomainException>(() => Submit(period: (BillingPeriod)7));

    [Fact]
    public void TheConfirmation_NeedsTheRightToken_InTime_Once()
    {
        var request = Submit();
        Assert.Throws<DomainException>(() => request.Confirm(new string('b', 64), Now));
        Assert.Throws<DomainException>(() => request.Confirm("court", Now));

        Assert.True(request.Confirm(Hash, Now.AddHours(1)));
        Assert.Equal((SignupStatus.Confirmed, Now.AddHours(1)), (request.Status, request.ConfirmedAtUtc));
        Assert.False(request.Confirm(Hash, Now.AddHours(2)));

        var late = Submit();
        Assert.Throws<DomainException>(() => late.Confirm(Hash, Now + SignupRequest.ConfirmationValidity));
        Assert.Equal(SignupStatus.AwaitingConfirmation, late.Status);
    }

    [Fact]
    public void TheOperator_ValidatesOnlyAConfirmedRequest_Once()
    {
        var request = Submit();
        Assert.Throws<DomainException>(() => request.Approve(12, 1, Now));

        request.Confirm(Hash, Now);
        request.Approve(12, 1, Now.AddDays(1));

        Assert.Equal((SignupStatus.Approved, 12L, 1L, Now.AddDays(1)), (request.Status, request.MunicipalityId, request.DecidedByUserId, request.DecidedAtUtc));
        Assert.False(request.IsPending);
        Assert.Throws<DomainException>(() => request.Approve(13, 1, Now));
        Assert.Throws<DomainException>(() => request.Refuse("Trop tard", 1, Now));
    }

    [Fact]
    public void TheOperator_RefusesWithAReason_EvenBeforeTheConfirmation_AndTheLinkThenStopsWorking()
    {
        var request = Submit();
        Assert.Throws<DomainException>(() => request.Refuse("  ", 1, Now));
        Assert.Throws<DomainException>(() => request.Refuse(new string('x', SignupRequest.ReasonMaxLength + 1), 1, Now));

        request.Refuse("La demande n'émane pas de la mairie.", 1, Now);

        Assert.Equal((SignupStatus.Refused, "La demande n'émane pas de la mairie."), (request.Status, request.RefusalReason));
        Assert.Throws<DomainException>(() => request.Confirm(Hash, Now));
        Assert.Throws<DomainException>(() => request.Approve(12, 1, Now));
    }

    [Fact]
    public void TheCitysBillingAddress_IsPrintedOnItsInvoices()
    {
        var city = Municipality.Create("Romainville", "romainville", "93063", 27_000, Now);
        Assert.Throws<DomainException>(() => city.SetBillingAddress(new string('x', Municipality.BillingAddressMaxLength + 1), Now));

        city.SetBillingAddress(Submit().BillingAddress, Now);

        Assert.Equal("Place de la Laïcité\n93230 Romainville", city.BillingAddress);
    }

    private static SignupRequest Submit(
        Plan? plan = null,
        BillingPeriod period = BillingPeriod.Yearly,
        string name = "Jeanne Martin",
        string function = "Directrice générale des services",
        string email = "dgs@ville-romainville.fr",
        bool outsideConfirmed = false,
        string street = "Place de la Laïcité",
        string postalCode = "93230",
        string city = "Romainville") =>
        SignupRequest.Submit(
            Romainville,
            plan ?? FundingKit.WithId(Plan.Defaults()[1], 2),
            period,
            "ville-romainville.fr",
            name,
            function,
            email,
            null,
            outsideConfirmed,
            street,
            postalCode,
            city,
            Hash,
            Now);
}
