using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Calls;

public enum CallStatus
{
    Draft = 1,
    Open = 2,
    Review = 3,
    Decided = 4,
    Cancelled = 5,
}

public enum CallAction
{
    Created = 1,
    Published = 2,
    Closed = 3,
    Decided = 4,
    Cancelled = 5,
}

public enum QuestionKind
{
    ShortText = 1,
    LongText = 2,
    Number = 3,
    YesNo = 4,
    File = 5,
}

/// <summary>One line of a call's history: who, when, from which state to which, and why.</summary>
public sealed class CallEvent : ITenantOwned
{
    private CallEvent()
    {
    }

    internal CallEvent(Call call, CallAction action, CallStatus from, CallStatus to, long? byUserId, string? reason, DateTime atUtc)
    {
        MunicipalityId = call.MunicipalityId;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ByUserId = byUserId;
        Reason = reason;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CallId { get; private set; }

    public CallAction Action { get; private set; }

    public CallStatus FromStatus { get; private set; }

    public CallStatus ToStatus { get; private set; }

    /// <summary>Null when the platform acted (the closing at the closing time).</summary>
    public long? ByUserId { get; private set; }

    public string? Reason { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>A question every application answers.</summary>
public sealed class CallQuestion : ITenantOwned
{
    public const int LabelMaxLength = 300;
    public const int HelpMaxLength = 1_000;
    public const int MaxPerCall = 30;

    private CallQuestion()
    {
        Label = string.Empty;
    }

    internal CallQuestion(long municipalityId, int position, string label, string? help, QuestionKind kind, bool required)
    {
        MunicipalityId = municipalityId;
        Position = position;
        Label = label;
        Help = help;
        Kind = kind;
        IsRequired = required;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CallId { get; private set; }

    public int Position { get; private set; }

    public string Label { get; private set; }

    public string? Help { get; private set; }

    public QuestionKind Kind { get; private set; }

    public bool IsRequired { get; private set; }
}

/// <summary>An evaluation criterion and its weight (the weights of a call sum to 100).</summary>
public sealed class CallCriterion : ITenantOwned
{
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 1_000;
    public const int MaxPerCall = 12;

    private CallCriterion()
    {
        Name = string.Empty;
    }

    internal CallCriterion(long municipalityId, int position, string name, string? description, int weightPercent)
    {
        MunicipalityId = municipalityId;
        Position = position;
        Name = name;
        Description = description;
        WeightPercent = weightPercent;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CallId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public int WeightPercent { get; private set; }
}

/// <summary>A question as typed by the city, before it is checked.</summary>
public sealed record QuestionTerms(string? Label, QuestionKind Kind, bool Required, string? Help = null);

/// <summary>A criterion as typed by the city, before it is checked.</summary>
public sealed record CriterionTerms(string? Name, int WeightPercent, string? Description = null);

/// <summary>
/// A call's whole draft as the back office's form says it, checked at once by <see cref="Call.Revise"/>,
/// whose refusals name the form's inputs as <see cref="CallRefusals"/> does (<c>Title</c>,
/// <c>Envelope</c>, <c>ClosesAt</c>, <c>Offer</c>, <c>Criteria</c>…).
/// </summary>
public sealed record CallDraft(
    string? Title,
    string? Description,
    ProjectCategory? Category,
    Neighbourhood? Neighbourhood,
    long EnvelopeCents,
    int WinnersCount,
    bool Individuals,
    bool Associations,
    bool Companies,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc,
    IReadOnlyList<CommitmentTerms> Offer,
    IReadOnlyList<QuestionTerms> Questions,
    IReadOnlyList<CriterionTerms> Criteria);
