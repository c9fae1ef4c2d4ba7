using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Calls;

/// <summary>The answer to one question of the call, in the field its kind uses.</summary>
public sealed class ApplicationAnswer : ITenantOwned
{
    public const int ShortTextMaxLength = 300;
    public const int LongTextMaxLength = 10_000;
    public const int FileNameMaxLength = 200;

    /// <summary>A number beyond a thousand billion is a typing error.</summary>
    public const decimal MaxNumber = 1_000_000_000_000m;

    private ApplicationAnswer()
    {
    }

    private ApplicationAnswer(CallApplication application, long questionId)
    {
        MunicipalityId = application.MunicipalityId;
        QuestionId = questionId;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ApplicationId { get; private set; }

    public long QuestionId { get; private set; }

    public string? Text { get; private set; }

    public decimal? Number { get; private set; }

    public bool? YesNo { get; private set; }

    /// <summary>For a file question: where the stored file is (the web layer checks its type and size).</summary>
    public string? FileKey { get; private set; }

    public string? FileName { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>Checks an answer against its question; null when it is empty (an unanswered question).</summary>
    internal static ApplicationAnswer? Check(CallApplication application, CallQuestion question, AnswerTerms terms)
    {
        var answer = new ApplicationAnswer(application, question.Id);
        switch (question.Kind)
        {
            case QuestionKind.ShortText:
                answer.Text = Common.Text.Optional(terms.Text, ShortTextMaxLength, question.Label, field: "Answers");
                return answer.Text is null ? null : answer;
            case QuestionKind.LongText:
                answer.Text = Common.Text.Optional(terms.Text, LongTextMaxLength, question.Label, multiline: true, field: "Answers");
                return answer.Text is null ? null : answer;
            case QuestionKind.Number:
                if (terms.Number is null)
                {
                    return null;
                }

                if (Math.Abs(terms.Number.Value) > MaxNumber)
                {
                    throw new DomainException(ApplicationRefusals.NumberTooLarge.With(question.Label));
                }

                answer.Number = terms.Number;
                return answer;
            case QuestionKind.YesNo:
                if (terms.YesNo is null)
                {
                    return null;
                }

                answer.YesNo = terms.YesNo;
                return answer;
            case QuestionKind.File:
                if (string.IsNullOrWhiteSpace(terms.FileKey))
                {
                    return null;
                }

                answer.FileKey = terms.FileKey;
                answer.FileName = Common.Text.Required(terms.FileName, FileNameMaxLength, "Nom du fichier", field: "Answers");
                answer.ContentType = Common.Text.Required(terms.ContentType, 100, "Type du fichier", field: "Answers");
                return answer;
            default:
                throw new DomainException(ApplicationRefusals.UnknownQuestionKind);
        }
    }
}

/// <summary>One reviewer's score (0 to 10) of one application on one criterion.</summary>
public sealed class ApplicationScore : ITenantOwned
{
    public const int CommentMaxLength = 2_000;

    private ApplicationScore()
    {
    }

    internal ApplicationScore(CallApplication application, long reviewerUserId, long criterionId, int score, string? comment, DateTime atUtc)
    {
        MunicipalityId = application.MunicipalityId;
        ReviewerUserId = reviewerUserId;
        CriterionId = criterionId;
        Score = score;
        Comment = comment;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ApplicationId { get; private set; }

    public long ReviewerUserId { get; private set; }

    public long CriterionId { get; private set; }

    public int Score { get; private set; }

    public string? Comment { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>A reviewer's declaration that they cannot judge an application impartially; it bars their scores.</summary>
public sealed class ConflictOfInterest : ITenantOwned
{
    public const int ReasonMaxLength = 1_000;

    private ConflictOfInterest()
    {
        Reason = string.Empty;
    }

    internal ConflictOfInterest(CallApplication application, long reviewerUserId, string reason, DateTime atUtc)
    {
        MunicipalityId = application.MunicipalityId;
        ReviewerUserId = reviewerUserId;
        Reason = reason;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ApplicationId { get; private set; }

    public long ReviewerUserId { get; private set; }

    public string Reason { get; private set; }

    public DateTime AtUtc { get; private set; }
}
