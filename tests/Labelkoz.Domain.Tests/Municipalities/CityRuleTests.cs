using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Tests.Common;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Municipalities;

/// <summary>Every rule of a city, its site's address and colour, its neighbourhoods, staff and invitations, met with its code and field.</summary>
public sealed class CityRuleTests
{
    private const long Admin = 20;
    private const string Hash = "hash";
    private static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(CityRefusals.SubscriptionSuspended, () => In(SubscriptionStatus.Suspended).EnsureCanLabel()),
        RuleCase.Thrown(CityRefusals.SubscriptionCancelled, () => In(SubscriptionStatus.Cancelled).EnsureCanLabel()),
        RuleCase.Thrown(CityRefusals.UnknownSubscriptionStatus, () => City().SetSubscriptionStatus((SubscriptionStatus)99, Now)),
        RuleCase.Thrown(CityRefusals.PopulationOutOfRange, () => Municipality.Create("Montreuil", "montreuil", "93048", -1, Now)),
        RuleCase.Thrown(CityRefusals.SirenNotNineDigits, () => City().SetOfficialIdentity("2193")),
        RuleCase.Thrown(CityRefusals.UnknownModerationMode, () => City().UpdateSettings((ModerationMode)9, ModerationMode.PostModeration, true, "non conforme", Now)),
        RuleCase.Thrown(CityRefusals.UnknownComplianceLevel, () => City().UpdateSettings(ModerationMode.PostModeration, ModerationMode.PostModeration, true, "conforme", Now)),
        RuleCase.Thrown(CityRefusals.WebsiteNotAbsolute, () => City().UpdatePresentation("Montreuil", null, null, null, "montreuil.fr", Now)),
        RuleCase.Thrown(CityRefusals.NeighbourhoodExists, () => City("Bas-Montreuil").AddNeighbourhood(" bas-montreuil ", Now)),
        RuleCase.Thrown(CityRefusals.TooManyNeighbourhoods, () => City([.. Enumerable.Range(1, Municipality.MaxNeighbourhoods).Select(i => $"Quartier {i}")]).AddNeighbourhood("Un de trop", Now)),
        RuleCase.Thrown(CityRefusals.UnknownNeighbourhood, () => City().RemoveNeighbourhood(999, 0, Now)),
        RuleCase.Thrown(CityRefusals.NeighbourhoodHasProjects, () => City("Bas-Montreuil").RemoveNeighbourhood(0, 3, Now)),
        RuleCase.Thrown(CityRefusals.NotStaff, () => City().RemoveStaff(ReviewKit.Outsider, Now)),
        RuleCase.Thrown(CityRefusals.UnknownRole, () => City().GrantRole(42, (StaffRole)9, Now)),
        RuleCase.Thrown(CityRefusals.OfflineThresholdOutOfRange, "Threshold", () => City().SetOfflineSecondAdminThreshold(-1, Now)),
        RuleCase.Thrown(CityRefusals.LastAdmin, () => City().RemoveStaff(Admin, Now)),
        RuleCase.Thrown(CityRefusals.EmailInvalid, () => City().Invite("pas-une-adresse", StaffRole.Agent, Hash, Admin, Now, Week)),
        RuleCase.Thrown(CityRefusals.EmailInvalid, "ContactEmail", () => City().UpdatePresentation("Montreuil", null, "contact@montreuil", null, null, Now)),
        RuleCase.Thrown(TextRefusals.Required, "Name", () => City().UpdatePresentation(" ", null, null, null, null, Now)),
        RuleCase.Thrown(TextRefusals.TooLong, "Name", () => City().AddNeighbourhood(new string('q', Municipality.NeighbourhoodMaxLength + 1), Now)),
        RuleCase.Thrown(CityRefusals.SlugLength, () => Slug.Validate("m")),
        RuleCase.Thrown(CityRefusals.SlugCharacters, () => Slug.Validate("Saint Denis")),
        RuleCase.Thrown(CityRefusals.SlugReserved, () => Slug.Validate("admin")),
        RuleCase.Thrown(CityRefusals.InseeCodeMalformed, () => InseeCode.Parse("9304")),
        RuleCase.Thrown(CityRefusals.BrandColourMalformed, () => BrandColour.Parse("bleu")),

