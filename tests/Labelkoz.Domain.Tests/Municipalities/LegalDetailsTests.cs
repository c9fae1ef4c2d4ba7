using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Municipalities;

public sealed class LegalDetailsTests
{
    private static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, AccessibilityConformity.None)]
    [InlineData(0, AccessibilityConformity.None)]
    [InlineData(49, AccessibilityConformity.None)]
    [InlineData(50, AccessibilityConformity.Partial)]
    [InlineData(99, AccessibilityConformity.Partial)]
    [InlineData(100, AccessibilityConformity.Full)]
    public void TheRgaaState_FollowsTheAuditRate(int? rate, string state) =>
        Assert.Equal(state, AccessibilityConformity.StateFor(rate));

    [Fact]
    public void ReviseLegalDetails_ReplacesTheWholeAndBumpsTheVersion()
    {
        var city = ReviewKit.City(20);
        var version = city.Version;

        Assert.True(city.ReviseLegalDetails(CityRuleTests.Audited() with { DpoEmail = " dpo@montreuil.fr " }, Now));

        Assert.Equal("219300480", city.Siren);
        Assert.Equal(72, city.Legal.AuditRate);
        Assert.Equal("dpo@montreuil.fr", city.Legal.DpoEmail);
        Assert.True(city.Legal.HasOwnAudit);
        Assert.Equal(version + 1, city.Version);
        Assert.False(city.ReviseLegalDetails(CityRuleTests.Audited() with { DpoEmail = "dpo@montreuil.fr" }, Now));
    }

    [Fact]
    public void ARefusedDraft_ChangesNothing()
    {
        var city = ReviewKit.City(20);
        city.ReviseLegalDetails(CityRuleTests.Audited(), Now);
        var version = city.Version;

        Assert.Throws<DomainException>(() => city.ReviseLegalDetails(CityRuleTests.Audited() with { PublicationDirector = "Autre", Siren = "1" }, Now));

        Assert.Equal("Le maire", city.Legal.PublicationDirector);
        Assert.Equal(version, city.Version);
    }

    [Fact]
    public void Settings_CannotDeclareAStateThatTheCitysOwnAuditContradicts()
    {
        var city = ReviewKit.City(20);
        city.ReviseLegalDetails(CityRuleTests.Audited(), Now);

        var refusal = Assert.Throws<DomainException>(() => city.UpdateSettings(ModerationMode.PostModeration, ModerationMode.PostModeration, true, AccessibilityConformity.Full, Now));

        Assert.Equal(LegalRefusals.StateDisagreesWithRate.Code, refusal.Code);
        Assert.Equal(AccessibilityConformity.Partial, city.AccessibilityCompliance);
    }
}
