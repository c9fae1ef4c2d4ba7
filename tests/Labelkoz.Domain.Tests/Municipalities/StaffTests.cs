using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Tests.Municipalities;

public sealed class StaffTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly string Hash = new('a', 64);

    private static Municipality NewCity() => Municipality.Create("Montreuil", "montreuil", "93048", 111_934, Now);

    [Fact]
    public void Invitation_AcceptedByTheInvitedAddress_GrantsItsRole()
    {
        var city = NewCity();
        var invitation = city.Invite("Nouvelle.Admin@Example.org", StaffRole.Admin, Hash, null, Now, Week);

        city.AcceptInvitation(invitation.Id, 42, "nouvelle.admin@example.org", Now.AddDays(1));

        Assert.Equal(StaffRole.Admin, city.RoleOf(42));
        Assert.Equal(42, invitation.AcceptedByUserId);
        Assert.False(invitation.IsPending(Now.AddDays(1)));
    }

    [Fact]
    public void Invitation_ForALowerRole_NeverDemotesAnAdmin()
    {
        var city = NewCity();
        city.GrantRole(1, StaffRole.Admin, Now);
        city.GrantRole(42, StaffRole.Admin, Now);
        var invitation = city.Invite("admin@example.org", StaffRole.Agent, Hash, null, Now, Week);

        city.AcceptInvitation(invitation.Id, 42, "admin@example.org", Now);

        Assert.Equal(StaffRole.Admin, city.RoleOf(42));
        Assert.False(invitation.IsPending(Now));
    }

    [Fact]
    public void Invitation_ForAHigherRole_PromotesAnAgent()
    {
        var city = NewCity();
        city.GrantRole(42, StaffRole.Agent, Now);
        var invitation = city.Invite("agent@example.org", StaffRole.Admin, Hash, null, Now, Week);

        city.AcceptInvitation(invitation.Id, 42, "agent@example.org", Now);

        Assert.Equal(StaffRole.Admin, city.RoleOf(42));
        Assert.Single(city.Memberships);
    }

    [Fact]
    public void Invitation_AcceptedByAnotherAccount_IsRefused()
    {
        var city = NewCity();
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);

        var refusal = Assert.Throws<DomainException>(() => city.AcceptInvitation(invitation.Id, 7, "intrus@example.org", Now));

        Assert.Contains("agent@example.org", refusal.Message, StringComparison.Ordinal);
        Assert.Null(city.RoleOf(7));
        Assert.True(invitation.IsPending(Now));
    }

    [Fact]
    public void Invitation_AfterItsExpiry_CannotBeAccepted()
    {
        var city = NewCity();
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);

        var refusal = Assert.Throws<DomainException>(() => city.AcceptInvitation(invitation.Id, 7, "agent@example.org", Now + Week));

        Assert.Contains("expiré", refusal.Message, StringComparison.Ordinal);
        Assert.Null(city.RoleOf(7));
    }

    [Fact]
    public void Invitation_JustBeforeItsExpiry_CanStillBeAccepted()
    {
        var city = NewCity();
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);

        city.AcceptInvitation(invitation.Id, 7, "agent@example.org", Now + Week - TimeSpan.FromSeconds(1));

        Assert.Equal(StaffRole.Agent, city.RoleOf(7));
    }

    [Fact]
    public void Invitation_Revoked_CannotBeAccepted()
    {
        var city = NewCity();
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);
        city.RevokeInvitation(invitation.Id, Now);

        var refusal = Assert.Throws<DomainException>(() => city.AcceptInvitation(invitation.Id, 7, "agent@example.org", Now));

        Assert.Contains("annulée", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_AlreadyAccepted_CannotBeUsedTwice()
    {
        var city = NewCity();
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);
        city.AcceptInvitation(invitation.Id, 7, "agent@example.org", Now);

        var refusal = Assert.Throws<DomainException>(() => city.AcceptInvitation(invitation.Id, 7, "agent@example.org", Now));

        Assert.Contains("déjà été acceptée", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_ToAnAddressAlreadyInvited_IsRefusedWhilePending()
    {
        var city = NewCity();
        city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);

        Assert.Throws<DomainException>(() => city.Invite("AGENT@example.org", StaffRole.Admin, new string('b', 64), null, Now, Week));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pas-une-adresse")]
    [InlineData("a@b")]
    [InlineData("deux@@example.org")]
    [InlineData("espace @example.org")]
    public void Invitation_ToAMalformedAddress_IsRefused(string email)
    {
        var city = NewCity();

        Assert.Throws<DomainException>(() => city.Invite(email, StaffRole.Agent, Hash, null, Now, Week));
        Assert.Empty(city.Invitations);
    }

    [Fact]
    public void Invitation_WithAnUnknownRole_IsRefused()
    {
        var city = NewCity();

        Assert.Throws<DomainException>(() => city.Invite("agent@example.org", (StaffRole)99, Hash, null, Now, Week));
    }

    [Fact]
    public void RevokingAnExpiredInvitation_IsRefused()
    {
        var city = NewCity();
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);

        Assert.Throws<DomainException>(() => city.RevokeInvitation(invitation.Id, Now + Week));
    }

    [Fact]
    public void RenewingAPendingInvitation_RevokesTheOldLinkAndIssuesANewOne()
    {
        var city = NewCity();
        var old = city.Invite("agent@example.org", StaffRole.Admin, Hash, null, Now, Week);
        var later = Now.AddDays(3);

        var renewed = city.RenewInvitation(old.Id, new string('b', 64), 5, later, Week);

        Assert.NotNull(old.RevokedAtUtc);
        Assert.Equal("agent@example.org", renewed.Email);
        Assert.Equal(StaffRole.Admin, renewed.Role);
        Assert.Equal(new string('b', 64), renewed.TokenHash);
        Assert.Equal(later + Week, renewed.ExpiresAtUtc);
        Assert.True(renewed.IsPending(later));
    }

    [Fact]
    public void RenewingAnExpiredInvitation_IssuesANewOne()
    {
        var city = NewCity();
        var old = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);
        var later = Now.AddDays(30);

        var renewed = city.RenewInvitation(old.Id, new string('b', 64), null, later, Week);

        Assert.Null(old.RevokedAtUtc);
        Assert.True(renewed.IsPending(later));
        Assert.Equal(2, city.Invitations.Count);
    }

    [Fact]
    public void RenewingAnAcceptedInvitation_IsRefused()
    {
        var city = NewCity();
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);
        city.AcceptInvitation(invitation.Id, 7, "agent@example.org", Now);

        Assert.Throws<DomainException>(() => city.RenewInvitation(invitation.Id, new string('b', 64), null, Now, Week));
        Assert.Single(city.Invitations);
    }

    [Fact]
    public void RenewingARevokedInvitation_IsRefused()
    {
        var city = NewCity();
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);
        city.RevokeInvitation(invitation.Id, Now);

        Assert.Throws<DomainException>(() => city.RenewInvitation(invitation.Id, new string('b', 64), null, Now, Week));
        Assert.Single(city.Invitations);
    }

    [Fact]
    public void RemovingTheLastAdmin_IsRefused()
    {
        var city = NewCity();
        city.GrantRole(1, StaffRole.Admin, Now);
        city.GrantRole(2, StaffRole.Agent, Now);

        var refusal = Assert.Throws<DomainException>(() => city.RemoveStaff(1, Now));

        Assert.Contains("au moins un administrateur", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(StaffRole.Admin, city.RoleOf(1));
    }

    [Fact]
    public void DemotingTheLastAdmin_IsRefused()
    {
        var city = NewCity();
        city.GrantRole(1, StaffRole.Admin, Now);

        Assert.Throws<DomainException>(() => city.GrantRole(1, StaffRole.Agent, Now));
        Assert.Equal(StaffRole.Admin, city.RoleOf(1));
    }

    [Fact]
    public void RemovingAnAdmin_WhenAnotherAdminRemains_IsAllowed()
    {
        var city = NewCity();
        city.GrantRole(1, StaffRole.Admin, Now);
        city.GrantRole(2, StaffRole.Admin, Now);

        city.RemoveStaff(1, Now);

        Assert.Null(city.RoleOf(1));
        Assert.Equal(StaffRole.Admin, city.RoleOf(2));
    }

    [Fact]
    public void RemovingSomeoneWhoIsNotStaff_IsRefused()
    {
        var city = NewCity();
        city.GrantRole(1, StaffRole.Admin, Now);

        Assert.Throws<DomainException>(() => city.RemoveStaff(99, Now));
    }

    [Fact]
    public void EveryStaffChange_BumpsTheConcurrencyVersion()
    {
        var city = NewCity();
        var before = city.Version;

        city.GrantRole(1, StaffRole.Admin, Now);
        var invitation = city.Invite("agent@example.org", StaffRole.Agent, Hash, null, Now, Week);
        city.RevokeInvitation(invitation.Id, Now);

        Assert.Equal(before + 3, city.Version);
    }
}
