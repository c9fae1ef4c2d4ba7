using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Tests.Common;

/// <summary>The shared rules of typed text, money and French identifiers, each met with its code and field.</summary>
public sealed class CommonRuleTests
{
    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(TextRefusals.Required, "Name", () => Text.Required("   ", 10, "Nom", field: "Name")),
        RuleCase.Thrown(TextRefusals.TooLong, "Name", () => Text.Optional(new string('a', 11), 10, "Nom", field: "Name")),
        RuleCase.Thrown(TextRefusals.ForbiddenCharacters, "Name", () => Text.Optional("Nom\u0001", 10, "Nom", field: "Name")),
        RuleCase.Thrown(TextRefusals.Required, null, () => Text.Required(null, 10, "Nom")),
        RuleCase.Thrown(MoneyRefusals.AllocationWithoutPositivePart, () => Money.Euros(100).Allocate(0, 0)),
        RuleCase.Thrown(MoneyRefusals.MixedCurrencies, () => _ = Money.Euros(100) + new Money(100, (Currency)2)),
        RuleCase.Thrown(IdentifierRefusals.SirenNotNineDigits, () => FrenchIdentifiers.Siren("21930")),
        RuleCase.Thrown(IdentifierRefusals.SirenBadChecksum, () => FrenchIdentifiers.Siren("219300481")),
        RuleCase.Thrown(IdentifierRefusals.SirenNotNineDigits, "Identifier", () => FrenchIdentifiers.Siren("21930", "Identifier")),
        RuleCase.Thrown(IdentifierRefusals.RnaMalformed, () => FrenchIdentifiers.Rna("X931234567")),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ASharedRule_IsRefusedWithItsCode_AboutTheInputItsCallerNames(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();
}
