using Labelkoz.Domain.Labels;

namespace Labelkoz.Web.Features.Labels;

/// <summary>A commitment of a proposal or a label, as the back office shows it.</summary>
public sealed record CommitmentView(
    CommitmentKind Kind,
    string Description,
    long? EstimatedValueCents,
    string? Referent,
    CoFinancingMode? CoFinancing,
    long? GrantCents,
    int? MatchRatioPercent,
    long? MatchCapCents);
