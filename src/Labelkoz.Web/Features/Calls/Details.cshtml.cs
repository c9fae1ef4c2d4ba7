using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// A published call at <c>/{slug}/appels/{id}</c>: what the city looks for and offers, who may
/// apply, how applications are judged, the questions asked and the dates. After the decision, the
/// winners' public projects, never an applicant's personal data. A draft is a 404. Five SQL
/// commands at most, whatever the size of the call.
/// </summary>
public sealed class DetailsModel(AppDbContext db, TenantContext tenant, TimeProvider clock, MarkdownRenderer markdown) : PageModel
{
    public CurrentCity City => tenant.City!;

    public DateTime NowUtc { get; private set; }

    public Summary Call { get; private set; } = null!;

    public IHtmlContent Description { get; private set; } = HtmlString.Empty;

    public PublicLabelView Offer { get; private set; } = null!;

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyList<Criterion> Criteria { get; private set; } = [];

    public IReadOnlyList<Winner> Winners { get; private set; } = [];

    public bool IsAccepting => Call.Status == CallStatus.Open && NowUtc >= Call.OpensAtUtc && NowUtc < Call.ClosesAtUtc;

    public IReadOnlyList<HolderType> Eligible => CallsPublicText.Eligible(Call.AcceptsIndividuals, Call.AcceptsAssociations, Call.AcceptsCompanies);

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == id && c.Status != CallStatus.Draft)
            .Select(c => new Summary(
                c.Id,
                c.Title,
                c.Description,
                c.Category,
                db.Neighbourhoods.Where(n => n.Id == c.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
                c.BudgetEnvelopeCents,
                c.WinnersCount,
                c.AcceptsIndividuals,
                c.AcceptsAssociations,
                c.AcceptsCompanies,
                c.OpensAtUtc,
                c.ClosesAtUtc,
                c.Status,
                c.DecidedAtUtc,
                c.CancelledAtUtc,
                c.CancelReason))
            .SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        Call = call;
        Description = markdown.Render(call.Description);
        var offer = await db.Commitments.AsNoTracking()
            .Where(o => o.CallId == id)
            .OrderBy(o => o.Position)
            .Select(o => new LabelCommitmentView(o.Kind, o.Description, o.EstimatedValueCents, o.CoFinancing, o.GrantCents, o.MatchRatioPercent, o.MatchCapCents))
            .ToListAsync(cancellationToken);
        Offer = new PublicLabelView(default, null, null, null, null, offer);
        Questions = await db.CallQuestions.AsNoTracking()
            .Where(q => q.CallId == id)
            .OrderBy(q => q.Position)
            .Select(q => new Question(q.Label, q.Help, q.Kind, q.IsRequired))
            .ToListAsync(cancellationToken);
        Criteria = await db.CallCriteria.AsNoTracking()
            .Where(c => c.CallId == id)
            .OrderBy(c => c.Position)
            .Select(c => new Criterion(c.Name, c.Description, c.WeightPercent))
            .ToListAsync(cancellationToken);
        if (call.Status == CallStatus.Decided)
        {
            // Only the projects the public may see: a project the city has hidden is not linked.
            Winners = await db.Projects.AsNoTracking()
                .ThatArePublic()
                .Where(p => p.CallId == id)
                .OrderBy(p => p.Title)
                .Select(p => new Winner(p.Id, p.Title))
                .ToListAsync(cancellationToken);
        }

        return Page();
    }

    public sealed record Summary(
        long Id,
        string Title,
        string? Description,
        ProjectCategory? Category,
        string? NeighbourhoodName,
        long BudgetEnvelopeCents,
        int WinnersCount,
        bool AcceptsIndividuals,
        bool AcceptsAssociations,
        bool AcceptsCompanies,
        DateTime OpensAtUtc,
        DateTime ClosesAtUtc,
        CallStatus Status,
        DateTime? DecidedAtUtc,
        DateTime? CancelledAtUtc,
        string? CancelReason);

    public sealed record Question(string Label, string? Help, QuestionKind Kind, bool IsRequired);

    public sealed record Criterion(string Name, string? Description, int WeightPercent);

    public sealed record Winner(long Id, string Title);
}
