using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Labels;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// A submitted project as the city's staff read it: the dossier (what the holder entered, its
/// figures and its whole history) and the review panel (who follows it, notes, thread, decisions).
/// Two SQL round trips, whatever the size of the history.
/// </summary>
public static class ProjectDossier
{
    public static Task<Dossier?> ProjectDossierAsync(this AppDbContext db, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Projects.AsNoTracking()
            .Where(p => p.Id == id && p.SubmittedAtUtc != null)
            .Select(p => new Dossier(
                p.Id,
                p.Title,
                p.Summary,
                p.Description,
                p.Status,
                p.Category,
                db.Neighbourhoods.Where(n => n.Id == p.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
                p.Address,
                p.Latitude,
                p.Longitude,
                p.HolderType,
                p.OrganisationName,
                p.Rna,
                p.Siren,
                db.Users.Where(u => u.Id == p.HolderUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                db.Users.Where(u => u.Id == p.HolderUserId).Select(u => u.Email).FirstOrDefault(),
                p.CreatedAtUtc,
                p.SubmittedAtUtc!.Value,
                p.PublishedAtUtc,
                p.HiddenAtUtc,
                p.HiddenReason,
                p.Version,
                p.AssignedStaffUserId == null ? null : db.Users.Where(u => u.Id == p.AssignedStaffUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.ReceiptIssuer,
                db.Campaigns.Where(c => c.ProjectId == p.Id).Select(c => (long?)c.Id).FirstOrDefault(),
                db.Campaigns.Where(c => c.ProjectId == p.Id).Select(c => (CampaignStatus?)c.Status).FirstOrDefault(),
                db.TaxReceipts.Count(r => db.Campaigns.Any(c => c.Id == r.CampaignId && c.ProjectId == p.Id) && r.Status == TaxReceiptStatus.Issued),
                db.ProjectSupports.Count(s => s.ProjectId == p.Id),
                db.ProjectFollows.Count(f => f.ProjectId == p.Id),
                db.Comments.Count(c => c.ProjectId == p.Id && c.State == CommentState.Visible),
                db.Comments.Count(c => c.ProjectId == p.Id && (c.State == CommentState.Pending || (c.State == CommentState.Visible && c.OpenReportCount > 0))),
                p.BudgetLines.OrderBy(b => b.Position).Select(b => new BudgetRow(b.Label, b.AmountCents)).ToList(),
                p.RequestedSupports.OrderBy(s => s.Id).Select(s => new SupportRow(s.Kind, s.Details)).ToList(),
                p.Images.OrderBy(i => i.Position).Select(i => new ImageRow(i.Id, i.AltText)).ToList(),
                p.History.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                    .Select(e => new EventRow(
                        e.Action,
                        e.FromStatus,
                        e.ToStatus,
                        e.ByUserId == null ? null : db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                        e.Reason,
                        e.AtUtc,
                        e.IsPublic))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
    }

    public static Task<ReviewPanel> ReviewPanelAsync(this AppDbContext db, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Projects.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new ReviewPanel(
                p.AssignedStaffUserId,
                db.Users.Where(u => u.Id == p.AssignedStaffUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.Notes.OrderByDescending(n => n.AtUtc).ThenByDescending(n => n.Id)
                    .Select(n => new NoteRow(n.Id, db.Users.Where(u => u.Id == n.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault(), n.Body, n.AtUtc))
                    .ToList(),
                p.Messages.OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
                    .Select(m => new MessageRow(m.Id, m.Side, db.Users.Where(u => u.Id == m.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault(), m.Body, m.AtUtc))
                    .ToList(),
                p.Decisions.OrderBy(d => d.ProposedAtUtc).ThenBy(d => d.Id)
                    .Select(d => new DecisionRow(
                        d.Id,
                        d.Kind,
                        d.State,
                        db.Users.Where(u => u.Id == d.ProposedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                        d.ProposedAtUtc,
                        db.Users.Where(u => u.Id == d.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                        d.DecidedAtUtc,
                        d.PublicReason,
                        d.RejectionNote,
                        d.ValidUntil,
                        d.Conditions,
                        d.RevokedAtUtc,
                        db.Users.Where(u => u.Id == d.RevokedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                        d.RevokedReason,
                        d.Commitments.OrderBy(c => c.Position)
                            .Select(c => new CommitmentView(
                                c.Kind,
                                c.Description,
                                c.EstimatedValueCents,
                                db.Users.Where(u => u.Id == c.ReferentUserId).Select(u => u.DisplayName).FirstOrDefault(),
                                c.CoFinancing,
                                c.GrantCents,
                                c.MatchRatioPercent,
                                c.MatchCapCents))
                            .ToList()))
                    .ToList()))
            .AsSplitQuery()
            .SingleAsync(cancellationToken);
    }
}

public sealed record Dossier(
    long Id,
    string Title,
    string? Summary,
    string? Description,
    ProjectStatus Status,
    ProjectCategory? Category,
    string? Neighbourhood,
    string? Address,
    double? Latitude,
    double? Longitude,
    HolderType HolderType,
    string? OrganisationName,
    string? Rna,
    string? Siren,
    string HolderName,
    string? HolderEmail,
    DateTime CreatedAtUtc,
    DateTime SubmittedAtUtc,
    DateTime? PublishedAtUtc,
    DateTime? HiddenAtUtc,
    string? HiddenReason,
    long Version,
    string? Assignee,
    ReceiptIssuer? ReceiptIssuer,
    long? CampaignId,
    CampaignStatus? CampaignStatus,
    int ReceiptsInForce,
    int Supports,
    int Followers,
    int VisibleComments,
    int CommentsToModerate,
    List<BudgetRow> Budget,
    List<SupportRow> RequestedSupport,
    List<ImageRow> Images,
    List<EventRow> History)
{
    public bool IsHidden => HiddenAtUtc is not null;

    public bool IsPublic => Domain.Projects.Project.IsPublicFrom(PublishedAtUtc, HiddenAtUtc, Status);

    public bool AwaitsPublication => PublishedAtUtc is null;

    public bool MayGiveReceipts => Domain.Projects.Project.MayGiveTaxReceipts(HolderType);

    public long BudgetTotalCents => Budget.Sum(b => b.AmountCents);
}

public sealed record BudgetRow(string Label, long AmountCents);

public sealed record SupportRow(CommitmentKind Kind, string? Details);

public sealed record ImageRow(long Id, string AltText);

public sealed record EventRow(ProjectAction Action, ProjectStatus From, ProjectStatus To, string? By, string? Reason, DateTime AtUtc, bool IsPublic);

public sealed record ReviewPanel(
    long? AssigneeId,
    string? Assignee,
    List<NoteRow> Notes,
    List<MessageRow> Messages,
    List<DecisionRow> Decisions)
{
    public DecisionRow? PendingProposal => Decisions.LastOrDefault(d => d.State == DecisionState.Proposed);

    /// <summary>The confirmed label, revoked or not.</summary>
    public DecisionRow? Label => Decisions.LastOrDefault(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed);

    public DecisionRow? Refusal => Decisions.LastOrDefault(d => d.Kind == DecisionKind.Decline && d.State == DecisionState.Confirmed);
}

public sealed record NoteRow(long Id, string? Author, string Body, DateTime AtUtc);

public sealed record MessageRow(long Id, MessageAuthorSide Side, string? Author, string Body, DateTime AtUtc);

public sealed record DecisionRow(
    long Id,
    DecisionKind Kind,
    DecisionState State,
    string ProposedBy,
    DateTime ProposedAtUtc,
    string? DecidedBy,
    DateTime? DecidedAtUtc,
    string? PublicReason,
    string? RejectionNote,
    DateOnly? ValidUntil,
    string? Conditions,
    DateTime? RevokedAtUtc,
    string? RevokedBy,
    string? RevokedReason,
    List<CommitmentView> Commitments);
