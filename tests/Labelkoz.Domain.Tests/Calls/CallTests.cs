using System.Reflection;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Calls;

/// <summary>DESIGN §5: the call's state machine, its criteria, applications, scores, ranking and winners.</summary>
public sealed class CallTests
{
    private const long Admin = 20;
    private const long Agent = ReviewKit.Agent;
    private const long Candidate = 30;
    private const long OtherCandidate = 31;
    private static readonly DateTime Now = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    private readonly Municipality _city = ReviewKit.City(Admin);

    [Fact]
    public void OnlyAnAdmin_ManagesACall()
    {
        Assert.Throws<DomainException>(() => Call.StartDraft(_city, Agent, "Un restaurant solidaire", Now));
        Assert.Throws<DomainException>(() => Call.StartDraft(_city, ReviewKit.Outsider, "Un restaurant solidaire", Now));
        var call = Call.StartDraft(_city, Admin, "Un restaurant solidaire", Now);
        Assert.Throws<DomainException>(() => call.Publish(_city, Agent, Now));
    }

    [Theory]
    [InlineData(new[] { 50, 40 }, "90")]
    [InlineData(new[] { 60, 60 }, "120")]
    [InlineData(new[] { 0, 100 }, "entre 1 et 100")]
    [InlineData(new[] { 101 }, "entre 1 et 100")]
    public void CriteriaWeights_MustSumTo100(int[] weights, string reason)
    {
        var call = Call.StartDraft(_city, Admin, "Un restaurant solidaire", Now);

        var refusal = Assert.Throws<DomainException>(() => call.ReplaceCriteria(_city, Admin, [.. weights.Select((w, i) => new CriterionTerms($"Critère {i}", w))]));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(call.Criteria);
    }

    [Fact]
    public void Criteria_NeedNamesThatDiffer_AndAtLeastOne()
    {
        var call = Call.StartDraft(_city, Admin, "Un restaurant solidaire", Now);

        Assert.Throws<DomainException>(() => call.ReplaceCriteria(_city, Admin, []));
        Assert.Throws<DomainException>(() => call.ReplaceCriteria(_city, Admin, [new CriterionTerms("Impact", 50), new CriterionTerms("impact", 50)]));
        Assert.Throws<DomainException>(() => call.ReplaceCriteria(_city, Admin, [new CriterionTerms(" ", 100)]));
        call.ReplaceCriteria(_city, Admin, [new CriterionTerms("Impact", 60), new CriterionTerms("Faisabilité", 40)]);
        Assert.Equal(100, call.Criteria.Sum(c => c.WeightPercent));
    }

