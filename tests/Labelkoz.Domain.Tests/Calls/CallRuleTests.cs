using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Common;
using Labelkoz.Domain.Tests.Funding;
using Labelkoz.Domain.Tests.Projects;
using static Labelkoz.Domain.Tests.Calls.CallKit;

namespace Labelkoz.Domain.Tests.Calls;

/// <summary>Every rule of a call for projects, met with its code and field (as the back office's call form names it).</summary>
public sealed class CallRuleTests
{
    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(CallRefusals.UnknownCategory, () => Describe(category: (ProjectCategory)99)),
        RuleCase.Thrown(CallRefusals.NeighbourhoodOfAnotherCity, () => Describe(neighbourhood: FundingKit.WithId(ReviewKit.City(Admin), 2).AddNeighbourhood("Centre", Now))),
        RuleCase.Thrown(CallRefusals.EnvelopeNegative, () => Describe(envelope: -1)),
        RuleCase.Thrown(CallRefusals.EnvelopeTooLarge, () => Describe(envelope: Call.MaxEnvelopeCents + 1)),
        RuleCase.Thrown(CallRefusals.WinnersCountOutOfRange, () => Describe(winners: 0)),
        RuleCase.Thrown(CallRefusals.NoApplicantType, () => OnDraft((city, call) => call.SetEligibility(city, Admin, false, false, false))),
        RuleCase.Thrown(CallRefusals.ClosingBeforeOpening, () => OnDraft((city, call) => call.Schedule(city, Admin, Now.AddDays(2), Now.AddDays(1)))),
        RuleCase.Thrown(CallRefusals.TooManyQuestions, () => OnDraft((city, call) => call.ReplaceQuestions(city, Admin, [.. Enumerable.Range(0, CallQuestion.MaxPerCall + 1).Select(i => new QuestionTerms($"Question {i}", QuestionKind.ShortText, false))]))),
        RuleCase.Thrown(CallRefusals.UnknownQuestionKind, () => OnDraft((city, call) => call.ReplaceQuestions(city, Admin, [new QuestionTerms("Question", (QuestionKind)99, false)]))),
        RuleCase.Thrown(CallRefusals.NoCriterion, () => OnDraft((city, call) => call.ReplaceCriteria(city, Admin, []))),
        RuleCase.Thrown(CallRefusals.TooManyCriteria, () => OnDraft((city, call) => call.ReplaceCriteria(city, Admin, [.. Enumerable.Range(0, CallCriterion.MaxPerCall + 1).Select(i => new CriterionTerms($"Critère {i}", 1))]))),
        RuleCase.Thrown(CallRefusals.CriterionWeightOutOfRange, () => OnDraft((city, call) => call.ReplaceCriteria(city, Admin, [new CriterionTerms("Impact", 0), new CriterionTerms("Coût", 100)]))),
        RuleCase.Thrown(CallRefusals.CriteriaWithSameName, () => OnDraft((city, call) => call.ReplaceCriteria(city, Admin, [new CriterionTerms("Impact", 50), new CriterionTerms("impact", 50)]))),
        RuleCase.Thrown(CallRefusals.CriteriaWeightsNotHundred, () => OnDraft((city, call) => call.ReplaceCriteria(city, Admin, [new CriterionTerms("Impact", 50), new CriterionTerms("Coût", 40)]))),
        RuleCase.Thrown(CallRefusals.IncompleteForPublication, () => OnDraft((city, call) => call.Publish(city, Admin, Now))),
        RuleCase.Thrown(CallRefusals.NotCancellable, () =>
        {
            var city = City();
            Cancelled(city).Cancel(city, Admin, "Encore", Now);
        }),
        RuleCase.Thrown(CallRefusals.WinnersBeforeClosing, () =>
        {
            var city = City();
            Open(city).SelectWinners(city, Admin, [], [500], Now);
        }),
        RuleCase.Thrown(CallRefusals.NoWinner, () => InReview((city, call, applications) => call.SelectWinners(city, Admin, applications, [], Now))),
        RuleCase.Thrown(CallRefusals.TooManyWinners, () => InReview((city, call, applications) => call.SelectWinners(city, Admin, applications, [500, 501], Now))),
        RuleCase.Thrown(CallRefusals.ApplicationToAnotherCall, () =>
        {
            var city = City();
            var other = Submitted(Open(city, id: 8), id: 600);
            var call = Open(city);
            Close(call);
            call.SelectWinners(city, Admin, [other], [600], Now);
        }),
        RuleCase.Thrown(CallRefusals.WinnerNotSubmitted, () => InReview((city, call, applications) => call.SelectWinners(city, Admin, applications, [999], Now))),
        RuleCase.Thrown(CallRefusals.AdminOnly, () => Call.StartDraft(City(), Agent, "Un restaurant solidaire", Now)),
        RuleCase.Thrown(CallRefusals.OfAnotherCity, () => Draft(City()).SetEligibility(FundingKit.WithId(ReviewKit.City(Admin), 2), Admin, true, true, true)),
        RuleCase.Thrown(CallRefusals.PublishedNotEditable, () =>
        {
            var city = City();
            Open(city).SetEligibility(city, Admin, true, false, false);
        }),
        RuleCase.Thrown(CallRefusals.ImpossibleMove, () =>
        {
            var city = City();
            Open(city).Publish(city, Admin, Now);
        }),
        RuleCase.Thrown(TextRefusals.Required, "Title", () => Call.StartDraft(City(), Admin, " ", Now)),
        RuleCase.Thrown(TextRefusals.Required, "CancelReason", () => OnDraft((city, call) => call.Cancel(city, Admin, " ", Now))),
        RuleCase.Thrown(TextRefusals.Required, "Criteria", () => OnDraft((city, call) => call.ReplaceCriteria(city, Admin, [new CriterionTerms(" ", 100)]))),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ARuleOfACall_IsRefusedWithItsCodeAndField(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();

    [Theory]
    [InlineData(CallStatus.Draft, true)]
    [InlineData(CallStatus.Open, true)]
    [InlineData(CallStatus.Review, true)]
    [InlineData(CallStatus.Decided, false)]
    [InlineData(CallStatus.Cancelled, false)]
    public void ACall_CanBeCancelledUntilItsWinnersAreChosen(CallStatus status, bool cancellable)
    {
        Assert.Equal(cancellable, Call.CanBeCancelled(status));
        var refusal = Call.WhyNotCancellable(status);
        if (cancellable)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Equal((CallRefusals.NotCancellable.Code, (string?)null), (refusal!.Code, refusal.Field));
            Assert.Equal($"Un appel « {Call.Label(status)} » ne peut plus être annulé.", refusal.Message);
        }
    }

