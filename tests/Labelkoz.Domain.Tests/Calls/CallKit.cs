using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Funding;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Calls;

/// <summary>A city (admin 20, agent 21) and its call for a restaurant, brought to the state a test needs.</summary>
internal static class CallKit
{
    public const long Admin = 20;
    public const long Agent = ReviewKit.Agent;
    public const long Candidate = 30;
    public static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    public static Municipality City() => ReviewKit.City(Admin);

    public static Call Draft(Municipality city, long id = 7) => FundingKit.WithId(Call.StartDraft(city, Admin, "Un restaurant solidaire", Now), id);

    /// <summary>A draft with everything publication needs: a required question (id 100), a number question (101), criteria 110 and 111.</summary>
    public static Call Complete(Municipality city, long id = 7, bool individualsOnly = false, TimeSpan? opensIn = null)
    {
        var call = Draft(city, id);
        call.Describe(city, Admin, call.Title, "Un restaurant à prix libre pour le quartier.", ProjectCategory.Solidarity, null, 5_000_000, 1, Now);
        call.ReplaceOffer(city, Admin, [new CommitmentTerms(CommitmentKind.Premises, "Un local de 120 m² rue de Paris", 3_000_000)]);
        call.ReplaceQuestions(city, Admin,
        [
            new QuestionTerms("Combien de couverts ?", QuestionKind.ShortText, Required: true),
            new QuestionTerms("Budget de démarrage (€)", QuestionKind.Number, Required: false),
        ]);
        call.ReplaceCriteria(city, Admin, [new CriterionTerms("Impact social", 60), new CriterionTerms("Faisabilité", 40)]);
        FundingKit.WithId(call.Questions[0], 100);
        FundingKit.WithId(call.Questions[1], 101);
        FundingKit.WithId(call.Criteria[0], 110);
        FundingKit.WithId(call.Criteria[1], 111);
        if (individualsOnly)
        {
            call.SetEligibility(city, Admin, individuals: true, associations: false, companies: false);
        }

        call.Schedule(city, Admin, Now + (opensIn ?? TimeSpan.Zero), Now.AddDays(30));
        return call;
    }

    public static Call Open(Municipality city, long id = 7, bool individualsOnly = false, TimeSpan? opensIn = null)
    {
        var call = Complete(city, id, individualsOnly, opensIn);
        call.Publish(city, Admin, Now);
        return call;
    }

    public static Call Cancelled(Municipality city)
    {
        var call = Draft(city);
        call.Cancel(city, Admin, "Le local n'est plus disponible.", Now);
        return call;
    }

    public static void Close(Call call) => call.CloseIfDue(call.ClosesAtUtc);

    public static CallApplication Apply(Call call, long userId = Candidate, long id = 500) =>
        FundingKit.WithId(CallApplication.Start(call, userId, HolderType.Individual, null, null, null, "Un restaurant à prix libre", Now), id);

    public static CallApplication Submitted(Call call, long userId = Candidate, long id = 500)
    {
        var application = Apply(call, userId, id);
        application.Edit(call, userId, HolderType.Individual, null, null, null, "Un restaurant à prix libre", "Un résumé.", [new AnswerTerms(100, "Trente")], Now);
        application.Submit(call, userId, Now);
        return application;
    }
}