    [Fact]
    public void Publication_SaysWhatIsMissing_AndNeedsAClosingTimeAhead()
    {
        var call = Call.StartDraft(_city, Admin, "Un restaurant solidaire", Now);

        var refusal = Assert.Throws<DomainException>(() => call.Publish(_city, Admin, Now));
        Assert.Contains("une description, ce que la ville offre aux lauréats, des critères d'évaluation", refusal.Message, StringComparison.Ordinal);

        Complete(call);
        call.Schedule(_city, Admin, Now.AddDays(-10), Now.AddDays(-1));
        Assert.Contains("clôture à venir", Assert.Throws<DomainException>(() => call.Publish(_city, Admin, Now)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => call.Schedule(_city, Admin, Now.AddDays(2), Now.AddDays(1)));
    }

    [Fact]
    public void StateMachine_DraftOpenReviewDecided_WithHistory()
    {
        var call = OpenCall();
        Assert.Equal(CallStatus.Open, call.Status);
        Assert.Throws<DomainException>(() => call.Describe(_city, Admin, "Autre titre", "Texte", null, null, 0, 1, Now));

        Assert.False(call.CloseIfDue(call.ClosesAtUtc.AddSeconds(-1)));
        Assert.True(call.CloseIfDue(call.ClosesAtUtc.AddHours(5)));
        Assert.False(call.CloseIfDue(call.ClosesAtUtc.AddHours(6)));

        Assert.Equal(CallStatus.Review, call.Status);
        Assert.Equal(call.ClosesAtUtc, call.ClosedAtUtc);
        Assert.Equal([CallAction.Created, CallAction.Published, CallAction.Closed], call.History.Select(h => h.Action));
        Assert.Null(call.History[^1].ByUserId);
    }

    [Theory]
    [InlineData(CallStatus.Draft)]
    [InlineData(CallStatus.Open)]
    [InlineData(CallStatus.Review)]
    public void Cancel_IsPossibleBeforeTheDecision_WithAReason(CallStatus status)
    {
        var call = CallIn(status);

        Assert.Throws<DomainException>(() => call.Cancel(_city, Admin, "", Now));
        call.Cancel(_city, Admin, "Le local n'est plus disponible.", Now);

        Assert.Equal(CallStatus.Cancelled, call.Status);
        Assert.Throws<DomainException>(() => call.Cancel(_city, Admin, "Encore", Now));
        Assert.False(call.CloseIfDue(call.ClosesAtUtc.AddDays(1)));
    }

    [Fact]
    public void ADecidedCall_CannotBeCancelled()
    {
        var (call, applications) = ReviewedCall();
        call.SelectWinners(_city, Admin, applications, [applications[0].Id], Now);

        Assert.Throws<DomainException>(() => call.Cancel(_city, Admin, "Trop tard", Now));
    }

    [Fact]
    public void Applying_IsOpenFromTheOpeningTimeToTheClosingTime_Only()
    {
        var call = OpenCall(opensIn: TimeSpan.FromDays(1));

        var early = Assert.Throws<DomainException>(() => Apply(call, Candidate, Now));
        Assert.Contains("pas encore", early.Message, StringComparison.Ordinal);
        var application = Apply(call, Candidate, call.OpensAtUtc);
        var late = Assert.Throws<DomainException>(() => Apply(call, OtherCandidate, call.ClosesAtUtc));
        Assert.Contains("clos le", late.Message, StringComparison.Ordinal);

        Assert.Throws<DomainException>(() => application.Edit(call, Candidate, HolderType.Individual, null, null, null, "Titre", null, [], call.ClosesAtUtc));
        Assert.Throws<DomainException>(() => application.Withdraw(call, Candidate, call.ClosesAtUtc.AddMinutes(1)));
    }

    [Fact]
    public void AnIneligibleApplicantType_IsRefused()
    {
        var call = Call.StartDraft(_city, Admin, "Un restaurant solidaire", Now);
        call.SetEligibility(_city, Admin, individuals: false, associations: true, companies: false);
        Assert.Throws<DomainException>(() => call.SetEligibility(_city, Admin, false, false, false));
        Complete(call);
        call.Publish(_city, Admin, Now);

        var refusal = Assert.Throws<DomainException>(() => Apply(call, Candidate, Now));

        Assert.Contains("pas ouvert à ce type de candidat", refusal.Message, StringComparison.Ordinal);
        var association = CallApplication.Start(call, Candidate, HolderType.Association, "Les Amis du Quartier", "W931000123", null, "Un restaurant", Now);
        Assert.Equal(HolderType.Association, association.HolderType);
    }

    [Fact]
    public void Submitting_NeedsTheRequiredAnswers_AndChecksEachAgainstItsQuestion()
    {
        var call = OpenCall();
        var application = Apply(call, Candidate, Now);
        var (text, number, yesNo, file) = (call.Questions[0], call.Questions[1], call.Questions[2], call.Questions[3]);

        var missing = Assert.Throws<DomainException>(() => application.Submit(call, Candidate, Now));
        Assert.Contains(text.Label, missing.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => application.Edit(call, Candidate, HolderType.Individual, null, null, null, "Titre", null, [new AnswerTerms(999, "?")], Now));
        Assert.Throws<DomainException>(() => application.Edit(call, Candidate, HolderType.Individual, null, null, null, "Titre", null, [new AnswerTerms(text.Id, "a"), new AnswerTerms(text.Id, "b")], Now));
        Assert.Throws<DomainException>(() => application.Edit(call, Candidate, HolderType.Individual, null, null, null, "Titre", null, [new AnswerTerms(number.Id, Number: 1e13m)], Now));

        application.Edit(call, Candidate, HolderType.Individual, null, null, null, "Le bon repas", "Un restaurant à prix libre.",
            [new AnswerTerms(text.Id, "Vingt couverts"), new AnswerTerms(number.Id, Number: 45_000m), new AnswerTerms(yesNo.Id, YesNo: true), new AnswerTerms(file.Id, FileKey: "calls/plan.pdf", FileName: "plan.pdf", ContentType: "application/pdf")], Now);
        application.Submit(call, Candidate, Now);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(4, application.Answers.Count);
        Assert.Throws<DomainException>(() => application.Submit(call, Candidate, Now));
        Assert.Throws<DomainException>(() => application.Edit(call, OtherCandidate, HolderType.Individual, null, null, null, "Pirate", null, [], Now));
    }

    [Fact]
    public void Scores_GoFrom0To10_OnEveryCriterion_OnceTheCallIsClosed()
    {
        var call = OpenCall();
        var application = Submitted(call, Candidate);
        var scores = call.Criteria.Select(c => new ScoreTerms(c.Id, 7)).ToList();
        Assert.Throws<DomainException>(() => application.Score(call, _city, Agent, scores, Now));
        call.CloseIfDue(call.ClosesAtUtc);

        Assert.Throws<DomainException>(() => application.Score(call, _city, Agent, [new ScoreTerms(call.Criteria[0].Id, 11), new ScoreTerms(call.Criteria[1].Id, 5)], Now));
        Assert.Throws<DomainException>(() => application.Score(call, _city, Agent, [new ScoreTerms(call.Criteria[0].Id, -1), new ScoreTerms(call.Criteria[1].Id, 5)], Now));
        Assert.Throws<DomainException>(() => application.Score(call, _city, Agent, [new ScoreTerms(call.Criteria[0].Id, 5)], Now));
        Assert.Throws<DomainException>(() => application.Score(call, _city, ReviewKit.Outsider, scores, Now));
        application.Score(call, _city, Agent, scores, Now);
        application.Score(call, _city, Agent, [.. call.Criteria.Select(c => new ScoreTerms(c.Id, 9))], Now);

        Assert.Equal(call.Criteria.Count, application.Scores.Count);
        Assert.All(application.Scores, s => Assert.Equal(9, s.Score));
    }

    [Fact]
    public void AReviewer_NeverScoresTheirOwnApplication_NorOneTheyDeclaredAConflictOn()
    {
        var call = OpenCall();
        var own = Submitted(call, Agent);
        var other = Submitted(call, Candidate);
        call.CloseIfDue(call.ClosesAtUtc);
        var scores = call.Criteria.Select(c => new ScoreTerms(c.Id, 8)).ToList();

        Assert.Contains("propre candidature", Assert.Throws<DomainException>(() => own.Score(call, _city, Agent, scores, Now)).Message, StringComparison.Ordinal);
        other.Score(call, _city, Admin, scores, Now);
        other.DeclareConflict(call, _city, Admin, "Le candidat est mon beau-frère.", Now);

        Assert.Empty(other.Scores);
        Assert.Contains("conflit d'intérêts", Assert.Throws<DomainException>(() => other.Score(call, _city, Admin, scores, Now)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => other.DeclareConflict(call, _city, Admin, "Deux fois", Now));
        Assert.Throws<DomainException>(() => other.DeclareConflict(call, _city, Agent, " ", Now));
    }

    [Fact]
    public void Ranking_IsTheMeanOfWeightedScores_WithTheDocumentedTieBreak()
    {
        var criteria = Criteria((1, 60), (2, 40));
        var t0 = Now;
        var applications = new List<(long, DateTime)> { (10, t0), (11, t0.AddHours(1)), (12, t0.AddHours(2)), (13, t0.AddHours(3)), (14, t0.AddHours(4)), (15, t0.AddHours(5)) };
        var scores = new List<ScoreRow>
        {
            // 10: reviewers give 8.0 and 6.0 → 7.0, spread 2
            new(10, 1, 1, 8), new(10, 1, 2, 8), new(10, 2, 1, 6), new(10, 2, 2, 6),
            // 11: 7.0 from one reviewer only → ties with 10 on average, fewer reviewers
            new(11, 1, 1, 7), new(11, 1, 2, 7),
            // 12: 7.0 and 7.0 → same average and reviewers as 10, smaller spread: ahead of 10
            new(12, 1, 1, 7), new(12, 1, 2, 7), new(12, 2, 1, 7), new(12, 2, 2, 7),
            // 13: 10×60% + 0×40% = 6.0; the second reviewer scored one criterion only: not counted
            new(13, 1, 1, 10), new(13, 1, 2, 0), new(13, 2, 1, 10),
            // 14: nobody → last; 15: same as 12 but submitted later → behind 12
            new(15, 1, 1, 7), new(15, 1, 2, 7), new(15, 2, 1, 7), new(15, 2, 2, 7),
        };

        var ranking = CallRanking.Rank(criteria, applications, scores);

        Assert.Equal([12L, 15, 10, 11, 13, 14], ranking.Select(r => r.ApplicationId));
        Assert.Equal([1, 2, 3, 4, 5, 6], ranking.Select(r => r.Rank));
        var ten = ranking.Single(r => r.ApplicationId == 10);
        Assert.Equal((7.0m, 2, 2.0m), (ten.Average!.Value, ten.Reviewers, ten.Spread));
        Assert.Equal((6.0m, 1), (ranking.Single(r => r.ApplicationId == 13).Average!.Value, ranking.Single(r => r.ApplicationId == 13).Reviewers));
        Assert.Null(ranking.Single(r => r.ApplicationId == 14).Average);
    }

    [Fact]
    public void Ranking_WeightsAreApplied_NotAPlainMean()
    {
        var criteria = Criteria((1, 90), (2, 10));
        var ranking = CallRanking.Rank(criteria, [(1, Now), (2, Now)], [new(1, 7, 1, 10), new(1, 7, 2, 0), new(2, 7, 1, 0), new(2, 7, 2, 10)]);

        Assert.Equal([(1L, 9.0m), (2L, 1.0m)], ranking.Select(r => (r.ApplicationId, r.Average!.Value)));
    }

    [Fact]
    public void SelectingWinners_DecidesTheCall_AndCreatesTheirLabelledProjects()
    {
        var (call, applications) = ReviewedCall();
        var winner = applications[1];

        var projects = call.SelectWinners(_city, Admin, applications, [winner.Id], Now.AddDays(40));

        Assert.Equal(CallStatus.Decided, call.Status);
        Assert.Equal(ApplicationStatus.Selected, winner.Status);
        Assert.All(applications.Where(a => a != winner && a.Status != ApplicationStatus.Withdrawn), a => Assert.Equal(ApplicationStatus.NotSelected, a.Status));
        var project = Assert.Single(projects);
        Assert.Equal((ProjectStatus.Labelled, winner.ApplicantUserId, call.Id, winner.Id), (project.Status, project.HolderUserId, project.CallId, project.CallApplicationId));
        Assert.Equal(winner.ProjectTitle, project.Title);
        Assert.True(project.IsPublic);
        Assert.True(project.HasActiveLabel(DateOnly.FromDateTime(Now.AddDays(40))));
        Assert.Equal(call.Offer.Select(o => (o.Kind, o.Description, o.MatchRatioPercent)), project.Label!.Commitments.Select(c => (c.Kind, c.Description, c.MatchRatioPercent)));
        Assert.Equal(ProjectAction.SelectedInCall, project.History[^1].Action);
    }

    [Fact]
    public void SelectingMoreWinnersThanAnnounced_OrAWithdrawnApplication_IsRefused()
    {
        var (call, applications) = ReviewedCall();

        Assert.Contains("1 lauréat(s)", Assert.Throws<DomainException>(() => call.SelectWinners(_city, Admin, applications, [applications[0].Id, applications[1].Id], Now)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => call.SelectWinners(_city, Admin, applications, [applications[2].Id], Now));
        Assert.Throws<DomainException>(() => call.SelectWinners(_city, Admin, applications, [], Now));
        Assert.Throws<DomainException>(() => call.SelectWinners(_city, Agent, applications, [applications[0].Id], Now));
        Assert.Equal(CallStatus.Review, call.Status);
        Assert.All(applications, a => Assert.NotEqual(ApplicationStatus.Selected, a.Status));
    }

    [Fact]
    public void ASuspendedCity_CannotPublishACall()
    {
        var call = Call.StartDraft(_city, Admin, "Un restaurant solidaire", Now);
        Complete(call);
        _city.SetSubscriptionStatus(SubscriptionStatus.Suspended, Now);

        Assert.Contains("suspendu", Assert.Throws<DomainException>(() => call.Publish(_city, Admin, Now)).Message, StringComparison.Ordinal);
        Assert.Equal(CallStatus.Draft, call.Status);
    }

    private static List<CallCriterion> Criteria(params (long Id, int Weight)[] criteria) =>
        [.. criteria.Select((c, i) => WithId(Construct<CallCriterion>(0L, i, $"Critère {c.Id}", null, c.Weight), c.Id))];

    private static T Construct<T>(params object?[] args) =>
        (T)typeof(T).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single(c => c.GetParameters().Length == args.Length).Invoke(args);

    /// <summary>Stands in for the database, which gives rows their ids.</summary>
    private static T WithId<T>(T entity, long id)
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }

    private void Complete(Call call)
    {
        call.Describe(_city, Admin, call.Title, "Un restaurant à prix libre pour le quartier.", ProjectCategory.Solidarity, null, 5_000_000, 1, Now);
        call.ReplaceOffer(_city, Admin, [new CommitmentTerms(CommitmentKind.Premises, "Un local de 120 m² rue de Paris", 3_000_000), ReviewKit.Matchfunding(100, 1_000_000)]);
        call.ReplaceQuestions(_city, Admin,
        [
            new QuestionTerms("Combien de couverts ?", QuestionKind.ShortText, Required: true),
            new QuestionTerms("Budget de démarrage (€)", QuestionKind.Number, Required: false),
            new QuestionTerms("Avez-vous une expérience en restauration ?", QuestionKind.YesNo, Required: false),
            new QuestionTerms("Plan du local", QuestionKind.File, Required: false),
        ]);
        call.ReplaceCriteria(_city, Admin, [new CriterionTerms("Impact social", 60), new CriterionTerms("Faisabilité", 40)]);
        var id = 100L;
        foreach (var question in call.Questions)
        {
            WithId(question, id++);
        }

        foreach (var criterion in call.Criteria)
        {
            WithId(criterion, id++);
        }

        call.Schedule(_city, Admin, Now, Now.AddDays(30));
    }

    private Call OpenCall(TimeSpan? opensIn = null)
    {
        var call = WithId(Call.StartDraft(_city, Admin, "Un restaurant solidaire", Now), 7);
        Complete(call);
        call.Schedule(_city, Admin, Now + (opensIn ?? TimeSpan.Zero), Now.AddDays(30));
        call.Publish(_city, Admin, Now);
        return call;
    }

    private Call CallIn(CallStatus status)
    {
        if (status == CallStatus.Draft)
        {
            return Call.StartDraft(_city, Admin, "Un restaurant solidaire", Now);
        }

        var call = OpenCall();
        if (status == CallStatus.Review)
        {
            call.CloseIfDue(call.ClosesAtUtc);
        }

        return call;
    }

    private static CallApplication Apply(Call call, long userId, DateTime at) =>
        CallApplication.Start(call, userId, HolderType.Individual, null, null, null, "Un restaurant à prix libre", at);

    private static long _nextApplicationId = 500;

    private static CallApplication Submitted(Call call, long userId)
    {
        var application = WithId(Apply(call, userId, Now), Interlocked.Increment(ref _nextApplicationId));
        application.Edit(call, userId, HolderType.Individual, null, null, null, $"Projet de {userId}", "Un résumé.", [new AnswerTerms(call.Questions[0].Id, "Trente")], Now);
        application.Submit(call, userId, Now);
        return application;
    }

    private (Call Call, List<CallApplication> Applications) ReviewedCall()
    {
        var call = OpenCall();
        var applications = new List<CallApplication> { Submitted(call, Candidate), Submitted(call, OtherCandidate), Submitted(call, 32) };
        applications[2].Withdraw(call, 32, Now);
        call.CloseIfDue(call.ClosesAtUtc);
        return (call, applications);
    }
}