    [Fact]
    public void ADecidedCall_IsRefusedCancellation_ForTheReasonItsQuerySays()
    {
        var city = City();
        var call = Open(city);
        var winner = Submitted(call);
        Close(call);
        call.SelectWinners(city, Admin, [winner], [winner.Id], Now);

        var refusal = Assert.Throws<DomainException>(() => call.Cancel(city, Admin, "Trop tard", Now));

        Assert.Equal(call.WhyNotCancellable()!.Message, refusal.Message);
        Assert.Equal(CallRefusals.NotCancellable.Code, refusal.Code);
        Assert.Equal(CallStatus.Decided, call.Status);
    }

    private static void Describe(ProjectCategory? category = null, Neighbourhood? neighbourhood = null, long envelope = 0, int winners = 1) =>
        OnDraft((city, call) => call.Describe(city, Admin, "Un restaurant solidaire", null, category, neighbourhood, envelope, winners, Now));

    private static void OnDraft(Action<Municipality, Call> act)
    {
        var city = City();
        act(city, Draft(city));
    }

    private static void InReview(Action<Municipality, Call, IReadOnlyList<CallApplication>> act)
    {
        var city = City();
        var call = Open(city);
        var applications = new[] { Submitted(call, Candidate, 500), Submitted(call, Candidate + 1, 501) };
        Close(call);
        act(city, call, applications);
    }
}
