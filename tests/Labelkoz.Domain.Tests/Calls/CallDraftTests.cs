using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Funding;

namespace Labelkoz.Domain.Tests.Calls;

/// <summary>The back office's draft form, checked at once by <see cref="Call.Revise"/>: all refusals together, or the whole draft.</summary>
public sealed class CallDraftTests
{
    private static readonly DateTime Now = CallKit.Now;

    private static CallDraft Valid() => new(
        "Un restaurant solidaire",
        "Un restaurant à prix libre pour le quartier.",
        ProjectCategory.Solidarity,
        null,
        5_000_000,
        2,
        Individuals: true,
        Associations: true,
        Companies: false,
        Now.AddDays(1),
        Now.AddDays(31),
        [new CommitmentTerms(CommitmentKind.Premises, "Un local de 120 m² rue de Paris", 3_000_000)],
        [new QuestionTerms("Combien de couverts ?", QuestionKind.ShortText, Required: true)],
        [new CriterionTerms("Impact social", 60), new CriterionTerms("Faisabilité", 40)]);

    [Fact]
    public void AValidDraft_ReplacesEveryPart_InOneVersion()
    {
        var city = CallKit.City();
        var call = CallKit.Draft(city);
        var version = call.Version;

        var refusals = call.Revise(city, CallKit.Admin, Valid());

        Assert.Empty(refusals);
        Assert.Equal(version + 1, call.Version);
        Assert.Equal(("Un restaurant solidaire", ProjectCategory.Solidarity, 5_000_000L, 2), (call.Title, call.Category!.Value, call.BudgetEnvelopeCents, call.WinnersCount));
        Assert.Equal((true, true, false), (call.AcceptsIndividuals, call.AcceptsAssociations, call.AcceptsCompanies));
        Assert.Equal((Now.AddDays(1), Now.AddDays(31)), (call.OpensAtUtc, call.ClosesAtUtc));
        Assert.Equal(CommitmentKind.Premises, Assert.Single(call.Offer).Kind);
        Assert.Equal("Combien de couverts ?", Assert.Single(call.Questions).Label);
        Assert.Equal(["Impact social", "Faisabilité"], call.Criteria.Select(c => c.Name));
        Assert.Empty(call.MissingForPublication(Now));
    }

    [Fact]
    public void ADraftWrongInSeveralParts_IsRefusedForEachPart_AndNothingChanges()
    {
        var city = CallKit.City();
        var call = CallKit.Complete(city);
        var (title, version, offer, criteria) = (call.Title, call.Version, call.Offer.Count, call.Criteria.Count);

        var refusals = call.Revise(city, CallKit.Admin, Valid() with
        {
            Title = "  ",
            EnvelopeCents = -1,
            WinnersCount = Call.MaxWinners + 1,
            Individuals = false,
            Associations = false,
            ClosesAtUtc = Now,
            Offer = [new CommitmentTerms(CommitmentKind.Premises, "", 0)],
            Criteria = [new CriterionTerms("Impact", 50)],
        });

        Assert.Equal(
            ["Title", "Envelope", "WinnersCount", "Eligibility", "ClosesAt", "Offer", "Criteria"],
            refusals.Select(r => r.Field));
        Assert.Contains(refusals, r => r.Is(CallRefusals.EnvelopeNegative));
        Assert.Contains(refusals, r => r.Is(CallRefusals.CriteriaWeightsNotHundred));
        Assert.Equal((title, version, offer, criteria), (call.Title, call.Version, call.Offer.Count, call.Criteria.Count));
    }

    [Fact]
    public void ADraft_MayBeSavedWithoutCriteria_OnlyWhileItHasNone()
    {
        var city = CallKit.City();
        var fresh = CallKit.Draft(city);
        Assert.Empty(fresh.Revise(city, CallKit.Admin, Valid() with { Criteria = [] }));
        Assert.Empty(fresh.Criteria);

        var complete = CallKit.Complete(city, id: 8);
        var refusal = Assert.Single(complete.Revise(city, CallKit.Admin, Valid() with { Criteria = [] }));
        Assert.True(refusal.Is(CallRefusals.NoCriterion));
        Assert.Equal(2, complete.Criteria.Count);
    }

    [Fact]
    public void ANeighbourhoodOfAnotherCity_IsRefusedOnItsField()
    {
        var city = CallKit.City();
        var call = CallKit.Draft(city);
        var elsewhere = FundingKit.WithId(Municipality.Create("Bagnolet", "bagnolet", "93006", 36_000, Now), city.Id + 1).AddNeighbourhood("La Noue", Now);

        var refusal = Assert.Single(call.Revise(city, CallKit.Admin, Valid() with { Neighbourhood = elsewhere }));

        Assert.True(refusal.Is(CallRefusals.NeighbourhoodOfAnotherCity));
        Assert.Equal("NeighbourhoodId", refusal.Field);
    }

    [Fact]
    public void APublishedCall_OrAnAgent_CannotReviseTheDraft()
    {
        var city = CallKit.City();
        var open = CallKit.Open(city);
        Assert.True(Assert.Throws<DomainException>(() => open.Revise(city, CallKit.Admin, Valid())).Refusal.Is(CallRefusals.PublishedNotEditable));

        var draft = CallKit.Draft(city, id: 9);
        Assert.True(Assert.Throws<DomainException>(() => draft.Revise(city, CallKit.Agent, Valid())).Refusal.Is(CallRefusals.AdminOnly));
    }
}
