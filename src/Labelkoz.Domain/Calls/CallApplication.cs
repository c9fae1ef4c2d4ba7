using System.Globalization;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Calls;

public enum ApplicationStatus
{
    Draft = 1,
    Submitted = 2,
    Withdrawn = 3,
    Selected = 4,
    NotSelected = 5,
}

/// <summary>An answer as typed by the candidate, before it is checked against its question.</summary>
public sealed record AnswerTerms(long QuestionId, string? Text = null, decimal? Number = null, bool? YesNo = null, string? FileKey = null, string? FileName = null, string? ContentType = null);

/// <summary>One reviewer's score on one criterion, as typed.</summary>
public sealed record ScoreTerms(long CriterionId, int Score, string? Comment = null);

/// <summary>
/// Someone's application to a call. It can be written, submitted, changed and withdrawn while the
/// call accepts applications; after the closing time nothing changes but the city's scores and
/// its decision.
/// </summary>
public sealed class CallApplication : ITenantOwned
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 1_000;

    private readonly List<ApplicationAnswer> _answers = [];
    private readonly List<ApplicationScore> _scores = [];
    private readonly List<ConflictOfInterest> _conflicts = [];

    private CallApplication()
    {
        ProjectTitle = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CallId { get; private set; }

    public long ApplicantUserId { get; private set; }

    public HolderType HolderType { get; private set; }

    public string? OrganisationName { get; private set; }

    public string? Rna { get; private set; }

    public string? Siren { get; private set; }

    public string ProjectTitle { get; private set; }

    public string? Summary { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? WithdrawnAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public bool IsShortlisted { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<ApplicationAnswer> Answers => _answers;

    public IReadOnlyList<ApplicationScore> Scores => _scores;

    public IReadOnlyList<ConflictOfInterest> Conflicts => _conflicts;

    public static CallApplication Start(Call call, long applicantUserId, HolderType type, string? organisationName, string? rna, string? siren, string? projectTitle, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        EnsureAccepting(call, nowUtc);
        var application = new CallApplication
        {
            MunicipalityId = call.MunicipalityId,
            CallId = call.Id,
            ApplicantUserId = applicantUserId,
            Status = ApplicationStatus.Draft,
            CreatedAtUtc = nowUtc,
        };
        application.SetApplicant(call, type, organisationName, rna, siren);
        application.ProjectTitle = Text.Required(projectTitle, TitleMaxLength, "Titre du projet", field: "ProjectTitle");
        application.UpdatedAtUtc = nowUtc;
        return application;
    }

    public bool IsBy(long userId) => ApplicantUserId == userId;

    /// <summary>The applicant changes who applies, the project's title and summary, and the answers.</summary>
    public void Edit(Call call, long userId, HolderType type, string? organisationName, string? rna, string? siren, string? projectTitle, string? summary, IReadOnlyList<AnswerTerms> answers, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        EnsureApplicantCanChange(call, userId, nowUtc);
        SetApplicant(call, type, organisationName, rna, siren);
        ProjectTitle = Text.Required(projectTitle, TitleMaxLength, "Titre du projet", field: "ProjectTitle");
        Summary = Text.Optional(summary, SummaryMaxLength, "Résumé", multiline: true, field: "Summary");
        var checkedAnswers = new List<ApplicationAnswer>();
        foreach (var answer in answers)
        {
            var question = call.Questions.SingleOrDefault(q => q.Id == answer.QuestionId)
                ?? throw new DomainException(ApplicationRefusals.QuestionOfAnotherCall);
            if (checkedAnswers.Any(a => a.QuestionId == question.Id))
            {
                throw new DomainException(ApplicationRefusals.QuestionAnsweredTwice.With(question.Label));
            }

            if (ApplicationAnswer.Check(this, question, answer) is { } accepted)
            {
                checkedAnswers.Add(accepted);
            }
        }

        _answers.Clear();
        _answers.AddRange(checkedAnswers);
        Touch(nowUtc);
    }

    /// <summary>The required questions still unanswered (empty when the application can be submitted).</summary>
    public IReadOnlyList<string> MissingAnswers(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Questions.Where(q => q.IsRequired && _answers.All(a => a.QuestionId != q.Id)).OrderBy(q => q.Position).Select(q => q.Label).ToList();
    }

    public void Submit(Call call, long userId, DateTime nowUtc)
    {
        EnsureApplicantCanChange(call, userId, nowUtc);
        if (Status == ApplicationStatus.Submitted)
        {
            throw new DomainException(ApplicationRefusals.AlreadySubmitted);
        }

        var missing = MissingAnswers(call);
        if (missing.Count > 0)
        {
            throw new DomainException(ApplicationRefusals.AnswersMissing.With(string.Join(" ; ", missing)));
        }

        Status = ApplicationStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        Touch(nowUtc);
    }

    public void Withdraw(Call call, long userId, DateTime nowUtc)
    {
        EnsureApplicantCanChange(call, userId, nowUtc);
        Status = ApplicationStatus.Withdrawn;
        WithdrawnAtUtc = nowUtc;
        Touch(nowUtc);
    }

    /// <summary>
    /// A member of the city's staff scores the application on the call's criteria (0 to 10), once
    /// the call is closed. Scoring again replaces their earlier scores. Refused to the applicant
    /// and to a reviewer who declared a conflict of interest.
    /// </summary>
    public void Score(Call call, Municipality city, long reviewerUserId, IReadOnlyList<ScoreTerms> scores, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(scores);
        EnsureReviewable(call, city, reviewerUserId);
        if (_conflicts.Any(c => c.ReviewerUserId == reviewerUserId))
        {
            throw new DomainException(ApplicationRefusals.ConflictedReviewerScores);
        }

        var given = new List<ApplicationScore>();
        foreach (var score in scores)
        {
            var criterion = call.Criteria.SingleOrDefault(c => c.Id == score.CriterionId)
                ?? throw new DomainException(ApplicationRefusals.CriterionOfAnotherCall);
            if (score.Score is < 0 or > 10)
            {
                throw new DomainException(ApplicationRefusals.ScoreOutOfRange.With(criterion.Name));
            }

            if (given.Any(g => g.CriterionId == criterion.Id))
            {
                throw new DomainException(ApplicationRefusals.CriterionScoredTwice.With(criterion.Name));
            }

            given.Add(new ApplicationScore(this, reviewerUserId, criterion.Id, score.Score, Text.Optional(score.Comment, ApplicationScore.CommentMaxLength, "Commentaire", multiline: true, field: "Scores"), nowUtc));
        }

        if (given.Count != call.Criteria.Count)
        {
            throw new DomainException(ApplicationRefusals.CriteriaNotAllScored.With(call.Criteria.Count));
        }

        _scores.RemoveAll(s => s.ReviewerUserId == reviewerUserId);
        _scores.AddRange(given);
        Touch(nowUtc);
    }

    /// <summary>A reviewer declares a conflict of interest: once per application; their scores, if any, are dropped.</summary>
    public ConflictOfInterest DeclareConflict(Call call, Municipality city, long reviewerUserId, string? reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(city);
        if (city.RoleOf(reviewerUserId) is null || city.Id != MunicipalityId)
        {
            throw new DomainException(ApplicationRefusals.ReviewByStaffOnly);
        }

        if (_conflicts.Any(c => c.ReviewerUserId == reviewerUserId))
        {
            throw new DomainException(ApplicationRefusals.ConflictAlreadyDeclared);
        }

        var conflict = new ConflictOfInterest(this, reviewerUserId, Text.Required(reason, ConflictOfInterest.ReasonMaxLength, "Nature du conflit d'intérêts", multiline: true, field: "Reason"), nowUtc);
        _conflicts.Add(conflict);
        _scores.RemoveAll(s => s.ReviewerUserId == reviewerUserId);
        Touch(nowUtc);
        return conflict;
    }

    /// <summary>An admin puts the application on (or off) the short list before choosing the winners.</summary>
    public void Shortlist(Call call, Municipality city, long adminUserId, bool shortlisted, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(city);
        if (city.RoleOf(adminUserId) != StaffRole.Admin)
        {
            throw new DomainException(CallRefusals.AdminOnly);
        }

        if (call.Status != CallStatus.Review || Status != ApplicationStatus.Submitted)
        {
            throw new DomainException(ApplicationRefusals.ShortlistAfterClosingOnly);
        }

        IsShortlisted = shortlisted;
        Touch(nowUtc);
    }

    internal void Conclude(bool won, DateTime nowUtc)
    {
        Status = won ? ApplicationStatus.Selected : ApplicationStatus.NotSelected;
        DecidedAtUtc = nowUtc;
        Touch(nowUtc);
    }

    private static void EnsureAccepting(Call call, DateTime nowUtc)
    {
        if (call.Status == CallStatus.Open && nowUtc < call.OpensAtUtc)
        {
            throw new DomainException(ApplicationRefusals.CallNotYetOpen.With(Paris(call.OpensAtUtc)));
        }

        if (call.Status == CallStatus.Draft)
        {
            throw new DomainException(ApplicationRefusals.CallNotPublished);
        }

        if (call.Status == CallStatus.Cancelled)
        {
            throw new DomainException(ApplicationRefusals.CallCancelled);
        }

        if (!call.IsAcceptingApplications(nowUtc))
        {
            throw new DomainException(ApplicationRefusals.CallClosed.With(Paris(call.ClosesAtUtc)));
        }
    }

    private static string Paris(DateTime utc)
    {
        return ParisTime.ToParis(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    private void SetApplicant(Call call, HolderType type, string? organisationName, string? rna, string? siren)
    {
        if (!Enum.IsDefined(type) || type == HolderType.Municipality)
        {
            throw new DomainException(ApplicationRefusals.UnknownApplicantType);
        }

        if (!call.Accepts(type))
        {
            throw new DomainException(ApplicationRefusals.ApplicantTypeNotAccepted);
        }

        switch (type)
        {
            case HolderType.Individual:
                OrganisationName = null;
                Rna = null;
                Siren = null;
                break;
            case HolderType.Association:
                OrganisationName = Text.Required(organisationName, Project.OrganisationNameMaxLength, "Nom de l'association", field: "OrganisationName");
                Rna = FrenchIdentifiers.Rna(rna);
                Siren = string.IsNullOrWhiteSpace(siren) ? null : FrenchIdentifiers.Siren(siren);
                break;
            case HolderType.Company:
                OrganisationName = Text.Required(organisationName, Project.OrganisationNameMaxLength, "Nom de l'entreprise", field: "OrganisationName");
                Rna = null;
                Siren = FrenchIdentifiers.Siren(siren);
                break;
        }

        HolderType = type;
    }

    private void EnsureApplicantCanChange(Call call, long userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!IsBy(userId))
        {
            throw new DomainException(ApplicationRefusals.ChangeByApplicantOnly);
        }

        if (call.Id != CallId)
        {
            throw new DomainException(ApplicationRefusals.ToAnotherCall);
        }

        if (Status == ApplicationStatus.Withdrawn)
        {
            throw new DomainException(ApplicationRefusals.Withdrawn);
        }

        EnsureAccepting(call, nowUtc);
    }

    private void EnsureReviewable(Call call, Municipality city, long reviewerUserId)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(city);
        if (city.RoleOf(reviewerUserId) is null || city.Id != MunicipalityId)
        {
            throw new DomainException(ApplicationRefusals.ReviewByStaffOnly);
        }

        if (IsBy(reviewerUserId))
        {
            throw new DomainException(ApplicationRefusals.OwnApplicationScored);
        }

        if (call.Status != CallStatus.Review)
        {
            throw new DomainException(ApplicationRefusals.ScoringBeforeClosing.With(Call.Label(call.Status)));
        }

        if (Status != ApplicationStatus.Submitted)
        {
            throw new DomainException(ApplicationRefusals.ScoringNotSubmitted);
        }
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}
