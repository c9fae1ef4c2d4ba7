using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Payments.Operator;

/// <summary>
/// The processors' events the funding job could not apply: those set aside after failing
/// <c>Funding:MaxEventFailures</c> times in a row (the operator retries them or settles them by
/// hand on their own page, <see cref="PaymentEventModel"/>), then those failing and still tried.
/// Nothing else waits for them. Then the disputes still open. Three SQL commands to show, whatever
/// their number.
/// </summary>
public sealed class PaymentEventsModel(AppDbContext db) : PageModel
{
    public const string Path = "/operateur/paiements";
    public const int Shown = 200;

    public IReadOnlyList<PaymentEventRow> SetAside { get; private set; } = [];

    public IReadOnlyList<PaymentEventRow> Retrying { get; private set; } = [];

    /// <summary>Payments disputed by their cardholder and not decided yet (ADR 17).</summary>
    public IReadOnlyList<DisputeRow> Disputes { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>"Trouver une contribution": its number, to refund it.</summary>
    [BindProperty(SupportsGet = true, Name = "contribution")]
    public long? ContributionNumber { get; set; }

    public bool ContributionNotFound { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ContributionNumber is { } number)
        {
            if (await db.Contributions.AnyAsync(c => c.Id == number, cancellationToken))
            {
                return Redirect(Funding.FundingAdminPaths.OperatorRefund(number));
            }

            ContributionNotFound = true;
        }

        SetAside = await PaymentEventRow.Query(db, db.PaymentEvents.AsNoTracking()
                .Where(e => e.ProcessedAtUtc == null && e.SetAsideAtUtc != null)
                .OrderBy(e => e.SetAsideAtUtc).ThenBy(e => e.Id).Take(Shown))
            .ToListAsync(cancellationToken);
        Retrying = await PaymentEventRow.Query(db, db.PaymentEvents.AsNoTracking()
                .Where(e => e.ProcessedAtUtc == null && e.SetAsideAtUtc == null && e.Failures > 0)
                .OrderBy(e => e.AvailableAtUtc).ThenBy(e => e.Id).Take(Shown))
            .ToListAsync(cancellationToken);
        Disputes = await (
                from c in db.Contributions.AsNoTracking()
                where c.Dispute == DisputeState.Open
                join campaign in db.Campaigns on c.CampaignId equals campaign.Id
                join p in db.Projects on campaign.ProjectId equals p.Id
                join m in db.Municipalities on c.MunicipalityId equals m.Id
                orderby c.DisputeOpenedAtUtc, c.Id
                select new DisputeRow(c.Id, c.Provider, c.DisputeId!, c.DisputedCents, c.AmountCents, c.DisputeOpenedAtUtc!.Value, m.Name, m.Slug, p.Id, p.Title, campaign.Status))
            .Take(Shown)
            .ToListAsync(cancellationToken);
        return Page();
    }
}

/// <summary>An open dispute: the contribution, its processor's dispute id, the amount held back, where it belongs.</summary>
public sealed record DisputeRow(
    long ContributionId,
    PaymentProvider Provider,
    string DisputeId,
    long DisputedCents,
    long AmountCents,
    DateTime OpenedAtUtc,
    string CityName,
    string CitySlug,
    long ProjectId,
    string ProjectTitle,
    CampaignStatus CampaignStatus);

/// <summary>One processor's event as the operator reads it, with the contribution, city and project it concerns when the platform knows them.</summary>
public sealed record PaymentEventRow(
    long Id,
    long Version,
    PaymentProvider Provider,
    string EventId,
    PaymentEventType Type,
    string PaymentId,
    string? RefundId,
    DateTime ReceivedAtUtc,
    DateTime AvailableAtUtc,
    DateTime? ProcessedAtUtc,
    DateTime? SetAsideAtUtc,
    int Failures,
    int Attempts,
    string? LastError,
    DateTime? LastFailedAtUtc,
    string? Outcome,
    string? ResolutionNote,
    string? ResolvedBy,
    long? ContributionId,
    long? AmountCents,
    long? CityId,
    string? CityName,
    string? CitySlug,
    long? ProjectId,
    string? ProjectTitle)
{
    public PaymentEventState State => PaymentEvent.StateOf(ProcessedAtUtc, SetAsideAtUtc);

    /// <summary>The rows of <paramref name="events"/>, each with what it concerns, in one SQL command.</summary>
    public static IQueryable<PaymentEventRow> Query(AppDbContext db, IQueryable<PaymentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contributions = db.Contributions.IgnoreQueryFilters();
        var campaigns = db.Campaigns.IgnoreQueryFilters();
        var projects = db.Projects.IgnoreQueryFilters();
        return from e in events
               join contribution in contributions on new { e.Provider, PaymentId = (string?)e.PaymentId } equals new { contribution.Provider, PaymentId = contribution.ProviderPaymentId } into concerned
               from c in concerned.DefaultIfEmpty()
               select new PaymentEventRow(
                   e.Id,
                   e.Version,
                   e.Provider,
                   e.EventId,
                   e.Type,
                   e.PaymentId,
                   e.RefundId,
                   e.ReceivedAtUtc,
                   e.AvailableAtUtc,
                   e.ProcessedAtUtc,
                   e.SetAsideAtUtc,
                   e.Failures,
                   e.Attempts,
                   e.LastError,
                   e.LastFailedAtUtc,
                   e.Outcome,
                   e.ResolutionNote,
                   db.Users.Where(u => u.Id == e.ResolvedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                   c == null ? null : (long?)c.Id,
                   c == null ? null : (long?)c.AmountCents,
                   c == null ? null : (long?)c.MunicipalityId,
                   db.Municipalities.Where(m => m.Id == c!.MunicipalityId).Select(m => m.Name).FirstOrDefault(),
                   db.Municipalities.Where(m => m.Id == c!.MunicipalityId).Select(m => m.Slug).FirstOrDefault(),
                   campaigns.Where(x => x.Id == c!.CampaignId).Select(x => (long?)x.ProjectId).FirstOrDefault(),
                   campaigns.Where(x => x.Id == c!.CampaignId).Select(x => projects.Where(p => p.Id == x.ProjectId).Select(p => p.Title).FirstOrDefault()).FirstOrDefault());
    }
}
