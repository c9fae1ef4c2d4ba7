using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Common;
using Labelkoz.Domain.Tests.Projects;
using static Labelkoz.Domain.Tests.Calls.CallKit;

namespace Labelkoz.Domain.Tests.Calls;

/// <summary>Every rule of an application to a call — who applies, when, what they answer, how the city scores it — met with its code and field.</summary>
public sealed class ApplicationRuleTests
{
    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(ApplicationRefusals.QuestionOfAnotherCall, () => EditAnswers(new AnswerTerms(999, "Trente"))),
        RuleCase.Thrown(ApplicationRefusals.QuestionAnsweredTwice, () => EditAnswers(new AnswerTerms(100, "Trente"), new AnswerTerms(100, "Quarante"))),
        RuleCase.Thrown(ApplicationRefusals.NumberTooLarge, () => EditAnswers(new AnswerTerms(101, Number: ApplicationAnswer.MaxNumber + 1))),
        RuleCase.Thrown(TextRefusals.TooLong, "Answers", () => EditAnswers(new AnswerTerms(100, new string('a', ApplicationAnswer.ShortTextMaxLength + 1)))),
        RuleCase.Thrown(ApplicationRefusals.AlreadySubmitted, () =>
        {
            var call = Open(City());
            Submitted(call).Submit(call, Candidate, Now);
        }),
        RuleCase.Thrown(ApplicationRefusals.AnswersMissing, () =>
        {
            var call = Open(City());
            Apply(call).Submit(call, Candidate, Now);
        }),
        RuleCase.Thrown(ApplicationRefusals.ConflictedReviewerScores, () => Reviewed((city, call, application) =>
        {
            application.DeclareConflict(call, city, Agent, "Le candidat est mon cousin.", Now);
            application.Score(call, city, Agent, AllScores(), Now);
        })),
        RuleCase.Thrown(ApplicationRefusals.CriterionOfAnotherCall, () => Reviewed((city, call, application) => application.Score(call, city, Agent, [new ScoreTerms(999, 5), new ScoreTerms(111, 5)], Now))),
        RuleCase.Thrown(ApplicationRefusals.ScoreOutOfRange, () => Reviewed((city, call, application) => application.Score(call, city, Agent, [new ScoreTerms(110, 11), new ScoreTerms(111, 5)], Now))),
        RuleCase.Thrown(ApplicationRefusals.CriterionScoredTwice, () => Reviewed((city, call, application) => application.Score(call, city, Agent, [new ScoreTerms(110, 5), new ScoreTerms(110, 6)], Now))),
        RuleCase.Thrown(ApplicationRefusals.CriteriaNotAllScored, () => Reviewed((city, call, application) => application.Score(call, city, Agent, [new ScoreTerms(110, 5)], Now))),
        RuleCase.Thrown(ApplicationRefusals.ReviewByStaffOnly, () => Reviewed((city, call, application) => application.Score(call, city, ReviewKit.Outsider, AllScores(), Now))),
        RuleCase.Thrown(ApplicationRefusals.ConflictAlreadyDeclared, () => Reviewed((city, call, application) =>
        {
            application.DeclareConflict(call, city, Agent, "Le candidat est mon cousin.", Now);
            application.DeclareConflict(call, city, Agent, "Et mon voisin.", Now);
        })),
        RuleCase.Thrown(ApplicationRefusals.ShortlistAfterClosingOnly, () =>
        {
            var city = City();
            var call = Open(city);
            Submitted(call).Shortlist(call, city, Admin, true, Now);
        }),
        RuleCase.Thrown(CallRefusals.AdminOnly, () => Reviewed((city, call, application) => application.Shortlist(call, city, Agent, true, Now))),
        RuleCase.Thrown(ApplicationRefusals.CallNotYetOpen, () => Apply(Open(City(), opensIn: TimeSpan.FromDays(1)))),
        RuleCase.Thrown(ApplicationRefusals.CallNotPublished, () => Apply(Complete(City()))),
        RuleCase.Thrown(ApplicationRefusals.CallCancelled, () => Apply(Cancelled(City()))),
        RuleCase.Thrown(ApplicationRefusals.CallClosed, () =>
        {
            var call = Open(City());
            CallApplication.Start(call, Candidate, HolderType.Individual, null, null, null, "Un restaurant", call.ClosesAtUtc);
        }),
        RuleCase.Thrown(ApplicationRefusals.UnknownApplicantType, () => CallApplication.Start(Open(City()), Candidate, HolderType.Municipality, null, null, null, "Un restaurant", Now)),
        RuleCase.Thrown(ApplicationRefusals.ApplicantTypeNotAccepted, () => CallApplication.Start(Open(City(), individualsOnly: true), Candidate, HolderType.Company, "Resto SAS", null, "219300480", "Un restaurant", Now)),
        RuleCase.Thrown(ApplicationRefusals.ChangeByApplicantOnly, () =>
        {
            var call = Open(City());
            Apply(call).Withdraw(call, Candidate + 1, Now);
        }),
        RuleCase.Thrown(ApplicationRefusals.ToAnotherCall, () =>
        {
            var city = City();
            var application = Apply(Open(city));
            application.Withdraw(Open(city, id: 8), Candidate, Now);
        }),
        RuleCase.Thrown(ApplicationRefusals.Withdrawn, () =>
        {
            var call = Open(City());
            var application = Apply(call);
            application.Withdraw(call, Candidate, Now);
            application.Submit(call, Candidate, Now);
        }),
        RuleCase.Thrown(ApplicationRefusals.OwnApplicationScored, () =>
        {
            var city = City();
            var call = Open(city);
            var own = Submitted(call, Agent);
            Close(call);
            own.Score(call, city, Agent, AllScores(), Now);
        }),
        RuleCase.Thrown(ApplicationRefusals.ScoringBeforeClosing, () =>
        {
            var city = City();
            var call = Open(city);
            Submitted(call).Score(call, city, Agent, AllScores(), Now);
        }),
        RuleCase.Thrown(ApplicationRefusals.ScoringNotSubmitted, () =>
        {
            var city = City();
            var call = Open(city);
            var draft = Apply(call);
            Close(call);
            draft.Score(call, city, Agent, AllScores(), Now);
        }),
        RuleCase.Thrown(TextRefusals.Required, "ProjectTitle", () => CallApplication.Start(Open(City()), Candidate, HolderType.Individual, null, null, null, " ", Now)),
        RuleCase.Thrown(TextRefusals.Required, "OrganisationName", () => CallApplication.Start(Open(City()), Candidate, HolderType.Association, null, "W931234567", null, "Un restaurant", Now)),
        RuleCase.Thrown(IdentifierRefusals.SirenBadChecksum, () => CallApplication.Start(Open(City()), Candidate, HolderType.Company, "Resto SAS", null, "219300481", "Un restaurant", Now)),
        RuleCase.Thrown(TextRefusals.Required, "Reason", () => Reviewed((city, call, application) => application.DeclareConflict(call, city, Agent, " ", Now))),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ARuleOfAnApplication_IsRefusedWithItsCodeAndField(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();

    private static ScoreTerms[] AllScores() => [new ScoreTerms(110, 7), new ScoreTerms(111, 5)];

    private static void EditAnswers(params AnswerTerms[] answers)
    {
        var call = Open(City());
        Apply(call).Edit(call, Candidate, HolderType.Individual, null, null, null, "Un restaurant à prix libre", null, answers, Now);
    }

    private static void Reviewed(Action<Labelkoz.Domain.Municipalities.Municipality, Call, CallApplication> act)
    {
        var city = City();
        var call = Open(city);
        var application = Submitted(call);
        Close(call);
        act(city, call, application);
    }
}