        RuleCase.Thrown(LegalRefusals.RateOutOfRange, () => City().ReviseLegalDetails(Audited() with { AuditRate = 101 }, Now)),
        RuleCase.Thrown(LegalRefusals.AuditIncomplete, () => City().ReviseLegalDetails(Audited() with { Auditor = " " }, Now)),
        RuleCase.Thrown(LegalRefusals.AuditInTheFuture, () => City().ReviseLegalDetails(Audited() with { AuditDate = new DateOnly(2026, 5, 5) }, Now)),
        RuleCase.Thrown(LegalRefusals.StateDisagreesWithRate, () => City().ReviseLegalDetails(Audited() with { AuditRate = 100 }, Now)),
        RuleCase.Thrown(LegalRefusals.PlanNotAbsolute, () => City().ReviseLegalDetails(Audited() with { PlanUrl = "montreuil.fr/schema" }, Now)),
        RuleCase.Thrown(CityRefusals.EmailInvalid, "DpoEmail", () => City().ReviseLegalDetails(Audited() with { DpoEmail = "dpo@montreuil" }, Now)),

        RuleCase.Thrown(InvitationRefusals.AlreadyPending, () => Invited().Invite("agent@exemple.fr", StaffRole.Admin, Hash, Admin, Now, Week)),
        RuleCase.Thrown(InvitationRefusals.Unknown, () => City().RevokeInvitation(999, Now)),
        RuleCase.Thrown(InvitationRefusals.AlreadyAccepted, () => Accepted().AcceptInvitation(0, 42, "agent@exemple.fr", Now)),
        RuleCase.Thrown(InvitationRefusals.RevokedCannotBeRenewed, () => Revoked().RenewInvitation(0, Hash, Admin, Now, Week)),
        RuleCase.Thrown(InvitationRefusals.Revoked, () => Revoked().AcceptInvitation(0, 42, "agent@exemple.fr", Now)),
        RuleCase.Thrown(InvitationRefusals.Expired, () => Invited().AcceptInvitation(0, 42, "agent@exemple.fr", Now + Week)),
        RuleCase.Thrown(InvitationRefusals.OtherAddress, () => Invited().AcceptInvitation(0, 42, "autre@exemple.fr", Now)),
        RuleCase.Thrown(InvitationRefusals.NotPending, () => Revoked().RevokeInvitation(0, Now)),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ARuleOfACity_IsRefusedWithItsCodeAndField(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();

    [Theory]
    [InlineData(SubscriptionStatus.Trial, null)]
    [InlineData(SubscriptionStatus.Active, null)]
    [InlineData(SubscriptionStatus.PastDue, null)]
    [InlineData(SubscriptionStatus.Suspended, "city.subscription-suspended")]
    [InlineData(SubscriptionStatus.Cancelled, "city.subscription-cancelled")]
    public void ACityUnderAStatus_MayLabelAndOpenCalls_UnlessSuspendedOrCancelled(SubscriptionStatus status, string? code)
    {
        var city = In(status);

        Assert.Equal(code, Municipality.WhyCannotLabelOrOpenCalls(status)?.Code);
        Assert.Equal(code, city.WhyCannotLabelOrOpenCalls()?.Code);
        Assert.Equal(code is null, city.CanLabelOrOpenCalls);
        if (code is null)
        {
            city.EnsureCanLabel();
        }
        else
        {
            Assert.Equal(code, Assert.Throws<DomainException>(city.EnsureCanLabel).Code);
        }
    }

    private static Municipality City(params string[] neighbourhoods)
    {
        var city = ReviewKit.City(Admin);
        foreach (var name in neighbourhoods)
        {
            city.AddNeighbourhood(name, Now);
        }

        return city;
    }

    /// <summary>A complete, valid set of legal details with an audit of 72 %, dated the day before <see cref="Now"/>.</summary>
    internal static LegalDetailsDraft Audited() => new()
    {
        Siren = "219300480",
        PublicationDirector = "Le maire",
        AccessibilityCompliance = AccessibilityConformity.Partial,
        AuditRate = 72,
        AuditDate = new DateOnly(2026, 5, 3),
        Auditor = "Cabinet Exemple",
    };

    private static Municipality In(SubscriptionStatus status)
    {
        var city = City();
        city.SetSubscriptionStatus(status, Now);
        return city;
    }

    private static Municipality Invited()
    {
        var city = City();
        city.Invite("agent@exemple.fr", StaffRole.Agent, Hash, Admin, Now, Week);
        return city;
    }

    private static Municipality Accepted()
    {
        var city = Invited();
        city.AcceptInvitation(0, 42, "agent@exemple.fr", Now);
        return city;
    }

    private static Municipality Revoked()
    {
        var city = Invited();
        city.RevokeInvitation(0, Now);
        return city;
    }
}
