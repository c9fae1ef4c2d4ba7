using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Tests.Common;

namespace Labelkoz.Domain.Tests.Labels;

/// <summary>
/// Every rule of the city's commitments, met with its code and field: a field names the input of the
/// commitment's row (<c>Grant</c>, <c>Ratio</c>…), the page prefixes it with the row it checked.
/// </summary>
public sealed class CommitmentRuleTests
{
    private const long Referent = 21;

    private static readonly CommitmentTerms Land = new(CommitmentKind.Land, "Une parcelle de 300 m²");

    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(CommitmentRefusals.MatchRatioNotPositive, () => Matchfunding.Create(0, 1_000_00)),
        RuleCase.Thrown(CommitmentRefusals.MatchRatioTooHigh, () => Matchfunding.Create(Matchfunding.MaxRatioPercent + 1, 1_000_00)),
        RuleCase.Thrown(CommitmentRefusals.MatchCapNotPositive, () => Check(new CommitmentTerms(CommitmentKind.CoFinancing, "La ville double chaque don", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100))),
        RuleCase.Thrown(CommitmentRefusals.MatchCapTooLarge, () => Matchfunding.Create(100, Commitment.MaxValueCents + 1)),
        RuleCase.Thrown(CommitmentRefusals.NoCommitment, () => Check()),
        RuleCase.Thrown(CommitmentRefusals.TooManyCommitments, () => Check([.. Enumerable.Repeat(Land, Commitment.MaxPerLabel + 1)])),
        RuleCase.Thrown(CommitmentRefusals.SecondCoFinancing, () => Check(Grant(1_000_00), Grant(2_000_00))),
        RuleCase.Thrown(CommitmentRefusals.UnknownKind, () => Check(Land with { Kind = (CommitmentKind)99 })),
        RuleCase.Thrown(CommitmentRefusals.EstimatedValueNegative, () => Check(Land with { EstimatedValueCents = -1 })),
        RuleCase.Thrown(CommitmentRefusals.EstimatedValueTooLarge, () => Check(Land with { EstimatedValueCents = Commitment.MaxValueCents + 1 })),
        RuleCase.Thrown(CommitmentRefusals.ReferentMissing, () => Check(new CommitmentTerms(CommitmentKind.Expertise, "Un agent suit le chantier"))),
        RuleCase.Thrown(CommitmentRefusals.ReferentNotStaff, () => Check(new CommitmentTerms(CommitmentKind.Expertise, "Un agent suit le chantier", ReferentUserId: 99))),
        RuleCase.Thrown(CommitmentRefusals.GrantMissing, () => Check(Grant(null))),
        RuleCase.Thrown(CommitmentRefusals.GrantNegative, () => Check(Grant(-1))),
        RuleCase.Thrown(CommitmentRefusals.GrantTooLarge, () => Check(Grant(Commitment.MaxValueCents + 1))),
        RuleCase.Thrown(CommitmentRefusals.CoFinancingModeMissing, () => Check(Grant(1_000_00) with { CoFinancing = null })),
        RuleCase.Thrown(CommitmentRefusals.UnknownCoFinancingMode, () => Check(Grant(1_000_00) with { CoFinancing = (CoFinancingMode)9 })),
        RuleCase.Thrown(TextRefusals.Required, "Description", () => Check(Land with { Description = " " })),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ARuleOfTheCitysCommitments_IsRefusedWithItsCodeAndField(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();

    private static CommitmentTerms Grant(long? cents) =>
        new(CommitmentKind.CoFinancing, "Une subvention de la ville", CoFinancing: CoFinancingMode.Grant, GrantCents: cents);

    private static void Check(params CommitmentTerms[] terms) => Commitment.FromTerms(1, terms, id => id == Referent);
}
