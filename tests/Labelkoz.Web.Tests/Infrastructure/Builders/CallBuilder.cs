using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

/// <summary>Where a test call for projects ends up.</summary>
public enum CallState
{
    Draft,

    /// <summary>Published, opened ten days ago, closing in three weeks: accepts applications.</summary>
    Open,

    /// <summary>Closed a week ago by the platform, its applications scored by the agent.</summary>
    Review,

    /// <summary>Closed, scored, and the first application chosen as the winner (its project labelled).</summary>
    Decided,
    Cancelled,
}

/// <summary>What a test call is made of; every part has a plausible default.</summary>
public sealed record CallSpec
{
    /// <summary>The title; "Appel de test N" when null (N unique).</summary>
    public string? Title { get; init; }

    public CallState State { get; init; } = CallState.Open;

    public long EnvelopeCents { get; init; } = 3_000_000;

    public int Winners { get; init; } = 1;

    /// <summary>Accounts that apply, in this order; each application is submitted.</summary>
    public TestUser[] Applicants { get; init; } = [];

    /// <summary>The applicants' applications left in draft (Open calls only).</summary>
    public TestUser[] DraftApplicants { get; init; } = [];

    /// <summary>The scoring grid; "Utilité pour le quartier" 60 % and "Solidité du projet" 40 % when null.</summary>
    public CriterionTerms[]? Criteria { get; init; }

    /// <summary>Whether the city's agent scores every application once the call is closed (Review and Decided).</summary>
    public bool ScoredByAgent { get; init; } = true;

    /// <summary>
    /// When set, the call asks one required question, a file ("Budget détaillé"), and every
    /// application answers it with these bytes as budget.pdf, kept in the app's file store.
    /// </summary>
    public byte[]? FileAnswer { get; init; }
}

/// <summary>A call built for a test, with its applications in the order of <see cref="CallSpec.Applicants"/>.</summary>
public sealed record TestCall(long Id, string CitySlug, string Title, IReadOnlyList<long> Applications, IReadOnlyList<long> Criteria)
{
    public string Path => $"/{CitySlug}/appels/{Id}";

    public string AdminPath => $"/{CitySlug}/admin/appels/{Id}";

    /// <summary>The staff's ranking of the applications.</summary>
    public string ReviewPath => $"{AdminPath}/candidatures";

    /// <summary>One application as the staff read and score it.</summary>
    public string ApplicationPath(long applicationId) => $"{ReviewPath}/{applicationId}";
}

public sealed partial class Given
{
    /// <summary>The question every test call asks, required: an application answers it to be submitted.</summary>
    public const string CallQuestion = "Combien de personnes pourrez-vous accueillir ?";

    /// <summary>A call for projects of <paramref name="city"/> in <see cref="CallSpec.State"/>, published by its admin.</summary>
    public async Task<TestCall> Call(TestCity city, CallSpec? spec = null)
    {
        spec ??= new CallSpec();
        var title = spec.Title ?? $"Appel de test {Next()}";
        var now = Now;
        var past = spec.State is CallState.Review or CallState.Decided;
        var (opens, closes) = past ? (now.AddDays(-40), now.AddDays(-7)) : (now.AddDays(-10), now.AddDays(21));
        var fileKey = spec.FileAnswer is null ? null
            : await services.GetRequiredService<IFileStore>().SaveAsync("candidatures", spec.FileAnswer, "pdf", CancellationToken.None);
        var (callId, applications, criteria) = await InDbAsync(async db =>
        {
            var municipality = await db.Municipalities.Include(m => m.Memberships).Include(m => m.Neighbourhoods).SingleAsync(m => m.Id == city.Id);
            var call = Domain.Calls.Call.StartDraft(municipality, city.Admin.Id, title, opens.AddDays(-1));
            call.Describe(municipality, city.Admin.Id, title, "La Ville cherche un porteur de projet pour **un lieu de quartier**.", ProjectCategory.Solidarity, null, spec.EnvelopeCents, spec.Winners, opens.AddDays(-1));
            call.ReplaceOffer(municipality, city.Admin.Id, [new CommitmentTerms(CommitmentKind.Premises, "Un local de 100 m², loyer gratuit trois ans", 2_000_000)]);
            call.ReplaceQuestions(municipality, city.Admin.Id, fileKey is null
                ?
                [
                    new QuestionTerms(CallQuestion, QuestionKind.ShortText, Required: true),
                    new QuestionTerms("Votre expérience dans ce domaine", QuestionKind.LongText, Required: false),
                ]
                : [new QuestionTerms("Budget détaillé", QuestionKind.File, Required: true)]);
            call.ReplaceCriteria(municipality, city.Admin.Id, spec.Criteria ??
            [
                new CriterionTerms("Utilité pour le quartier", 60, "Répond-il à un besoin des habitants ?"),
                new CriterionTerms("Solidité du projet", 40, "Budget, calendrier, expérience."),
            ]);
            call.Schedule(municipality, city.Admin.Id, opens, closes);
            db.Calls.Add(call);
            if (spec.State == CallState.Draft)
            {
                await db.SaveChangesAsync();
                return (call.Id, new List<long>(), Criteria(call));
            }

            call.Publish(municipality, city.Admin.Id, opens.AddDays(-1));
            await db.SaveChangesAsync();
            var question = call.Questions.OrderBy(q => q.Position).First();
            var applied = new List<CallApplication>();
            foreach (var (applicant, submit) in spec.Applicants.Select(a => (a, true)).Concat(spec.DraftApplicants.Select(a => (a, false))))
            {
                var at = opens.AddDays(1 + applied.Count);
                var application = CallApplication.Start(call, applicant.Id, HolderType.Individual, null, null, null, $"Candidature de {applicant.DisplayName}", at);
                var answer = fileKey is null ? new AnswerTerms(question.Id, "Trente personnes")
                    : new AnswerTerms(question.Id, FileKey: fileKey, FileName: "budget.pdf", ContentType: "application/pdf");
                application.Edit(call, applicant.Id, HolderType.Individual, null, null, null, $"Candidature de {applicant.DisplayName}", "Un projet de quartier, ouvert à tous.", [answer], at);
                if (submit)
                {
                    application.Submit(call, applicant.Id, at);
                }

                db.CallApplications.Add(application);
                applied.Add(application);
            }

            await db.SaveChangesAsync();
            if (spec.State == CallState.Cancelled)
            {
                call.Cancel(municipality, city.Admin.Id, "Le local n'est plus disponible.", now);
            }

            if (past)
            {
                call.CloseIfDue(now);
                var score = 5;
                foreach (var application in applied.Where(a => spec.ScoredByAgent && a.Status == ApplicationStatus.Submitted))
                {
                    application.Score(call, municipality, city.Agent.Id, [.. call.Criteria.OrderBy(c => c.Position).Select(c => new ScoreTerms(c.Id, score))], closes.AddDays(1));
                    score = Math.Min(10, score + 2);
                }
            }

            await db.SaveChangesAsync();
            if (spec.State == CallState.Decided)
            {
                var winner = applied.First(a => a.Status == ApplicationStatus.Submitted);
                foreach (var project in call.SelectWinners(municipality, city.Admin.Id, applied, [winner.Id], now))
                {
                    db.Projects.Add(project);
                }

                await db.SaveChangesAsync();
            }

            return (call.Id, applied.Select(a => a.Id).ToList(), Criteria(call));
        });
        return new TestCall(callId, city.Slug, title, applications, criteria);

        static List<long> Criteria(Domain.Calls.Call call) => [.. call.Criteria.OrderBy(c => c.Position).Select(c => c.Id)];
    }
}
